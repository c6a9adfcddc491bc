import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { invalidated } from "@/lib/commands/invalidate";
import { db } from "@/lib/db/client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { getProposalForPage } from "@/lib/proposals/queries";
import { linkParagraphProposal, unlinkParagraphProposal } from "@/lib/report/commands";
import { listVersionLinks } from "@/lib/report/queries";
import { proposalIdFromReference } from "@/lib/report/schemas";
import { buildWorld, createOrganization, resetDatabase, type RoleName } from "../helpers/factories";
import { ALL_STATUSES, createProposal } from "../helpers/proposal-fixtures";
import { ANCHORS, createVersion, reportCommentCounts, resetNumbers } from "../helpers/report-comment-fixtures";
import { appError, outcome, ROLES, type Outcome } from "./organizations-fixtures";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Version = Awaited<ReturnType<typeof createVersion>>;

const STAFF_ONLY: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "forbidden",
  orgMember: "forbidden",
  otherOrgMember: "forbidden",
  committee: "forbidden",
  staff: "ok",
  admin: "ok",
};

let world: World;
let open: Version;
beforeEach(async () => {
  await resetDatabase();
  resetNumbers();
  world = await buildWorld();
  open = await createVersion({ status: "OPEN" });
});

describe("who may link and unlink", () => {
  it.each(ROLES)("linkParagraphProposal as %s", async (role) => {
    const proposal = await createProposal(world.org.id, { status: "UNDER_REVIEW" });
    const result = await outcome(linkParagraphProposal(world.actors[role], { versionId: open.id, anchor: ANCHORS[1], proposal: proposal.id }));
    expect(result).toBe(STAFF_ONLY[role]);
    expect(await db.reportParagraphProposal.count()).toBe(result === "ok" ? 1 : 0);
  });

  it.each(ROLES)("unlinkParagraphProposal as %s", async (role) => {
    const proposal = await createProposal(world.org.id, { status: "UNDER_REVIEW" });
    await linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[1], proposal: proposal.id });
    const result = await outcome(unlinkParagraphProposal(world.actors[role], { versionId: open.id, anchor: ANCHORS[1], proposalId: proposal.id }));
    expect(result).toBe(STAFF_ONLY[role]);
    expect(await db.reportParagraphProposal.count()).toBe(result === "ok" ? 0 : 1);
  });
});

describe("which proposals may be linked", () => {
  const expected: Record<ProposalStatus, Outcome> = {
    DRAFT: "invalid",
    SUBMITTED: "ok",
    UNDER_REVIEW: "ok",
    ACCEPTED: "ok",
    NOT_RETAINED: "ok",
    INCORPORATED: "ok",
    WITHDRAWN: "ok",
  };

  it.each(ALL_STATUSES)("a proposal %s", async (status) => {
    const proposal = await createProposal(world.org.id, { status });
    const result = await outcome(linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[0], proposal: proposal.id }));
    expect(result).toBe(expected[status]);
  });

  it("refuses a draft with a clear message on the field, and writes nothing", async () => {
    const draft = await createProposal(world.org.id, { status: "DRAFT" });
    const before = await reportCommentCounts();
    const error = await appError(linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[0], proposal: draft.id }));
    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors.proposal?.[0]?.key).toBe("reportComments.proposalNotPublic");
    expect(await reportCommentCounts()).toEqual(before);
  });

  it("refuses a proposal of an organization that is no longer verified, one that does not exist, and text without an id", async () => {
    const pending = await createOrganization({ status: "PENDING" });
    const hidden = await createProposal(pending.id, { status: "SUBMITTED" });
    const before = await reportCommentCounts();
    for (const [proposal, key] of [
      [hidden.id, "reportComments.proposalNotPublic"],
      [randomUUID(), "reportComments.proposalNotPublic"],
      ["la propuesta de ayer", "reportComments.proposalReference"],
      ["", "required"],
    ]) {
      const error = await appError(linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[0], proposal }));
      expect(error.fieldErrors.proposal?.[0]?.key, proposal).toBe(key);
    }
    expect(await reportCommentCounts()).toEqual(before);
  });

  it("refuses a paragraph that does not exist or belongs to another version; a second link of the same pair", async () => {
    const proposal = await createProposal(world.org.id);
    const other = await createVersion({ status: "OPEN" });
    expect(await outcome(linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: "p-nothere", proposal: proposal.id }))).toBe("not_found");
    expect(
      await outcome(linkParagraphProposal(world.actors.staff, { versionId: open.id, paragraphId: other.paragraphs[0].id, proposal: proposal.id })),
    ).toBe("not_found");
    await linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[0], proposal: proposal.id });
    const error = await appError(linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[0], proposal: proposal.id }));
    expect(error.fieldErrors.proposal?.[0]?.key).toBe("reportComments.alreadyLinked");
    expect(await db.reportParagraphProposal.count()).toBe(1);
    expect(await outcome(unlinkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[1], proposalId: proposal.id }))).toBe(
      "not_found",
    );
  });

  it("takes the proposal's address as well as its id", async () => {
    const id = randomUUID();
    expect(proposalIdFromReference(`https://puente.example.org/es/proposals/${id}?x=1#discussion`)).toBe(id);
    expect(proposalIdFromReference(` ${id.toUpperCase()} `)).toBe(id);
    expect(proposalIdFromReference("nada")).toBeNull();
    const proposal = await createProposal(world.org.id);
    const linked = await linkParagraphProposal(world.actors.staff, {
      versionId: open.id,
      paragraphId: open.paragraphs[2].id,
      proposal: `http://localhost:3000/pt/proposals/${proposal.id}`,
      locale: "pt",
    });
    expect(linked).toMatchObject({ versionNumber: open.number, anchor: ANCHORS[2], proposalId: proposal.id, incorporated: false });
  });
});

describe("what a link does", () => {
  it("marks an ACCEPTED proposal INCORPORATED, with its public history entry and its authors notified", async () => {
    const proposal = await createProposal(world.org.id, { status: "ACCEPTED", title: "Niñez migrante" });
    invalidated.length = 0;
    const linked = await linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[1], proposal: proposal.id });
    expect(linked.incorporated).toBe(true);
    // The command refreshes the version, the proposal's page and the public log, whichever form ran it.
    expect(invalidated).toEqual(expect.arrayContaining(["report", "proposals", "transparency"]));
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("INCORPORATED");
    const history = await db.auditEntry.findFirstOrThrow({ where: { entityType: "Proposal", entityId: proposal.id } });
    expect(history).toMatchObject({ action: "proposal.incorporated", isPublic: true });
    expect(history.data).toMatchObject({ proposalTitle: "Niñez migrante", organizationName: world.org.name, status: "INCORPORATED" });
    const link = await db.auditEntry.findFirstOrThrow({ where: { action: "report.proposal_linked" } });
    expect(link.isPublic).toBe(true);
    expect(link.data).toMatchObject({ versionNumber: open.number, anchor: ANCHORS[1], proposalTitle: "Niñez migrante" });
    const notified = await db.notification.findMany({ where: { kind: "proposal.incorporated" } });
    expect(notified.map((n) => n.userId).sort()).toEqual([world.users.orgAdmin.id, world.users.orgMember.id, world.users.committee.id].sort());
  });

  it("leaves a proposal in any other state as it is, and an incorporated one stays so after unlinking", async () => {
    const review = await createProposal(world.org.id, { status: "UNDER_REVIEW" });
    const accepted = await createProposal(world.org.id, { status: "ACCEPTED" });
    await linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[0], proposal: review.id });
    await linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[0], proposal: accepted.id });
    await unlinkParagraphProposal(world.actors.admin, { versionId: open.id, anchor: ANCHORS[0], proposalId: accepted.id });
    const statuses = await db.proposal.findMany({ select: { id: true, status: true } });
    expect(statuses.find((p) => p.id === review.id)?.status).toBe("UNDER_REVIEW");
    expect(statuses.find((p) => p.id === accepted.id)?.status).toBe("INCORPORATED");
    expect(await db.auditEntry.count({ where: { action: "report.proposal_unlinked", isPublic: true } })).toBe(1);
  });

  it("shows on the version (public proposals only) and on the proposal page (non-draft versions only)", async () => {
    const proposal = await createProposal(world.org.id, { status: "ACCEPTED" });
    const draft = await createVersion({ status: "DRAFT" });
    await linkParagraphProposal(world.actors.staff, { versionId: open.id, anchor: ANCHORS[2], proposal: proposal.id });
    await linkParagraphProposal(world.actors.staff, { versionId: draft.id, anchor: ANCHORS[0], proposal: proposal.id });
    // A link on a draft is private in the log: the draft is not named publicly.
    expect(await db.auditEntry.count({ where: { action: "report.proposal_linked", isPublic: false } })).toBe(1);

    const links = await listVersionLinks(open.id);
    expect(links).toEqual([
      expect.objectContaining({ paragraphId: open.paragraphs[2].id, proposalId: proposal.id, status: "INCORPORATED", organizationName: world.org.name }),
    ]);
    const page = await getProposalForPage(null, proposal.id);
    expect(page?.reportLinks).toEqual([{ versionNumber: open.number, versionStatus: "OPEN", anchor: ANCHORS[2], versionTitle: open.title }]);
    expect(JSON.stringify(page)).not.toContain(draft.title);

    // A proposal whose organization is suspended disappears from the version's links.
    await db.organization.update({ where: { id: world.org.id }, data: { status: "SUSPENDED" } });
    expect(await listVersionLinks(open.id)).toEqual([]);
  });
});
