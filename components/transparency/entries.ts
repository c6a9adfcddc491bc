import type { PublicLogEntry } from "@/lib/audit/queries";
import { parseEventData, visibilityOf } from "@/lib/audit/events";
import type { CommentDisposition, CommitmentStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import { countryName } from "@/lib/i18n/countries";
import { pickLocalized } from "@/lib/i18n/localized-text";
import type { AppLocale } from "@/i18n/routing";

/**
 * How one public log entry becomes a sentence: the catalogue key under `transparency.actions`
 * (the action with dots replaced by "_") and the values it needs, taken from the entry's data.
 * Pure, so the page and the feed say the same thing and tests can check it without rendering.
 */
export type EntrySentence =
  | {
      kind: "known";
      key: string;
      values: Record<string, string | number>;
      organizationSlug: string | null;
      /** For a session's entries: where `<session>` links (null: not linked) and the language its title is in. */
      session: { id: string | null; lang: AppLocale } | null;
      /**
       * The page `<report>` or `<item>` links to, without the locale: a version, a paragraph, the
       * final report; a champion State's initiative or a recommendation followed up.
       */
      link?: { href: string };
    }
  | { kind: "generic"; action: string };

type SpeakerRoleName = SpeakerRole;
type DispositionName = CommentDisposition;

type Helpers = {
  /** Label of a site role in the sentence ("staff", "administrator"). */
  roleLabel: (role: "STAFF" | "ADMIN" | "MONITORING_REVIEWER" | "DELEGATE") => string;
  /** A calendar day (YYYY-MM-DD) in the reader's language. */
  formatDay: (day: string) => string;
  /** The raw catalogue message `transparency.actions.<key>`, or null. */
  rawMessage: (key: string) => string | null;
  /** The reader's language, for texts written in several (session titles); Spanish when not given. */
  locale?: AppLocale;
  /** Label of a speaker role ("Panelist"), from common.speakerRoles; without it, confirmations read generically. */
  speakerRoleLabel?: (role: SpeakerRoleName) => string;
  /**
   * A moment in the reader's language, in the zone the entry names (a session's, a version's)
   * as its own page shows it, else in UTC saying so; without it, the calendar day in UTC.
   */
  formatInstant?: (date: Date, timeZone: string | null) => string;
  /** A comment's disposition as the log says it ("accepted in part"); without it, answers read generically. */
  dispositionLabel?: (disposition: DispositionName) => string;
  /** An initiative's or recommendation's status ("in progress"); without it, status changes read generically. */
  commitmentStatusLabel?: (status: CommitmentStatus) => string;
  /** A moderation reason's category ("off-topic"); without it, moderation entries read generically. */
  moderationReasonLabel?: (category: string) => string;
};

/** The page of a tracked initiative or recommendation, without the locale. */
const commitmentHref = (kind: "INITIATIVE" | "RECOMMENDATION", id: string) =>
  kind === "RECOMMENDATION" ? `/report/follow-up/${id}` : `/champions/initiatives/${id}`;

/** The report version an entry is about and the page `<report>` links to (at the paragraph when it names one). */
function versionOf(data: { versionNumber: number; anchor?: string }) {
  const hash = data.anchor ? `#${data.anchor}` : "";
  return { versionNumber: data.versionNumber, href: `/report/versions/${data.versionNumber}${hash}` };
}

/** The name of a language in the reader's language ("inglés", "anglais"), for a translation's entry. */
function languageName(code: AppLocale, reader: AppLocale) {
  const name = new Intl.DisplayNames([reader], { type: "language" }).of(code) ?? code;
  return reader === "en" ? name : name.toLocaleLowerCase(reader);
}

/** The session an entry is about: its title in the reader's language and the link. */
function sessionOf(data: { sessionId: string; sessionTitle: unknown }, helpers: Helpers) {
  const title = pickLocalized(data.sessionTitle, helpers.locale ?? "es");
  if (!title) return null;
  return { title: title.text, session: { id: data.sessionId, lang: title.lang } };
}

function formatMoment(iso: string, timeZone: string | undefined, helpers: Helpers): string {
  const date = new Date(iso);
  return helpers.formatInstant ? helpers.formatInstant(date, timeZone ?? null) : helpers.formatDay(date.toISOString().slice(0, 10));
}

export function actionKey(action: string) {
  return action.replaceAll(".", "_");
}

/**
 * The sentence for one entry. The entry is parsed as its typed event first (lib/audit/events.ts):
 * a row that does not match its event's schema, or an event that is never public, reads as the
 * generic sentence, and only the fields the schema names can reach the text.
 */
export function describeEntry(entry: { action: string; data: unknown }, helpers: Helpers): EntrySentence {
  const generic: EntrySentence = { kind: "generic", action: entry.action };
  const event = parseEventData(entry.action, entry.data);
  if (!event || visibilityOf(event.action) === "private") return generic;
  const known = (key: string, values: Record<string, string | number>, more: Partial<Extract<EntrySentence, { kind: "known" }>> = {}): EntrySentence => ({
    kind: "known",
    key,
    values,
    organizationSlug: null,
    session: null,
    ...more,
  });
  switch (event.action) {
    case "organization.verified":
    case "organization.suspended":
    case "organization.reinstated":
      return known(actionKey(event.action), { organizationName: event.data.organizationName }, { organizationSlug: event.data.organizationSlug });
    case "role.granted":
    case "role.revoked":
      return known(actionKey(event.action), { userName: event.data.userName, role: helpers.roleLabel(event.data.role) });
    case "committee_term.granted": {
      const { userName, organizationName, startsOn, endsOn, isChair } = event.data;
      const key = `committee_term_granted${isChair ? "_chair" : ""}${organizationName ? "_org" : ""}`;
      const values: Record<string, string> = { userName, startsOn: helpers.formatDay(startsOn), endsOn: helpers.formatDay(endsOn) };
      if (organizationName) values.organizationName = organizationName;
      return known(key, values);
    }
    case "committee_term.ended":
      return known("committee_term_ended", { userName: event.data.userName });

    case "proposal.submitted":
    case "proposal.withdrawn":
    case "proposal.review_started":
    case "proposal.accepted":
    case "proposal.not_retained":
    case "proposal.incorporated":
    case "proposal.cosponsored":
    case "proposal.cosponsor_withdrawn": {
      const { proposalTitle, organizationName, organizationSlug } = event.data;
      return known(actionKey(event.action), { proposalTitle, organizationName }, { organizationSlug });
    }
    case "comment.hidden":
      return known("comment_hidden", { proposalTitle: event.data.proposalTitle, reason: event.data.reason });

    // Sessions and their speakers: nothing but what the schema names (never an email or a gender).
    case "session.opened": {
      const about = sessionOf(event.data, helpers);
      if (!about) return generic;
      const nominationDeadline = formatMoment(event.data.nominationDeadline, event.data.timeZone, helpers);
      return known("session_opened", { sessionTitle: about.title, nominationDeadline }, { session: about.session });
    }
    case "session.speakers_confirmed": {
      const about = sessionOf(event.data, helpers);
      if (!about) return generic;
      return known("session_speakers_confirmed", { sessionTitle: about.title, speakerCount: event.data.speakerCount }, { session: about.session });
    }
    case "session.updated":
    case "session.held":
    case "session.report_published":
    case "session.report_corrected": {
      const about = sessionOf(event.data, helpers);
      if (!about) return generic;
      return known(actionKey(event.action), { sessionTitle: about.title }, { session: about.session });
    }
    case "nomination.confirmed": {
      const about = sessionOf(event.data, helpers);
      const { selectedBy, rationale, speakerName, organizationName, role } = event.data;
      if (!about || !selectedBy || !rationale || !helpers.speakerRoleLabel) return generic;
      // The name and the organization are there only when the speaker allowed them to be published.
      const values: Record<string, string> = {
        sessionTitle: about.title,
        role: helpers.speakerRoleLabel(role).toLocaleLowerCase(helpers.locale ?? "es"),
        selectedBy,
        rationale,
      };
      if (speakerName) values.speakerName = speakerName;
      if (organizationName) values.organizationName = organizationName;
      const key = `nomination_confirmed${speakerName ? "_named" : "_withheld"}${organizationName ? "_org" : ""}`;
      return known(key, values, { session: about.session });
    }

    // Questions to a session's panel: which session, never who asked.
    case "session_question.taken_up":
    case "session_question.answered":
    case "session_question.set_aside":
    case "session_question.reopened":
    case "session_question.drawn_on": {
      const about = sessionOf(event.data, helpers);
      if (!about) return generic;
      const values: Record<string, string> = { sessionTitle: about.title };
      let key = actionKey(event.action);
      if (event.action === "session_question.set_aside" && event.data.reason) {
        values.reason = event.data.reason;
        key += "_reason";
      }
      if (event.action === "session_question.drawn_on" && !event.data.drawnOn) key += "_removed";
      return known(key, values, { session: about.session });
    }

    // The review report: a draft never has public entries, so every title here is one the public may read.
    case "report.version_opened":
    case "report.version_closed":
    case "report.translation_added":
    case "report.final_published": {
      const { versionNumber, title } = event.data;
      const values: Record<string, string | number> = { versionNumber, title };
      if (event.action === "report.version_opened") values.commentDeadline = formatMoment(event.data.commentDeadline, event.data.timeZone, helpers);
      if (event.action === "report.translation_added") values.language = languageName(event.data.language, helpers.locale ?? "es");
      const href = event.action === "report.final_published" ? "/report" : `/report/versions/${versionNumber}`;
      return known(actionKey(event.action), values, { link: { href } });
    }
    case "report.comment_posted":
    case "report.comment_answered": {
      // Signed by the organization; a comment without one is the Civil Society Committee's (or,
      // on a draft, the secretariat's).
      const version = versionOf(event.data);
      const { organizationName } = event.data;
      const signedAs = organizationName ? null : event.data.signedAs;
      if (!organizationName && (!signedAs || signedAs === "organization")) return generic;
      const values: Record<string, string | number> = { versionNumber: version.versionNumber };
      if (organizationName) values.organizationName = organizationName;
      if (event.action === "report.comment_answered") {
        if (!helpers.dispositionLabel) return generic;
        values.disposition = helpers.dispositionLabel(event.data.disposition);
      }
      const key = `${actionKey(event.action)}${signedAs ? `_${signedAs}` : ""}`;
      return known(key, values, { link: { href: version.href } });
    }
    case "report.proposal_linked":
    case "report.proposal_unlinked": {
      const version = versionOf(event.data);
      return known(actionKey(event.action), { versionNumber: version.versionNumber, proposalTitle: event.data.proposalTitle }, { link: { href: version.href } });
    }

    // Champion States and the report's follow-up: titles, countries and organizations only.
    case "champion.term_added": {
      const { endsOn } = event.data;
      const values: Record<string, string> = { country: countryName(event.data.country, helpers.locale ?? "es"), startsOn: helpers.formatDay(event.data.startsOn) };
      if (endsOn) values.endsOn = helpers.formatDay(endsOn);
      return known(endsOn ? "champion_term_added_until" : "champion_term_added", values);
    }
    case "champion.term_ended":
      return known("champion_term_ended", { country: countryName(event.data.country, helpers.locale ?? "es"), endsOn: helpers.formatDay(event.data.endsOn) });
    case "commitment.created":
    case "commitment.edited":
    case "commitment.update_posted":
    case "commitment.status_changed":
    case "commitment.recommendation_marked": {
      const { kind, title, commitmentId } = event.data;
      const values: Record<string, string | number> = { title };
      if (event.data.country) values.country = countryName(event.data.country, helpers.locale ?? "es");
      if (event.action === "commitment.update_posted") values.reportedOn = helpers.formatDay(event.data.reportedOn);
      if (event.action === "commitment.recommendation_marked") Object.assign(values, { versionNumber: event.data.versionNumber, anchor: event.data.anchor });
      if (event.action === "commitment.status_changed") {
        if (!helpers.commitmentStatusLabel) return generic;
        Object.assign(values, { status: helpers.commitmentStatusLabel(event.data.status), previousStatus: helpers.commitmentStatusLabel(event.data.previousStatus) });
      }
      const suffix = event.action === "commitment.recommendation_marked" ? "" : kind === "RECOMMENDATION" ? "_recommendation" : "";
      return known(`${actionKey(event.action)}${suffix}`, values, { link: { href: commitmentHref(kind, commitmentId) } });
    }
    case "assessment.submitted":
    case "assessment.hidden":
    case "assessment.unhidden": {
      const { commitmentTitle, commitmentId, commitmentKind, organizationName, organizationSlug } = event.data;
      const values: Record<string, string> = { commitmentTitle, organizationName };
      if (event.action === "assessment.hidden") values.reason = event.data.reason;
      const key = event.action === "assessment.submitted" && event.data.revised ? "assessment_revised" : actionKey(event.action);
      return known(key, values, { organizationSlug, link: { href: commitmentHref(commitmentKind, commitmentId) } });
    }
    case "suggestion.accepted":
      return known("suggestion_accepted", { title: event.data.title, organizationName: event.data.organizationName }, {
        organizationSlug: event.data.organizationSlug,
        link: { href: commitmentHref("INITIATIVE", event.data.commitmentId) },
      });
    // Evaluations of the process: the title and how many answered, never an answer.
    case "evaluation.opened":
    case "evaluation.closed": {
      const title = pickLocalized(event.data.title, helpers.locale ?? "es");
      if (!title) return generic;
      const link = { href: `/dialogue/evaluations/${event.data.evaluationId}` };
      if (event.action === "evaluation.opened") return known("evaluation_opened", { title: title.text, closesOn: helpers.formatDay(event.data.closesOn) }, { link });
      return known("evaluation_closed", { title: title.text, answerCount: event.data.answerCount }, { link });
    }
    case "suggestion.declined":
      return known("suggestion_declined", { title: event.data.title, organizationName: event.data.organizationName, reason: event.data.reason }, { organizationSlug: event.data.organizationSlug });

    // Permanent dialogue: the institution by kind (a State by its country), never an asker's name.
    case "dialogue.question_asked":
    case "dialogue.question_answered":
    case "dialogue.question_merged": {
      const { questionId, title, institutionKind, country } = event.data;
      const values: Record<string, string | number> = { title };
      if (country) values.country = countryName(country, helpers.locale ?? "es");
      if (event.action === "dialogue.question_answered") Object.assign(values, { delegateName: event.data.delegateName, merged: event.data.merged });
      const pseudonymous = event.action === "dialogue.question_asked" && event.data.pseudonymous ? "_pseudonymous" : "";
      return known(`${actionKey(event.action)}_${institutionKind.toLowerCase()}${pseudonymous}`, values, { link: { href: `/dialogue/questions/${questionId}` } });
    }
    case "delegate.profile_updated": {
      const values: Record<string, string> = { delegateName: event.data.delegateName };
      if (event.data.country) values.country = countryName(event.data.country, helpers.locale ?? "es");
      return known(`${actionKey(event.action)}_${event.data.institutionKind.toLowerCase()}`, values, { link: { href: "/dialogue/delegates" } });
    }
    case "pseudonym.disclosure_requested":
      return known(actionKey(event.action), {});
    case "moderation.post_hidden":
      if (!helpers.moderationReasonLabel) return generic;
      return known("moderation_post_hidden", { category: helpers.moderationReasonLabel(event.data.category), reason: event.data.reason }, { link: { href: event.data.href } });
    case "moderation.post_unhidden":
      return known("moderation_post_unhidden", { reason: event.data.reason }, { link: { href: event.data.href } });
    // Consultations: the title in the reader's language (else another); never a contributor's name.
    case "consultation.opened":
    case "consultation.contributed":
    case "consultation.update_posted":
    case "consultation.closed":
    case "consultation.synthesis_published": {
      const title = pickLocalized(event.data.title, helpers.locale ?? "es");
      if (!title) return generic;
      const base = `/dialogue/consultations/${event.data.consultationId}`;
      const values: Record<string, string | number> = { title: title.text };
      let key: string = actionKey(event.action);
      let href = base;
      if (event.action === "consultation.opened") values.closesOn = helpers.formatDay(event.data.closesOn);
      if (event.action === "consultation.closed") values.count = event.data.contributionCount;
      if (event.action === "consultation.synthesis_published") {
        values.count = event.data.cited;
        href = `${base}#synthesis`;
      }
      if (event.action === "consultation.contributed") {
        key = `${key}${event.data.reply ? "_reply" : ""}${event.data.pseudonymous ? "_pseudonymous" : ""}`;
        href = `${base}#c-${event.data.contributionId}`;
      }
      return known(key, values, { link: { href } });
    }
    default:
      return generic;
  }
}

type Translator = {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
  raw(key: string): unknown;
};

/**
 * The helpers above from the `transparency` translator (roles, dispositions) and a date formatter
 * of the reader's locale; `extra` gives the reader's language, speaker role labels and a formatter for moments.
 */
export function catalogueHelpers(
  t: Translator,
  formatDate: (date: Date) => string,
  extra: Pick<Helpers, "locale" | "speakerRoleLabel" | "formatInstant"> = {},
): Helpers {
  return {
    ...extra,
    roleLabel: (role) => t(`roles.${role}`),
    dispositionLabel: (disposition) => t(`dispositions.${disposition}`),
    commitmentStatusLabel: (status) => t(`commitmentStatuses.${status}`),
    moderationReasonLabel: (category) => t(`moderationReasons.${category}`),
    formatDay: (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? day : formatDate(date);
    },
    rawMessage: (key) => {
      const full = `actions.${key}`;
      if (!t.has(full)) return null;
      const raw = t.raw(full);
      return typeof raw === "string" ? raw : null;
    },
  };
}

/** Options for calendar days (term dates): UTC, so no time zone moves them to the day before. */
export const DAY_FORMAT = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;

/** Options for moments whose entry names no zone (older entries): in UTC, saying so. */
export const INSTANT_FORMAT = {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
} as const;

// Steps an organization takes (submitting, withdrawing, co-sponsoring, commenting on the report)
// are signed with the organization's name: the person who clicked may not want their name in a
// public log.
const ORGANIZATION_ACTIONS = new Set([
  "proposal.submitted",
  "proposal.withdrawn",
  "proposal.cosponsored",
  "proposal.cosponsor_withdrawn",
  "report.comment_posted",
  "assessment.submitted",
]);

/** Who the public log names for an entry: a person (staff, committee), an organization, or nobody. */
export function publicSignature(entry: Pick<PublicLogEntry, "action" | "actorName" | "data">): string | null {
  if (ORGANIZATION_ACTIONS.has(entry.action)) {
    if (typeof entry.data?.organizationName === "string") return entry.data.organizationName;
    // A report comment without an organization is signed by a committee member, whom the log names anyway.
    return entry.action === "report.comment_posted" ? entry.actorName : null;
  }
  return entry.actorName;
}
