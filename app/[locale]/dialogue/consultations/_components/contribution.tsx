import { randomUUID } from "node:crypto";
import { getFormatter, getTranslations } from "next-intl/server";
import { FlagLink, HiddenNotice } from "@/components/moderation/flag-link";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { ContributionView } from "@/lib/consultations/queries";
import { CONSULTATION_LIMITS } from "@/lib/consultations/schemas";
import { PROPOSAL_LIMITS } from "@/lib/proposals/schemas";
import { AuthorLine } from "../../_components/parts";
import { VoiceFields } from "@/components/dialogue/voice-fields";
import { contributeAction, convertContributionAction, supportContributionAction, withdrawContributionSupportAction } from "../actions";

type Option = { value: string; label: string };

/** What the reader may do on this page, decided by the page with the policy's functions. */
export type ReaderPowers = {
  locale: AppLocale;
  /** Signed in and the consultation takes posts now. */
  mayPost: boolean;
  /** Signed in: the "Flag" link to the site's moderators (lib/moderation). */
  signedIn: boolean;
  languages: Option[];
  voiceOrganizations: Option[];
  ownIds: Set<string>;
  supportedIds: Set<string>;
  convertibleIds: Set<string>;
  /** Organizations the reader writes proposals for (empty: none). */
  draftingOrganizations: Option[];
  /** The question, as the proposal's first title. */
  questionTitle: string;
};

/** One contribution with its supports, marks (cited, became a proposal), replies and the forms the reader may use. */
export async function Contribution({ c, powers, reply = false }: { c: ContributionView; powers: ReaderPowers; reply?: boolean }) {
  const [t, td, tc, format] = await Promise.all([getTranslations("consultations"), getTranslations("dialogue"), getTranslations("common"), getFormatter()]);
  const hidden = <input type="hidden" name="locale" value={powers.locale} />;
  const own = powers.ownIds.has(c.id);
  return (
    <article id={`c-${c.id}`} aria-label={t("contributionBy", { date: format.dateTime(c.createdAt, { dateStyle: "medium" }) })} className={reply ? "min-w-0 space-y-2 border-l-4 border-slate-200 pl-3" : "min-w-0 space-y-2 rounded-md border border-slate-300 p-3"}>
      <p className="text-sm text-slate-800">
        <AuthorLine t={td} author={c.author} /> · {format.dateTime(c.createdAt, { dateStyle: "medium" })} · {t("writtenIn", { language: tc(`languages.${c.language}`) })}
      </p>
      {c.hidden ? (
        <HiddenNotice reason={c.hidden.reason} at={c.hidden.at} format={(date) => format.dateTime(date, "short")} />
      ) : (
        <p lang={c.language} className="break-words whitespace-pre-line text-slate-900">
          {c.body}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-800">{t("supports", { count: c.supports })}</span>
        {c.cited ? (
          <Badge tone="info">
            <a href="#synthesis" className="underline">
              {t("cited")}
            </a>
          </Badge>
        ) : null}
        {c.proposal ? (
          <span className="text-slate-800">
            {t("becameProposal")}{" "}
            <Link href={`/proposals/${c.proposal.id}`} lang={c.proposal.language} className="font-medium text-blue-800 underline">
              {c.proposal.title}
            </Link>
          </span>
        ) : null}
        {own ? <span className="text-slate-800">{t("yours")}</span> : powers.supportedIds.has(c.id) ? <span className="text-slate-800">{t("youSupport")}</span> : null}
      </div>
      {powers.signedIn && !own && !c.hidden ? <FlagLink kind="CONSULTATION_CONTRIBUTION" postId={c.id} /> : null}
      {powers.mayPost && powers.supportedIds.has(c.id) ? (
        <ActionForm action={withdrawContributionSupportAction} aria-label={t("withdraw")}>
          {hidden}
          <input type="hidden" name="contributionId" value={c.id} />
          <Button variant="secondary" pendingLabel={t("working")}>
            {t("withdraw")}
          </Button>
        </ActionForm>
      ) : null}
      {powers.mayPost && !own && !c.hidden && !powers.supportedIds.has(c.id) ? (
        <details className="rounded-md border border-slate-200 p-2">
          <summary className="cursor-pointer font-medium">{t("support")}</summary>
          <ActionForm action={supportContributionAction} aria-label={t("support")} className="mt-2 space-y-3">
            {hidden}
            <input type="hidden" name="contributionId" value={c.id} />
            <VoiceFields organizations={powers.voiceOrganizations} />
            <Button pendingLabel={t("working")}>{t("support")}</Button>
          </ActionForm>
        </details>
      ) : null}
      {powers.convertibleIds.has(c.id) && powers.draftingOrganizations.length ? (
        <details className="rounded-md border border-slate-200 p-2">
          <summary className="cursor-pointer font-medium">{t("convert.summary")}</summary>
          <ActionForm action={convertContributionAction} aria-label={t("convert.summary")} className="mt-2 space-y-3">
            {hidden}
            <input type="hidden" name="sourceContributionId" value={c.id} />
            <input type="hidden" name="idempotencyKey" value={randomUUID()} />
            <p className="text-sm text-slate-800">{t("convert.explain")}</p>
            <Field name="title" label={t("convert.title")} defaultValue={powers.questionTitle.slice(0, PROPOSAL_LIMITS.title)} required requiredLabel={tc("requiredField")} maxLength={PROPOSAL_LIMITS.title} />
            {powers.draftingOrganizations.length > 1 ? <Select name="organizationId" label={t("convert.organization")} options={powers.draftingOrganizations} /> : <input type="hidden" name="organizationId" value={powers.draftingOrganizations[0].value} />}
            <Button pendingLabel={t("working")}>{t("convert.submit")}</Button>
          </ActionForm>
        </details>
      ) : null}
      {!reply && c.replies.length ? (
        <section aria-label={t("replies")} className="space-y-2">
          {c.replies.map((r) => (
            <Contribution key={r.id} c={r} powers={powers} reply />
          ))}
        </section>
      ) : null}
      {!reply && powers.mayPost && !c.hidden ? (
        <details className="rounded-md border border-slate-200 p-2">
          <summary className="cursor-pointer font-medium">{t("reply")}</summary>
          <ActionForm action={contributeAction} aria-label={t("reply")} className="mt-2 space-y-3">
            {hidden}
            <input type="hidden" name="parentId" value={c.id} />
            <Select name="language" label={t("contributeForm.language")} defaultValue={powers.languages.some((l) => l.value === powers.locale) ? powers.locale : powers.languages[0]?.value} options={powers.languages} />
            <TextArea name="body" label={t("replyLabel")} required requiredLabel={tc("requiredField")} maxLength={CONSULTATION_LIMITS.body} rows={4} />
            <VoiceFields organizations={powers.voiceOrganizations} />
            <Button pendingLabel={t("working")}>{t("reply")}</Button>
          </ActionForm>
        </details>
      ) : null}
    </article>
  );
}
