import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { UNKNOWN_ADDRESS } from "@/lib/rate-limit/client-address";
import type { RateLimitRule } from "@/lib/rate-limit/consume";

// Reporters' addresses are never stored, not even in the rate-limit table: a counter keyed on
// the address would say that someone at that address filed or opened a report that day. The
// key is an HMAC of the address under a secret derived from AUTH_SECRET and the UTC day, so a
// row of RateLimitCounter reveals nothing on its own (IPv4 is small enough to hash every
// address, but not without the secret), yesterday's keys cannot be linked to today's, and old
// windows are deleted within a day (lib/rate-limit/consume.ts). Every app server shares
// AUTH_SECRET, so they all count the same key.

function daySecret(now: Date): Buffer {
  return createHmac("sha256", authSecret()).update(`monitoring-rate-limit:${now.toISOString().slice(0, 10)}`).digest();
}

/** An opaque, day-bound name for an address (32 hex characters). */
export function addressKey(address: string | undefined, now: Date): string {
  return createHmac("sha256", daySecret(now))
    .update(address ?? UNKNOWN_ADDRESS)
    .digest("hex")
    .slice(0, 32);
}

/** Filing: a person files a handful of reports at most; a script files hundreds. Counted on success. */
export function filingRules(address: string | undefined, now: Date): RateLimitRule[] {
  const key = addressKey(address, now);
  return [
    { key: `monitoring.file:${key}`, limit: 5, windowSeconds: 3600 },
    { key: `monitoring.file-day:${key}`, limit: 20, windowSeconds: 86_400 },
  ];
}

/**
 * Every use of a receipt code (reading, answering, erasing) shares one counter, counted on every
 * attempt: 120-bit codes cannot be guessed anyway, but trying costs a database read.
 */
export function receiptRules(address: string | undefined, now: Date): RateLimitRule[] {
  return [{ key: `monitoring.receipt:${addressKey(address, now)}`, limit: 30, windowSeconds: 900 }];
}
