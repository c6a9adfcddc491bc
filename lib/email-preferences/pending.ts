import { createHash } from "node:crypto";
import type { Tx } from "@/lib/commands/run";
import type { EmailCadence, EmailCategory } from "@/lib/generated/prisma/enums";
import { localeOr } from "@/i18n/routing";
import { categoryOf, EMAILED_KINDS } from "./categories";
import { withDefaults } from "./queries";
import type { EmailedNotification, Recipient } from "./render";

/** How far back a run looks: a day for "immediately" and daily, a week (and a day) for weekly. */
const LOOK_BACK_DAYS: Record<Exclude<EmailCadence, "NEVER">, number> = { IMMEDIATELY: 1, DAILY: 2, WEEKLY: 8 };
/** Notifications read per run; the rest wait for the next run. */
const BATCH = 5_000;

export type PendingGroup = { recipient: Recipient; category: EmailCategory; notifications: EmailedNotification[] };

/**
 * The notifications to email now for people whose choice for their category is `cadence`:
 * never emailed before (no NotificationEmail row: nothing is sent twice), not yet read in the
 * app (already seen), recent enough; grouped by person and category. Rows are locked (SKIP
 * LOCKED), so two runs at once split the work instead of both sending it.
 */
export async function pendingNotifications(tx: Tx, cadence: Exclude<EmailCadence, "NEVER">, now: Date): Promise<PendingGroup[]> {
  const since = new Date(now.getTime() - LOOK_BACK_DAYS[cadence] * 86_400_000);
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT n.id::text FROM "Notification" n
    WHERE n."readAt" IS NULL AND n."createdAt" >= ${since} AND n."createdAt" <= ${now} AND n.kind = ANY(${EMAILED_KINDS}::text[])
      AND NOT EXISTS (SELECT 1 FROM "NotificationEmail" e WHERE e."notificationId" = n.id)
    ORDER BY n."createdAt" LIMIT ${BATCH} FOR UPDATE OF n SKIP LOCKED`;
  if (locked.length === 0) return [];
  const rows = await tx.notification.findMany({
    where: { id: { in: locked.map((r) => r.id) } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      data: true,
      createdAt: true,
      user: { select: { id: true, email: true, preferredLocale: true, emailPreferences: { select: { category: true, cadence: true } } } },
    },
  });
  const groups = new Map<string, PendingGroup>();
  for (const row of rows) {
    const category = categoryOf(row.kind);
    if (!category || withDefaults(row.user.emailPreferences)[category] !== cadence) continue;
    const key = `${row.user.id}:${category}`;
    let group = groups.get(key);
    if (!group) {
      group = { recipient: { userId: row.user.id, email: row.user.email, locale: localeOr(row.user.preferredLocale) }, category, notifications: [] };
      groups.set(key, group);
    }
    group.notifications.push({ id: row.id, kind: row.kind, data: row.data, createdAt: row.createdAt });
  }
  return [...groups.values()];
}

/** A digest's idempotency key: the person, the category and the notifications it carries. */
export function digestKey(group: PendingGroup, cadence: EmailCadence): string {
  const ids = group.notifications.map((n) => n.id).sort().join(",");
  return `digest:${group.recipient.userId}:${group.category}:${cadence}:${createHash("sha256").update(ids).digest("base64url")}`;
}
