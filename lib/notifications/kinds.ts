import { ANCHOR_PATTERN } from "@/lib/report/anchors";

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
 *   nomination.withdrawn    { sessionId, sessionTitle, nomineeName }         〃 (when the nominee withdraws)
 *   session.changed         { sessionId, sessionTitle }                      to the session's registrants, when its time, place, format or link change
 *   session_question.taken_up { sessionId, sessionTitle }                    to the asker, when the panel takes their question up
 *   session_question.answered { sessionId, sessionTitle }                    〃, when it is answered
 *   nomination.selected     { sessionId, sessionTitle }                      to the nominee (a member), at confirmation
 *   nomination.not_selected { sessionId, sessionTitle }                      〃
 *   report.final_published  { versionNumber, title }                         to every member of every verified organization
 *   report.comment_answered { versionNumber, anchor }                        to the author of the comment answered
 *   commitment.updated      { commitmentId, title }                          to followers of the commitment and of its country, when staff post a dated update
 *   commitment.status_changed { commitmentId, title }                        〃, when its status changes (by an update or an edit)
 *   evaluation.opened       { evaluationId, title }                          to a session's registrants, when its evaluation opens (title in their language)
 *   dialogue.answered       { questionId, title }                            to the asker of a question to the delegates (also under a pseudonym), when it is answered
 *   moderation.post_hidden  { href, reason }                                 to the author of a post moderators hid (the public reason)
 *   moderation.post_unhidden { href }                                        to the author of a post shown again
 *   consultation.synthesis_published { consultationId, title }               to every contributor (also under a pseudonym), title in their language
 *   proposal.followed_status_changed { proposalId, proposalTitle, status }   to the proposal's followers (not its authors), when its status changes (an answer included)
 *   proposal.followed_commented { proposalId, proposalTitle, authorName }    〃, on a new public comment
 *   session.followed_changed { sessionId, sessionTitle }                     to the session's followers who did not register, when its time, place, format or link change
 *   consultation.updated    { consultationId, title }                        to the consultation's followers, when its owner posts an update
 *   consultation.followed_synthesis_published { consultationId, title }      to its followers who did not contribute, when the synthesis is published
 *   account.archive_ready   {}                                               to the person whose "download my data" archive is ready (links to /account)
 *
 * Proposal kinds link to the proposal; nomination kinds link to the committee's page for the
 * session (accepted, declined) or to the public session page (selected, not selected).
 * sessionTitle is a plain string, in the recipient's language. Report kinds link to the final
 * report (/report) or to the commented paragraph (/report/versions/{versionNumber}#{anchor});
 * versionNumber is a positive integer, title the version's title (a plain string).
 * Commitment kinds link to the initiative's page (/champions/initiatives/{id}) or the recommendation's (/report/follow-up/{id}); title
 * is its title in the recipient's language (or the first it has).
 *
 * Data must hold only what the recipient may read: names and titles, never emails.
 */

/** Kinds about a proposal; their sentences link to the proposal. */
export const PROPOSAL_NOTIFICATION_KINDS = [
  "proposal.commented",
  "proposal.replied",
  "proposal.cosponsored",
  "proposal.review_started",
  "proposal.accepted",
  "proposal.not_retained",
  "proposal.incorporated",
  "proposal.followed_status_changed",
  "proposal.followed_commented",
] as const;

/** Kinds about a review session or a nomination to it; their sentences link to a session. */
export const NOMINATION_NOTIFICATION_KINDS = [
  "nomination.accepted",
  "nomination.declined",
  "nomination.withdrawn",
  "nomination.selected",
  "nomination.not_selected",
  "session.changed",
  "session_question.taken_up",
  "session_question.answered",
  "session.followed_changed",
] as const;

/** Kinds about the review report; their sentences link to the report or to one of its paragraphs. */
export const REPORT_NOTIFICATION_KINDS = ["report.final_published", "report.comment_answered"] as const;

/** Kinds about a champion State's initiative or a recommendation followed; their sentences link to it. */
export const COMMITMENT_NOTIFICATION_KINDS = ["commitment.updated", "commitment.status_changed"] as const;

/** Kinds about an evaluation of the process; their sentences link to it. */
export const EVALUATION_NOTIFICATION_KINDS = ["evaluation.opened"] as const;

export type EvaluationNotificationKind = (typeof EVALUATION_NOTIFICATION_KINDS)[number];
/** Kinds about a question to the delegates; their sentences link to the question. */
export const DIALOGUE_NOTIFICATION_KINDS = ["dialogue.answered"] as const;
export type DialogueNotificationKind = (typeof DIALOGUE_NOTIFICATION_KINDS)[number];
/** Kinds about a consultation; their sentences link to its synthesis. */
export const CONSULTATION_NOTIFICATION_KINDS = ["consultation.synthesis_published", "consultation.updated", "consultation.followed_synthesis_published"] as const;
export type ConsultationNotificationKind = (typeof CONSULTATION_NOTIFICATION_KINDS)[number];

/** Kinds about a post moderators hid or showed again (lib/moderation); their sentences link to where it appears. */
export const MODERATION_NOTIFICATION_KINDS = ["moderation.post_hidden", "moderation.post_unhidden"] as const;

export type ModerationNotificationKind = (typeof MODERATION_NOTIFICATION_KINDS)[number];
export type CommitmentNotificationKind = (typeof COMMITMENT_NOTIFICATION_KINDS)[number];
export type ProposalNotificationKind = (typeof PROPOSAL_NOTIFICATION_KINDS)[number];
export type NominationNotificationKind = (typeof NOMINATION_NOTIFICATION_KINDS)[number];
export type ReportNotificationKind = (typeof REPORT_NOTIFICATION_KINDS)[number];
export type NotificationKind = ProposalNotificationKind | NominationNotificationKind | ReportNotificationKind | CommitmentNotificationKind | EvaluationNotificationKind | DialogueNotificationKind | ModerationNotificationKind | ConsultationNotificationKind | AccountNotificationKind;

/** Kinds about the person's own account (lib/account-data); their sentences link to /account. */
export const ACCOUNT_NOTIFICATION_KINDS = ["account.archive_ready"] as const;
export type AccountNotificationKind = (typeof ACCOUNT_NOTIFICATION_KINDS)[number];

/** The page of a commitment (without the locale): an initiative's, or a recommendation's in the report's follow-up. */
export const commitmentHref = (commitmentId: string, recommendation = false) =>
  recommendation ? `/report/follow-up/${commitmentId}` : `/champions/initiatives/${commitmentId}`;

/** The placeholders each kind's sentence needs, besides the proposal it links to. */
const NEEDS: Record<ProposalNotificationKind, readonly ("authorName" | "organizationName" | "status")[]> = {
  "proposal.commented": ["authorName"],
  "proposal.replied": ["authorName"],
  "proposal.cosponsored": ["organizationName"],
  "proposal.review_started": [],
  "proposal.accepted": [],
  "proposal.not_retained": [],
  "proposal.incorporated": [],
  "proposal.followed_status_changed": ["status"],
  "proposal.followed_commented": ["authorName"],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

export const isProposalNotificationKind = (kind: string): kind is ProposalNotificationKind => (PROPOSAL_NOTIFICATION_KINDS as readonly string[]).includes(kind);

export const isNominationNotificationKind = (kind: string): kind is NominationNotificationKind =>
  (NOMINATION_NOTIFICATION_KINDS as readonly string[]).includes(kind);

export const isReportNotificationKind = (kind: string): kind is ReportNotificationKind =>
  (REPORT_NOTIFICATION_KINDS as readonly string[]).includes(kind);

export const isCommitmentNotificationKind = (kind: string): kind is CommitmentNotificationKind =>
  (COMMITMENT_NOTIFICATION_KINDS as readonly string[]).includes(kind);

export const isModerationNotificationKind = (kind: string): kind is ModerationNotificationKind =>
  (MODERATION_NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** A path on this site (as lib/moderation/targets.ts builds them), never another site's. */
const SITE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~/#]{0,300}$/;

/** A moderation kind's sentence: the page the post appears on and, when hidden, the public reason. */
function describeModerationNotification(kind: ModerationNotificationKind, d: Record<string, unknown>): NotificationSentence {
  const generic = { kind: "generic", proposalId: null } as const;
  const href = text(d.href);
  if (!href || !SITE_PATH.test(href)) return generic;
  if (kind === "moderation.post_unhidden") return { kind: "known", key: "moderation_post_unhidden", values: {}, proposalId: null, href };
  const reason = text(d.reason);
  if (!reason) return generic;
  return { kind: "known", key: "moderation_post_hidden", values: { reason }, proposalId: null, href };
}

/** A report kind's sentence: the version it is about and, for a comment, the paragraph's anchor. */
function describeReportNotification(kind: ReportNotificationKind, d: Record<string, unknown>): NotificationSentence {
  const generic = { kind: "generic", proposalId: null } as const;
  const n = d.versionNumber;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) return generic;
  const versionNumber = String(n);
  if (kind === "report.final_published") {
    const title = text(d.title);
    if (!title) return generic;
    return { kind: "known", key: "report_final_published", values: { versionNumber, title }, proposalId: null, href: "/report" };
  }
  const anchor = text(d.anchor);
  if (!anchor || !ANCHOR_PATTERN.test(anchor)) return generic;
  return { kind: "known", key: "report_comment_answered", values: { versionNumber }, proposalId: null, href: `/report/versions/${n}#${anchor}` };
}

/** The placeholders of each nomination kind's sentence, besides the session title, and the page it links to. */
const NOMINATION_SENTENCES: Record<NominationNotificationKind, { needs: readonly "nomineeName"[]; href: (sessionId: string) => string }> = {
  "nomination.accepted": { needs: ["nomineeName"], href: (id) => `/dashboard/committee/sessions/${id}` },
  "nomination.declined": { needs: ["nomineeName"], href: (id) => `/dashboard/committee/sessions/${id}` },
  "nomination.withdrawn": { needs: ["nomineeName"], href: (id) => `/dashboard/committee/sessions/${id}` },
  "nomination.selected": { needs: [], href: (id) => `/sessions/${id}` },
  "nomination.not_selected": { needs: [], href: (id) => `/sessions/${id}` },
  "session.changed": { needs: [], href: (id) => `/sessions/${id}` },
  "session_question.taken_up": { needs: [], href: (id) => `/sessions/${id}` },
  "session_question.answered": { needs: [], href: (id) => `/sessions/${id}` },
  "session.followed_changed": { needs: [], href: (id) => `/sessions/${id}` },
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
  if ((ACCOUNT_NOTIFICATION_KINDS as readonly string[]).includes(kind)) return { kind: "known", key: kind.replaceAll(".", "_"), values: {}, proposalId: null, href: "/account" };
  if (isReportNotificationKind(kind)) return describeReportNotification(kind, d);
  if ((DIALOGUE_NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
    const rawId = text(d.questionId);
    const title = text(d.title);
    if (!rawId || !UUID.test(rawId) || !title) return { kind: "generic", proposalId: null };
    return { kind: "known", key: kind.replaceAll(".", "_"), values: { title }, proposalId: null, href: `/dialogue/questions/${rawId}` };
  }
  if (isModerationNotificationKind(kind)) return describeModerationNotification(kind, d);
  if ((CONSULTATION_NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
    const rawId = text(d.consultationId);
    const title = text(d.title);
    if (!rawId || !UUID.test(rawId) || !title) return { kind: "generic", proposalId: null };
    const anchor = kind === "consultation.updated" ? "updates" : "synthesis";
    return { kind: "known", key: kind.replaceAll(".", "_"), values: { title }, proposalId: null, href: `/dialogue/consultations/${rawId}#${anchor}` };
  }
  if (isCommitmentNotificationKind(kind)) {
    const rawId = text(d.commitmentId);
    const title = text(d.title);
    if (!rawId || !UUID.test(rawId) || !title) return { kind: "generic", proposalId: null };
    return { kind: "known", key: kind.replaceAll(".", "_"), values: { title }, proposalId: null, href: commitmentHref(rawId, d.recommendation === true) };
  }
  if ((EVALUATION_NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
    const rawId = text(d.evaluationId);
    const title = text(d.title);
    if (!rawId || !UUID.test(rawId) || !title) return { kind: "generic", proposalId: null };
    return { kind: "known", key: kind.replaceAll(".", "_"), values: { title }, proposalId: null, href: `/dialogue/evaluations/${rawId}` };
  }
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
  if (!isProposalNotificationKind(kind) || !proposalId || !proposalTitle) return { kind: "generic", proposalId };
  const values: Record<string, string> = { proposalTitle };
  for (const name of NEEDS[kind]) {
    const value = text(d[name]);
    if (!value) return { kind: "generic", proposalId };
    values[name] = value;
  }
  return { kind: "known", key: kind.replaceAll(".", "_"), values, proposalId, href: `/proposals/${proposalId}` };
}
