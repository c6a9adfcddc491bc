import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { LocalizedLine, pickText } from "@/components/evaluations/localized";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextArea } from "@/components/ui/field";
import { Markdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canContribute } from "@/lib/consultations/policy";
import { getConsultation } from "@/lib/consultations/queries";
import { CONSULTATION_LIMITS } from "@/lib/consultations/schemas";
import { verifiedOrganizations } from "@/lib/dialogue/policy";
import { draftingOrganizationIds } from "@/lib/proposals/policy";
import { FollowSection } from "@/components/follows/follow-section";
import { mayFollow } from "@/lib/follows/policy";
import { followState } from "@/lib/follows/queries";
import { followAction, unfollowAction } from "../../../dashboard/following/actions";
import { AuthorLine } from "../../_components/parts";
import { VoiceFields } from "@/components/dialogue/voice-fields";
import { contributeAction } from "../actions";
import { Contribution, type ReaderPowers } from "../_components/contribution";
import { DoneNotice, PhaseBadge } from "../_components/parts";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const locale = await resolvePageLocale(params);
  const c = await getConsultation(id, null, new Date());
  const t = await getTranslations({ locale, namespace: "consultations" });
  return { title: (c && pickText(c.title, locale)?.text) ?? t("title") };
}

/**
 * One consultation: background, questions with their contributions and replies, the owner's
 * updates and, once published, the synthesis with the contributions it cites. Forms appear for
 * those the policy allows; every one works without JavaScript.
 */
export default async function ConsultationPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await getCurrentActor();
  const c = await getConsultation(id, actor, new Date());
  if (!c) notFound();
  const [t, td, tc, tg, format, follows] = await Promise.all([
    getTranslations("consultations"),
    getTranslations("dialogue"),
    getTranslations("common"),
    getTranslations("gcm"),
    getFormatter(),
    followState(actor, "CONSULTATION", c.id),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const mayPost = canContribute(actor) && c.phase === "open";
  const background = pickText(c.background, locale);
  const synthesis = c.synthesis ? pickText(c.synthesis, locale) : null;
  const orgNames = new Map(actor?.memberships.map((m) => [m.organizationId, m.organizationName]) ?? []);
  const basePowers = {
    locale,
    mayPost,
    signedIn: !!actor,
    languages: c.languages.map((l) => ({ value: l, label: tc(`languages.${l}`) })),
    voiceOrganizations: verifiedOrganizations(actor).map((m) => ({ value: m.organizationId, label: m.organizationName })),
    ownIds: new Set(c.ownIds),
    supportedIds: new Set(c.supportedIds),
    convertibleIds: new Set(c.convertibleIds),
    draftingOrganizations: draftingOrganizationIds(actor).map((value) => ({ value, label: orgNames.get(value) ?? value })),
  };
  const hidden = <input type="hidden" name="locale" value={locale} />;
  return (
    <>
      <PageHeader
        title={pickText(c.title, locale)?.text ?? t("title")}
        lead={
          <span className="flex flex-wrap items-center gap-2 text-base">
            <PhaseBadge phase={c.phase} />
            <span>{t("dates", { opensOn: day(c.opensOn), closesOn: day(c.closesOn) })}</span>
            <span>· {t("contributionCount", { count: c.contributionCount })}</span>
          </span>
        }
        actions={
          c.mayManage ? (
            <Link href={`/dialogue/consultations/${c.id}/manage`} className="font-medium text-blue-800 underline">
              {t("manage")}
            </Link>
          ) : null
        }
      />
      <div className="max-w-3xl min-w-0 space-y-8">
        <DoneNotice done={(await searchParams).done} />
        {pickText(c.title, locale)?.fallback ? <p className="text-sm text-slate-800">{t("writtenIn", { language: tc(`languages.${pickText(c.title, locale)!.lang}`) })}</p> : null}
        <section aria-labelledby="about" className="space-y-2">
          <h2 id="about" className="text-xl font-semibold text-slate-950">
            {t("background")}
          </h2>
          {c.ownerName ? <p className="text-sm text-slate-800">{t("openedBy", { name: c.ownerName })}</p> : null}
          {background ? (
            <>
              {background.fallback ? <p className="text-sm text-slate-800">{t("writtenIn", { language: tc(`languages.${background.lang}`) })}</p> : null}
              <p lang={background.lang} className="break-words whitespace-pre-line text-slate-900">
                {background.text}
              </p>
            </>
          ) : null}
          <p className="text-sm text-slate-800">{t("takesLanguages", { languages: c.languages.map((l) => tc(`languages.${l}`)).join(", ") })}</p>
          <p className="text-sm text-slate-800">
            {t("objectives")}{" "}
            {c.objectives.map((n, i) => (
              <span key={n}>
                {i > 0 ? ", " : ""}
                {`${n}. ${tg(String(n))}`}
              </span>
            ))}
          </p>
        </section>

        <FollowSection
          actor={actor}
          locale={locale}
          subject="CONSULTATION"
          subjectKey={c.id}
          state={follows}
          mayFollow={mayFollow(actor, { subject: "CONSULTATION", status: c.status, ownerId: c.ownerId })}
          returnPath={`/dialogue/consultations/${c.id}`}
          actions={{ follow: followAction, unfollow: unfollowAction }}
        />

        {synthesis ? (
          <Card>
            <section id="synthesis" aria-labelledby="synthesis-heading" className="space-y-3">
              <h2 id="synthesis-heading" className="text-xl font-semibold text-slate-950">
                {t("synthesis.heading")}
              </h2>
              {c.synthesizedAt ? <p className="text-sm text-slate-800">{t("synthesis.published", { date: day(c.synthesizedAt) })}</p> : null}
              {synthesis.fallback ? <p className="text-sm font-medium text-slate-800">{t("writtenIn", { language: tc(`languages.${synthesis.lang}`) })}</p> : null}
              <Markdown source={synthesis.text} lang={synthesis.lang} />
              {c.cited.length ? (
                <>
                  <h3 className="text-lg font-semibold text-slate-950">{t("synthesis.draws")}</h3>
                  <ul className="list-disc space-y-1 pl-6">
                    {c.cited.map((x) => (
                      <li key={x.id} className="break-words">
                        <a href={`#c-${x.id}`} className="font-medium text-blue-800 underline">
                          <AuthorLine t={td} author={x.author} />
                        </a>
                        {": "}
                        <span lang={x.language}>{x.body.length > 160 ? `${x.body.slice(0, 159)}…` : x.body}</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          </Card>
        ) : null}

        {c.updates.length ? (
          <section id="updates" aria-labelledby="updates-heading" className="space-y-3">
            <h2 id="updates-heading" className="text-xl font-semibold text-slate-950">
              {t("updates.heading")}
            </h2>
            <ul className="space-y-3">
              {c.updates.map((u) => (
                <Card key={u.id} as="li" className="min-w-0 space-y-1">
                  <p className="text-sm text-slate-800">
                    {format.dateTime(u.createdAt, { dateStyle: "long" })} · {t("writtenIn", { language: tc(`languages.${u.language}`) })}
                  </p>
                  <p lang={u.language} className="break-words whitespace-pre-line text-slate-900">
                    {u.body}
                  </p>
                </Card>
              ))}
            </ul>
          </section>
        ) : null}

        {!actor && c.phase === "open" ? (
          <p>
            <Link href={`/sign-in?next=/${locale}/dialogue/consultations/${c.id}`}>{t("signIn")}</Link>
          </p>
        ) : null}
        {c.phase !== "open" && c.phase !== "draft" ? <p className="text-slate-800">{t("notOpenNote")}</p> : null}

        {c.questions.map((q) => {
          const text = pickText(q.text, locale);
          const powers: ReaderPowers = { ...basePowers, questionTitle: text?.text ?? "" };
          return (
            <section key={q.id} aria-labelledby={`q-${q.id}`} className="space-y-3">
              <h2 id={`q-${q.id}`} className="text-xl font-semibold break-words text-slate-950">
                {t("questionNumber", { number: q.position })} <LocalizedLine value={q.text} locale={locale} />
              </h2>
              {q.contributions.length === 0 ? <p className="text-slate-800">{t("noContributions")}</p> : null}
              <div className="space-y-3">
                {q.contributions.map((x) => (
                  <Contribution key={x.id} c={x} powers={powers} />
                ))}
              </div>
              {mayPost ? (
                <Card>
                  <h3 className="mb-3 text-lg font-semibold text-slate-950">{t("contributeForm.heading")}</h3>
                  <ActionForm action={contributeAction} aria-label={t("contributeForm.heading")} className="space-y-3">
                    {hidden}
                    <input type="hidden" name="questionId" value={q.id} />
                    <Select name="language" label={t("contributeForm.language")} defaultValue={c.languages.includes(locale) ? locale : c.languages[0]} options={basePowers.languages} />
                    <TextArea name="body" label={t("contributeForm.body")} required requiredLabel={tc("requiredField")} maxLength={CONSULTATION_LIMITS.body} rows={5} />
                    <VoiceFields organizations={basePowers.voiceOrganizations} />
                    <Button pendingLabel={t("working")}>{t("contributeForm.submit")}</Button>
                  </ActionForm>
                </Card>
              ) : null}
            </section>
          );
        })}
        <p>
          <Link href="/dialogue/consultations">{t("back")}</Link>
        </p>
      </div>
    </>
  );
}
