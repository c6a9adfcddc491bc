// Proposals for the comments, notifications, desk and coverage tests, written straight to the
// database (the lifecycle commands are tested on their own).
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Locale, OrganizationStatus, ProposalStatus } from "@/lib/generated/prisma/enums";
import { actorFor, buildWorld, createOrganization, createUser, giveCommitteeTerm } from "./factories";

export const ALL_STATUSES: ProposalStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "NOT_RETAINED", "INCORPORATED", "WITHDRAWN"];

export async function createProposal(
  organizationId: string,
  options: {
    status?: ProposalStatus;
    title?: string;
    objectives?: number[];
    countries?: string[];
    language?: Locale;
    submittedAt?: Date | null;
    authorId?: string | null;
  } = {},
) {
  const status = options.status ?? "SUBMITTED";
  const id = randomUUID();
  return db.proposal.create({
    data: {
      id,
      organizationId,
      authorId: options.authorId ?? null,
      title: options.title ?? `Propuesta ${id.slice(0, 8)}`,
      summary: "Resumen de la propuesta.",
      body: "Texto de la propuesta.",
      language: options.language ?? "es",
      objectives: options.objectives ?? [7],
      countries: options.countries ?? ["MX"],
      status,
      submittedAt: options.submittedAt !== undefined ? options.submittedAt : status === "DRAFT" ? null : new Date(),
    },
  });
}

/** A committee member of no organization: no conflict of interest with anyone. */
export async function committeeWithoutConflict() {
  const user = await createUser({ name: "Independent Committee Member" });
  await giveCommitteeTerm(user.id, null);
  return actorFor(user.id);
}

/** A committee member whose term ended: no rights from it any more. */
export async function formerCommitteeMember() {
  const user = await createUser({ name: "Former Committee Member" });
  const start = new Date(Date.UTC(2020, 0, 1));
  const end = new Date(Date.UTC(2021, 0, 1));
  await db.committeeTerm.create({ data: { userId: user.id, organizationId: null, startsOn: start, endsOn: end } });
  return actorFor(user.id);
}

/** A member of an organization in `status` (pending, suspended…) and of nothing else. */
export async function memberOfOrganizationIn(status: OrganizationStatus) {
  const user = await createUser({ name: `Member of a ${status.toLowerCase()} organization` });
  const org = await createOrganization({ status, members: [{ userId: user.id, role: "ADMIN" }] });
  return { actor: await actorFor(user.id), org };
}

// ─── For the lifecycle and co-sponsorship tests (tests/integration/proposals-lifecycle*.test.ts) ───

/**
 * Every role of a proposals permission table: buildWorld()'s, a committee member without a
 * conflict, and members of a pending and of a suspended organization (not `org`).
 */
export const LIFECYCLE_ROLES = [
  "visitor",
  "participant",
  "orgAdmin",
  "orgMember",
  "otherOrgMember",
  "pendingOrgMember",
  "suspendedOrgMember",
  "committee",
  "reviewer",
  "staff",
  "admin",
] as const;
export type LifecycleRole = (typeof LIFECYCLE_ROLES)[number];

/**
 * buildWorld() and a `reviewer`: a committee member representing a third organization (a
 * regional network) they are not a member of, so they have no conflict with `org` or `otherOrg`;
 * and the admins of a pending and of a suspended organization.
 */
export async function buildProposalWorld() {
  const world = await buildWorld();
  const network = await createOrganization({ name: "Red Independiente", type: "REGIONAL_NETWORK" });
  const reviewerUser = await createUser({ name: "Reviewer Without Conflict" });
  await giveCommitteeTerm(reviewerUser.id, network.id);
  const pending = await memberOfOrganizationIn("PENDING");
  const suspended = await memberOfOrganizationIn("SUSPENDED");
  const actors: Record<LifecycleRole, Actor | null> = {
    ...world.actors,
    reviewer: await actorFor(reviewerUser.id),
    pendingOrgMember: pending.actor,
    suspendedOrgMember: suspended.actor,
  };
  return { ...world, network, pendingOrg: pending.org, suspendedOrg: suspended.org, users: { ...world.users, reviewer: reviewerUser }, actors };
}

/** A complete, valid new proposal (no organizationId: the actor's only verified organization). */
export function validProposalInput<T extends Record<string, unknown>>(overrides: T = {} as T) {
  const base = {
    title: "Acceso a la identidad para la niñez migrante",
    summary: "Que los consulados emitan documentos de identidad a niñas y niños migrantes sin costo.",
    body: "## Contexto\n\nMuchas familias **no tienen** documentos.\n\n- Consulados móviles\n- Gratuidad",
    language: "es",
    objectives: ["4", "7"],
    countries: ["MX", "GT"],
    concernsChildren: "on",
  };
  return { ...base, ...overrides };
}

export { appError, outcome, type Outcome } from "./outcomes";

/** Row counts of every table the lifecycle and co-sponsor commands write. */
export async function proposalRowCounts() {
  const [proposals, cosponsors, audit, notifications] = await Promise.all([
    db.proposal.count(),
    db.proposalCosponsor.count(),
    db.auditEntry.count(),
    db.notification.count(),
  ]);
  return { proposals, cosponsors, audit, notifications };
}
