import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { canManageApiKeys } from "./policy";

/** The keys an admin lists: partner, first characters, dates. Never the hash. Null for anyone else. */
export async function listApiKeys(actor: Actor | null) {
  if (!canManageApiKeys(actor)) return null;
  return db.apiKey.findMany({ orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], take: 200, select: { id: true, partner: true, prefix: true, createdAt: true, revokedAt: true } });
}
