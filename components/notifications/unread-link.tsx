import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getCurrentActor } from "@/lib/auth/session";
import { logError } from "@/lib/log";
import { countUnread } from "@/lib/notifications/queries";

/**
 * "Notifications" with the number of unread ones, for the header. Nothing for a visitor.
 * Pass the actor when the caller has it; otherwise it is read (cached per request).
 */
export async function UnreadNotificationsLink({ actor, className }: { actor?: Actor | null; className?: string }) {
  const viewer = actor === undefined ? await getCurrentActor() : actor;
  if (!viewer) return null;
  const t = await getTranslations("notifications");
  // In the header, above every error boundary: a failed count shows the link without a number.
  const unread = await countUnread(viewer).catch((error: unknown) => {
    logError("notifications.unread", error);
    return 0;
  });
  return (
    <Link href="/dashboard/notifications" className={className ?? "inline-flex items-center gap-1.5 font-medium"}>
      {t("link")}
      {unread > 0 ? (
        <>
          <span aria-hidden="true" className="rounded-full bg-red-800 px-2 py-0.5 text-sm font-semibold leading-none text-white">
            {unread > 99 ? "99+" : unread}
          </span>
          <span className="sr-only">{t("unreadCount", { count: unread })}</span>
        </>
      ) : null}
    </Link>
  );
}
