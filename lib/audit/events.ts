import { z } from "zod";
import {
  Addressee,
  CommentDisposition,
  CommitmentKind,
  CommitmentStatus,
  FollowSubject,
  InstitutionKind,
  Locale,
  MembershipRole,
  NominationStatus,
  ProposalStatus,
  SelectionMode,
  SiteRole,
  SpeakerRole,
} from "@/lib/generated/prisma/enums";
import { ANCHOR_PATTERN } from "@/lib/report/anchors";
import { locales } from "@/i18n/routing";

/**
 * Every event the audit log records, one member per action, each with the exact shape of its
 * `data`. The writer (`recordAudit`) parses what a command hands it, so nothing outside the
 * shape (an email, a gender, a confidential text) can slip into a row; every reader (the
 * transparency page, its feed, open data) parses the row back into the same type.
 *
 * `visibility` says where an event may go: "public" always shows at /transparency, "private"
 * never does, "either" depends on what it is about (a session still in draft, a comment on a
 * draft version) and the command decides.
 */

/** Text with something in it (a name, a title): blank text would read as a broken sentence. */
const text = z.string().regex(/\S/);
const optionalText = z.string().nullable();
const id = z.guid();
const day = z.iso.date();
const instant = z.iso.datetime();
/** The zone a deadline is shown in; entries written before zones were recorded have none (shown in UTC). */
const timeZone = z.string().min(1).optional();
const language = z.enum(locales);
/** A title in every language it was written in (sessions). */
const localizedTitle = z.partialRecord(language, z.string());
/** A paragraph anchor as the report makes them. */
const anchor = z.string().regex(ANCHOR_PATTERN);

/** Slugs as organizations get them: the public log links to /organizations/<slug>. */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/);
const organization = { organizationName: text, organizationSlug: slug };
const proposal = { proposalTitle: text, ...organization, status: z.enum(ProposalStatus) };
const session = { sessionId: id, sessionTitle: localizedTitle };
const nomination = { sessionId: id, nominationId: id, role: z.enum(SpeakerRole), nomineeName: text };
const version = { versionNumber: z.number().int().positive(), title: text };
// An anchor that is not one links to the version without a fragment rather than losing the entry.
const reportComment = { versionNumber: z.number().int().positive(), anchor: anchor.optional().catch(undefined), organizationName: optionalText };
const signedAs = z.enum(["organization", "committee", "secretariat"]);
const country = z.string().regex(/^[A-Z]{2}$/);
/** A commitment in the log: its kind, State (initiatives), title in its first language, status and revision. */
const commitment = {
  commitmentId: id,
  kind: z.enum(CommitmentKind),
  country: country.nullable(),
  title: text,
  status: z.enum(CommitmentStatus),
  revision: z.number().int().positive(),
};
/** A kind of post moderation knows (lib/moderation/targets.ts), as a plain name: a retired kind still reads. */
const postKind = z.string().regex(/^[A-Z][A-Z_]{0,39}$/);
const moderationReason = z.enum(["SPAM", "ABUSIVE", "PERSONAL_DATA", "OFF_TOPIC", "MISLEADING", "OTHER"]);
/** The page a post appears on, without the locale: a path on this site, never another site's. */
const sitePath = z.string().regex(/^\/(?![\/\\])[A-Za-z0-9\-._~\/#]{0,300}$/);
const assessment = { commitmentId: id, commitmentKind: z.enum(CommitmentKind), commitmentTitle: text, ...organization };
/** A question to a session's panel in the log. */
const sessionQuestion = { ...session, questionId: id, language };

/** An evaluation: its title in every language it was written in, and the session it is about (null: the whole review). */
const evaluation = { evaluationId: id, title: localizedTitle, sessionId: id.nullable() };

/** A consultation in the log: its title in every language it was written in. */
const consultation = { consultationId: id, title: localizedTitle };

/** A question to the delegates in the log: its title and the institution it is addressed to (never its author). */
const dialogueQuestion = { questionId: id, title: text, institutionKind: z.enum(InstitutionKind), country: country.nullable() };

type Visibility = "public" | "private" | "either";

/**
 * `schema` is strict, for the writer: a field the event does not name is a bug. `reader` drops
 * such fields instead, so a reader only ever sees the fields named here.
 */
function event<A extends string, T extends string, D extends z.ZodRawShape>(action: A, entityType: T, visibility: Visibility, data: D) {
  return {
    visibility,
    schema: z.strictObject({ action: z.literal(action), entityType: z.literal(entityType), data: z.strictObject(data) }),
    reader: z.object({ action: z.literal(action), entityType: z.literal(entityType), data: z.object(data) }),
  };
}

const EVENTS = {
  // Accounts and roles
  accountSignedUp: event("account.signed_up", "User", "private", { preferredLocale: z.enum(Locale) }),
  accountPasswordReset: event("account.password_reset", "User", "private", {}),
  // That a link was asked for an account: never the token, never the address it went to.
  accountPasswordResetRequested: event("account.password_reset_requested", "User", "private", {}),
  // Sessions: never the browser, the system or an address, only that it happened.
  accountSignedIn: event("account.signed_in", "AuthSession", "private", {}),
  accountSessionEnded: event("account.session_ended", "AuthSession", "private", { how: z.enum(["signed_out", "ended_elsewhere"]) }),
  accountOtherSessionsEnded: event("account.other_sessions_ended", "User", "private", { count: z.number().int().positive() }),
  // Public for staff and admins; never for monitoring reviewers, whom naming could put at risk.
  roleGranted: event("role.granted", "User", "either", { userName: text, role: z.enum(SiteRole) }),
  roleRevoked: event("role.revoked", "User", "either", { userName: text, role: z.enum(SiteRole) }),
  committeeTermGranted: event("committee_term.granted", "CommitteeTerm", "public", {
    userName: text,
    organizationName: optionalText,
    startsOn: day,
    endsOn: day,
    isChair: z.boolean(),
  }),
  committeeTermEnded: event("committee_term.ended", "CommitteeTerm", "public", { userName: text }),

  // Organizations
  organizationRegistered: event("organization.registered", "Organization", "private", organization),
  organizationVerified: event("organization.verified", "Organization", "public", organization),
  // Rejections stay private with their reason; suspensions and reinstatements are public without it.
  organizationRejected: event("organization.rejected", "Organization", "private", { ...organization, reason: optionalText }),
  organizationSuspended: event("organization.suspended", "Organization", "public", organization),
  organizationReinstated: event("organization.reinstated", "Organization", "public", organization),
  organizationMemberInvited: event("organization.member_invited", "Organization", "private", {
    ...organization,
    invitationId: id,
    role: z.enum(MembershipRole),
  }),
  organizationInvitationRevoked: event("organization.invitation_revoked", "Organization", "private", {
    ...organization,
    invitationId: id,
    role: z.enum(MembershipRole),
  }),
  organizationMemberJoined: event("organization.member_joined", "Organization", "private", {
    ...organization,
    invitationId: id,
    userId: id,
    role: z.enum(MembershipRole),
  }),
  organizationMemberRemoved: event("organization.member_removed", "Organization", "private", {
    ...organization,
    userId: id,
    role: z.enum(MembershipRole),
  }),

  // Proposals
  proposalDraftSaved: event("proposal.draft_saved", "Proposal", "private", proposal),
  proposalSubmitted: event("proposal.submitted", "Proposal", "public", proposal),
  proposalWithdrawn: event("proposal.withdrawn", "Proposal", "public", proposal),
  proposalReviewStarted: event("proposal.review_started", "Proposal", "public", proposal),
  proposalAccepted: event("proposal.accepted", "Proposal", "public", proposal),
  proposalNotRetained: event("proposal.not_retained", "Proposal", "public", proposal),
  proposalIncorporated: event("proposal.incorporated", "Proposal", "public", proposal),
  proposalCosponsored: event("proposal.cosponsored", "Proposal", "public", { proposalTitle: text, ...organization }),
  proposalCosponsorWithdrawn: event("proposal.cosponsor_withdrawn", "Proposal", "public", { proposalTitle: text, ...organization }),
  commentAdded: event("comment.added", "ProposalComment", "private", { proposalId: id, parentId: id.nullable(), organizationId: id.nullable() }),
  commentHidden: event("comment.hidden", "ProposalComment", "public", { proposalId: id, proposalTitle: text, reason: text }),

  // Sessions
  sessionCreated: event("session.created", "ReviewSession", "private", session),
  sessionUpdated: event("session.updated", "ReviewSession", "either", session),
  // The zone goes with the deadline so the public log shows it as the session page does.
  sessionOpened: event("session.opened", "ReviewSession", "public", { ...session, nominationDeadline: instant, timeZone }),
  sessionHeld: event("session.held", "ReviewSession", "public", session),
  sessionReportPublished: event("session.report_published", "ReviewSession", "public", session),
  sessionReportCorrected: event("session.report_corrected", "ReviewSession", "public", session),
  sessionSpeakersConfirmed: event("session.speakers_confirmed", "ReviewSession", "public", {
    ...session,
    speakerCount: z.number().int().nonnegative(),
  }),
  sessionRegistered: event("session.registered", "ReviewSession", "private", session),
  sessionRegistrationUpdated: event("session.registration_updated", "ReviewSession", "private", session),
  sessionRegistrationCancelled: event("session.registration_cancelled", "ReviewSession", "private", session),

  // Nominations: private until the slate is confirmed, and then only what each speaker allowed.
  nominationProposed: event("nomination.proposed", "Nomination", "private", nomination),
  nominationInvited: event("nomination.invited", "Nomination", "private", { ...nomination, expiresAt: instant }),
  nominationAccepted: event("nomination.accepted", "Nomination", "private", {
    ...nomination,
    publishName: z.boolean(),
    publishOrganization: z.boolean(),
    publishBio: z.boolean(),
  }),
  nominationDeclined: event("nomination.declined", "Nomination", "private", { ...nomination, optOut: z.boolean() }),
  nominationWithdrawn: event("nomination.withdrawn", "Nomination", "private", {
    ...nomination,
    by: z.enum(["nominee", "staff", "chair", "nominator"]),
    optOut: z.boolean(),
    previousStatus: z.enum(NominationStatus),
  }),
  nominationEndorsed: event("nomination.endorsed", "Nomination", "private", nomination),
  nominationEndorsementRemoved: event("nomination.endorsement_removed", "Nomination", "private", nomination),
  nominationBalanceAcknowledged: event("nomination.balance_acknowledged", "Nomination", "private", {
    ...nomination,
    reason: text,
    warnings: z.array(
      z.strictObject({ dimension: z.enum(["gender", "subregion"]), count: z.number().int(), seats: z.number().int(), subregion: z.string().optional() }),
    ),
  }),
  nominationVote: event("nomination.vote", "Nomination", "private", { ...nomination, rationale: text }),
  nominationSelected: event("nomination.selected", "Nomination", "private", {
    ...nomination,
    mode: z.enum(SelectionMode),
    rationale: text,
    votes: z.number().int().positive().optional(),
  }),
  nominationUnselected: event("nomination.unselected", "Nomination", "private", nomination),
  nominationSelectionModeChanged: event("nomination.selection_mode_changed", "ReviewSession", "private", {
    ...session,
    mode: z.enum(SelectionMode),
    previousMode: z.enum(SelectionMode),
  }),
  // Only what the speaker allowed to publish: never the email, the gender or the bio they withheld.
  nominationConfirmed: event("nomination.confirmed", "Nomination", "public", {
    ...session,
    role: z.enum(SpeakerRole),
    speakerName: optionalText,
    organizationName: optionalText,
    selectedBy: text,
    rationale: text,
  }),

  // The report
  reportVersionCreated: event("report.version_created", "ReportVersion", "private", version),
  reportVersionUpdated: event("report.version_updated", "ReportVersion", "private", version),
  reportVersionOpened: event("report.version_opened", "ReportVersion", "public", { ...version, commentDeadline: instant, timeZone }),
  reportVersionClosed: event("report.version_closed", "ReportVersion", "public", version),
  reportFinalPublished: event("report.final_published", "ReportVersion", "public", version),
  reportTranslationAdded: event("report.translation_added", "ReportVersion", "public", { ...version, language }),
  reportCommentPosted: event("report.comment_posted", "ReportComment", "either", { ...reportComment, signedAs: signedAs.optional() }),
  reportCommentAnswered: event("report.comment_answered", "ReportComment", "either", {
    ...reportComment,
    disposition: z.enum(CommentDisposition),
    signedAs: signedAs.optional(),
  }),
  reportProposalLinked: event("report.proposal_linked", "ReportParagraph", "either", {
    versionNumber: z.number().int().positive(),
    anchor,
    proposalId: id,
    proposalTitle: text,
  }),
  reportProposalUnlinked: event("report.proposal_unlinked", "ReportParagraph", "either", {
    versionNumber: z.number().int().positive(),
    anchor,
    proposalId: id,
    proposalTitle: text,
  }),

  // Champion States and the follow-up of the report (issue 12). Names, titles and countries
  // only: never an email, never a pending suggestion's text in a public entry.
  championTermAdded: event("champion.term_added", "ChampionTerm", "public", { country, startsOn: day, endsOn: day.nullable() }),
  championTermEnded: event("champion.term_ended", "ChampionTerm", "public", { country, startsOn: day, endsOn: day }),
  commitmentCreated: event("commitment.created", "Commitment", "public", commitment),
  commitmentEdited: event("commitment.edited", "Commitment", "public", commitment),
  commitmentUpdatePosted: event("commitment.update_posted", "Commitment", "public", { ...commitment, reportedOn: day }),
  commitmentStatusChanged: event("commitment.status_changed", "Commitment", "public", { ...commitment, previousStatus: z.enum(CommitmentStatus) }),
  commitmentRecommendationMarked: event("commitment.recommendation_marked", "Commitment", "public", {
    ...commitment,
    versionNumber: z.number().int().positive(),
    anchor,
    addressee: z.enum(Addressee),
  }),
  assessmentSubmitted: event("assessment.submitted", "Assessment", "public", { ...assessment, revised: z.boolean() }),
  // The reason is public by design: it replaces the hidden text.
  assessmentHidden: event("assessment.hidden", "Assessment", "public", { ...assessment, reason: text }),
  assessmentUnhidden: event("assessment.unhidden", "Assessment", "public", assessment),
  // Pending suggestions are not public; the decision on one is, with its title and reason.
  suggestionSubmitted: event("suggestion.submitted", "InitiativeSuggestion", "private", { ...organization, country, title: text }),
  suggestionAccepted: event("suggestion.accepted", "InitiativeSuggestion", "public", { ...organization, country, title: text, commitmentId: id }),
  suggestionDeclined: event("suggestion.declined", "InitiativeSuggestion", "public", { ...organization, country, title: text, reason: text }),
  followAdded: event("follow.added", "Follow", "private", { subject: z.enum(FollowSubject), key: z.string().min(1).max(64) }),
  followRemoved: event("follow.removed", "Follow", "private", { subject: z.enum(FollowSubject), key: z.string().min(1).max(64) }),

  // Evaluations of the process (issue 14): titles, days and how many answered; never an answer,
  // never who answered (answering writes no entry at all: see lib/evaluations/commands/answer-evaluation.ts).
  evaluationCreated: event("evaluation.created", "Evaluation", "private", { ...evaluation }),
  evaluationUpdated: event("evaluation.updated", "Evaluation", "private", {
    ...evaluation,
    change: z.enum(["texts", "question_added", "question_updated", "question_removed"]),
  }),
  evaluationOpened: event("evaluation.opened", "Evaluation", "public", { ...evaluation, opensOn: day, closesOn: day }),
  evaluationClosed: event("evaluation.closed", "Evaluation", "public", { ...evaluation, answerCount: z.number().int().nonnegative() }),
  // Questions to a session's panel (issue 14): the session, the question and its language; never
  // who asked. Posting and supporting are private; what the panel and the rapporteur do is public.
  sessionQuestionAsked: event("session_question.asked", "SessionQuestion", "private", sessionQuestion),
  sessionQuestionSupported: event("session_question.supported", "SessionQuestion", "private", sessionQuestion),
  sessionQuestionTakenUp: event("session_question.taken_up", "SessionQuestion", "public", sessionQuestion),
  sessionQuestionAnswered: event("session_question.answered", "SessionQuestion", "public", sessionQuestion),
  // The reason is optional and public by design: the question itself is public on the session page.
  sessionQuestionSetAside: event("session_question.set_aside", "SessionQuestion", "public", { ...sessionQuestion, reason: optionalText }),
  sessionQuestionReopened: event("session_question.reopened", "SessionQuestion", "public", sessionQuestion),
  sessionQuestionDrawnOn: event("session_question.drawn_on", "SessionQuestion", "public", { ...sessionQuestion, drawnOn: z.boolean() }),
  // Permanent dialogue (issue 14). A pseudonymous post is recorded with no actor, and no event
  // names the person behind a pseudonym, or the pseudonym a disclosure was about.
  dialogueQuestionAsked: event("dialogue.question_asked", "DialogueQuestion", "public", { ...dialogueQuestion, pseudonymous: z.boolean() }),
  dialogueQuestionSupported: event("dialogue.question_supported", "DialogueQuestion", "private", { questionId: id, pseudonymous: z.boolean() }),
  dialogueQuestionAnswered: event("dialogue.question_answered", "DialogueQuestion", "public", {
    ...dialogueQuestion,
    delegateName: text,
    language,
    merged: z.number().int().nonnegative(),
  }),
  dialogueQuestionMerged: event("dialogue.question_merged", "DialogueQuestion", "public", { ...dialogueQuestion, mainQuestionId: id }),
  delegateProfileUpdated: event("delegate.profile_updated", "DelegateProfile", "public", { delegateName: text, institutionKind: z.enum(InstitutionKind), country: country.nullable() }),
  pseudonymCreated: event("pseudonym.created", "Pseudonym", "private", {}),
  // Counted in public; says nothing of whom it was about.
  pseudonymDisclosureRequested: event("pseudonym.disclosure_requested", "PseudonymDisclosure", "public", {}),
  // Moderation (issue 14). What was hidden and the public reason, never who flagged it; public
  // when the post is on a public page (a comment on a draft stays private). Flags are private,
  // written without an actor: only the flag row knows the flagger.
  moderationPostHidden: event("moderation.post_hidden", "ModeratedPost", "either", { kind: postKind, category: moderationReason, reason: text, href: sitePath }),
  moderationPostUnhidden: event("moderation.post_unhidden", "ModeratedPost", "either", { kind: postKind, reason: text, href: sitePath }),
  moderationPostFlagged: event("moderation.post_flagged", "ModeratedPost", "private", { kind: postKind, category: moderationReason }),
  moderationFlagsDismissed: event("moderation.flags_dismissed", "ModeratedPost", "private", { kind: postKind, count: z.number().int().positive() }),
  // Consultations (issue 14): the consultation's title, never a contribution's text; a
  // contribution under a pseudonym is recorded with no actor and says only that it was one.
  consultationCreated: event("consultation.created", "Consultation", "private", consultation),
  consultationUpdated: event("consultation.updated", "Consultation", "private", consultation),
  consultationOpened: event("consultation.opened", "Consultation", "public", { ...consultation, opensOn: day, closesOn: day }),
  consultationContributed: event("consultation.contributed", "ConsultationContribution", "public", {
    ...consultation,
    contributionId: id,
    language,
    reply: z.boolean(),
    pseudonymous: z.boolean(),
  }),
  consultationSupported: event("consultation.supported", "ConsultationContribution", "private", { contributionId: id, pseudonymous: z.boolean() }),
  consultationUpdatePosted: event("consultation.update_posted", "Consultation", "public", { ...consultation, language }),
  consultationClosed: event("consultation.closed", "Consultation", "public", { ...consultation, contributionCount: z.number().int().nonnegative() }),
  consultationSynthesisPublished: event("consultation.synthesis_published", "Consultation", "public", { ...consultation, cited: z.number().int().nonnegative() }),
  // Private: the proposal is a draft of its organization until it is submitted.
  consultationContributionConverted: event("consultation.contribution_converted", "ConsultationContribution", "private", { consultationId: id, contributionId: id, proposalId: id }),
  // Supports taken back (issue 14): private like the supports; under a pseudonym, no actor.
  dialogueSupportWithdrawn: event("dialogue.support_withdrawn", "DialogueQuestion", "private", { questionId: id, pseudonymous: z.boolean() }),
  consultationSupportWithdrawn: event("consultation.support_withdrawn", "ConsultationContribution", "private", { contributionId: id, pseudonymous: z.boolean() }),
  sessionQuestionSupportWithdrawn: event("session_question.support_withdrawn", "SessionQuestion", "private", sessionQuestion),
  // Open data (issue 15): partners' API keys. The partner's name only, never the key or its hash.
  apiKeyCreated: event("api_key.created", "ApiKey", "private", { partner: text }),
  apiKeyRevoked: event("api_key.revoked", "ApiKey", "private", { partner: text }),
  // A person's own data (issue 15): private, never the name typed, the file or what was erased.
  // "account.deleted" is written by the tombstone account, about no one (lib/account-data).
  accountProfileUpdated: event("account.profile_updated", "User", "private", { preferredLocale: z.enum(Locale), nameChanged: z.boolean() }),
  accountArchiveRequested: event("account.archive_requested", "AccountArchive", "private", {}),
  accountArchiveReady: event("account.archive_ready", "AccountArchive", "private", { bytes: z.number().int().nonnegative() }),
  accountDeleted: event("account.deleted", "User", "private", {}),
  // Email choices (issue 15): private; which categories changed, never an address or a token.
  emailPreferencesChanged: event("email.preferences_changed", "User", "private", { categories: z.array(z.string().regex(/^[A-Z]{1,20}$/)).min(1) }),
  emailUnsubscribed: event("email.unsubscribed", "User", "private", { category: z.string().regex(/^[A-Z]{1,20}$/) }),
} as const;

type Events = typeof EVENTS;
type EventSchema = Events[keyof Events]["schema"];
const schemas = Object.values(EVENTS).map((e) => e.schema) as [EventSchema, ...EventSchema[]];

/** One audit event: its action, the kind of thing it is about, and its data. */
export const auditEventSchema = z.discriminatedUnion("action", schemas);
export type AuditEvent = z.output<typeof auditEventSchema>;
export type AuditAction = AuditEvent["action"];
export type AuditEventOf<A extends AuditAction> = Extract<AuditEvent, { action: A }>;
export type AuditData<A extends AuditAction> = AuditEventOf<A>["data"];

const byAction = new Map<string, Events[keyof Events]>(Object.values(EVENTS).map((e) => [e.schema.shape.action.value, e]));
const visibilityByAction = new Map<string, Visibility>([...byAction].map(([action, e]) => [action, e.visibility]));

export const AUDIT_ACTIONS = [...visibilityByAction.keys()] as AuditAction[];

/** Where an action may be shown: always public, never, or as the command decides. */
export const visibilityOf = (action: AuditAction): Visibility => visibilityByAction.get(action)!;

/**
 * A stored row read back as its event with only the fields its schema names, or null when it
 * does not match (an older or damaged row).
 */
export function parseAuditEvent(row: { action: string; entityType: string; data: unknown }): AuditEvent | null {
  const known = byAction.get(row.action);
  if (!known) return null;
  const parsed = known.reader.safeParse({ action: row.action, entityType: row.entityType, data: row.data ?? {} });
  return parsed.success ? (parsed.data as AuditEvent) : null;
}

/** An action and its data read back as their event, whatever entity it names; null when they do not match. */
export function parseEventData(action: string, data: unknown): AuditEvent | null {
  const known = byAction.get(action);
  if (!known) return null;
  return parseAuditEvent({ action, entityType: known.schema.shape.entityType.value, data });
}
