import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ProposalStatus, type OrganizationStatus } from "@/lib/generated/prisma/enums";
import { canComment, canCreateProposal, proposalAbilities } from "@/lib/proposals/policy";
import { publicProposalWhere, PUBLIC_STATUSES, readableProposalWhere } from "@/lib/proposals/visibility";

describe("public proposal states", () => {
  it("are every state but DRAFT (the list's SQL and its partial indexes say `status <> 'DRAFT'`)", () => {
    expect([...PUBLIC_STATUSES].sort()).toEqual(Object.values(ProposalStatus).filter((s) => s !== "DRAFT").sort());
  });
});

// ─── Role × action, as the page shows it (proposalAbilities) and the commands check it ───

const ORG = "00000000-0000-4000-8000-000000000001";
const member = (status: OrganizationStatus): Actor => ({
  userId: `user-${status}`,
  name: status,
  email: `${status}@example.test`,
  locale: "es",
  isStaff: false,
  isAdmin: false,
  isMonitoringReviewer: false,
  isDelegate: false,
  memberships: [{ organizationId: ORG, organizationSlug: "org", organizationName: "Org", organizationStatus: status, role: "ADMIN" }],
  committeeTerm: null,
});

const ROLES: Record<string, Actor | null> = {
  visitor: null,
  verifiedMember: member("VERIFIED"),
  pendingMember: member("PENDING"),
  suspendedMember: member("SUSPENDED"),
  rejectedMember: member("REJECTED"),
};

// Pending: writes and edits drafts, submitting waits (the page says so). Suspended or rejected: reads only.
const TABLE: Record<string, { create: boolean; edit: boolean; submit: boolean; submitBlocked: boolean; readsDraft: boolean }> = {
  visitor: { create: false, edit: false, submit: false, submitBlocked: false, readsDraft: false },
  verifiedMember: { create: true, edit: true, submit: true, submitBlocked: false, readsDraft: true },
  pendingMember: { create: true, edit: true, submit: false, submitBlocked: true, readsDraft: true },
  suspendedMember: { create: false, edit: false, submit: false, submitBlocked: true, readsDraft: true },
  rejectedMember: { create: false, edit: false, submit: false, submitBlocked: true, readsDraft: true },
};

describe("role × action on the organization's own draft", () => {
  for (const [role, actor] of Object.entries(ROLES)) {
    it(`${role}: ${JSON.stringify(TABLE[role])}`, () => {
      const can = proposalAbilities(actor, { organizationId: ORG, status: "DRAFT" });
      const readable = readableProposalWhere(actor);
      expect({
        create: canCreateProposal(actor),
        edit: can.edit,
        submit: can.submit,
        submitBlocked: can.submitBlocked,
        // The members' branch of the filter: drafts of their own organizations, whatever its state.
        readsDraft: "OR" in readable,
      }).toEqual(TABLE[role]);
    });
  }

  it("co-sponsoring and commenting wait for verification", () => {
    const submitted = { organizationId: "00000000-0000-4000-8000-000000000002", status: "SUBMITTED" as const };
    expect(proposalAbilities(ROLES.verifiedMember, submitted).cosponsorAs).toEqual([ORG]);
    for (const role of ["pendingMember", "suspendedMember", "rejectedMember"]) {
      expect(proposalAbilities(ROLES[role], submitted).cosponsorAs, role).toEqual([]);
      expect(canComment(ROLES[role]), role).toBe(false);
    }
  });

  it("the public filter never includes a draft or an organization that is not verified", () => {
    expect(publicProposalWhere).toEqual({ status: { in: PUBLIC_STATUSES }, organization: { status: "VERIFIED" } });
    expect(PUBLIC_STATUSES).not.toContain("DRAFT");
  });
});
