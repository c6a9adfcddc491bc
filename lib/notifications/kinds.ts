/**
 * The in-app notifications and the data each one carries. Commands create them with notify()
 * inside their transaction; components/notifications/notification-text.tsx turns them into a
 * sentence from messages/<locale>/notifications.json ("kinds.<kind with _>").
 *
 *   proposal.commented      { proposalId, proposalTitle, authorName }        to the authoring organization's members
 *   proposal.replied        { proposalId, proposalTitle, authorName }        to the author of the comment answered
 *   proposal.cosponsored    { proposalId, proposalTitle, organizationName }  to the authoring organization's members
 *   proposal.review_started { proposalId, proposalTitle }                    to the authoring organization's members
 *   proposal.accepted       { proposalId, proposalTitle }                    〃
 *   proposal.not_retained   { proposalId, proposalTitle }                    〃
 *   proposal.incorporated   { proposalId, proposalTitle }                    〃
 *   nomination.accepted     { sessionId, sessionTitle, nomineeName }         to the committee member who nominated
 *   nomination.declined     { sessionId, sessionTitle, nomineeName }         〃
 *   nomination.selected     { sessionId, sessionTitle }                      to the nominee (a member), at confirmation
 *   nomination.not_selected { sessionId, sessionTitle }                      〃
 *
 * Proposal kinds link to the proposal; nomination kinds link to the committee's page for the
 * session (accepted, declined) or to the public session page (selected, not selected).
 * sessionTitle is a plain string, in the recipient's language.
 *
 * Data must hold only what the recipient may read: names and titles, never emails.
 */
export const NOTIFICATION_KINDS = [
  "proposal.commented",
  "proposal.replied",
  "proposal.cosponsored",
  "proposal.review_started",
  "proposal.accepted",
  "proposal.not_retained",
  "proposal.incorporated",
] as const;

/** Kinds about a nomination; their sentences link to a session (kept apart: NOTIFICATION_KINDS are the proposal ones). */
export const NOMINATION_NOTIFICATION_KINDS = ["nomination.accepted", "nomination.declined", "nomination.selected", "nomination.not_selected"] as const;

export type ProposalNotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NominationNotificationKind = (typeof NOMINATION_NOTIFICATION_KINDS)[number];
export type NotificationKind = ProposalNotificationKind | NominationNotificationKind;

/** The placeholders each kind's sentence needs, besides the proposal it links to. */
const NEEDS: Record<ProposalNotificationKind, readonly ("authorName" | "organizationName")[]> = {
  "proposal.commented": ["authorName"],
  "proposal.replied": ["authorName"],
  "proposal.cosponsored": ["organizationName"],
  "proposal.review_started": [],
  "proposal.accepted": [],
  "proposal.not_retained": [],
  "proposal.incorporated": [],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

export const isNotificationKind = (kind: string): kind is ProposalNotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

export const isNominationNotificationKind = (kind: string): kind is NominationNotificationKind =>
  (NOMINATION_NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** The placeholders of each nomination kind's sentence, besides the session title, and the page it links to. */
const NOMINATION_SENTENCES: Record<NominationNotificationKind, { needs: readonly "nomineeName"[]; href: (sessionId: string) => string }> = {
  "nomination.accepted": { needs: ["nomineeName"], href: (id) => `/dashboard/committee/sessions/${id}` },
  "nomination.declined": { needs: ["nomineeName"], href: (id) => `/dashboard/committee/sessions/${id}` },
  "nomination.selected": { needs: [], href: (id) => `/sessions/${id}` },
  "nomination.not_selected": { needs: [], href: (id) => `/sessions/${id}` },
};

/**
 * How a stored notification becomes a sentence: the catalogue key, its values and the proposal
 * it links to. Pure (tests call it); anything malformed falls back to a generic sentence, with
 * the link when the proposal id is usable, so an old or unknown kind never breaks the page.
 */
export type NotificationSentence =
  | {
      kind: "known";
      key: string;
      values: Record<string, string>;
      /** The proposal of a proposal kind; null for the other kinds. */
      proposalId: string | null;
      /** The page the sentence links to (without the locale). */
      href: string;
    }
  | { kind: "generic"; proposalId: string | null };

export function describeNotification(kind: string, data: unknown): NotificationSentence {
  const d = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (isNominationNotificationKind(kind)) {
    const rawSession = text(d.sessionId);
    const sessionId = rawSession && UUID.test(rawSession) ? rawSession : null;
    const sessionTitle = text(d.sessionTitle);
    const generic = { kind: "generic", proposalId: null } as const;
    if (!sessionId || !sessionTitle) return generic;
    const rule = NOMINATION_SENTENCES[kind];
    const values: Record<string, string> = { sessionTitle };
    for (const name of rule.needs) {
      const value = text(d[name]);
      if (!value) return generic;
      values[name] = value;
    }
    return { kind: "known", key: kind.replaceAll(".", "_"), values, proposalId: null, href: rule.href(sessionId) };
  }
  const rawId = text(d.proposalId);
  const proposalId = rawId && UUID.test(rawId) ? rawId : null;
  const proposalTitle = text(d.proposalTitle);
  if (!isNotificationKind(kind) || !proposalId || !proposalTitle) return { kind: "generic", proposalId };
  const values: Record<string, string> = { proposalTitle };
  for (const name of NEEDS[kind]) {
    const value = text(d[name]);
    if (!value) return { kind: "generic", proposalId };
    values[name] = value;
  }
  return { kind: "known", key: kind.replaceAll(".", "_"), values, proposalId, href: `/proposals/${proposalId}` };
}
