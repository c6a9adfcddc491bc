import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export type NotificationItem = {
  id: string;
  kind: string;
  data: unknown;
  readAt: Date | null;
  createdAt: Date;
};

/**
 * The actor's notifications, newest first, 20 a page, with how many are unread. Three queries
 * run together (page, total, unread), whatever the number of notifications.
 */
export async function listNotifications(actor: Actor, page = 1, pageSize = NOTIFICATIONS_PAGE_SIZE) {
  const safePage = Math.max(1, Math.floor(page) || 1);
  const where = { userId: actor.userId };
  const [items, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, data: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where }),
    countUnread(actor),
  ]);
  return {
    items: items as NotificationItem[],
    total,
    unread,
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Unread notifications of the actor (0 for a visitor); uses the (userId, readAt, createdAt) index. */
export async function countUnread(actor: Actor | null): Promise<number> {
  if (!actor) return 0;
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
