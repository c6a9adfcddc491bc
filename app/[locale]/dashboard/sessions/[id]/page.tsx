import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RegistrationsPanel, SessionStatePanel, SummaryPanel } from "./_components/desk-panels";
import { SessionForm } from "@/components/sessions/session-form";
import { SessionTime } from "@/components/sessions/session-time";
import { SessionStatusBadge } from "@/components/sessions/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireStaff } from "@/lib/auth/guards";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { isSessionEditable } from "@/lib/sessions/policy";
import { getSessionForDesk } from "@/lib/sessions/queries";
import { updateSessionAction, type SessionDeskDone } from "../actions";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: readonly SessionDeskDone[] = ["created", "updated", "opened", "held", "summaryPublished"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "sessionDesk" });
  return { title: t("desk.title"), robots: { index: false } };
}

/** Staff: run one session — edit it, move it on, see its registrations, publish its summary. */
export default async function SessionDeskPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await requireStaff(locale, `/dashboard/sessions/${id}`);
  const data = await getSessionForDesk(actor, id);
  if (!data) notFound();
  const query = await searchParams;
  const t = await getTranslations("sessionDesk");
  const { session } = data;
  const title = pickLocalized(session.title, locale);
  const notice = typeof query.done === "string" && (DONE as readonly string[]).includes(query.done) ? (query.done as SessionDeskDone) : null;
  // The render's clock, for "can it be marked held yet".
  const now = new Date();

  return (
    <div className="space-y-8">
      <div>
        <p className="mb-3">
          <Link href="/dashboard/sessions">{t("back")}</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-300 pb-4">
          <div className="max-w-3xl space-y-2">
            <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl" lang={title?.lang}>
              {title?.text ?? t("untitled")}
            </h1>
            <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} timeZone={session.timeZone} locale={locale} />
            <p>
              <Link href={`/sessions/${session.id}`}>{session.status === "DRAFT" ? t("desk.preview") : t("desk.publicPage")}</Link>
            </p>
          </div>
          <SessionStatusBadge status={session.status} />
        </div>
      </div>

      {notice ? (
        <Alert tone="success" live>
          {t(`done.${notice}`)}
        </Alert>
      ) : null}

      <section aria-labelledby="state-heading">
        <SessionStatePanel data={data} locale={locale} now={now} />
      </section>

      <section aria-labelledby="registrations-heading">
        <RegistrationsPanel data={data} />
      </section>

      <section aria-labelledby="summary-heading">
        <SummaryPanel data={data} locale={locale} />
      </section>

      <section aria-labelledby="edit-heading">
        <Card as="div" className="space-y-4">
          <h2 id="edit-heading" className="text-xl font-semibold text-slate-950">
            {t("desk.editHeading")}
          </h2>
          {isSessionEditable(session.status) ? <SessionForm mode="edit" locale={locale} data={data} action={updateSessionAction} /> : <p className="text-slate-800">{t("desk.notEditable")}</p>}
        </Card>
      </section>
    </div>
  );
}
