import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { invalidated } from "@/lib/commands/invalidate";
import { db } from "@/lib/db/client";
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { listPublicLog } from "@/lib/audit/queries";
import { giveDisposition, postComment } from "@/lib/report/commands";
import { canCommentOnVersion } from "@/lib/report/policy";
import { dispositionCounts, dispositionCountsByVersion, listVersionComments } from "@/lib/report/queries";
import { commentsByParagraph } from "@/lib/report/views";
import { actorFor, buildWorld, createOrganization, createUser, giveCommitteeTerm, resetDatabase, type RoleName } from "../helpers/factories";
import { formerCommitteeMember, memberOfOrganizationIn } from "../helpers/proposal-fixtures";
import { captureQueries } from "../helpers/query-count";
import { ANCHORS, createComment, createVersion, reportCommentCounts, resetNumbers } from "../helpers/report-comment-fixtures";
import { appError, outcome, ROLES, type Outcome } from "./organizations-fixtures";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Version = Awaited<ReturnType<typeof createVersion>>;

// Written out by hand from the issue: who comments on an open version, on a draft, who answers.
const POST_OPEN: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "ok",
  orgMember: "ok",
  otherOrgMember: "ok",
  committee: "ok",
  staff: "forbidden",
  admin: "forbidden",
};

// A draft is for staff and the committee: for organization members it does not exist.
const POST_DRAFT: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "not_found",
  orgMember: "not_found",
  otherOrgMember: "not_found",
  committee: "ok",
  staff: "ok",
  admin: "ok",
};

const ANSWER: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "forbidden",
  orgMember: "forbidden",
  otherOrgMember: "forbidden",
  committee: "forbidden",
  staff: "ok",
  admin: "ok",
};

async function setup() {
  await resetDatabase();
  resetNumbers();
  return buildWorld();
}

describe("who may comment", () => {
  let world: World;
  let open: Version;
  let draft: Version;
  beforeEach(async () => {
    world = await setup();
    open = await createVersion({ status: "OPEN" });
    draft = await createVersion({ status: "DRAFT" });
  });

  it.each(ROLES)("on an OPEN version, as %s", async (role) => {
    const before = await reportCommentCounts();
    const result = await outcome(postComment(world.actors[role], { versionId: open.id, anchor: ANCHORS[1], body: `Comentario de ${role}` }));
    expect(result).toBe(POST_OPEN[role]);
    expect(canCommentOnVersion(world.actors[role], open)).toBe(POST_OPEN[role] === "ok");
    const after = await reportCommentCounts();
    expect(after.comments).toBe(before.comments + (result === "ok" ? 1 : 0));
    expect(after.audit).toBe(before.audit + (result === "ok" ? 1 : 0));
  });

  it.each(ROLES)("on a DRAFT version, as %s", async (role) => {
    const before = await reportCommentCounts();
    const result = await outcome(postComment(world.actors[role], { versionId: draft.id, anchor: ANCHORS[0], body: `Comentario de ${role}` }));
    expect(result).toBe(POST_DRAFT[role]);
    expect(canCommentOnVersion(world.actors[role], draft)).toBe(POST_DRAFT[role] === "ok");
    expect((await reportCommentCounts()).comments).toBe(before.comments + (result === "ok" ? 1 : 0));
  });

  it("refuses members of organizations that are not verified and committee members whose term ended", async () => {
    for (const status of ["PENDING", "SUSPENDED", "REJECTED"] as const) {
      const { actor } = await memberOfOrganizationIn(status);
      expect(await outcome(postComment(actor, { versionId: open.id, anchor: ANCHORS[0], body: "Hola" }))).toBe("forbidden");
    }
    expect(await outcome(postComment(await formerCommitteeMember(), { versionId: draft.id, anchor: ANCHORS[0], body: "Hola" }))).toBe(
      "forbidden",
    );
    expect((await reportCommentCounts()).comments).toBe(0);
  });

  it.each<[ReportVersionStatus, Outcome]>([
    ["OPEN", "ok"],
    ["CLOSED", "conflict"],
    ["SUPERSEDED", "conflict"],
    ["FINAL", "conflict"],
  ])("a version %s", async (status, expected) => {
    const version = await createVersion({ status });
    const result = await outcome(postComment(world.actors.orgMember, { versionId: version.id, anchor: ANCHORS[2], body: "Hola" }));
    expect(result).toBe(expected);
  });
});

describe("what a comment must be", () => {
  let world: World;
  let open: Version;
  let other: Version;
  beforeEach(async () => {
    world = await setup();
    open = await createVersion({ status: "OPEN" });
    other = await createVersion({ status: "OPEN" });
  });

  async function refused(raw: Record<string, unknown>, kind: Outcome, key?: string, field?: string) {
    const before = await reportCommentCounts();
    const error = await appError(postComment(world.actors.orgMember, raw));
    expect(error.kind).toBe(kind);
    if (field) expect(error.fieldErrors[field]?.[0]?.key).toBe(key);
    else if (key) expect(error.userMessage.key).toBe(key);
    expect(await reportCommentCounts()).toEqual(before);
  }

  it.each([
    ["empty", ""],
    ["only spaces", "  \n "],
  ])("refuses a body that is %s, with a message on the field", async (_label, body) => {
    await refused({ versionId: open.id, anchor: ANCHORS[0], body }, "invalid", "required", "body");
  });

  it("refuses a body over 4,000 characters and proposed text over 8,000", async () => {
    await refused({ versionId: open.id, anchor: ANCHORS[0], body: "x".repeat(4001) }, "invalid", "tooLong", "body");
    await refused({ versionId: open.id, anchor: ANCHORS[0], body: "ok", proposedText: "y".repeat(8001) }, "invalid", "tooLong", "proposedText");
  });

  it("refuses a paragraph that does not exist", async () => {
    await refused({ versionId: open.id, anchor: "p-nothere", body: "Hola" }, "not_found", "notFound");
    await refused({ paragraphId: randomUUID(), body: "Hola" }, "not_found", "notFound");
    await refused({ versionId: randomUUID(), anchor: ANCHORS[0], body: "Hola" }, "not_found", "notFound");
    await refused({ paragraphId: "not-a-uuid", body: "Hola" }, "invalid");
    await refused({ body: "Hola" }, "invalid", "reportComments.paragraphRequired", "body");
  });

  it("refuses a paragraph of another version", async () => {
    await refused({ versionId: open.id, paragraphId: other.paragraphs[0].id, body: "Hola" }, "not_found", "notFound");
    await refused({ versionId: other.id, paragraphId: open.paragraphs[1].id, anchor: ANCHORS[1], body: "Hola" }, "not_found", "notFound");
    // The same anchor names the matching paragraph of each version: the one of the version asked for.
    const posted = await postComment(world.actors.orgMember, { versionId: other.id, anchor: ANCHORS[1], body: "Hola" });
    expect((await db.reportComment.findUniqueOrThrow({ where: { id: posted.id } })).paragraphId).toBe(other.paragraphs[1].id);
  });

  it("refuses a comment one second after the deadline, takes one a few seconds before", async () => {
    const late = await createVersion({ status: "OPEN", commentDeadline: new Date(Date.now() - 1000) });
    await refused({ versionId: late.id, anchor: ANCHORS[0], body: "Hola" }, "conflict", "reportComments.closed");
    const soon = await createVersion({ status: "OPEN", commentDeadline: new Date(Date.now() + 5000) });
    expect(await outcome(postComment(world.actors.orgMember, { versionId: soon.id, anchor: ANCHORS[0], body: "Hola" }))).toBe("ok");
    expect(canCommentOnVersion(world.actors.orgMember, late)).toBe(false);
  });

  it("refuses an organization the author does not belong to", async () => {
    await refused({ versionId: open.id, anchor: ANCHORS[0], body: "Hola", organizationId: world.otherOrg.id }, "invalid", "reportComments.notYourOrganization", "organizationId");
  });

  it("stores text with a script tag as plain text, unchanged", async () => {
    const body = `<script>alert("x")</script> <img src=x onerror=alert(1)>`;
    await postComment(world.actors.orgMember, { versionId: open.id, anchor: ANCHORS[0], body, proposedText: body });
    const [view] = await listVersionComments(open.id);
    expect(view.body).toBe(body);
    expect(view.proposedText).toBe(body);
  });

  it("keeps a double submission of the same text on the same paragraph once", async () => {
    const first = await postComment(world.actors.orgMember, { versionId: open.id, anchor: ANCHORS[0], body: "Igual" });
    const second = await postComment(world.actors.orgMember, { versionId: open.id, anchor: ANCHORS[0], body: "Igual" });
    expect(second.id).toBe(first.id);
    expect(second.created).toBe(false);
    await postComment(world.actors.orgMember, { versionId: open.id, anchor: ANCHORS[1], body: "Igual" });
    expect((await reportCommentCounts()).comments).toBe(2);
  });
});

describe("a posted comment", () => {
  let world: World;
  beforeEach(async () => {
    world = await setup();
  });

  it("is public at once, signed with the organization, with proposed text and its language", async () => {
    const open = await createVersion({ status: "OPEN" });
    invalidated.length = 0;
    const posted = await postComment(world.actors.otherOrgMember, {
      paragraphId: open.paragraphs[2].id,
      versionId: open.id,
      body: "Proponemos incluir a la niñez migrante.",
      proposedText: "Recomendaciones a los Estados, con atención a la niñez.",
      language: "pt",
      locale: "es",
    });
    expect(posted).toMatchObject({ versionNumber: open.number, anchor: ANCHORS[2], created: true });
    expect(invalidated).toEqual(expect.arrayContaining(["report", "transparency"]));
    const views = await listVersionComments(open.id);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      signature: { kind: "organization", name: world.otherOrg.name, slug: world.otherOrg.slug },
      proposedText: "Recomendaciones a los Estados, con atención a la niñez.",
      language: "pt",
      disposition: null,
    });
    expect(JSON.stringify(views)).not.toContain("@");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: posted.id } });
    expect(audit).toMatchObject({ action: "report.comment_posted", isPublic: true, entityType: "ReportComment" });
    expect(audit.data).toMatchObject({ versionNumber: open.number, anchor: ANCHORS[2], organizationName: world.otherOrg.name });
    expect(commentsByParagraph(views).get(open.paragraphs[2].id)).toHaveLength(1);
  });

  it("is signed by the committee or the secretariat when the author has no verified organization", async () => {
    const draft = await createVersion({ status: "DRAFT" });
    const independent = await createUser({ name: "Independent" });
    await giveCommitteeTerm(independent.id, null);
    await postComment(await actorFor(independent.id), { versionId: draft.id, anchor: ANCHORS[0], body: "Del comité" });
    await postComment(world.actors.staff, { versionId: draft.id, anchor: ANCHORS[0], body: "De la secretaría" });
    const views = await listVersionComments(draft.id);
    expect(views.map((v) => v.signature.kind)).toEqual(["committee", "secretariat"]);
  });

  it("on a draft leaves a private log entry only: the draft never shows in the public log", async () => {
    const draft = await createVersion({ status: "DRAFT", title: "Borrador secreto del comité" });
    const posted = await postComment(world.actors.committee, { versionId: draft.id, anchor: ANCHORS[0], body: "Comentario interno" });
    await giveDisposition(world.actors.staff, { commentId: posted.id, versionId: draft.id, disposition: "NOTED", answer: "Tomado en cuenta" });
    const entries = await db.auditEntry.findMany({ where: { entityType: "ReportComment" } });
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => !e.isPublic)).toBe(true);
    const log = JSON.stringify(await listPublicLog(1), (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(log).not.toContain("Comentario interno");
    expect(log).not.toContain("report.comment");
  });

  it("lets an author with several verified organizations choose the one that signs", async () => {
    const user = await createUser({ name: "Dos Sombreros" });
    const first = await createOrganization({ name: "Primera", members: [{ userId: user.id, role: "MEMBER" }] });
    const second = await createOrganization({ name: "Segunda", members: [{ userId: user.id, role: "MEMBER" }] });
    const actor = await actorFor(user.id);
    const open = await createVersion({ status: "OPEN" });
    await postComment(actor, { versionId: open.id, anchor: ANCHORS[0], body: "Por defecto" });
    await postComment(actor, { versionId: open.id, anchor: ANCHORS[0], body: "Elegida", organizationId: second.id });
    const rows = await db.reportComment.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.organizationId)).toEqual([first.id, second.id]);
  });
});

describe("dispositions", () => {
  let world: World;
  let open: Version;
  let commentId: string;
  beforeEach(async () => {
    world = await setup();
    open = await createVersion({ status: "OPEN" });
    commentId = (await createComment(open, { authorId: world.users.orgMember.id, organizationId: world.org.id, paragraph: 1 })).id;
  });

  it.each(ROLES)("giveDisposition as %s", async (role) => {
    const before = await reportCommentCounts();
    const result = await outcome(
      giveDisposition(world.actors[role], { commentId, versionId: open.id, disposition: "ACCEPTED", answer: "Lo incorporamos en la versión 2." }),
    );
    expect(result).toBe(ANSWER[role]);
    const after = await reportCommentCounts();
    expect(after.answered).toBe(before.answered + (result === "ok" ? 1 : 0));
    expect(after.audit).toBe(before.audit + (result === "ok" ? 1 : 0));
  });

  it("is public, notifies the author in the app, and shows in the view", async () => {
    await giveDisposition(world.actors.staff, { commentId, versionId: open.id, disposition: "PARTLY_ACCEPTED", answer: "En parte: ver párrafo 3." });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: commentId } });
    expect(audit).toMatchObject({ action: "report.comment_answered", isPublic: true });
    expect(audit.data).toEqual({ versionNumber: open.number, anchor: ANCHORS[1], disposition: "PARTLY_ACCEPTED", organizationName: world.org.name });
    const notes = await db.notification.findMany();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId: world.users.orgMember.id, kind: "report.comment_answered", data: { versionNumber: open.number, anchor: ANCHORS[1] } });
    const [view] = await listVersionComments(open.id);
    expect(view).toMatchObject({ disposition: "PARTLY_ACCEPTED", answer: "En parte: ver párrafo 3." });
  });

  it("refuses a comment of another version (not found), an empty answer, an unknown disposition — nothing written", async () => {
    const other = await createVersion({ status: "OPEN" });
    const before = await reportCommentCounts();
    const cases: [Record<string, unknown>, Outcome, string?][] = [
      [{ commentId, versionId: other.id, disposition: "NOTED", answer: "Ok" }, "not_found"],
      [{ commentId: randomUUID(), versionId: open.id, disposition: "NOTED", answer: "Ok" }, "not_found"],
      [{ commentId, versionId: open.id, disposition: "NOTED", answer: "  " }, "invalid", "answer"],
      [{ commentId, versionId: open.id, disposition: "MAYBE", answer: "Ok" }, "invalid", "disposition"],
      [{ commentId, versionId: open.id, disposition: "NOTED", answer: "x".repeat(2001) }, "invalid", "answer"],
      [{ commentId, disposition: "NOTED", answer: "Ok" }, "invalid", "versionId"],
    ];
    for (const [raw, kind, field] of cases) {
      const error = await appError(giveDisposition(world.actors.staff, raw));
      expect(error.kind, JSON.stringify(raw).slice(0, 80)).toBe(kind);
      if (field) expect(error.fieldErrors[field]).toBeDefined();
    }
    expect(await reportCommentCounts()).toEqual(before);
  });

  it("can be changed later (each change logged); the same answer again is refused", async () => {
    const given = { commentId, versionId: open.id, disposition: "NOTED", answer: "Tomado en cuenta." };
    await giveDisposition(world.actors.staff, given);
    expect((await appError(giveDisposition(world.actors.staff, given))).userMessage.key).toBe("reportComments.sameAnswer");
    await giveDisposition(world.actors.admin, { ...given, disposition: "ACCEPTED", answer: "Finalmente aceptado." });
    expect(await db.auditEntry.count({ where: { action: "report.comment_answered" } })).toBe(2);
    expect((await db.reportComment.findUniqueOrThrow({ where: { id: commentId } })).disposition).toBe("ACCEPTED");
  });

  it.each<ReportVersionStatus>(["CLOSED", "SUPERSEDED", "FINAL"])("staff still answer on a %s version", async (status) => {
    await db.reportVersion.update({ where: { id: open.id }, data: { status } });
    expect(await outcome(giveDisposition(world.actors.staff, { commentId, versionId: open.id, disposition: "NOT_ACCEPTED", answer: "No." }))).toBe("ok");
  });

  it("counts per version, in one query, with the comments still waiting", async () => {
    const second = await createVersion({ status: "CLOSED" });
    const a = await createComment(second, { paragraph: 0 });
    const b = await createComment(second, { paragraph: 1 });
    await createComment(second, { paragraph: 2 });
    await giveDisposition(world.actors.staff, { commentId: a.id, versionId: second.id, disposition: "ACCEPTED", answer: "Sí." });
    await giveDisposition(world.actors.staff, { commentId: b.id, versionId: second.id, disposition: "NOTED", answer: "Visto." });
    const { result, queries } = await captureQueries(() => dispositionCountsByVersion([open.id, second.id, randomUUID()]));
    expect(queries).toHaveLength(1);
    expect(result.get(open.id)).toEqual({ ACCEPTED: 0, PARTLY_ACCEPTED: 0, NOT_ACCEPTED: 0, NOTED: 0, waiting: 1, total: 1 });
    expect(result.get(second.id)).toEqual({ ACCEPTED: 1, PARTLY_ACCEPTED: 0, NOT_ACCEPTED: 0, NOTED: 1, waiting: 1, total: 3 });
    expect(result.size).toBe(3);
    expect((await dispositionCounts(second.id)).waiting).toBe(1);
  });
});

describe("reading a version's comments", () => {
  beforeEach(setup);

  it("takes the same number of queries for 1 or 60 comments", async () => {
    const small = await createVersion({ status: "OPEN" });
    const large = await createVersion({ status: "OPEN" });
    const org = await createOrganization({ name: "Firmante" });
    await createComment(small, { organizationId: org.id });
    for (let i = 0; i < 60; i++) await createComment(large, { paragraph: i % 3, organizationId: i % 2 ? org.id : null, body: `Comentario ${i}` });
    const a = await captureQueries(() => listVersionComments(small.id));
    const b = await captureQueries(() => listVersionComments(large.id));
    expect(b.result).toHaveLength(60);
    expect(b.queries.length).toBe(a.queries.length);
    expect(a.queries.length).toBeLessThanOrEqual(4);
  });
});
