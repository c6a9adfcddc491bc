import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CommentsSection } from "./_components/comments-section";
import { Markdown } from "@/components/ui/markdown";
import { ProposalActions } from "./_components/proposal-actions";
import { ProposalStatusBadge } from "@/components/proposals/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ObjectiveLinks } from "@/components/gcm/objective-links";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { countryName } from "@/lib/i18n/countries";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { canCommentOn } from "@/lib/proposals/policy";
import { getProposalForPage } from "@/lib/proposals/queries";
import { FollowSection } from "@/components/follows/follow-section";
import { mayFollow } from "@/lib/follows/policy";
import { followState } from "@/lib/follows/queries";
import { followAction, unfollowAction } from "../../dashboard/following/actions";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const proposal = await getProposalForPage(await getCurrentActor(), id);
  if (!proposal) return {};
  const t = await getTranslations({ locale, namespace: "proposalList" });
  return { title: `${proposal.title} · ${t("title")}`, description: proposal.summary };
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const actor = await getCurrentActor();
  const proposal = await getProposalForPage(actor, id);
  if (!proposal) notFound();

  const [t, tc, tr, format, follows] = await Promise.all([
    getTranslations("proposalList"),
    getTranslations("common"),
    getTranslations("reportComments"),
    getFormatter(),
    followState(actor, "PROPOSAL", proposal.id),
  ]);
  // The answer in the reader's language when the committee wrote one, else in the proposal's.
  const answerLanguage = proposal.answer?.[locale] ? locale : proposal.language;
  const answerText = proposal.answer?.[answerLanguage];
  const sessionTitle = proposal.session ? pickLocalized(proposal.session.title, locale) : null;
  const topics = (["children", "gender", "irregular"] as const).filter(
    (flag) => proposal[`concerns${flag[0].toUpperCase()}${flag.slice(1)}` as "concernsChildren" | "concernsGender" | "concernsIrregular"],
  );

  return (
    <article className="space-y-8">
      <div>
        <p className="mb-3">
          <Link href="/proposals">{t("page.back")}</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-300 pb-4">
          <div className="max-w-3xl">
            <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl" lang={proposal.language}>
              {proposal.title}
            </h1>
            <p className="mt-2 text-slate-800">
              {t("page.organization")}:{" "}
              <Link href={`/organizations/${proposal.organization.slug}`}>{proposal.organization.name}</Link>
              {proposal.submittedAt ? ` · ${t("submittedOn", { date: format.dateTime(proposal.submittedAt, "short") })}` : null}
            </p>
          </div>
          <ProposalStatusBadge status={proposal.status} />
        </div>
        {proposal.status === "DRAFT" ? (
          <div className="mt-4">
            <Alert tone="info">{t("page.draftNotice")}</Alert>
          </div>
        ) : null}
      </div>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-8">
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="mb-2 text-xl font-semibold">
              {t("page.summary")}
            </h2>
            <p className="text-lg text-slate-900" lang={proposal.language}>
              {proposal.summary}
            </p>
          </section>

          <section aria-labelledby="body-heading">
            <h2 id="body-heading" className="mb-2 text-xl font-semibold">
              {t("page.proposal")}
            </h2>
            <div lang={proposal.language}>
              <Markdown source={proposal.body} />
            </div>
          </section>

          {answerText ? (
            <section aria-labelledby="answer-heading">
              <Card className="border-l-4 border-l-blue-800">
                <h2 id="answer-heading" className="text-xl font-semibold">
                  {t("page.answer")}
                </h2>
                {proposal.answeredAt ? (
                  <p className="mt-1 text-sm text-slate-700">{t("page.answeredOn", { date: format.dateTime(proposal.answeredAt, "short") })}</p>
                ) : null}
                {answerLanguage !== locale ? (
                  <p className="mt-2 text-sm text-slate-700">{t("page.answerOriginal", { language: tc(`languages.${answerLanguage}`) })}</p>
                ) : null}
                <p className="mt-3 whitespace-pre-line text-slate-900" lang={answerLanguage}>
                  {answerText}
                </p>
                {proposal.incorporatedNote ? (
                  <>
                    <h3 className="mt-4 font-semibold">{t("page.incorporated")}</h3>
                    <p className="mt-1 whitespace-pre-line text-slate-900">{proposal.incorporatedNote}</p>
                  </>
                ) : null}
              </Card>
            </section>
          ) : null}

          {proposal.reportLinks.length ? (
            <section aria-labelledby="report-heading">
              <h2 id="report-heading" className="mb-2 text-xl font-semibold">
                {tr("proposalPage.heading")}
              </h2>
              <p className="text-slate-800">{tr("proposalPage.intro")}</p>
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {proposal.reportLinks.map((l) => (
                  <li key={`${l.versionNumber}-${l.anchor}`}>
                    <Link href={`/report/versions/${l.versionNumber}#${l.anchor}`}>
                      {tr("proposalPage.paragraph", { number: l.versionNumber, anchor: l.anchor })}
                    </Link>{" "}
                    <span className="text-sm text-slate-700">({tc(`reportStatuses.${l.versionStatus}`)})</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <CommentsSection proposalId={proposal.id} actor={actor} locale={locale} canComment={canCommentOn(actor, proposal)} />
        </div>

        <aside className="space-y-6">
          <section aria-labelledby="actions-heading">
            <h2 id="actions-heading" className="sr-only">
              {t("page.actions")}
            </h2>
            <ProposalActions proposal={proposal} actor={actor} locale={locale} done={typeof query.done === "string" ? query.done : undefined} />
          </section>

          <FollowSection
            actor={actor}
            locale={locale}
            subject="PROPOSAL"
            subjectKey={proposal.id}
            state={follows}
            // The page read the proposal with the actor's rights, as the command does.
            mayFollow={mayFollow(actor, { subject: "PROPOSAL" })}
            returnPath={`/proposals/${proposal.id}`}
            actions={{ follow: followAction, unfollow: unfollowAction }}
          />

          <Card>
            <dl className="space-y-3">
              <div>
                <dt className="text-sm font-medium text-slate-700">{t("page.language")}</dt>
                <dd>{tc(`languages.${proposal.language}`)}</dd>
              </div>
              <div>
                <dt className="text-sm font-medium text-slate-700">{t("page.objectives")}</dt>
                <dd>
                  <ObjectiveLinks objectives={proposal.objectives} />
                </dd>
              </div>
              {proposal.session ? (
                <div>
                  <dt className="text-sm font-medium text-slate-700">{t("page.session")}</dt>
                  <dd>
                    <Link href={`/sessions/${proposal.session.id}`} lang={sessionTitle?.lang}>
                      {sessionTitle?.text ?? tc(`sessionStatuses.${proposal.session.status}`)}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {t("page.sessionDate", {
                        date: format.dateTime(proposal.session.startsAt, { dateStyle: "long", timeZone: proposal.session.timeZone }),
                      })}
                    </p>
                  </dd>
                </div>
              ) : null}
              {proposal.countries.length ? (
                <div>
                  <dt className="text-sm font-medium text-slate-700">{t("page.countries")}</dt>
                  <dd>{proposal.countries.map((c) => countryName(c, locale)).join(", ")}</dd>
                </div>
              ) : null}
              {topics.length ? (
                <div>
                  <dt className="text-sm font-medium text-slate-700">{t("page.topics")}</dt>
                  <dd>{topics.map((flag) => t(flag)).join(", ")}</dd>
                </div>
              ) : null}
            </dl>
          </Card>

          <section aria-labelledby="cosponsors-heading">
            <h2 id="cosponsors-heading" className="mb-2 text-lg font-semibold">
              {t("page.cosponsors")} ({format.number(proposal.cosponsors.length)})
            </h2>
            {proposal.cosponsors.length ? (
              <ul className="space-y-1">
                {proposal.cosponsors.map((o) => (
                  <li key={o.id}>
                    <Link href={`/organizations/${o.slug}`}>{o.name}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-800">{t("page.noCosponsors")}</p>
            )}
          </section>

          {proposal.history.length ? (
            <section aria-labelledby="history-heading">
              <h2 id="history-heading" className="mb-2 text-lg font-semibold">
                {t("page.history")}
              </h2>
              <ol className="space-y-2 border-l-2 border-slate-300 pl-4">
                {proposal.history.map((h) => {
                  const key = `history.${h.action.replaceAll(".", "_")}`;
                  const organizationName = typeof h.data.organizationName === "string" ? h.data.organizationName : "";
                  return (
                    <li key={h.id}>
                      <p className="font-medium text-slate-900">{t.has(key) ? t(key, { organizationName }) : t("history.other")}</p>
                      <p className="text-sm text-slate-700">
                        <time dateTime={h.createdAt.toISOString()}>{format.dateTime(h.createdAt, "long")}</time>
                      </p>
                    </li>
                  );
                })}
              </ol>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
