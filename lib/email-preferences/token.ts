import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import type { EmailCategory } from "@/lib/generated/prisma/enums";
import { EMAIL_CATEGORIES } from "./categories";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(payload: string): Buffer {
  // A purpose prefix, so this MAC can never stand for another use of the same secret.
  return createHmac("sha256", authSecret()).update(`puente.unsubscribe\n${payload}`).digest();
}

/**
 * The one-click unsubscribe token of a person and a category: `<user>.<category>.<HMAC>`, the
 * HMAC over both with the app's secret. Nothing is stored: the token is checked by recomputing
 * it. It never expires (an old email's link keeps working); a new AUTH_SECRET voids them all.
 */
export function unsubscribeToken(userId: string, category: EmailCategory): string {
  const payload = `${userId}.${category}`;
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** The person and category of a genuine token; null for anything else (tampered, truncated, foreign). */
export function readUnsubscribeToken(token: string): { userId: string; category: EmailCategory } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, category, signature] = parts;
  if (!UUID.test(userId) || !(EMAIL_CATEGORIES as readonly string[]).includes(category)) return null;
  // Compared as text: base64url decoding would overlook stray characters.
  const expected = Buffer.from(mac(`${userId}.${category}`).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, category: category as EmailCategory };
}
