import type { Tx } from "@/lib/commands/run";

/**
 * The one account that stands for every deleted one in the audit log: its id is the only new
 * actor the append-only trigger accepts (prisma/migrations/…_account_data). It cannot sign in
 * (no password hash verifies), belongs to nothing and holds no role.
 */
export const TOMBSTONE_USER_ID = "dead0000-0000-4000-8000-000000000000";

/** What replaces a deleted person's name in the log and in others' notices (as for hidden titles). */
export const REDACTED = "[…]";

/** Created the first time someone leaves, so an empty database has no account nobody made. */
export async function ensureTombstone(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "User" (id, name, email, "passwordHash", "preferredLocale", "updatedAt")
    VALUES (${TOMBSTONE_USER_ID}::uuid, ${REDACTED}, 'deleted-account@puente.invalid', '!', 'es', now())
    ON CONFLICT (id) DO NOTHING`;
}
