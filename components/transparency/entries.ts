import type { PublicLogEntry } from "@/lib/audit/queries";
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
      /** For the report's entries: the page `<report>` links to, without the locale (a version, a paragraph, the final report). */
      report?: { href: string };
    }
  | { kind: "generic"; action: string };

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SPEAKER_ROLES = ["PANELIST", "RAPPORTEUR", "MODERATOR"] as const;
type SpeakerRoleName = (typeof SPEAKER_ROLES)[number];
const isSpeakerRole = (value: unknown): value is SpeakerRoleName => SPEAKER_ROLES.includes(value as SpeakerRoleName);
const DISPOSITIONS = ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"] as const;
type DispositionName = (typeof DISPOSITIONS)[number];
const isDisposition = (value: unknown): value is DispositionName => DISPOSITIONS.includes(value as DispositionName);
const LANGUAGES = ["es", "en", "pt", "fr"] as const;
const isLanguage = (value: unknown): value is AppLocale => LANGUAGES.includes(value as AppLocale);
/** A paragraph anchor as lib/report/paragraphs.ts makes them: short, URL- and id-safe. */
const ANCHOR = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

type Helpers = {
  /** Label of a site role in the sentence ("staff", "administrator"). */
  roleLabel: (role: "STAFF" | "ADMIN") => string;
  /** A calendar day (YYYY-MM-DD) in the reader's language. */
  formatDay: (day: string) => string;
  /** The raw catalogue message `transparency.actions.<key>`, or null (for actions added by other capabilities). */
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
};

/**
 * The report version an entry is about: its number (a positive integer) and the page `<report>`
 * links to (the version, at the paragraph when the entry names a usable anchor).
 */
function versionOf(data: Record<string, unknown>) {
  const n = data.versionNumber;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) return null;
  const anchor = text(data.anchor);
  const hash = anchor && ANCHOR.test(anchor) ? `#${anchor}` : "";
  return { versionNumber: n, href: `/report/versions/${n}${hash}` };
}

/** The name of a language in the reader's language ("inglés", "anglais"), for a translation's entry. */
function languageName(code: AppLocale, reader: AppLocale) {
  const name = new Intl.DisplayNames([reader], { type: "language" }).of(code) ?? code;
  return reader === "en" ? name : name.toLocaleLowerCase(reader);
}

/** The session an entry is about: its title in the reader's language and, when its id is one, the link. */
function sessionOf(data: Record<string, unknown>, helpers: Helpers) {
  const title = pickLocalized(data.sessionTitle, helpers.locale ?? "es");
  if (!title) return null;
  const id = typeof data.sessionId === "string" && UUID.test(data.sessionId) ? data.sessionId : null;
  return { title: title.text, session: { id, lang: title.lang } };
}

function formatMoment(value: unknown, timeZone: unknown, helpers: Helpers): string | null {
  const iso = text(value);
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return helpers.formatInstant ? helpers.formatInstant(date, text(timeZone)) : helpers.formatDay(date.toISOString().slice(0, 10));
}

export function actionKey(action: string) {
  return action.replaceAll(".", "_");
}

export function describeEntry(entry: Pick<PublicLogEntry, "action" | "data">, helpers: Helpers): EntrySentence {
  const data = entry.data ?? {};
  const generic: EntrySentence = { kind: "generic", action: entry.action };
  switch (entry.action) {
    case "organization.verified":
    case "organization.suspended":
    case "organization.reinstated": {
      const organizationName = text(data.organizationName);
      if (!organizationName) return generic;
      const slug = text(data.organizationSlug);
      return {
        kind: "known",
        key: actionKey(entry.action),
        values: { organizationName },
        organizationSlug: slug && SLUG.test(slug) ? slug : null,
        session: null,
      };
    }
    case "role.granted":
    case "role.revoked": {
      const userName = text(data.userName);
      const role = data.role === "STAFF" || data.role === "ADMIN" ? data.role : null;
      if (!userName || !role) return generic;
      return { kind: "known", key: actionKey(entry.action), values: { userName, role: helpers.roleLabel(role) }, organizationSlug: null, session: null };
    }
    case "committee_term.granted": {
      const userName = text(data.userName);
      const startsOn = text(data.startsOn);
      const endsOn = text(data.endsOn);
      if (!userName || !startsOn || !endsOn || !DAY.test(startsOn) || !DAY.test(endsOn)) return generic;
      const organizationName = text(data.organizationName);
      const key = `committee_term_granted${data.isChair === true ? "_chair" : ""}${organizationName ? "_org" : ""}`;
      const values: Record<string, string> = { userName, startsOn: helpers.formatDay(startsOn), endsOn: helpers.formatDay(endsOn) };
      if (organizationName) values.organizationName = organizationName;
      return { kind: "known", key, values, organizationSlug: null, session: null };
    }
    case "committee_term.ended": {
      const userName = text(data.userName);
      if (!userName) return generic;
      return { kind: "known", key: "committee_term_ended", values: { userName }, organizationSlug: null, session: null };
    }
    // Sessions and their speakers: only the fields named here are read from the data, so
    // nothing else an entry might carry (never an email or a gender) reaches the sentence.
    case "session.opened":
    case "session.updated":
    case "session.held":
    case "session.report_published":
    case "session.report_corrected":
    case "session.speakers_confirmed": {
      const about = sessionOf(data, helpers);
      if (!about) return generic;
      const values: Record<string, string | number> = { sessionTitle: about.title };
      if (entry.action === "session.opened") {
        const deadline = formatMoment(data.nominationDeadline, data.timeZone, helpers);
        if (!deadline) return generic;
        values.nominationDeadline = deadline;
      }
      if (entry.action === "session.speakers_confirmed") {
        const count = data.speakerCount;
        if (typeof count !== "number" || !Number.isInteger(count) || count < 0) return generic;
        values.speakerCount = count;
      }
      return { kind: "known", key: actionKey(entry.action), values, organizationSlug: null, session: about.session };
    }
    case "nomination.confirmed": {
      const about = sessionOf(data, helpers);
      const selectedBy = text(data.selectedBy);
      const rationale = text(data.rationale);
      if (!about || !selectedBy || !rationale || !isSpeakerRole(data.role) || !helpers.speakerRoleLabel) return generic;
      // The name and the organization are there only when the speaker allowed them to be published.
      const speakerName = text(data.speakerName);
      const organizationName = text(data.organizationName);
      const values: Record<string, string> = {
        sessionTitle: about.title,
        role: helpers.speakerRoleLabel(data.role).toLocaleLowerCase(helpers.locale ?? "es"),
        selectedBy,
        rationale,
      };
      if (speakerName) values.speakerName = speakerName;
      if (organizationName) values.organizationName = organizationName;
      const key = `nomination_confirmed${speakerName ? "_named" : "_withheld"}${organizationName ? "_org" : ""}`;
      return { kind: "known", key, values, organizationSlug: null, session: about.session };
    }
    // The review report: only the fields named here are read from the data; a draft never has
    // public entries, so every title here is one the public may read.
    case "report.version_opened":
    case "report.version_closed":
    case "report.translation_added":
    case "report.final_published": {
      const version = versionOf(data);
      const title = text(data.title);
      if (!version || !title) return generic;
      const values: Record<string, string | number> = { versionNumber: version.versionNumber, title };
      if (entry.action === "report.version_opened") {
        const deadline = formatMoment(data.commentDeadline, data.timeZone, helpers);
        if (!deadline) return generic;
        values.commentDeadline = deadline;
      }
      if (entry.action === "report.translation_added") {
        if (!isLanguage(data.language)) return generic;
        values.language = languageName(data.language, helpers.locale ?? "es");
      }
      const href = entry.action === "report.final_published" ? "/report" : `/report/versions/${version.versionNumber}`;
      return { kind: "known", key: actionKey(entry.action), values, organizationSlug: null, session: null, report: { href } };
    }
    case "report.comment_posted":
    case "report.comment_answered": {
      // Signed by the organization; a comment without one is the Civil Society Committee's (or,
      // on a draft, the secretariat's), as `signedAs` says.
      const version = versionOf(data);
      if (!version) return generic;
      const organizationName = text(data.organizationName);
      const signedAs = organizationName ? null : data.signedAs === "committee" || data.signedAs === "secretariat" ? data.signedAs : undefined;
      if (signedAs === undefined) return generic;
      const values: Record<string, string | number> = { versionNumber: version.versionNumber };
      if (organizationName) values.organizationName = organizationName;
      if (entry.action === "report.comment_answered") {
        if (!isDisposition(data.disposition) || !helpers.dispositionLabel) return generic;
        values.disposition = helpers.dispositionLabel(data.disposition);
      }
      const key = `${actionKey(entry.action)}${signedAs ? `_${signedAs}` : ""}`;
      return { kind: "known", key, values, organizationSlug: null, session: null, report: { href: version.href } };
    }
    case "report.proposal_linked":
    case "report.proposal_unlinked": {
      const version = versionOf(data);
      const proposalTitle = text(data.proposalTitle);
      if (!version || !proposalTitle) return generic;
      return {
        kind: "known",
        key: actionKey(entry.action),
        values: { versionNumber: version.versionNumber, proposalTitle },
        organizationSlug: null,
        session: null,
        report: { href: version.href },
      };
    }
    default: {
      // An action another capability added to the catalogue: pass its text values through.
      const key = actionKey(entry.action);
      const message = /^[a-z0-9_]+$/i.test(key) ? helpers.rawMessage(key) : null;
      if (!message) return generic;
      const values: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(data)) {
        if (typeof value === "string") values[name] = value;
        else if (typeof value === "number" || typeof value === "boolean") values[name] = String(value);
      }
      // Every placeholder of the sentence must have a value, or the generic sentence is safer.
      const needed = [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]);
      if (needed.some((name) => !(name in values))) return generic;
      const slug = text(data.organizationSlug);
      return { kind: "known", key, values, organizationSlug: slug && SLUG.test(slug) ? slug : null, session: null };
    }
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
