import type { Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/rate-limit/consume";

/** A download link works for seven days after the archive is requested. */
export const ARCHIVE_TTL_DAYS = 7;
export const ARCHIVE_TTL_MS = ARCHIVE_TTL_DAYS * 24 * 60 * 60 * 1000;

/** A person manages only their own account; a visitor has none. */
export const managesOwnAccount = ({ actor }: { actor: Actor | null }): Refusal | null => (actor ? null : refuse.notSignedIn());

/**
 * Who may download an archive: its owner, once ready and before it expires. Anyone else's (or an
 * unknown id) is "not found", so ids of other people's archives tell nothing.
 */
export function archiveDownloadRefusal(actor: Actor | null, archive: { userId: string; status: string; expiresAt: Date } | null, now: Date): Refusal | null {
  if (!actor) return refuse.notSignedIn();
  if (!archive || archive.userId !== actor.userId) return refuse.notFound();
  if (archive.status !== "READY" || archive.expiresAt <= now) return refuse.notFound();
  return null;
}

/** What stands in the way of leaving: organizations the person is the last admin of, and the last site admin. */
export type DeletionBlockers = { lastAdminOf: string[]; lastSiteAdmin: boolean };

/** Leaving is refused while someone must be handed over to first (the page says the same, before the form). */
export function deletionRefusal(blockers: DeletionBlockers): Refusal | null {
  if (blockers.lastSiteAdmin) return refuse.conflict("accountData.lastSiteAdmin");
  if (blockers.lastAdminOf.length > 0) return refuse.conflict("accountData.lastOrganizationAdmin", { organizations: blockers.lastAdminOf.join(", ") });
  return null;
}

/** The password typed again must be the account's: a wrong one is an error on that field. */
export const passwordRefusal = (passwordMatches: boolean): Refusal | null => (passwordMatches ? null : refuse.field("password", "accountData.wrongPassword"));

const ONE_DAY = 24 * 60 * 60;
const FIFTEEN_MINUTES = 15 * 60;

/** Archives: 5 a day per person (each reads everything they have). */
export function archiveRequestRules(userId: string): RateLimitRule[] {
  return [{ key: `accountData:archive:${userId}`, limit: 5, windowSeconds: ONE_DAY }];
}

/** Passwords typed to delete an account: 5 tries every 15 minutes, so a borrowed session cannot guess. */
export function deletionPasswordRules(userId: string): RateLimitRule[] {
  return [{ key: `accountData:delete:${userId}`, limit: 5, windowSeconds: FIFTEEN_MINUTES }];
}
