import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { defineCommand, requires, type Tx } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import { lockRow } from "@/lib/db/locks";
import { refuse, refusalToError, type Refusal } from "@/lib/errors";
import type { NominationStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import { isLimited, recordHit, type RateLimitRule } from "@/lib/rate-limit/consume";
import { isUniqueViolation } from "@/lib/db/errors";
import { canActOnNominations, nominateRefusal, nomineeRefusal } from "../policy";
import { nominateSchema, type NominateInput } from "../schemas";
import { hashOptOutEmail } from "../tokens";
import { issueInvitation, nominationData, nominationSelect, result, sessionSelect, SURFACES, type NominationResult } from "./shared";

// Generous: it stops a script, not a committee at work.
const nominateRule = (userId: string): RateLimitRule => ({ key: `nominations.nominate:${userId}`, limit: 100, windowSeconds: 3600 });

export type NominateResult = NominationResult & { created: boolean; invited: boolean; emailSent: boolean };

const replaySelect = { id: true, sessionId: true, role: true, status: true, nominatedById: true } as const;
type Earlier = { id: string; sessionId: string; role: SpeakerRole; status: NominationStatus; nominatedById: string | null };

/** The key of another person's form, or of another session: not this form posted again. */
const replayRefusal = (earlier: Earlier, input: NominateInput, actor: Actor): Refusal | null =>
  earlier.sessionId !== input.sessionId || earlier.nominatedById !== actor.userId ? refuse.conflict("nominations.duplicateKey") : null;

const replayed = (earlier: Earlier): NominateResult => ({ ...result(earlier, earlier.status), created: false, invited: false, emailSent: false });

type Nominee = { userId: string | null; name: string; email: string; organizationId: string | null; organizationName: string | null; country: string };

/** Who the form names: a member of a verified organization (through that organization), or someone without an account. */
async function findNominee(tx: Tx, input: NominateInput): Promise<Nominee | null> {
  if (input.nomineeType === "external") {
    return {
      userId: null,
      name: input.nomineeName!,
      email: input.nomineeEmail!,
      organizationId: null,
      organizationName: input.nomineeOrganizationName!,
      country: input.nomineeCountry!,
    };
  }
  if (!input.nomineeUserId) return null;
  const membership = await tx.membership.findFirst({
    where: {
      userId: input.nomineeUserId,
      organization: { status: "VERIFIED" },
      ...(input.nomineeOrganizationId ? { organizationId: input.nomineeOrganizationId } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true, email: true } }, organization: { select: { id: true, country: true } } },
  });
  if (!membership) return null;
  return {
    userId: membership.user.id,
    name: membership.user.name,
    email: membership.user.email.toLowerCase(),
    organizationId: membership.organization.id,
    organizationName: null,
    country: membership.organization.country,
  };
}

/** The same person for the same role, still in play (an invitation that ran out no longer counts). */
async function isAlreadyNominated(tx: Tx, sessionId: string, role: SpeakerRole, nominee: Nominee, now: Date) {
  const duplicate = await tx.nomination.findFirst({
    where: {
      sessionId,
      role,
      OR: [{ nomineeEmail: { equals: nominee.email, mode: "insensitive" } }, ...(nominee.userId ? [{ nomineeUserId: nominee.userId }] : [])],
      AND: [
        {
          OR: [
            { status: { in: ["PROPOSED", "ACCEPTED", "SELECTED", "NOT_SELECTED"] } },
            { status: "INVITED", OR: [{ invitationExpiresAt: null }, { invitationExpiresAt: { gt: now } }] },
          ],
        },
      ],
    },
    select: { id: true },
  });
  return !!duplicate;
}

/**
 * A committee member nominates a person for a role while the session is open for nominations:
 * a member of a verified organization (from the search) or someone without an account. With
 * `sendInvitation` the personal link goes out at once. The same form posted twice (same
 * idempotency key, which becomes the nomination's id) creates one nomination and sends one email.
 *
 * The rate limit is checked after looking for an earlier post of the same form, not by the
 * path's `rateLimit` (which runs before the transaction): a form posted again past the limit
 * still gets its answer, and only nominations made are counted.
 */
export const nominate = defineCommand({
  name: "nominations.nominate",
  input: nominateSchema,
  actor: "required",
  allow: requires(canActOnNominations),
  async load({ tx, input, actor, now }) {
    const id = input.idempotencyKey ?? randomUUID();
    // One nomination at a time per session: the duplicate check cannot race, and the same form
    // posted at the same moment waits here until the first post committed.
    await lockRow(tx, "ReviewSession", input.sessionId);
    const earlier = input.idempotencyKey ? await tx.nomination.findUnique({ where: { id }, select: replaySelect }) : null;
    if (earlier) return { id, earlier, limited: false, session: null, nominee: null, optedOut: false, alreadyNominated: false };
    const limited = await isLimited([nominateRule(actor.userId)], now);
    const session = await tx.reviewSession.findFirst({ where: { id: input.sessionId, status: { not: "DRAFT" } }, select: sessionSelect });
    const nominee = session ? await findNominee(tx, input) : null;
    const optedOut = nominee
      ? !!(await tx.nominationOptOut.findUnique({
          where: { sessionId_emailHash: { sessionId: input.sessionId, emailHash: hashOptOutEmail(nominee.email) } },
          select: { sessionId: true },
        }))
      : false;
    const alreadyNominated = nominee ? await isAlreadyNominated(tx, input.sessionId, input.role, nominee, now) : false;
    return { id, earlier: null, limited, session, nominee, optedOut, alreadyNominated };
  },
  authorize({ input, actor, now, loaded }) {
    if (loaded.earlier) return replayRefusal(loaded.earlier, input, actor);
    if (loaded.limited) return { kind: "rate_limited", key: "rateLimited" };
    if (!loaded.session) return refuse.notFound();
    return (
      nominateRefusal(actor, loaded.session, now, input.role) ??
      nomineeRefusal({ found: !!loaded.nominee, optedOut: loaded.optedOut, alreadyNominated: loaded.alreadyNominated })
    );
  },
  async work({ tx, input, actor, now, loaded, record, mail, afterCommit }) {
    if (loaded.earlier) return { nomination: result(loaded.earlier, loaded.earlier.status), created: false, invited: false };
    const nominee = loaded.nominee!;
    const created = await tx.nomination.create({
      data: {
        id: loaded.id,
        sessionId: input.sessionId,
        role: input.role,
        nomineeUserId: nominee.userId,
        nomineeName: nominee.name,
        nomineeEmail: nominee.email,
        nomineeOrganizationId: nominee.organizationId,
        nomineeOrganizationName: nominee.organizationName,
        nomineeCountry: nominee.country,
        nomineeGender: input.gender ?? null,
        // Words of their own only go with "another identity"; never counted.
        nomineeGenderDescription: input.gender === "ANOTHER" ? (input.genderDescription ?? null) : null,
        languages: input.languages,
        rationale: input.rationale,
        status: "PROPOSED",
        nominatedById: actor.userId,
      },
      select: nominationSelect,
    });
    record({ action: "nomination.proposed", entityType: "Nomination", entityId: created.id, isPublic: false, data: nominationData(created) });
    if (input.sendInvitation) mail(await issueInvitation(tx, created, now, record));
    afterCommit(() => recordHit([nominateRule(actor.userId)], now));
    return { nomination: result(created, input.sendInvitation ? "INVITED" : "PROPOSED"), created: true, invited: input.sendInvitation };
  },
  // Two posts of the same form for two sessions at once: the second insert hits the primary key.
  async recover(error, { input, actor }) {
    if (!isUniqueViolation(error) || !input.idempotencyKey) return undefined;
    const earlier = await db.nomination.findUnique({ where: { id: input.idempotencyKey }, select: replaySelect });
    if (!earlier) return undefined;
    const refusal = replayRefusal(earlier, input, actor);
    if (refusal) throw refusalToError(refusal);
    return replayed(earlier);
  },
  respond: (done, { mailDelivered }): NominateResult => ({
    ...done.nomination,
    created: done.created,
    invited: done.invited,
    emailSent: done.invited && mailDelivered,
  }),
  invalidates: (done) => (done.created ? SURFACES.private : []),
});
