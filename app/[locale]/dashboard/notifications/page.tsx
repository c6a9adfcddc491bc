import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { NotificationText } from "@/components/notifications/notification-text";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { cx } from "@/components/ui/cx";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { listNotifications } from "@/lib/notifications/queries";
import { parsePage } from "@/lib/organizations/schemas";
import { markNotificationsReadAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "notifications" });
  return { title: t("title"), robots: { index: false } };
}

/** The signed-in user's notifications, newest first; unread ones stand out and can be marked read. */
export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const query = await searchParams;
  const actor = await requireSignedIn(locale, "/dashboard/notifications");
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const list = await listNotifications(actor, parsePage(query.page));

  const markAll =
    list.unread > 0 ? (
      <ActionForm action={markNotificationsReadAction} successMessage={t("markedAll")} className="flex flex-col items-end gap-2" aria-label={t("markAll")}>
        <Button variant="secondary" pendingLabel={t("working")}>
          {t("markAll")}
        </Button>
      </ActionForm>
    ) : null;

  return (
    <>
      <PageHeader title={t("title")} lead={t("unreadSummary", { count: list.unread })} actions={markAll} />
      {list.items.length === 0 ? (
        <EmptyState title={t("empty")}>
          <p>{t("emptyHint")}</p>
        </EmptyState>
      ) : (
        <ol aria-label={t("listLabel")} className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {list.items.map((n) => {
            const unread = n.readAt === null;
            return (
              <li key={n.id} className={cx("flex flex-wrap items-start justify-between gap-3 px-4 py-3", unread && "border-l-4 border-blue-800 bg-blue-50")}>
                <div className="min-w-0 flex-1 space-y-1">
                  <p className={cx("break-words text-slate-950", unread && "font-semibold")}>
                    {unread ? (
                      <span className="mr-2">
                        <Badge tone="info">{t("new")}</Badge>
                      </span>
                    ) : null}
                    <NotificationText kind={n.kind} data={n.data} />
                  </p>
                  <p className="text-sm text-slate-700">
                    <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, "long")}</time>
                  </p>
                </div>
                {unread ? (
                  <ActionForm action={markNotificationsReadAction} className="shrink-0">
                    <input type="hidden" name="ids" value={n.id} />
                    <Button variant="link" pendingLabel={t("working")}>
                      {t("markOne")}
                    </Button>
                  </ActionForm>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} pathname="/dashboard/notifications" />
    </>
  );
}
