import { defineCommand, requires } from "@/lib/commands/run";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canReadNotifications } from "../policy";
import { markNotificationsReadSchema } from "../schemas";

/**
 * Marks the actor's notifications as read: the ones named in `ids`, or all of them. Only the
 * actor's own unread rows are touched (an id of someone else's notification changes nothing; an
 * earlier reading date stays). Returns how many changed.
 */
export const markNotificationsRead = defineCommand({
  name: "notifications.markRead",
  input: markNotificationsReadSchema,
  actor: "required",
  allow: requires(canReadNotifications),
  async work({ tx, input, actor, now }) {
    const where: Prisma.NotificationWhereInput = { userId: actor.userId, readAt: null };
    if (input.ids) where.id = { in: input.ids };
    const result = await tx.notification.updateMany({ where, data: { readAt: now } });
    return result.count;
  },
  // The unread count shows in the header of every page.
  invalidates: ["everything"],
});
