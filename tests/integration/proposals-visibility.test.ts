import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { publicAnswerWhere, publicQuestionSql, publicQuestionWhere } from "@/lib/dialogue/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import { listQuestionFeedEntries } from "@/lib/dialogue/feed-queries";
import { listComments } from "@/lib/proposals/queries";
import { publicProposalCommentWhere, readableProposalSql, readableProposalWhere } from "@/lib/proposals/visibility";
import { findDataset } from "@/lib/open-data/registry";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor, resetDatabase } from "../helpers/factories";

// Issue 15, one visibility rule: the proposal page's one-query comment list, the open data and
// the API read proposal comments through the same rules (lib/proposals/visibility.ts), and the
// questions to the delegates' lists, feed and datasets through lib/dialogue/policy.ts. Where a
// rule exists twice (Prisma and SQL) both forms pick the same rows, for every reader.

beforeAll(async () => {
  await resetDatabase();
  await seedDemo();
  // Private cases the demo may lack: a draft, and a proposal of an organization not verified.
  const pending = await db.organization.findFirstOrThrow({ where: { status: { not: "VERIFIED" } }, select: { id: true } });
  const verified = await db.organization.findFirstOrThrow({ where: { status: "VERIFIED" }, select: { id: true } });
  const base = { summary: "S", body: "B", language: "es" as const, objectives: [1], countries: ["MX"] };
  await db.proposal.create({ data: { ...base, organizationId: verified.id, title: "Borrador", status: "DRAFT" } });
  await db.proposal.create({ data: { ...base, organizationId: pending.id, title: "De una organización pendiente", status: "SUBMITTED" } });
}, 180_000);

const sqlIds = async (sql: Prisma.Sql) =>
  (await db.$queryRaw<{ id: string }[]>`SELECT p.id::text AS id FROM "Proposal" p JOIN "Organization" po ON po.id = p."organizationId" WHERE ${sql} ORDER BY p.id`).map((r) => r.id);

describe("proposals and their comments", () => {
  it("readableProposalSql and readableProposalWhere pick the same proposals for a visitor and every demo account", async () => {
    const users = await db.user.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const readers = [null, ...(await Promise.all(users.map((u) => actorFor(u.id))))];
    let sawDraft = false;
    for (const actor of readers) {
      const viaPrisma = (await db.proposal.findMany({ where: readableProposalWhere(actor), select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
      expect(await sqlIds(readableProposalSql(actor)), actor?.userId ?? "visitor").toEqual(viaPrisma);
      if (actor && (await db.proposal.count({ where: { AND: [readableProposalWhere(actor), { status: "DRAFT" }] } })) > 0) sawDraft = true;
    }
    // The rule can tell readers apart: some member reads a draft a visitor does not.
    expect(sawDraft).toBe(true);
    expect(await db.proposal.count({ where: { AND: [readableProposalWhere(null), { status: "DRAFT" }] } })).toBe(0);
  });

  it("the comments in open data are exactly the shown comments of the pages a visitor reads", async () => {
    const proposals = await db.proposal.findMany({ where: { comments: { some: {} } }, select: { id: true } });
    const onPages: string[] = [];
    for (const p of proposals) {
      for (const thread of await listComments(p.id, null)) {
        for (const c of [thread, ...thread.replies]) if (!c.hidden) onPages.push(c.id);
      }
    }
    const dataset = findDataset("proposal-comments")!;
    const rows = await dataset.page(null, 10_000);
    expect(rows.map((r) => r.id).sort()).toEqual(onPages.sort());
    expect(await db.proposalComment.count({ where: publicProposalCommentWhere })).toBe(onPages.length);
    expect(await db.proposalComment.count({ where: { hiddenAt: { not: null } } })).toBeGreaterThan(0);
  });
});

describe("questions to the delegates", () => {
  it("publicQuestionSql and publicQuestionWhere pick the same questions; the feed and the datasets read only those", async () => {
    await db.dialogueQuestion.updateMany({ where: { id: (await db.dialogueQuestion.findFirstOrThrow({ where: { answeredAt: { not: null } }, select: { id: true } })).id }, data: { hiddenAt: new Date(), hiddenReason: "Prueba" } });
    const viaPrisma = (await db.dialogueQuestion.findMany({ where: publicQuestionWhere, select: { id: true }, orderBy: { id: "asc" } })).map((q) => q.id);
    const viaSql = (await db.$queryRaw<{ id: string }[]>`SELECT q.id::text AS id FROM "DialogueQuestion" q WHERE ${publicQuestionSql} ORDER BY q.id`).map((r) => r.id);
    expect(viaSql).toEqual(viaPrisma);
    const hidden = (await db.dialogueQuestion.findMany({ where: { hiddenAt: { not: null } }, select: { id: true } })).map((q) => q.id);
    expect(hidden.length).toBeGreaterThan(0);

    const feed = await listQuestionFeedEntries(10_000);
    for (const entry of feed) expect(hidden).not.toContain(entry.questionId);
    const answersInFeed = feed.filter((e) => e.kind === "answered").map((e) => e.questionId).sort();
    const answers = (await findDataset("answers")!.page(null, 10_000)).map((r) => r.id).sort();
    expect(answersInFeed).toEqual(answers);
    expect(answers).toHaveLength(await db.dialogueQuestion.count({ where: publicAnswerWhere }));
    const questions = (await findDataset("questions")!.page(null, 10_000)).map((r) => r.id).sort();
    expect(questions).toEqual(viaPrisma.sort());
  });
});
