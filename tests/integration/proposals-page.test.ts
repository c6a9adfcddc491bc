import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listComments } from "@/lib/proposals/queries";
import { getProposalForPage } from "@/lib/proposals/queries";
import { buildWorld, createOrganization, createUser, resetDatabase } from "../helpers/factories";
import { createProposal } from "../helpers/proposal-fixtures";
import { captureQueries } from "../helpers/query-count";

type World = Awaited<ReturnType<typeof buildWorld>>;

/** What the proposal page reads: the proposal with its co-sponsors and history, and the comments. */
async function loadPage(world: World, id: string) {
  const proposal = await getProposalForPage(world.actors.visitor, id);
  const comments = await listComments(id, world.actors.visitor);
  return { proposal, comments };
}

describe("proposal page", () => {
  let world: World;
  let small: string;
  let large: string;
  let draft: string;

  beforeAll(async () => {
    await resetDatabase();
    world = await buildWorld();
    small = (await createProposal(world.org.id)).id;
    large = (await createProposal(world.org.id)).id;
    draft = (await createProposal(world.org.id, { status: "DRAFT" })).id;
    const author = await createUser({ name: "Commenter" });
    // One co-sponsor, comment and history entry on one; thirty of each on the other.
    for (const [id, n] of [[small, 1], [large, 30]] as const) {
      for (let i = 0; i < n; i++) {
        const sponsor = await createOrganization({ name: `Sponsor ${id.slice(0, 4)} ${i}` });
        await db.proposalCosponsor.create({ data: { proposalId: id, organizationId: sponsor.id } });
        const comment = await db.proposalComment.create({ data: { proposalId: id, authorId: author.id, body: `Comment ${i}` } });
        await db.proposalComment.create({ data: { proposalId: id, authorId: author.id, body: `Reply ${i}`, parentId: comment.id } });
        await db.auditEntry.create({
          data: { action: "proposal.cosponsored", entityType: "Proposal", entityId: id, isPublic: true, data: { organizationName: sponsor.name } },
        });
      }
    }
  });

  it("runs the same number of SQL queries with 1 or 30 co-sponsors, comments and history entries", async () => {
    const a = await captureQueries(() => loadPage(world, small));
    const b = await captureQueries(() => loadPage(world, large));
    expect(a.result.proposal?.cosponsors).toHaveLength(1);
    expect(b.result.proposal?.cosponsors).toHaveLength(30);
    expect(b.result.proposal?.history).toHaveLength(30);
    expect(b.result.comments.length).toBe(30);
    expect(b.queries.length).toBe(a.queries.length);
    // Prisma loads each relation with its own query: seven in all, whatever the size.
    expect(a.queries.length).toBeLessThanOrEqual(7);
  });

  it("is not found for a visitor when it is a draft, or when the id is not a uuid", async () => {
    expect(await getProposalForPage(null, draft)).toBeNull();
    expect(await getProposalForPage(world.actors.otherOrgMember, draft)).toBeNull();
    expect(await getProposalForPage(world.actors.staff, draft)).toBeNull();
    expect(await getProposalForPage(world.actors.orgMember, draft)).not.toBeNull();
    expect(await getProposalForPage(null, "not-a-uuid")).toBeNull();
    expect(await getProposalForPage(null, "'; DROP TABLE \"Proposal\"; --")).toBeNull();
  });

  it("never shows a visitor the emails of members, authors or contacts", async () => {
    const page = await loadPage(world, large);
    const json = JSON.stringify(page);
    expect(json).not.toContain("@example.test");
    expect(json).not.toContain("contactEmail");
  });
});
