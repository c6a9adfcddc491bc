import type { PublicLogEntry } from "@/lib/audit/queries";

/**
 * How one public log entry becomes a sentence: the catalogue key under `transparency.actions`
 * (the action with dots replaced by "_") and the values it needs, taken from the entry's data.
 * Pure, so the page and the feed say the same thing and tests can check it without rendering.
 */
export type EntrySentence =
  | { kind: "known"; key: string; values: Record<string, string>; organizationSlug: string | null }
  | { kind: "generic"; action: string };

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Helpers = {
  /** Label of a site role in the sentence ("staff", "administrator"). */
  roleLabel: (role: "STAFF" | "ADMIN") => string;
  /** A calendar day (YYYY-MM-DD) in the reader's language. */
  formatDay: (day: string) => string;
  /** The raw catalogue message `transparency.actions.<key>`, or null (for actions added by other capabilities). */
  rawMessage: (key: string) => string | null;
};

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
      };
    }
    case "role.granted":
    case "role.revoked": {
      const userName = text(data.userName);
      const role = data.role === "STAFF" || data.role === "ADMIN" ? data.role : null;
      if (!userName || !role) return generic;
      return { kind: "known", key: actionKey(entry.action), values: { userName, role: helpers.roleLabel(role) }, organizationSlug: null };
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
      return { kind: "known", key, values, organizationSlug: null };
    }
    case "committee_term.ended": {
      const userName = text(data.userName);
      if (!userName) return generic;
      return { kind: "known", key: "committee_term_ended", values: { userName }, organizationSlug: null };
    }
    default: {
      // An action another capability added to the catalogue: pass its text values through.
      const key = actionKey(entry.action);
      const message = /^[a-z0-9_]+$/i.test(key) ? helpers.rawMessage(key) : null;
      if (!message) return generic;
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(data)) {
        if (typeof value === "string") values[name] = value;
        else if (typeof value === "number" || typeof value === "boolean") values[name] = String(value);
      }
      // Every placeholder of the sentence must have a value, or the generic sentence is safer.
      const needed = [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]);
      if (needed.some((name) => !(name in values))) return generic;
      const slug = text(data.organizationSlug);
      return { kind: "known", key, values, organizationSlug: slug && SLUG.test(slug) ? slug : null };
    }
  }
}

type Translator = {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
  raw(key: string): unknown;
};

/** The helpers above from the `transparency` translator and a date formatter of the reader's locale. */
export function catalogueHelpers(t: Translator, formatDate: (date: Date) => string): Helpers {
  return {
    roleLabel: (role) => t(`roles.${role}`),
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

// Steps an organization takes (submitting, withdrawing, co-sponsoring) are signed with the
// organization's name: the person who clicked may not want their name in a public log.
const ORGANIZATION_ACTIONS = new Set([
  "proposal.submitted",
  "proposal.withdrawn",
  "proposal.cosponsored",
  "proposal.cosponsor_withdrawn",
]);

/** Who the public log names for an entry: a person (staff, committee), an organization, or nobody. */
export function publicSignature(entry: Pick<PublicLogEntry, "action" | "actorName" | "data">): string | null {
  if (ORGANIZATION_ACTIONS.has(entry.action)) {
    return typeof entry.data?.organizationName === "string" ? entry.data.organizationName : null;
  }
  return entry.actorName;
}
