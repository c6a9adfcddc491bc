import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/input-class";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FlagLink, HiddenNotice } from "@/components/moderation/flag-link";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { listInstitutions, listQuestions } from "@/lib/dialogue/queries";
import { QUESTION_SORTS, QUESTION_STATUSES, questionListSchema } from "@/lib/dialogue/schemas";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import { AuthorLine, institutionName, StatusBadge } from "../_components/parts";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const [t, tf] = await Promise.all([getTranslations({ locale, namespace: "dialogue" }), getTranslations({ locale, namespace: "dialogueFeeds" })]);
  return {
    title: t("questions.title"),
    description: t("questions.lead"),
    alternates: { types: { "application/atom+xml": [{ url: `/${locale}/dialogue/questions/feed.xml`, title: tf("questions.title") }] } },
  };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function FilterSelect(props: { name: string; label: string; value?: string; all?: string; options: { value: string; label: string }[] }) {
  const id = `filter-${props.name}`;
  return (
    <div>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className={inputClass}>
        {props.all ? <option value="">{props.all}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every question to the delegates (merged ones under their main question), sorted and filtered by GET parameters: no JavaScript needed. */
export default async function QuestionsPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const sp = await searchParams;
  const filters = questionListSchema.parse({ sort: first(sp.sort), status: first(sp.status), institution: first(sp.institution), objective: first(sp.objective), page: first(sp.page) });
  const [actor, t, tf, tm, tc, tg, format, institutions, result] = await Promise.all([
    getCurrentActor(),
    getTranslations("dialogue"),
    getTranslations("dialogueFeeds"),
    getTranslations("moderation"),
    getTranslations("common"),
    getTranslations("gcm"),
    getFormatter(),
    listInstitutions(),
    listQuestions(filters, new Date()),
  ]);
  const query = { sort: filters.sort, status: filters.status, institution: filters.institution, objective: filters.objective ? String(filters.objective) : undefined };
  return (
    <>
      <PageHeader title={t("questions.title")} lead={t("questions.lead")} />
      <div className="space-y-6">
        <p className="flex flex-wrap items-center gap-4">
          <Link href="/dialogue/questions/new" className={buttonClass()}>
            {t("questions.ask")}
          </Link>
          <a href={`/${locale}/dialogue/questions/feed.xml`} type="application/atom+xml">
            {tf("questions.link")}
          </a>
        </p>
        <form method="get" action={`/${locale}/dialogue/questions`} role="search" aria-label={t("questions.filters")} className="filters">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FilterSelect name="sort" label={t("questions.sortLabel")} value={filters.sort} options={QUESTION_SORTS.map((s) => ({ value: s, label: t(`questions.sort.${s}`) }))} />
            <FilterSelect name="status" label={t("questions.statusLabel")} value={filters.status} all={tc("all")} options={QUESTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            <FilterSelect name="institution" label={t("questions.institutionLabel")} value={filters.institution} all={tc("all")} options={institutions.map((i) => ({ value: i.slug, label: institutionName(t, i, locale) }))} />
            <FilterSelect name="objective" label={t("questions.objectiveLabel")} value={filters.objective ? String(filters.objective) : undefined} all={tc("all")} options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))} />
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className={buttonClass()}>
              {t("questions.apply")}
            </button>
            <Link href="/dialogue/questions">{t("questions.clear")}</Link>
          </div>
        </form>
        <p aria-live="polite" className="text-slate-800">
          {t("questions.count", { count: result.total })}
        </p>
        {result.rows.length === 0 ? (
          <EmptyState title={t("questions.empty")} />
        ) : (
          <ol className="space-y-4">
            {result.rows.map((q) => (
              <li key={q.id} className="card row p-4">
                <h2 lang={q.hidden ? undefined : q.language}>
                  <Link href={`/dialogue/questions/${q.id}`}>{q.title ?? tm("hidden.questionTitle")}</Link>
                </h2>
                {q.hidden ? null : <StatusBadge t={t} status={q.status} />}
                <p className="meta">{t("supports", { count: q.supports })}</p>
                {q.hidden ? <HiddenNotice reason={q.hidden.reason} at={q.hidden.at} format={(date) => format.dateTime(date, "short")} /> : null}
                <p className="meta">
                  {t("writtenIn", { language: tc(`languages.${q.language}`) })} · {t("toLine", { to: q.delegateName ? t("toDelegate", { name: q.delegateName, institution: institutionName(t, q.institution, locale) }) : institutionName(t, q.institution, locale) })} ·{" "}
                  <AuthorLine t={t} author={q.author} /> · {format.dateTime(q.createdAt, { day: "numeric", month: "long", year: "numeric" })}
                </p>
                {actor && !q.hidden ? <FlagLink kind="DIALOGUE_QUESTION" postId={q.id} /> : null}
              </li>
            ))}
          </ol>
        )}
        <Pagination page={result.page} pageCount={result.pageCount} pathname="/dialogue/questions" query={query} />
      </div>
    </>
  );
}
