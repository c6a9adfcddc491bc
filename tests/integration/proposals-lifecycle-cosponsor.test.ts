import { beforeEach, describe, expect, it } from "vitest";
import { describeEntry } from "@/components/transparency/entries";
import { db } from "@/lib/db/client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { cosponsorProposal, withdrawCosponsorship } from "@/lib/proposals/commands";
import en from "@/messages/en/transparency.json";
import { actorFor, createOrganization, createUser, resetDatabase } from "../helpers/factories";
import {
  ALL_STATUSES,
  appError,
  buildProposalWorld,
  createProposal as insertProposal,
  LIFECYCLE_ROLES,
  memberOfOrganizationIn,
  outcome,
  proposalRowCounts,
  type LifecycleRole,
  type Outcome,
} from "../helpers/proposal-fixtures";

type World = Awaited<ReturnType<typeof buildProposalWorld>>;

let world: World;
beforeEach(async () => {
  await resetDatabase();
  world = await buildProposalWorld();
});

const countOf = async (proposalId: string) => (await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).cosponsorCount;

describe("role × co-sponsorship", () => {
  // Only a member of another verified organization may co-sponsor (or withdraw that support).
  const TABLE: Record<LifecycleRole, Outcome> = {
    visitor: "unauthenticated",
    participant: "forbidden",
    orgAdmin: "forbidden",
    orgMember: "forbidden",
    otherOrgMember: "ok",
    // Co-sponsoring waits for verification.
    pendingOrgMember: "forbidden",
    suspendedOrgMember: "forbidden",
    committee: "forbidden",
    reviewer: "forbidden",
    staff: "forbidden",
    admin: "forbidden",
  };

  it(`cosponsor: ${LIFECYCLE_ROLES.map((r) => `${r}=${TABLE[r]}`).join(", ")}`, async () => {
    for (const role of LIFECYCLE_ROLES) {
      const proposal = await insertProposal(world.org.id, { status: "SUBMITTED" });
      const before = await proposalRowCounts();
      expect(await outcome(cosponsorProposal(world.actors[role], { proposalId: proposal.id })), role).toBe(TABLE[role]);
      if (TABLE[role] !== "ok") {
        expect(await proposalRowCounts(), role).toEqual(before);
        expect(await countOf(proposal.id)).toBe(0);
      } else {
        expect(await countOf(proposal.id)).toBe(1);
      }
    }
  });

  // Members of any other organization may ask; those of a pending or suspended one have nothing
  // to withdraw, which is not an error and changes nothing.
  const WITHDRAW: Record<LifecycleRole, Outcome> = { ...TABLE, pendingOrgMember: "ok", suspendedOrgMember: "ok" };

  it(`withdraw co-sponsorship: ${LIFECYCLE_ROLES.map((r) => `${r}=${WITHDRAW[r]}`).join(", ")}`, async () => {
    for (const role of LIFECYCLE_ROLES) {
      const proposal = await insertProposal(world.org.id, { status: "UNDER_REVIEW" });
      await cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id });
      const before = await proposalRowCounts();
      expect(await outcome(withdrawCosponsorship(world.actors[role], { proposalId: proposal.id })), role).toBe(WITHDRAW[role]);
      if (role !== "otherOrgMember") {
        expect(await proposalRowCounts(), role).toEqual(before);
        expect(await countOf(proposal.id)).toBe(1);
      } else {
        expect(await countOf(proposal.id)).toBe(0);
        expect(await db.proposalCosponsor.count({ where: { proposalId: proposal.id } })).toBe(0);
      }
    }
  });

  it("refuses the authoring organization with its own message", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED" });
    const error = await appError(cosponsorProposal(world.actors.orgAdmin, { proposalId: proposal.id, organizationId: world.org.id }));
    expect(error.kind).toBe("forbidden");
    expect(error.userMessage.key).toBe("proposals.cannotCosponsorOwn");
  });

  it("refuses pending and suspended organizations, and organizations the actor does not belong to", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED" });
    for (const status of ["PENDING", "SUSPENDED"] as const) {
      const { actor, org } = await memberOfOrganizationIn(status);
      expect(await outcome(cosponsorProposal(actor, { proposalId: proposal.id, organizationId: org.id }))).toBe("forbidden");
    }
    expect(await outcome(cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id, organizationId: world.network.id }))).toBe(
      "forbidden",
    );
    expect(await db.proposalCosponsor.count()).toBe(0);
  });
});

describe("co-sponsoring", () => {
  it("two clicks make one co-sponsorship, counted once, and the second is not an error", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED", title: "Vías regulares" });
    const first = await cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id });
    const second = await cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id });
    expect(first).toEqual({ proposalId: proposal.id, organizationId: world.otherOrg.id, alreadyDone: false });
    expect(second).toEqual({ proposalId: proposal.id, organizationId: world.otherOrg.id, alreadyDone: true });
    expect(await db.proposalCosponsor.count()).toBe(1);
    expect(await countOf(proposal.id)).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "proposal.cosponsored" } })).toBe(1);
  });

  it("two simultaneous clicks make one co-sponsorship", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED" });
    const results = await Promise.all([
      cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id }),
      cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id }),
    ]);
    expect(results.map((r) => r.alreadyDone).sort()).toEqual([false, true]);
    expect(await db.proposalCosponsor.count()).toBe(1);
    expect(await countOf(proposal.id)).toBe(1);
  });

  it("records who and for which organization, publicly, and tells the authors", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED", title: "Vías regulares" });
    await cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id });
    const row = await db.proposalCosponsor.findFirstOrThrow();
    expect(row).toMatchObject({ proposalId: proposal.id, organizationId: world.otherOrg.id, userId: world.users.otherOrgMember.id });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "proposal.cosponsored" } });
    expect(entry).toMatchObject({ isPublic: true, entityType: "Proposal", entityId: proposal.id, actorId: world.users.otherOrgMember.id });
    expect(entry.data).toEqual({ proposalTitle: "Vías regulares", organizationName: world.otherOrg.name, organizationSlug: world.otherOrg.slug });
    const notes = await db.notification.findMany({ where: { kind: "proposal.cosponsored" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([world.users.orgAdmin.id, world.users.orgMember.id, world.users.committee.id].sort());
    expect(notes[0].data).toEqual({ proposalId: proposal.id, proposalTitle: "Vías regulares", organizationName: world.otherOrg.name });
  });

  it("is open while submitted or under review, closed in every other state", async () => {
    const open: ProposalStatus[] = ["SUBMITTED", "UNDER_REVIEW"];
    for (const status of ALL_STATUSES) {
      const proposal = await insertProposal(world.org.id, { status });
      const result = await outcome(cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id }));
      // A draft is not even visible to another organization.
      const expected = open.includes(status) ? "ok" : status === "DRAFT" ? "not_found" : "conflict";
      expect(result, status).toBe(expected);
    }
    const closed = await insertProposal(world.org.id, { status: "ACCEPTED" });
    const error = await appError(cosponsorProposal(world.actors.otherOrgMember, { proposalId: closed.id }));
    expect(error.userMessage.key).toBe("proposals.cosponsorClosed");
  });

  it("asks which organization when the member belongs to several, and acts for the one chosen", async () => {
    const user = await createUser({ name: "Member of two" });
    const first = await createOrganization({ name: "Primera", members: [{ userId: user.id, role: "MEMBER" }] });
    const second = await createOrganization({ name: "Segunda", members: [{ userId: user.id, role: "MEMBER" }] });
    const actor = await actorFor(user.id);
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED" });
    const error = await appError(cosponsorProposal(actor, { proposalId: proposal.id }));
    expect(error.fieldErrors.organizationId?.[0]?.key).toBe("proposals.chooseOrganization");
    await cosponsorProposal(actor, { proposalId: proposal.id, organizationId: first.id });
    await cosponsorProposal(actor, { proposalId: proposal.id, organizationId: second.id });
    expect(await countOf(proposal.id)).toBe(2);
    // Withdrawing for one leaves the other.
    await withdrawCosponsorship(actor, { proposalId: proposal.id, organizationId: first.id });
    expect((await db.proposalCosponsor.findMany()).map((c) => c.organizationId)).toEqual([second.id]);
    expect(await countOf(proposal.id)).toBe(1);
  });
});

describe("withdrawing a co-sponsorship", () => {
  it("removes the row, lowers the count and records it publicly", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED", title: "Documentos" });
    await cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id });
    const result = await withdrawCosponsorship(world.actors.otherOrgMember, { proposalId: proposal.id });
    expect(result.alreadyDone).toBe(false);
    expect(await db.proposalCosponsor.count()).toBe(0);
    expect(await countOf(proposal.id)).toBe(0);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "proposal.cosponsor_withdrawn" } });
    expect(entry.isPublic).toBe(true);
    expect(entry.data).toEqual({ proposalTitle: "Documentos", organizationName: world.otherOrg.name, organizationSlug: world.otherOrg.slug });
    // A second click changes nothing and is not an error.
    expect((await withdrawCosponsorship(world.actors.otherOrgMember, { proposalId: proposal.id })).alreadyDone).toBe(true);
    expect(await countOf(proposal.id)).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "proposal.cosponsor_withdrawn" } })).toBe(1);
  });

  it("is refused after a decision", async () => {
    const proposal = await insertProposal(world.org.id, { status: "UNDER_REVIEW" });
    await cosponsorProposal(world.actors.otherOrgMember, { proposalId: proposal.id });
    await db.proposal.update({ where: { id: proposal.id }, data: { status: "ACCEPTED" } });
    const error = await appError(withdrawCosponsorship(world.actors.otherOrgMember, { proposalId: proposal.id }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("proposals.cosponsorClosed");
    expect(await db.proposalCosponsor.count()).toBe(1);
    expect(await countOf(proposal.id)).toBe(1);
  });
});

describe("public log sentences", () => {
  const helpers = {
    roleLabel: (role: string) => role,
    formatDay: (day: string) => day,
    rawMessage: (key: string) => (en.actions as Record<string, string>)[key] ?? null,
  };
  it("every proposal action reads as a sentence with the organization linked", () => {
    const actions = [
      "proposal.submitted",
      "proposal.review_started",
      "proposal.accepted",
      "proposal.not_retained",
      "proposal.incorporated",
      "proposal.withdrawn",
      "proposal.cosponsored",
      "proposal.cosponsor_withdrawn",
    ];
    for (const action of actions) {
      const sentence = describeEntry(
        { action, data: { proposalTitle: "Vías regulares", organizationName: "Red X", organizationSlug: "red-x", status: "SUBMITTED" } },
        helpers,
      );
      expect(sentence, action).toMatchObject({ kind: "known", key: action.replaceAll(".", "_"), organizationSlug: "red-x" });
    }
  });
});
