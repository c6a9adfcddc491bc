import type { Tx } from "@/lib/commands/run";
import type { FollowSubject, Locale } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notify } from "@/lib/notifications/notify";

/**
 * Tells the followers of one item, in the caller's transaction, each in their language: `data`
 * gives what a reader of that locale gets (null: nothing to say in it). `except` are the people
 * already told by the caller (authors, registrants, contributors) and the actor: each person
 * hears once, never of their own deed. Not a command: it decides nothing. Returns how many were told.
 */
export async function notifyFollowers(
  tx: Tx,
  follow: { subject: FollowSubject; key: string },
  kind: NotificationKind,
  data: (locale: Locale) => Prisma.InputJsonObject | null,
  except: Iterable<string | null | undefined>,
): Promise<number> {
  const skip = new Set([...except].filter((id): id is string => typeof id === "string"));
  const followers = await tx.follow.findMany({
    where: { subject: follow.subject, key: follow.key, userId: { notIn: [...skip] } },
    select: { userId: true, user: { select: { preferredLocale: true } } },
  });
  const byLocale = new Map<Locale, string[]>();
  for (const f of followers) byLocale.set(f.user.preferredLocale, [...(byLocale.get(f.user.preferredLocale) ?? []), f.userId]);
  let sent = 0;
  for (const [locale, userIds] of byLocale) {
    const value = data(locale);
    if (value) sent += await notify(tx, { userIds, kind, data: value });
  }
  return sent;
}
