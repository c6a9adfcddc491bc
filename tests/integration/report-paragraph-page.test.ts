import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getParagraphPage, getVersionPage, LATEST_COMMENTS, locateReportComment, PARAGRAPH_COMMENTS_PAGE } from "@/lib/report/queries";
import { buildWorld, resetDatabase } from "../helpers/factories";
import { createProposal } from "../helpers/proposal-fixtures";
import { captureQueries } from "../helpers/query-count";
import { ANCHORS, createVersion, resetNumbers } from "../helpers/report-comment-fixtures";

// Issue 16: the version page shows each paragraph's count and latest comments; the paragraph's
// own page lists all of them, paged. Hidden comments are never counted, nor shown but as their
// public reason on the paragraph's page.

type World = Awaited<ReturnType<typeof buildWorld>>;
type Version = Awaited<ReturnType<typeof createVersion>>;

let world: World;

beforeEach(async () => {
  await resetDatabase();
  resetNumbers();
  world = await buildWorld();
});

const start = Date.UTC(2026, 10, 1);

/** `count` comments on paragraph `paragraph`, a minute apart, in order of `body`; `hidden` lists the indexes moderators hid. */
async function comments(version: Version, paragraph: number, count: number, hidden: number[] = []) {
  await db.reportComment.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      versionId: version.id,
      paragraphId: version.paragraphs[paragraph].id,
      organizationId: world.org.id,
      authorId: world.users.orgMember.id,
      body: `Comentario ${paragraph}.${i}`,
      language: "es" as const,
      createdAt: new Date(start + i * 60_000),
      ...(hidden.includes(i) ? { hiddenAt: new Date(), hiddenReason: "Datos personales" } : {}),
    })),
  });
}

describe("the version page: counts and latest comments by paragraph", () => {
  it("counts each paragraph's visible comments and reads its latest ones, oldest first, never a hidden one", async () => {
    const version = await createVersion({ status: "OPEN" });
    await comments(version, 0, 5, [4]);
    await comments(version, 2, 1);
    const page = await getVersionPage(null, version.number);
    const [p0, p1, p2] = version.paragraphs;
    expect(page?.commentCounts.get(p0.id)).toBe(4);
    expect(page?.commentCounts.get(p1.id)).toBeUndefined();
    expect(page?.commentCounts.get(p2.id)).toBe(1);
    // The newest (4) is hidden: the two latest visible ones are 2 and 3.
    expect(LATEST_COMMENTS).toBe(2);
    expect(page?.latestByParagraph.get(p0.id)?.map((c) => c.body)).toEqual(["Comentario 0.2", "Comentario 0.3"]);
    expect(page?.latestByParagraph.get(p2.id)?.map((c) => c.body)).toEqual(["Comentario 2.0"]);
    expect(JSON.stringify(page)).not.toContain("Comentario 0.4");
    // The version's counts by disposition are unchanged by paging the threads.
    expect(page?.counts.total).toBe(6);
  });

  it("reads no comment of another version", async () => {
    const one = await createVersion({ status: "SUPERSEDED" });
    const two = await createVersion({ status: "OPEN" });
    await comments(one, 0, 3);
    const page = await getVersionPage(null, two.number);
    expect(page?.commentCounts.size).toBe(0);
    expect(page?.latestByParagraph.size).toBe(0);
  });
});

describe("a paragraph's page", () => {
  it("lists every comment of the paragraph, oldest first, PARAGRAPH_COMMENTS_PAGE a page; a hidden one keeps its place as its reason", async () => {
    const version = await createVersion({ status: "OPEN" });
    const total = 2 * PARAGRAPH_COMMENTS_PAGE + 5;
    await comments(version, 1, total, [3]);
    await comments(version, 0, 2);
    const first = await getParagraphPage(null, version.number, ANCHORS[1]);
    expect(first?.paragraph.anchor).toBe(ANCHORS[1]);
    expect(first?.commentCount).toBe(total - 1);
    expect(first?.pageCount).toBe(3);
    expect(first?.page).toBe(1);
    expect(first?.comments).toHaveLength(PARAGRAPH_COMMENTS_PAGE);
    expect(first?.comments[0].body).toBe("Comentario 1.0");
    expect(first?.comments[3]).toMatchObject({ body: null, hidden: { reason: "Datos personales" } });
    const second = await getParagraphPage(null, version.number, ANCHORS[1], 2);
    expect(second?.comments[0].body).toBe(`Comentario 1.${PARAGRAPH_COMMENTS_PAGE}`);
    // Past the last page (or "last"): the last page.
    const last = await getParagraphPage(null, version.number, ANCHORS[1], Number.MAX_SAFE_INTEGER);
    expect(last?.page).toBe(3);
    expect(last?.comments.map((c) => c.body)).toEqual(Array.from({ length: 5 }, (_, i) => `Comentario 1.${2 * PARAGRAPH_COMMENTS_PAGE + i}`));
    expect((await getParagraphPage(null, version.number, ANCHORS[1], 0))?.page).toBe(1);
    // Only this paragraph's comments.
    expect(JSON.stringify([first, second, last])).not.toContain("Comentario 0.");
    expect((await getParagraphPage(null, version.number, ANCHORS[2]))?.comments).toEqual([]);
  });

  it("gives the version's outline (the part the paragraph is in) and the public proposals this paragraph takes up", async () => {
    const version = await createVersion({ status: "OPEN" });
    const accepted = await createProposal(world.org.id, { status: "ACCEPTED" });
    await db.reportParagraphProposal.create({ data: { paragraphId: version.paragraphs[1].id, proposalId: accepted.id } });
    const page = await getParagraphPage(null, version.number, ANCHORS[1]);
    expect(page?.outline.map((p) => p.anchor)).toEqual([...ANCHORS]);
    expect(page?.links.map((l) => l.proposalId)).toEqual([accepted.id]);
    expect((await getParagraphPage(null, version.number, ANCHORS[0]))?.links).toEqual([]);
  });

  it("exists only where the version does for the reader: a draft's paragraph for staff and the committee only", async () => {
    const draft = await createVersion({ status: "DRAFT" });
    await comments(draft, 0, 1);
    for (const actor of [null, world.actors.orgMember, world.actors.participant]) expect(await getParagraphPage(actor, draft.number, ANCHORS[0])).toBeNull();
    for (const actor of [world.actors.committee, world.actors.staff]) expect((await getParagraphPage(actor, draft.number, ANCHORS[0]))?.commentCount).toBe(1);
  });

  it("is null for an unknown paragraph, version or a malformed anchor", async () => {
    const version = await createVersion({ status: "OPEN" });
    expect(await getParagraphPage(null, version.number, "p-unknown")).toBeNull();
    expect(await getParagraphPage(null, version.number + 1, ANCHORS[0])).toBeNull();
    expect(await getParagraphPage(null, version.number, "p-x'; --")).toBeNull();
    expect(await getParagraphPage(null, 0, ANCHORS[0])).toBeNull();
  });

  it("runs the same statements for 2 comments and for 300", async () => {
    const version = await createVersion({ status: "OPEN" });
    await comments(version, 0, 2);
    await comments(version, 1, 300);
    const small = await captureQueries(() => getParagraphPage(null, version.number, ANCHORS[0]));
    const big = await captureQueries(() => getParagraphPage(null, version.number, ANCHORS[1], 7));
    expect(big.result?.comments).toHaveLength(PARAGRAPH_COMMENTS_PAGE);
    expect(big.queries.length).toBe(small.queries.length);
  });
});

describe("a comment's lasting address (/report/comments/<id>)", () => {
  it("finds the version, the paragraph and the page of its comments the comment is on", async () => {
    const version = await createVersion({ status: "OPEN" });
    await comments(version, 1, PARAGRAPH_COMMENTS_PAGE + 3, [PARAGRAPH_COMMENTS_PAGE + 1]);
    await comments(version, 0, 1);
    const byBody = async (body: string) => (await db.reportComment.findFirstOrThrow({ where: { body }, select: { id: true } })).id;
    expect(await locateReportComment(null, await byBody("Comentario 1.0"))).toEqual({ versionNumber: version.number, anchor: ANCHORS[1], page: 1 });
    expect(await locateReportComment(null, await byBody(`Comentario 1.${PARAGRAPH_COMMENTS_PAGE - 1}`))).toMatchObject({ page: 1 });
    // A hidden one keeps its place (its reason is shown there).
    expect(await locateReportComment(null, await byBody(`Comentario 1.${PARAGRAPH_COMMENTS_PAGE + 1}`))).toMatchObject({ page: 2 });
    expect(await locateReportComment(null, await byBody("Comentario 0.0"))).toEqual({ versionNumber: version.number, anchor: ANCHORS[0], page: 1 });
    // And the page it names does show it.
    const last = await getParagraphPage(null, version.number, ANCHORS[1], 2);
    expect(last?.comments.map((c) => c.id)).toContain(await byBody(`Comentario 1.${PARAGRAPH_COMMENTS_PAGE + 2}`));
  });

  it("is null for a comment on a draft, unless staff or the committee ask, and for an unknown or malformed id", async () => {
    const draft = await createVersion({ status: "DRAFT" });
    await comments(draft, 0, 1);
    const { id } = await db.reportComment.findFirstOrThrow({ select: { id: true } });
    expect(await locateReportComment(null, id)).toBeNull();
    expect(await locateReportComment(world.actors.orgMember, id)).toBeNull();
    expect(await locateReportComment(world.actors.committee, id)).toMatchObject({ anchor: ANCHORS[0] });
    expect(await locateReportComment(null, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await locateReportComment(null, "not-a-uuid")).toBeNull();
  });
});
