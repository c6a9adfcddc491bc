import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/ui/markdown";
import { ProposalStatusBadge } from "@/components/proposals/status-badge";
import { QuestionsSection } from "./_components/questions-section";
import { RegistrationSection } from "./_components/registration-section";
import { SessionTime } from "@/components/sessions/session-time";
import { SessionSpeakers } from "@/components/sessions/speakers";
import { SessionStatusBadge } from "@/components/sessions/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ObjectiveLinks } from "@/components/gcm/objective-links";
import { SessionEvaluationLinks } from "@/components/evaluations/session-links";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { countryName } from "@/lib/i18n/countries";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { showsSpeakers, showsSummary } from "@/lib/sessions/policy";
import { getSessionForPage } from "@/lib/sessions/queries";
import { FollowSection } from "@/components/follows/follow-section";
import { mayFollow } from "@/lib/follows/policy";
import { followState } from "@/lib/follows/queries";
import { followAction, unfollowAction } from "../../dashboard/following/actions";
import { formatSessionDateTime } from "@/lib/sessions/time";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const data = await getSessionForPage(await getCurrentActor(), id);
  if (!data) return {};
  const t = await getTranslations({ locale, namespace: "sessions" });
  const title = pickLocalized(data.session.title, locale)?.text ?? t("untitled");
  return {
    title: `${title} · ${t("list.title")}`,
    description: pickLocalized(data.session.description, locale)?.text.slice(0, 300),
    alternates: { types: { "text/calendar": `/${locale}/sessions/${id}/calendar.ics` } },
    // Drafts are for staff only: never indexed.
    robots: data.session.status === "DRAFT" ? { index: false } : undefined,
  };
}

/** A review session: when and how, who speaks, what was proposed for it, its summary, and registration. */
export default async function SessionPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const actor = await getCurrentActor();
  const data = await getSessionForPage(actor, id);
  if (!data) notFound();

  const [t, tc, follows] = await Promise.all([getTranslations("sessions"), getTranslations("common"), followState(actor, "SESSION", data.session.id)]);
  const { session } = data;
  const title = pickLocalized(session.title, locale);
  const description = pickLocalized(session.description, locale);
  const hasPlace = session.format !== "VIRTUAL";
  const hasLink = session.format !== "IN_PERSON";

  return (
    <article className="space-y-8">
      <div>
        <p className="mb-3">
          <Link href="/sessions">{t("page.back")}</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-300 pb-4">
          <div className="max-w-3xl space-y-2">
            <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl" lang={title?.lang}>
              {title?.text ?? t("untitled")}
            </h1>
            <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} timeZone={session.timeZone} locale={locale} />
          </div>
          <SessionStatusBadge status={session.status} />
        </div>
        {session.status === "DRAFT" ? (
          <div className="mt-4">
            <Alert tone="info">{t("page.draftNotice")}</Alert>
          </div>
        ) : null}
        {data.isStaff ? (
          <p className="mt-4">
            <Link href={`/dashboard/sessions/${session.id}`}>{t("page.manage")}</Link>
          </p>
        ) : null}
        <SessionEvaluationLinks actor={actor} sessionId={session.id} locale={locale} />
      </div>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-8">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="mb-2 text-xl font-semibold text-slate-950">
              {t("page.about")}
            </h2>
            {description ? (
              <>
                {description.lang !== locale ? (
                  <p className="mb-2 text-sm text-slate-700">{t("page.originalLanguage", { language: tc(`languages.${description.lang}`) })}</p>
                ) : null}
                <p className="whitespace-pre-line text-slate-900" lang={description.lang}>
                  {description.text}
                </p>
              </>
            ) : null}
          </section>

          {showsSpeakers(session.status) ? (
            <SessionSpeakers speakers={data.speakers} />
          ) : (
            <section aria-labelledby="speakers-heading">
              <h2 id="speakers-heading" className="mb-2 text-xl font-semibold text-slate-950">
                {t("speakers.heading")}
              </h2>
              <p className="text-slate-800">
                {data.openForNominations && session.nominationDeadline
                  ? t("speakers.beingChosenUntil", { deadline: formatSessionDateTime(session.nominationDeadline, session.timeZone, locale) })
                  : t("speakers.beingChosen")}
              </p>
            </section>
          )}

          {showsSummary(session.status) ? (
            <section aria-labelledby="summary-heading">
              <h2 id="summary-heading" className="mb-2 text-xl font-semibold text-slate-950">
                {t("summary.heading")}
              </h2>
              {session.summary ? (
                <>
                  {session.summaryLanguage && session.summaryLanguage !== locale ? (
                    <p className="mb-2 text-sm text-slate-700">{t("page.originalLanguage", { language: tc(`languages.${session.summaryLanguage}`) })}</p>
                  ) : null}
                  <Markdown source={session.summary} lang={session.summaryLanguage ?? undefined} />
                </>
              ) : (
                <p className="text-slate-800">{t("summary.pending")}</p>
              )}
            </section>
          ) : null}

          <QuestionsSection session={session} actor={actor} locale={locale} done={query.done} defaultLanguage={data.registration?.language ?? locale} />

          <section aria-labelledby="proposals-heading">
            <h2 id="proposals-heading" className="mb-2 text-xl font-semibold text-slate-950">
              {t("proposals.heading")}
            </h2>
            {data.proposals.length === 0 ? (
              <p className="text-slate-800">{t("proposals.none")}</p>
            ) : (
              <ul className="space-y-3">
                {data.proposals.map((p) => (
                  <li key={p.id} className="rounded-lg border border-slate-300 bg-white p-4">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h3 className="font-semibold" lang={p.language}>
                        <Link href={`/proposals/${p.id}`}>{p.title}</Link>
                      </h3>
                      <ProposalStatusBadge status={p.status} />
                    </div>
                    <p className="text-sm text-slate-700">{t("proposals.by", { organization: p.organization.name })}</p>
                    <p className="mt-1 text-slate-900" lang={p.language}>
                      {p.summary}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        <aside className="space-y-6">
          <RegistrationSection data={data} actor={actor} locale={locale} done={query.done} />
          <FollowSection
            actor={actor}
            locale={locale}
            subject="SESSION"
            subjectKey={session.id}
            state={follows}
            mayFollow={mayFollow(actor, { subject: "SESSION", status: session.status })}
            returnPath={`/sessions/${session.id}`}
            actions={{ follow: followAction, unfollow: unfollowAction }}
          />

          <section aria-labelledby="details-heading">
            <Card as="div" className="space-y-3">
              <h2 id="details-heading" className="text-lg font-semibold text-slate-950">
                {t("page.details")}
              </h2>
              <dl className="space-y-3">
                <div>
                  <dt className="text-sm font-medium text-slate-700">{t("facts.format")}</dt>
                  <dd>{tc(`sessionFormats.${session.format}`)}</dd>
                </div>
                {hasPlace && session.place ? (
                  <div>
                    <dt className="text-sm font-medium text-slate-700">{t("facts.place")}</dt>
                    <dd>{session.place}</dd>
                  </div>
                ) : null}
                {hasLink ? (
                  <div>
                    <dt className="text-sm font-medium text-slate-700">{t("facts.link")}</dt>
                    <dd>
                      {session.link ? (
                        <a href={session.link} rel="noopener noreferrer" className="break-all">
                          {session.link}
                        </a>
                      ) : (
                        <span className="text-slate-800">{data.registration || data.isStaff ? t("facts.linkLater") : t("facts.linkForRegistered")}</span>
                      )}
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt className="text-sm font-medium text-slate-700">{t("facts.workingLanguages")}</dt>
                  <dd>{session.workingLanguages.map((l) => tc(`languages.${l}`)).join(", ")}</dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-700">{t("facts.interpretation")}</dt>
                  <dd>{session.interpretation.length ? session.interpretation.map((l) => tc(`languages.${l}`)).join(", ") : t("facts.noInterpretation")}</dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-700">{t("facts.objectives")}</dt>
                  <dd>
                    <ObjectiveLinks objectives={session.objectives} />
                  </dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-700">{t("facts.seats")}</dt>
                  <dd>
                    {t("facts.seatsValue", { moderators: session.moderatorSeats, panelists: session.panelistSeats, rapporteurs: session.rapporteurSeats })}
                  </dd>
                </div>
                {data.openForNominations && session.nominationDeadline ? (
                  <div>
                    <dt className="text-sm font-medium text-slate-700">{t("facts.nominationDeadline")}</dt>
                    <dd>{formatSessionDateTime(session.nominationDeadline, session.timeZone, locale)}</dd>
                  </div>
                ) : null}
              </dl>
              {session.status !== "DRAFT" ? (
                <p>
                  <a href={`/${locale}/sessions/${session.id}/calendar.ics`} download>
                    {t("page.addToCalendar")}
                  </a>
                </p>
              ) : null}
            </Card>
          </section>

          <section aria-labelledby="participants-heading">
            <h2 id="participants-heading" className="mb-2 text-lg font-semibold text-slate-950">
              {t("participants.heading")}
            </h2>
            {data.participants === null ? (
              <p className="text-slate-800">{t("participants.signInToSee")}</p>
            ) : data.participants.length === 0 ? (
              <p className="text-slate-800">{t("participants.none")}</p>
            ) : (
              <>
                <p className="mb-2 text-sm text-slate-700">{t("participants.hint")}</p>
                <ul className="space-y-1">
                  {data.participants.map((p) => (
                    <li key={p.id}>
                      <span className="font-medium text-slate-900">{p.name}</span>
                      {p.organizationName ? <span className="text-slate-800"> · {p.organizationName}</span> : null}
                      {p.organizationCountry ? <span className="text-slate-800"> ({countryName(p.organizationCountry, locale)})</span> : null}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
