import { createHash } from "node:crypto";
import { locales } from "@/i18n/routing";
import { refuse, type Refusal } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/rate-limit/consume";

const FIFTEEN_MINUTES = 15 * 60;
const ONE_HOUR = 60 * 60;
const ONE_DAY = 24 * 60 * 60;

export const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex");

/** A reset link works for one hour. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/**
 * Signing up and asking for a reset link are open to everyone, signed in or not: the rate
 * limits below, and the mailbox the link goes to, are what stand between them and abuse.
 */
export const openToEveryone = (): Refusal | null => null;

/** Unknown, used, expired and malformed reset links all get this one answer. */
export const invalidResetLink = (): Refusal => refuse.conflict("auth.resetLinkInvalid");

/** A reset form whose token cannot be one we sent is refused before anything else is read. */
export const resetLinkRefusal = (token: string | null): Refusal | null => (token ? null : invalidResetLink());

/** Addresses come from a header anyone can set: keep keys short and free of odd characters. */
function addressKey(address: string): string {
  return /^[0-9A-Fa-f.:]{1,45}$/.test(address) ? address : sha256Hex(address);
}

/**
 * Failed sign-ins that refuse, across every app server: 5 for one account from one address and
 * 20 from one address, every 15 minutes. None is per account alone: then anyone could lock
 * the owner out (signInAccountRule slows instead).
 */
export function signInRules(email: string, address: string): RateLimitRule[] {
  return [
    { key: `signin:account-address:${sha256Hex(email)}:${addressKey(address)}`, limit: 5, windowSeconds: FIFTEEN_MINUTES },
    { key: `signin:address:${addressKey(address)}`, limit: 20, windowSeconds: FIFTEEN_MINUTES },
  ];
}

/** Failed sign-ins for one account from every address, counted for signInDelayMs; `limit` is where the delay starts. */
export function signInAccountRule(email: string): RateLimitRule {
  return { key: `signin:account:${sha256Hex(email)}`, limit: 5, windowSeconds: FIFTEEN_MINUTES };
}

export const MAX_SIGN_IN_DELAY_MS = 4000;

/**
 * How long a sign-in to an account under attack waits before the password is checked: nothing
 * for the first failures, then 250 ms doubling with each failure up to 4 s. It costs a guesser
 * from many addresses time and costs the owner at most a few seconds, never the account.
 */
export function signInDelayMs(accountFailures: number): number {
  const over = accountFailures - signInAccountRule("").limit;
  return over < 0 ? 0 : Math.min(250 * 2 ** over, MAX_SIGN_IN_DELAY_MS);
}

/** Reset links: 3 per account and 10 per address an hour, so nobody floods an inbox. */
export function passwordResetRules(email: string, address: string): RateLimitRule[] {
  return [
    { key: `reset:account:${sha256Hex(email)}`, limit: 3, windowSeconds: ONE_HOUR },
    { key: `reset:address:${addressKey(address)}`, limit: 10, windowSeconds: ONE_HOUR },
  ];
}

/** Sign-ups: 10 an hour per address. */
export function signUpRules(address: string): RateLimitRule[] {
  return [{ key: `signup:address:${addressKey(address)}`, limit: 10, windowSeconds: ONE_HOUR }];
}

/** "Someone tried to sign up with your address" notices: at most 3 a day per account. */
export function duplicateNoticeRules(email: string): RateLimitRule[] {
  return [{ key: `signup:notice:${sha256Hex(email)}`, limit: 3, windowSeconds: ONE_DAY }];
}

const LOCALE_PREFIX = new RegExp(`^/(?:${locales.join("|")})/`);
const UNSAFE_CHARACTERS = /[\\\s\u0000-\u001f\u007f]/;
const BASE = "http://puente.invalid";

/**
 * Where to go after signing in: only a path inside the portal ("/<locale>/…"). Anything else
 * ("//evil.com", "https://evil.com", "/\evil.com", odd characters) is refused with `null`.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 512) return null;
  if (!LOCALE_PREFIX.test(value) || UNSAFE_CHARACTERS.test(value)) return null;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE || !LOCALE_PREFIX.test(url.pathname)) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
