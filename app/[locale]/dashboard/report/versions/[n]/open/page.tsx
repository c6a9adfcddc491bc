import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OpenVersionForm } from "./_components/open-version-form";
import { InternalNote } from "@/components/report/internal-note";
import { ReportStatusBadge } from "@/components/report/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireStaff } from "@/lib/auth/guards";
import { getOpenConfirmation } from "@/lib/report/queries";

type Props = { params: Promise<{ locale: string; n: string }> };

const parseNumber = (n: string) => (/^\d{1,7}$/.test(n) ? Number(n) : 0);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const { n } = await params;
  const t = await getTranslations({ locale, namespace: "reportDesk" });
  return { title: t("confirm.heading", { number: parseNumber(n) }), robots: { index: false } };
}

/**
 * Staff: before a draft opens for comment, what will happen — its public title (editable here),
 * the deadline, and which version open now is superseded with how many of its comments are
 * still without an answer. A page of its own, so it works without JavaScript.
 */
export default async function OpenVersionPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const { n } = await params;
  const number = parseNumber(n);
  const actor = await requireStaff(locale, `/dashboard/report/versions/${n}/open`);
  const data = await getOpenConfirmation(actor, number);
  if (!data) notFound();
  const t = await getTranslations("reportDesk");
  const { version, internalNote, superseded } = data;

  return (
    <div className="space-y-8">
      <p>
        <Link href="/dashboard/report">{t("confirm.back")}</Link>
      </p>
      <PageHeader title={t("confirm.heading", { number: version.number })} lead={t("confirm.lead")} />

      <Card className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 className="text-xl font-semibold text-slate-950">{t("version.heading", { number: version.number })}</h2>
          <ReportStatusBadge status={version.effectiveStatus} />
        </div>
        <p className="break-words text-slate-900" lang={version.language}>
          {version.title}
        </p>
        {internalNote ? <InternalNote label={t("fields.internalNote")} note={internalNote} /> : null}
        <p>
          <Link href={`/report/versions/${version.number}`}>{t("draft.preview")}</Link>
        </p>
      </Card>

      <section aria-labelledby="consequences-heading" className="space-y-3">
        <h2 id="consequences-heading" className="text-xl font-semibold text-slate-950">
          {t("confirm.consequencesHeading")}
        </h2>
        <p className="text-slate-800">{t("confirm.becomesPublic", { number: version.number })}</p>
        {superseded.length === 0 ? (
          <p className="text-slate-800">{t("confirm.nothingSuperseded")}</p>
        ) : (
          superseded.map((v) => (
            <Alert key={v.id} tone={v.unanswered > 0 ? "warning" : "info"}>
              <p>{t("confirm.superseded", { number: v.number, unanswered: v.unanswered })}</p>
              {v.unanswered > 0 ? (
                <p className="mt-1">
                  <Link href={`/report/versions/${v.number}`}>{t("confirm.answerFirst", { number: v.number })}</Link>
                </p>
              ) : null}
            </Alert>
          ))
        )}
      </section>

      <section aria-labelledby="confirm-form-heading" className="space-y-3">
        <h2 id="confirm-form-heading" className="text-xl font-semibold text-slate-950">
          {t("confirm.formHeading")}
        </h2>
        <OpenVersionForm locale={locale} version={version} superseded={superseded} />
      </section>
    </div>
  );
}
