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

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The placeholders each kind's sentence needs, besides the proposal it links to. */
const NEEDS: Record<NotificationKind, readonly ("authorName" | "organizationName")[]> = {
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

export const isNotificationKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/**
 * How a stored notification becomes a sentence: the catalogue key, its values and the proposal
 * it links to. Pure (tests call it); anything malformed falls back to a generic sentence, with
 * the link when the proposal id is usable, so an old or unknown kind never breaks the page.
 */
export type NotificationSentence =
  | { kind: "known"; key: string; values: Record<string, string>; proposalId: string }
  | { kind: "generic"; proposalId: string | null };

export function describeNotification(kind: string, data: unknown): NotificationSentence {
  const d = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
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
  return { kind: "known", key: kind.replaceAll(".", "_"), values, proposalId };
}
