import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getModerationStats } from "@/lib/moderation/queries";
import { FLAG_STATUSES, MODERATION_REASONS } from "@/lib/moderation/schemas";

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "moderation" });
  return { title: t("transparency.title"), description: t("transparency.lead") };
}

/**
 * Moderation in the open: flags counted by reason and by outcome, and the hidden posts with their
 * public reasons. Never a hidden text, never who flagged. The same page for everyone.
 */
export default async function ModerationTransparencyPage({ params }: { params: Promise<{ locale: string }> }) {
  await resolvePageLocale(params);
  const [stats, t, format] = await Promise.all([getModerationStats(), getTranslations("moderation"), getFormatter()]);
  const n = (value: number) => format.number(value);

  return (
    <>
      <PageHeader title={t("transparency.title")} lead={t("transparency.lead")} />
      <div className="max-w-4xl space-y-8">
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="by-reason" className="min-w-0 space-y-2">
            <h2 id="by-reason" className="text-xl font-semibold text-slate-950">
              {t("transparency.byReason")}
            </h2>
            <Table caption={t("transparency.byReason")} head={[t("transparency.reason"), t("transparency.flags")]}>
              {MODERATION_REASONS.map((r) => (
                <tr key={r}>
                  <Td>{t(`reasons.${r}`)}</Td>
                  <Td className="px-4 py-2 text-right align-top tabular-nums text-slate-900">{n(stats.byReason[r])}</Td>
                </tr>
              ))}
              <tr>
                <Td className="px-4 py-2 align-top font-semibold text-slate-950">{t("transparency.total")}</Td>
                <Td className="px-4 py-2 text-right align-top font-semibold tabular-nums text-slate-950">{n(stats.total)}</Td>
              </tr>
            </Table>
          </section>
          <section aria-labelledby="by-status" className="min-w-0 space-y-2">
            <h2 id="by-status" className="text-xl font-semibold text-slate-950">
              {t("transparency.byStatus")}
            </h2>
            <Table caption={t("transparency.byStatus")} head={[t("transparency.outcome"), t("transparency.flags")]}>
              {FLAG_STATUSES.map((s) => (
                <tr key={s}>
                  <Td>{t(`statuses.${s}`)}</Td>
                  <Td className="px-4 py-2 text-right align-top tabular-nums text-slate-900">{n(stats.byStatus[s])}</Td>
                </tr>
              ))}
            </Table>
          </section>
        </div>

        <section aria-labelledby="hidden-posts" className="space-y-3">
          <h2 id="hidden-posts" className="text-xl font-semibold text-slate-950">
            {t("transparency.hiddenHeading")}
          </h2>
          <p className="text-slate-800">{t("transparency.hiddenLead")}</p>
          {stats.hidden.length === 0 ? (
            <p className="text-slate-800">{t("transparency.hiddenEmpty")}</p>
          ) : (
            // A list, not a table: long reasons wrap on a 360 px phone.
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
              {stats.hidden.map((h) => (
                <li key={`${h.kind}:${h.id}`} className="min-w-0 space-y-1 p-4">
                  <p className="text-slate-900">
                    <strong>{t(`kinds.${h.kind}`)}</strong>
                    {" · "}
                    <time dateTime={h.hiddenAt.toISOString()}>{format.dateTime(h.hiddenAt, { day: "numeric", month: "long", year: "numeric" })}</time>
                    {" · "}
                    {h.category ? t(`reasons.${h.category}`) : t("transparency.noCategory")}
                  </p>
                  <p className="whitespace-pre-wrap break-words text-slate-900">
                    <span className="font-medium">{t("transparency.publicReason")}:</span> {h.reason}
                  </p>
                  <Link href={h.href} className={linkClass}>
                    {t("transparency.see")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
