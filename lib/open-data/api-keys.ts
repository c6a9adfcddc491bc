import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

// A partner's API key: "pk_" and 32 random bytes. Only its SHA-256 is stored; the key itself is
// shown once to the admin who made it. A key raises the rate limits and never gives more data.

export const API_KEY_PATTERN = /^pk_[A-Za-z0-9_-]{43}$/;

export const newApiKey = (): string => `pk_${randomBytes(32).toString("base64url")}`;

export const hashApiKey = (key: string): string => createHash("sha256").update(key).digest("hex");

/** What an admin sees of a key: enough to tell keys apart, never enough to use one. */
export const keyPrefix = (key: string): string => key.slice(0, 10);

/** The key's id when it exists and is not revoked; null otherwise. */
export async function findActiveApiKey(key: string): Promise<string | null> {
  if (!API_KEY_PATTERN.test(key)) return null;
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) }, select: { id: true, revokedAt: true } });
  return row && !row.revokedAt ? row.id : null;
}
