import type { Actor } from "@/lib/auth/actor";

/** Every signed-in person reads (and marks as read) their own notifications, and only those. */
export const canReadNotifications = (actor: Actor | null): actor is Actor => !!actor;
