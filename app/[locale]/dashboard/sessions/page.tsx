import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SessionStatusBadge } from "@/components/sessions/status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireStaff } from "@/lib/auth/guards";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { listStaffSessions } from "@/lib/sessions/queries";
import { formatSessionDay } from "@/lib/sessions/time";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "sessionDesk" });
  return { title: t("list.title"), robots: { index: false } };
}

/** Staff: every session (drafts included) with its state, registrations and speakers. */
export default async function SessionDeskListPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireStaff(locale, "/dashboard/sessions");
  const [t, format, sessions] = await Promise.all([getTranslations("sessionDesk"), getFormatter(), listStaffSessions(actor)]);

  return (
    <>
      <PageHeader
        title={t("list.title")}
        lead={t("list.lead")}
        actions={
          <Link href="/dashboard/sessions/new" className={buttonClass("primary") + " no-underline"}>
            {t("list.new")}
          </Link>
        }
      />
      {sessions.length === 0 ? (
        <EmptyState title={t("list.empty")} />
      ) : (
        <Table
          caption={t("list.caption")}
          head={[t("list.columns.session"), t("list.columns.state"), t("list.columns.date"), t("list.columns.registrations"), t("list.columns.speakers")]}
        >
          {sessions.map((s) => {
            const title = pickLocalized(s.title, locale);
            return (
              <tr key={s.id}>
                <Td className="min-w-64 px-4 py-2 align-top text-slate-900">
                  <Link href={`/dashboard/sessions/${s.id}`} className="font-medium" lang={title?.lang}>
                    {title?.text ?? t("untitled")}
                  </Link>
                </Td>
                <Td>
                  <SessionStatusBadge status={s.status} />
                </Td>
                <Td className="whitespace-nowrap px-4 py-2 align-top text-slate-900">
                  <time dateTime={s.startsAt.toISOString()}>{formatSessionDay(s.startsAt, s.timeZone, locale)}</time>
                </Td>
                <Td>{format.number(s.registrationCount)}</Td>
                <Td>{t("list.speakersValue", { selected: s.selectedCount, seats: s.seatCount })}</Td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
