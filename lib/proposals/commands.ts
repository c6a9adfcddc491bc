import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, ProposalStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, fieldError, forbidden, notFound, notSignedIn, parseInput, rateLimited } from "@/lib/errors";
import { notify } from "@/lib/notifications/commands";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { isLimited, recordHit, type RateLimitRule } from "@/lib/rate-limit/consume";
import { locales } from "@/i18n/routing";
import {
  canCreateProposal,
  canReviewProposals,
  DRAFTING_ORGANIZATION_STATUSES,
  draftingOrganizationIds,
  hasConflictOfInterest,
  isOpenForCosponsors,
  memberOrganizationIds,
  nextProposalStatus,
  organizationSubmits,
  organizationWritesDrafts,
  PROPOSAL_AUDIT_ACTION,
  verifiedOrganizationIds,
  type ProposalAction,
} from "./policy";
import {
  answerField,
  answerProposalSchema,
  cosponsorSchema,
  createProposalSchema,
  incorporateProposalSchema,
  proposalRefSchema,
  updateProposalSchema,
  type AnswerDecision,
} from "./schemas";
import { LINKABLE_SESSION_STATUSES, readableProposalWhere } from "./visibility";

type Tx = Prisma.TransactionClient;

/** The public answer, by language; the proposal's own language is always there. */
export type ProposalAnswer = Partial<Record<Locale, string>>;

// Generous: it stops a script, not a person writing proposals.
const createRule = (userId: string): RateLimitRule => ({ key: `proposals.create:${userId}`, limit: 60, windowSeconds: 3600 });

/** What commands read and return about a proposal. */
const proposalSelect = {
  id: true,
  title: true,
  status: true,
  language: true,
  organizationId: true,
  authorId: true,
  organization: { select: { name: true, slug: true, status: true } },
} satisfies Prisma.ProposalSelect;

type ProposalRow = Prisma.ProposalGetPayload<{ select: typeof proposalSelect }>;
export type ProposalResult = Omit<ProposalRow, "organization">;

const result = (row: ProposalRow): ProposalResult => ({
  id: row.id,
  title: row.title,
  status: row.status,
  language: row.language,
  organizationId: row.organizationId,
  authorId: row.authorId,
});

/** What public log entries about a proposal carry: names and slugs only. */
const auditData = (proposal: ProposalRow, status: ProposalStatus, organization = proposal.organization) => ({
  proposalTitle: proposal.title,
  organizationName: organization.name,
  organizationSlug: organization.slug,
  status,
});

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The members of the authoring organization hear in the app what happened to their proposal (never the actor). */
async function notifyAuthors(
  tx: Tx,
  proposal: { id: string; title: string; organizationId: string },
  kind: NotificationKind,
  actorId: string,
  extra: Prisma.InputJsonObject = {},
) {
  const members = await tx.membership.findMany({ where: { organizationId: proposal.organizationId }, select: { userId: true } });
  await notify(tx, {
    userIds: members.map((m) => m.userId),
    kind,
    data: { ...extra, proposalId: proposal.id, proposalTitle: proposal.title },
    exceptUserId: actorId,
  });
}

/** Changes of state the authors are told about (they make the others themselves). */
const NOTIFIED: Partial<Record<ProposalAction, NotificationKind>> = {
  startReview: "proposal.review_started",
  accept: "proposal.accepted",
  notRetain: "proposal.not_retained",
  incorporate: "proposal.incorporated",
};

/**
 * The session a draft names must be one that is preparing its programme (open for nominations
 * or with its speakers confirmed): read in the transaction, so a session that moved on since the
 * form was shown is refused. `keep` is the session the draft already names, allowed as it is.
 */
async function checkSession(tx: Tx, sessionId: string | undefined, keep: string | null = null): Promise<string | null> {
  if (sessionId === undefined) return null;
  if (sessionId === keep) return sessionId;
  const session = await tx.reviewSession.findFirst({
    where: { id: sessionId, status: { in: [...LINKABLE_SESSION_STATUSES] } },
    select: { id: true },
  });
  if (!session) throw fieldError("sessionId", "proposals.sessionNotOpen");
  return session.id;
}

/**
 * Locks the proposal's row for the rest of the transaction, so co-sponsorships and changes of
 * state happen one after another (a co-sponsor cannot slip in after a decision).
 */
async function lockProposal(tx: Tx, proposalId: string) {
  await tx.$queryRaw`SELECT id::text FROM "Proposal" WHERE id = ${proposalId}::uuid FOR UPDATE`;
}

// ─── Writing and editing a draft ───────────────────────────────────────────────────────────

/**
 * A member of a verified or pending organization saves a new draft on its behalf. The form's idempotency
 * key becomes the proposal's id: posting the same form again returns the proposal created the
 * first time (when it is the same author's, for the same organization) instead of a second one.
 */
export async function createProposal(actor: Actor | null, raw: unknown): Promise<ProposalResult & { created: boolean }> {
  const input = parseInput(createProposalSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canCreateProposal(actor)) throw forbidden("proposals.noDraftingOrganization");

  const drafting = draftingOrganizationIds(actor);
  let organizationId = input.organizationId;
  if (organizationId === undefined) {
    if (drafting.length !== 1) throw fieldError("organizationId", "proposals.chooseOrganization");
    organizationId = drafting[0];
  } else if (!drafting.includes(organizationId)) {
    throw fieldError("organizationId", "proposals.chooseOrganization");
  }
  const id = input.idempotencyKey ?? randomUUID();
  const authorOrg = organizationId;

  const replay = (existing: ProposalRow) => {
    if (existing.organizationId !== authorOrg || existing.authorId !== actor.userId) throw conflict("proposals.duplicateKey");
    return { ...result(existing), created: false };
  };

  // A form posted twice is answered before the rate limit counts it.
  const earlier = await db.proposal.findUnique({ where: { id }, select: proposalSelect });
  if (earlier) return replay(earlier);
  if (await isLimited([createRule(actor.userId)])) throw rateLimited();

  let created: ProposalRow;
  try {
    created = await db.$transaction(async (tx) => {
      // Read again in the transaction: the organization may have been suspended since the page loaded.
      const organization = await tx.organization.findFirst({
        where: { id: authorOrg, status: { in: [...DRAFTING_ORGANIZATION_STATUSES] }, memberships: { some: { userId: actor.userId } } },
        select: { id: true },
      });
      if (!organization) throw forbidden("proposals.noDraftingOrganization");
      const sessionId = await checkSession(tx, input.sessionId);
      const row = await tx.proposal.create({
        data: {
          id,
          organizationId: authorOrg,
          authorId: actor.userId,
          title: input.title,
          summary: input.summary,
          body: input.body,
          language: input.language,
          objectives: input.objectives,
          countries: input.countries,
          sessionId,
          concernsChildren: input.concernsChildren,
          concernsGender: input.concernsGender,
          concernsIrregular: input.concernsIrregular,
          status: "DRAFT",
        },
        select: proposalSelect,
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "proposal.draft_saved",
        entityType: "Proposal",
        entityId: row.id,
        isPublic: false,
        data: auditData(row, "DRAFT"),
      });
      return row;
    });
  } catch (error) {
    // Two posts of the same form at the same moment: the second insert hits the primary key.
    if (isUniqueViolation(error)) {
      const existing = await db.proposal.findUnique({ where: { id }, select: proposalSelect });
      if (existing) return replay(existing);
    }
    throw error;
  }
  await recordHit([createRule(actor.userId)]);
  return { ...result(created), created: true };
}

/**
 * Any member of the authoring organization edits a draft while the organization is verified or
 * pending; once submitted, it no longer changes.
 */
export async function updateProposal(actor: Actor | null, raw: unknown): Promise<ProposalResult> {
  const input = parseInput(updateProposalSchema, raw);
  if (!actor) throw notSignedIn();
  const memberOf = memberOrganizationIds(actor);
  if (memberOf.length === 0) throw forbidden();

  const updated = await db.$transaction(async (tx) => {
    // Scoped by the actor's organizations: another organization's id is simply not found.
    const current = await tx.proposal.findFirst({
      where: { id: input.proposalId, organizationId: { in: memberOf } },
      select: { ...proposalSelect, sessionId: true },
    });
    if (!current) throw notFound();
    if (current.status !== "DRAFT") throw conflict("proposals.notEditable");
    // The organization's state as it is now, not as the actor was loaded.
    if (!organizationWritesDrafts(current.organization.status)) throw forbidden("proposals.noDraftingOrganization");
    // The session it already names stays allowed even if it has moved on since; a new one must be open.
    const sessionId = await checkSession(tx, input.sessionId, current.sessionId);
    const { count } = await tx.proposal.updateMany({
      where: { id: current.id, status: "DRAFT", organization: { status: { in: [...DRAFTING_ORGANIZATION_STATUSES] } } },
      data: {
        title: input.title,
        summary: input.summary,
        body: input.body,
        language: input.language,
        objectives: input.objectives,
        countries: input.countries,
        concernsChildren: input.concernsChildren,
        concernsGender: input.concernsGender,
        concernsIrregular: input.concernsIrregular,
        sessionId,
      },
    });
    if (count !== 1) throw conflict("proposals.notEditable");
    const row = { ...current, title: input.title, language: input.language };
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "proposal.draft_saved",
      entityType: "Proposal",
      entityId: current.id,
      isPublic: false,
      data: auditData(row, "DRAFT"),
    });
    return row;
  });
  return result(updated);
}

/** The draft as its form shows it, for a member of an organization that writes drafts; otherwise null. */
export async function findEditableDraft(actor: Actor | null, proposalId: string) {
  const drafting = draftingOrganizationIds(actor);
  if (drafting.length === 0 || !z.uuid().safeParse(proposalId).success) return null;
  return db.proposal.findFirst({
    where: { id: proposalId, organizationId: { in: drafting }, organization: { status: { in: [...DRAFTING_ORGANIZATION_STATUSES] } }, status: "DRAFT" },
    select: {
      id: true,
      organizationId: true,
      title: true,
      summary: true,
      body: true,
      language: true,
      objectives: true,
      countries: true,
      concernsChildren: true,
      concernsGender: true,
      concernsIrregular: true,
      sessionId: true,
      organization: { select: { name: true, slug: true, status: true } },
    },
  });
}

// ─── Lifecycle ─────────────────────────────────────────────────────────────────────────────

type TransitionExtra = { answer?: ProposalAnswer; incorporatedNote?: string };

/**
 * One change of state: authorize, load the proposal scoped by the actor's rights, check the
 * state machine, update with the current status in the WHERE (someone else's change first →
 * nothing written) and record the public history entry, all in one transaction.
 */
async function transition(actor: Actor | null, action: ProposalAction, proposalId: string, extra: TransitionExtra = {}) {
  if (!actor) throw notSignedIn();
  const byAuthors = action === "submit" || action === "withdraw";
  const memberOf = memberOrganizationIds(actor);
  if (byAuthors ? memberOf.length === 0 : !canReviewProposals(actor)) throw forbidden();
  const now = new Date();

  const updated = await db.$transaction(async (tx) => {
    await lockProposal(tx, proposalId);
    const current = await tx.proposal.findFirst({
      // Authors act on their organization's proposals; reviewers on what they may read.
      where: byAuthors ? { id: proposalId, organizationId: { in: memberOf } } : { AND: [{ id: proposalId }, readableProposalWhere(actor)] },
      select: proposalSelect,
    });
    if (!current) throw notFound();
    if (!byAuthors && hasConflictOfInterest(actor, current)) throw forbidden("proposals.conflictOfInterest");
    const to = nextProposalStatus(current.status, action);
    if (!to) throw conflict("proposals.illegalTransition");
    if (action === "submit" && !organizationSubmits(current.organization.status)) throw forbidden("proposals.organizationNotVerified");

    const data: Prisma.ProposalUncheckedUpdateManyInput = { status: to };
    if (action === "submit") data.submittedAt = now;
    if (action === "accept" || action === "notRetain") {
      const answer = extra.answer ?? {};
      // The answer is public and must be readable in the language the proposal was written in.
      if (!answer[current.language]) throw fieldError(answerField(current.language), "proposals.answerRequiredInLanguage");
      data.answer = answer;
      data.answeredAt = now;
      data.answeredById = actor.userId;
    }
    if (action === "incorporate") data.incorporatedNote = extra.incorporatedNote ?? null;

    const { count } = await tx.proposal.updateMany({ where: { id: current.id, status: current.status }, data });
    if (count !== 1) throw conflict();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: PROPOSAL_AUDIT_ACTION[action],
      entityType: "Proposal",
      entityId: current.id,
      isPublic: true,
      data: auditData(current, to),
    });
    const kind = NOTIFIED[action];
    if (kind) await notifyAuthors(tx, current, kind, actor.userId);
    return { ...current, status: to };
  });
  return result(updated);
}

/** A member of the authoring organization submits a draft; the organization must be verified. */
export async function submitProposal(actor: Actor | null, raw: unknown) {
  const input = parseInput(proposalRefSchema, raw);
  return transition(actor, "submit", input.proposalId);
}

/** A member of the authoring organization withdraws it, before a decision. */
export async function withdrawProposal(actor: Actor | null, raw: unknown) {
  const input = parseInput(proposalRefSchema, raw);
  return transition(actor, "withdraw", input.proposalId);
}

/** A committee member or staff, without a conflict of interest, takes a submitted proposal under review. */
export async function startProposalReview(actor: Actor | null, raw: unknown) {
  const input = parseInput(proposalRefSchema, raw);
  return transition(actor, "startReview", input.proposalId);
}

/**
 * The decision on a proposal under review, with its public answer: required in the proposal's
 * language, optional in the others.
 */
export async function answerProposal(actor: Actor | null, raw: unknown) {
  const input = parseInput(answerProposalSchema, raw);
  const answer: ProposalAnswer = {};
  for (const locale of locales) {
    const text = input[answerField(locale)];
    if (text) answer[locale] = text;
  }
  const action: Record<AnswerDecision, ProposalAction> = { accept: "accept", notRetain: "notRetain" };
  return transition(actor, action[input.decision], input.proposalId, { answer });
}

const withDecision = (raw: unknown, decision: AnswerDecision) => (raw && typeof raw === "object" ? { ...raw, decision } : raw);

export const acceptProposal = (actor: Actor | null, raw: unknown) => answerProposal(actor, withDecision(raw, "accept"));
export const notRetainProposal = (actor: Actor | null, raw: unknown) => answerProposal(actor, withDecision(raw, "notRetain"));

/** An accepted proposal was taken up in the review: where, in a note (until report sections can be linked). */
export async function incorporateProposal(actor: Actor | null, raw: unknown) {
  const input = parseInput(incorporateProposalSchema, raw);
  return transition(actor, "incorporate", input.proposalId, { incorporatedNote: input.incorporatedNote });
}

// ─── Co-sponsorship ────────────────────────────────────────────────────────────────────────

/** `alreadyDone`: nothing changed (a second click); `organizationId` is null when there was nothing to withdraw. */
export type CosponsorResult = { proposalId: string; organizationId: string | null; alreadyDone: boolean };

/**
 * A member of another verified organization co-sponsors a submitted proposal (or one under
 * review) on its behalf. Once per organization: a second click changes nothing and is not an error.
 */
export async function cosponsorProposal(actor: Actor | null, raw: unknown): Promise<CosponsorResult> {
  const input = parseInput(cosponsorSchema, raw);
  if (!actor) throw notSignedIn();
  const verified = verifiedOrganizationIds(actor);
  if (verified.length === 0) throw forbidden("proposals.noVerifiedOrganization");

  return db.$transaction(async (tx) => {
    await lockProposal(tx, input.proposalId);
    const current = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposalId }, readableProposalWhere(actor)] },
      select: proposalSelect,
    });
    if (!current) throw notFound();
    const eligible = verified.filter((id) => id !== current.organizationId);
    let organizationId = input.organizationId;
    if (organizationId === current.organizationId || eligible.length === 0) throw forbidden("proposals.cannotCosponsorOwn");
    if (organizationId === undefined) {
      if (eligible.length > 1) throw fieldError("organizationId", "proposals.chooseOrganization");
      organizationId = eligible[0];
    } else if (!eligible.includes(organizationId)) {
      throw forbidden();
    }
    if (!isOpenForCosponsors(current.status)) throw conflict("proposals.cosponsorClosed");

    const { count } = await tx.proposalCosponsor.createMany({
      data: [{ proposalId: current.id, organizationId, userId: actor.userId }],
      skipDuplicates: true,
    });
    if (count === 0) return { proposalId: current.id, organizationId, alreadyDone: true };
    await tx.proposal.update({ where: { id: current.id }, data: { cosponsorCount: { increment: 1 } } });
    const cosponsor = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, slug: true, status: true } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "proposal.cosponsored",
      entityType: "Proposal",
      entityId: current.id,
      isPublic: true,
      data: { proposalTitle: current.title, organizationName: cosponsor.name, organizationSlug: cosponsor.slug },
    });
    await notifyAuthors(tx, current, "proposal.cosponsored", actor.userId, { organizationName: cosponsor.name });
    return { proposalId: current.id, organizationId, alreadyDone: false };
  });
}

/** A co-sponsoring organization withdraws its support, before a decision. Nothing to withdraw is not an error. */
export async function withdrawCosponsorship(actor: Actor | null, raw: unknown): Promise<CosponsorResult> {
  const input = parseInput(cosponsorSchema, raw);
  if (!actor) throw notSignedIn();
  const memberOf = memberOrganizationIds(actor);
  if (memberOf.length === 0) throw forbidden();

  return db.$transaction(async (tx) => {
    await lockProposal(tx, input.proposalId);
    const current = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposalId }, readableProposalWhere(actor)] },
      select: { ...proposalSelect, cosponsors: { where: { organizationId: { in: memberOf } }, select: { organizationId: true } } },
    });
    if (!current) throw notFound();
    const eligible = memberOf.filter((id) => id !== current.organizationId);
    let organizationId = input.organizationId;
    if (organizationId === current.organizationId || eligible.length === 0) throw forbidden("proposals.cannotCosponsorOwn");
    if (organizationId === undefined) {
      const mine = current.cosponsors.map((c) => c.organizationId);
      if (mine.length === 0) return { proposalId: current.id, organizationId: null, alreadyDone: true };
      if (mine.length > 1) throw fieldError("organizationId", "proposals.chooseOrganization");
      organizationId = mine[0];
    } else if (!eligible.includes(organizationId)) {
      throw forbidden();
    }
    if (!isOpenForCosponsors(current.status)) throw conflict("proposals.cosponsorClosed");

    const { count } = await tx.proposalCosponsor.deleteMany({ where: { proposalId: current.id, organizationId } });
    if (count === 0) return { proposalId: current.id, organizationId, alreadyDone: true };
    await tx.proposal.update({ where: { id: current.id }, data: { cosponsorCount: { decrement: 1 } } });
    const cosponsor = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, slug: true } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "proposal.cosponsor_withdrawn",
      entityType: "Proposal",
      entityId: current.id,
      isPublic: true,
      data: { proposalTitle: current.title, organizationName: cosponsor.name, organizationSlug: cosponsor.slug },
    });
    return { proposalId: current.id, organizationId, alreadyDone: false };
  });
}
