import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { AssessmentView, CommitmentPage } from "@/lib/champions/queries";
import type { SourceView } from "@/lib/champions/commitment-queries";
import { countryName } from "@/lib/i18n/countries";
import { CommitmentStatusBadge, dayFormat, InclusionRung, NotUpdatedBadge, safeHref } from "./labels";
import { CommitmentHistory } from "./commitment-history";

type Slots = {
  /** The follow button (per viewer). */
  follow?: ReactNode;
  /** Staff's tools: post an update, edit (per viewer). */
  staffTools?: ReactNode;
  /** The assessment form for those who may assess (per viewer). */
  assessForm?: ReactNode;
  /** Staff's hide/unhide form under an assessment. */
  assessmentTools?: (assessment: AssessmentView) => ReactNode;
  /** A notice after an action (?done=…). */
  notice?: ReactNode;
};

const POINTS = ["progress", "inclusion", "rights", "evidence"] as const;
type Point = (typeof POINTS)[number];

/** Where civil society's assessment differs from the government's account, point by point. */
function disagrees(point: Point, commitment: CommitmentPage, content: NonNullable<AssessmentView["content"]>): boolean {
  if (point === "progress") return content.progress !== commitment.status;
  if (point === "inclusion") return content.inclusion !== commitment.inclusion;
  // Listing a GCM commitment claims it is rights-based (a guiding principle of the Compact).
  if (point === "rights") return content.rightsCentred !== "YES";
  return false;
}

function Sources({ sources, label }: { sources: readonly SourceView[]; label: string }) {
  if (sources.length === 0) return null;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" aria-label={label}>
      {sources.map((s) => {
        const href = safeHref(s.url);
        return (
          <li key={s.id} className="break-words">
            {href ? (
              <a href={href} rel="noopener noreferrer nofollow">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            {s.publisher ? ` · ${s.publisher}` : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * An initiative or a recommendation: the government's (or addressee's) account and civil
 * society's assessments side by side, point by point, with a disagreement written out, then
 * milestones, sources, dated updates and the history. The same for every reader but the slots.
 */
export async function CommitmentView({ commitment, locale, slots = {} }: { commitment: CommitmentPage; locale: AppLocale; slots?: Slots }) {
  const [t, tc, format] = await Promise.all([getTranslations("champions"), getTranslations("common"), getFormatter()]);
  const text = commitment.text;
  const assessed = commitment.assessments.filter((a): a is AssessmentView & { content: NonNullable<AssessmentView["content"]> } => a.content !== null);
  const hiddenForReader = commitment.assessments.filter((a) => a.content === null);
  const latestUpdate = commitment.updates[0];
  const owner = commitment.kind === "INITIATIVE" ? t("side.government") : t("side.addressee");

  const governmentSide: Record<Point, ReactNode> = {
    progress: (
      <>
        <CommitmentStatusBadge status={commitment.status} />
        {latestUpdate ? (
          <p className="mt-2 text-sm text-slate-800">{t("latestUpdateOn", { date: format.dateTime(latestUpdate.reportedOn, dayFormat) })}</p>
        ) : null}
      </>
    ),
    inclusion: (
      <>
        <InclusionRung level={commitment.inclusion} />
        {commitment.inclusionEvidence ? <p className="mt-2 whitespace-pre-line text-slate-900">{commitment.inclusionEvidence}</p> : null}
      </>
    ),
    rights: <p className="text-slate-800">{t("rightsNoStatement")}</p>,
    evidence: commitment.sources.length ? <Sources sources={commitment.sources} label={t("sources")} /> : <p className="text-slate-800">{t("noSources")}</p>,
  };

  const assessmentSide = (point: Point, a: (typeof assessed)[number]): ReactNode => {
    const c = a.content;
    if (point === "progress") return <><CommitmentStatusBadge status={c.progress} />{c.progressNote ? <p className="mt-2 whitespace-pre-line">{c.progressNote}</p> : null}</>;
    if (point === "inclusion") return <><InclusionRung level={c.inclusion} />{c.inclusionNote ? <p className="mt-2 whitespace-pre-line">{c.inclusionNote}</p> : null}</>;
    if (point === "rights") return <><p className="font-medium">{t(`rights.${c.rightsCentred}`)}</p><p className="mt-1 whitespace-pre-line">{c.rightsNote}</p></>;
    return (
      <>
        {c.evidence ? <p className="whitespace-pre-line">{c.evidence}</p> : <p className="text-slate-800">{t("noEvidence")}</p>}
        <Sources sources={c.links} label={t("links")} />
      </>
    );
  };

  return (
    <article className="space-y-8">
      <header className="space-y-3 border-b border-slate-300 pb-4">
        <p className="text-slate-800">
          {commitment.kind === "INITIATIVE" && commitment.country ? (
            <>
              <Link href={`/champions/${commitment.country.toLowerCase()}`}>{countryName(commitment.country, locale)}</Link>
              {commitment.publicBody ? ` · ${commitment.publicBody}` : null}
            </>
          ) : commitment.addressee ? (
            t("addressedTo", { addressee: t(`addressees.${commitment.addressee}`) })
          ) : null}
        </p>
        <h1 className="text-2xl font-bold break-words text-slate-950 sm:text-3xl" lang={text?.language}>
          {text?.title ?? t("untitled")}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <CommitmentStatusBadge status={commitment.status} />
          {commitment.notUpdated ? <NotUpdatedBadge since={commitment.lastUpdatedAt} /> : null}
          <span className="text-sm text-slate-800">{t("lastUpdated", { date: format.dateTime(commitment.lastUpdatedAt, "short") })}</span>
        </div>
        {text?.fallback ? <p className="text-sm text-slate-800">{t("otherLanguage", { language: tc(`languages.${text.language}`) })}</p> : null}
        {commitment.illustrative ? <Alert tone="info">{t(commitment.kind === "INITIATIVE" ? "illustrative" : "followUp.illustrative")}</Alert> : null}
        {slots.notice}
        {slots.follow}
      </header>

      {text ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading" className="mb-2 text-xl font-semibold">
            {t("description")}
          </h2>
          <p className="whitespace-pre-line break-words text-slate-900" lang={text.language}>
            {text.description}
          </p>
          {commitment.paragraph && commitment.reportVersion ? (
            <p className="mt-2">
              <Link href={`/report/versions/${commitment.reportVersion.number}#${commitment.paragraph.anchor}`}>
                {t("reportParagraph", { number: commitment.reportVersion.number, anchor: commitment.paragraph.anchor })}
              </Link>
            </p>
          ) : null}
          {commitment.objectives.length ? (
            <p className="mt-2 text-sm text-slate-800">
              {t("objectivesLabel")}: {commitment.objectives.map((n) => t("objectiveShort", { number: n })).join(", ")}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="compare-heading" className="space-y-4">
        <div>
          <h2 id="compare-heading" className="text-xl font-semibold">
            {t("compare.heading")}
          </h2>
          <p className="text-slate-800">{assessed.length ? t("compare.intro", { side: owner }) : t("compare.noAssessment")}</p>
        </div>
        {POINTS.map((point) => {
          const differing = assessed.filter((a) => disagrees(point, commitment, a.content)).length;
          return (
            <Card key={point} className="space-y-3" as="section">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-semibold">{t(`points.${point}`)}</h3>
                {point !== "evidence" && assessed.length ? (
                  <p className="text-sm font-medium text-slate-900">{t("compare.differing", { count: differing, total: assessed.length })}</p>
                ) : null}
              </div>
              <div className="grid gap-4 md:grid-cols-2">
                <div className="min-w-0 rounded-md border border-slate-300 bg-slate-50 p-3">
                  <h4 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-800">{owner}</h4>
                  {governmentSide[point]}
                </div>
                <div className="min-w-0 space-y-3">
                  {assessed.map((a) => {
                    const differs = disagrees(point, commitment, a.content);
                    return (
                      <div
                        key={a.id}
                        className={`rounded-md border p-3 ${differs ? "border-l-4 border-amber-700 bg-amber-50" : "border-slate-300"}`}
                      >
                        <h4 className="mb-2 flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
                          <Link href={`/organizations/${a.organization.slug}`}>{a.organization.name}</Link>
                          {differs ? (
                            <Badge tone="warning">
                              <span aria-hidden="true">≠ </span>
                              {t("compare.disagrees")}
                            </Badge>
                          ) : point !== "evidence" ? (
                            <Badge tone="neutral">
                              <span aria-hidden="true">= </span>
                              {t("compare.agrees")}
                            </Badge>
                          ) : null}
                          {a.hidden ? <Badge tone="danger">{t("hidden.badge")}</Badge> : null}
                        </h4>
                        <div lang={a.content.language}>{assessmentSide(point, a)}</div>
                      </div>
                    );
                  })}
                </div>
              </div>
            </Card>
          );
        })}

        {assessed.length || hiddenForReader.length ? (
          <Card className="space-y-3" as="section">
            <h3 className="text-lg font-semibold">{t("assessmentsHeading")}</h3>
            <ul className="space-y-3">
              {commitment.assessments.map((a) => (
                <li key={a.id} className="space-y-1">
                  <p>
                    <Link href={`/organizations/${a.organization.slug}`}>{a.organization.name}</Link>
                    {a.content ? ` · ${t("assessedOn", { date: format.dateTime(a.content.updatedAt, "short") })}` : null}
                    {a.content && a.content.language !== locale ? ` · ${tc(`languages.${a.content.language}`)}` : null}
                  </p>
                  {a.hidden ? (
                    <p className="text-slate-900">
                      <Badge tone="danger">{t("hidden.badge")}</Badge> {t("hidden.reason", { reason: a.hidden.reason, date: format.dateTime(a.hidden.at, "short") })}
                    </p>
                  ) : null}
                  {slots.assessmentTools?.(a)}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {slots.assessForm}
      </section>

      {slots.staffTools}

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading" className="mb-2 text-xl font-semibold">
          {t("milestones")}
        </h2>
        {commitment.milestones.length ? (
          <ol className="space-y-2">
            {commitment.milestones.map((m) => (
              <li key={m.id} className="rounded-md border border-slate-300 bg-white p-3">
                <p className="font-medium" lang={m.language}>
                  <span aria-hidden="true">{m.doneOn ? "✓ " : "○ "}</span>
                  {m.label}
                </p>
                <p className="text-sm text-slate-800">
                  {t("plannedOn", { date: format.dateTime(m.plannedOn, dayFormat) })}
                  {" · "}
                  {m.doneOn ? t("doneOn", { date: format.dateTime(m.doneOn, dayFormat) }) : t("notDone")}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-slate-800">{t("noMilestones")}</p>
        )}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading" className="mb-2 text-xl font-semibold">
          {t("sources")}
        </h2>
        {commitment.sources.length ? <Sources sources={commitment.sources} label={t("sources")} /> : <p className="text-slate-800">{t("noSources")}</p>}
      </section>

      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading" className="mb-2 text-xl font-semibold">
          {t("updates")}
        </h2>
        {commitment.updates.length ? (
          <ol className="space-y-3">
            {commitment.updates.map((u) => (
              <li key={u.id} className="rounded-md border border-slate-300 bg-white p-3" lang={u.language}>
                <p className="text-sm font-medium text-slate-800">
                  <time dateTime={u.reportedOn.toISOString().slice(0, 10)}>{format.dateTime(u.reportedOn, dayFormat)}</time>
                  {u.status ? <> · <CommitmentStatusBadge status={u.status} /></> : null}
                </p>
                <p className="mt-1 whitespace-pre-line break-words text-slate-900">{u.body}</p>
                <Sources sources={u.sources} label={t("sources")} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-slate-800">{t("noUpdates")}</p>
        )}
      </section>

      <CommitmentHistory history={commitment.history} />
    </article>
  );
}
