import type { EmailCadence, EmailCategory } from "@/lib/generated/prisma/enums";
import type { NotificationKind } from "@/lib/notifications/kinds";

/** The categories a person chooses a cadence for, in the order the page shows them. */
export const EMAIL_CATEGORIES = ["PROPOSALS", "SESSIONS", "NOMINATIONS", "REPORT", "CHAMPIONS", "DIALOGUE", "MONITORING"] as const satisfies readonly EmailCategory[];
export const EMAIL_CADENCES = ["IMMEDIATELY", "DAILY", "WEEKLY", "NEVER"] as const satisfies readonly EmailCadence[];
/** Without a choice: one daily digest. */
export const DEFAULT_CADENCE: EmailCadence = "DAILY";

/** The form's field for each category (lower case, as every form field). */
export const CATEGORY_FIELD = {
  PROPOSALS: "proposals",
  SESSIONS: "sessions",
  NOMINATIONS: "nominations",
  REPORT: "report",
  CHAMPIONS: "champions",
  DIALOGUE: "dialogue",
  MONITORING: "monitoring",
} as const satisfies Record<EmailCategory, string>;

/** Kinds never emailed as notices: the archive sends its own email when ready (lib/account-data/email.ts). */
type NotEmailedKind = "account.archive_ready";

/**
 * The category of each in-app notification kind (lib/notifications/kinds.ts). A new kind must be
 * given one here, or this does not compile. Proposals: those I wrote (my organization's) or
 * answered; sessions: those I registered for or asked in; dialogue: my questions, consultations
 * consultations I follow and what moderators did with my posts; monitoring: cases for reviewers (no kind yet).
 */
const CATEGORY_OF_KIND = {
  "proposal.commented": "PROPOSALS",
  "proposal.replied": "PROPOSALS",
  "proposal.cosponsored": "PROPOSALS",
  "proposal.review_started": "PROPOSALS",
  "proposal.accepted": "PROPOSALS",
  "proposal.not_retained": "PROPOSALS",
  "proposal.incorporated": "PROPOSALS",
  "nomination.accepted": "NOMINATIONS",
  "nomination.declined": "NOMINATIONS",
  "nomination.withdrawn": "NOMINATIONS",
  "nomination.selected": "NOMINATIONS",
  "nomination.not_selected": "NOMINATIONS",
  "session.changed": "SESSIONS",
  "session_question.taken_up": "SESSIONS",
  "session_question.answered": "SESSIONS",
  "evaluation.opened": "SESSIONS",
  "report.final_published": "REPORT",
  "report.comment_answered": "REPORT",
  "commitment.updated": "CHAMPIONS",
  "commitment.status_changed": "CHAMPIONS",
  "dialogue.answered": "DIALOGUE",
  "consultation.synthesis_published": "DIALOGUE",
  "moderation.post_hidden": "DIALOGUE",
  "moderation.post_unhidden": "DIALOGUE",
  "proposal.followed_status_changed": "PROPOSALS",
  "proposal.followed_commented": "PROPOSALS",
  "session.followed_changed": "SESSIONS",
  "consultation.updated": "DIALOGUE",
  "consultation.followed_synthesis_published": "DIALOGUE",
} as const satisfies Record<Exclude<NotificationKind, NotEmailedKind>, EmailCategory>;

/** The category of a stored kind; null for a kind no longer known (never emailed). */
export function categoryOf(kind: string): EmailCategory | null {
  return (CATEGORY_OF_KIND as Record<string, EmailCategory>)[kind] ?? null;
}

/** Every kind that may be emailed. */
export const EMAILED_KINDS = Object.keys(CATEGORY_OF_KIND);

/** Only monitoring reviewers see (and may choose) the monitoring category. */
export function categoriesFor(actor: { isMonitoringReviewer: boolean }): EmailCategory[] {
  return EMAIL_CATEGORIES.filter((c) => c !== "MONITORING" || actor.isMonitoringReviewer);
}
