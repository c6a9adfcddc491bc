import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { describeEntry } from "@/components/transparency/entries";
import { addComment } from "@/lib/proposals/commands";
import { hidePost } from "@/lib/moderation/commands";
import { canCommentOn, COMMENTABLE_STATUSES } from "@/lib/proposals/policy";
import { listComments, mayCommentOn } from "@/lib/proposals/queries";
import { actorFor, buildWorld, createOrganization, createUser, resetDatabase, type RoleName } from "../helpers/factories";
import { captureQueries } from "../helpers/query-count";
import { ALL_STATUSES, createProposal, formerCommitteeMember, memberOfOrganizationIn } from "../helpers/proposal-fixtures";
import { appError, outcome, ROLES, type Outcome } from "./organizations-fixtures";

type World = Awaited<ReturnType<typeof buildWorld>>;

// Written out by hand from the issues: who may comment, who may hide (moderators since issue 14).
const hideComment = (actor: Actor | null, input: { commentId: string; reason: string }) =>
  hidePost(actor, { kind: "PROPOSAL_COMMENT", postId: input.commentId, category: "OFF_TOPIC", reason: input.reason });
const ADD: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "ok",
  orgMember: "ok",
  otherOrgMember: "ok",
  committee: "ok",
  staff: "ok",
  admin: "ok",
};

const HIDE: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "forbidden",
  orgMember: "forbidden",
  otherOrgMember: "forbidden",
  committee: "ok",
  staff: "ok",
  admin: "ok",
};

async function commentsCount() {
  return db.proposalComment.count();
}

describe("who may comment and hide", () => {
  let world: World;
  let proposalId: string;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
    proposalId = (await createProposal(world.org.id, { status: "SUBMITTED" })).id;
  });

  it.each(ROLES)("addComment as %s", async (role) => {
    const before = await commentsCount();
    const result = await outcome(addComment(world.actors[role], { proposalId, body: `Comentario de ${role}` }));
    expect(result).toBe(ADD[role]);
    expect(await commentsCount()).toBe(before + (result === "ok" ? 1 : 0));
  });

  it.each(ROLES)("hideComment as %s", async (role) => {
    const comment = await addComment(world.actors.otherOrgMember, { proposalId, body: "Un comentario" });
    const result = await outcome(hideComment(world.actors[role], { commentId: comment.id, reason: "Fuera de tema" }));
    expect(result).toBe(HIDE[role]);
    const row = await db.proposalComment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row.hiddenAt !== null).toBe(result === "ok");
  });

  it("refuses members of organizations that are not verified and committee members whose term ended", async () => {
    for (const status of ["PENDING", "SUSPENDED", "REJECTED"] as const) {
      const { actor } = await memberOfOrganizationIn(status);
      expect(await outcome(addComment(actor, { proposalId, body: "Hola" }))).toBe("forbidden");
    }
    expect(await outcome(addComment(await formerCommitteeMember(), { proposalId, body: "Hola" }))).toBe("forbidden");
    expect(await commentsCount()).toBe(0);
  });

  it("reads rights from the database: a member whose organization is suspended loses them at once", async () => {
    const actor = world.actors.otherOrgMember!;
    await db.organization.update({ where: { id: world.otherOrg.id }, data: { status: "SUSPENDED" } });
    const fresh = await actorFor(actor.userId);
    expect(await outcome(addComment(fresh, { proposalId, body: "Hola" }))).toBe("forbidden");
  });
});

describe("which proposals take comments", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  const expected: Record<ProposalStatus, Outcome> = {
    DRAFT: "not_found",
    SUBMITTED: "ok",
    UNDER_REVIEW: "ok",
    ACCEPTED: "ok",
    NOT_RETAINED: "ok",
    INCORPORATED: "ok",
    WITHDRAWN: "conflict",
  };

  it.each(ALL_STATUSES)("a proposal %s of another organization", async (status) => {
    const proposal = await createProposal(world.org.id, { status });
    expect(await outcome(addComment(world.actors.otherOrgMember, { proposalId: proposal.id, body: "Hola" }))).toBe(expected[status]);
    expect(canCommentOn(world.actors.otherOrgMember, proposal)).toBe(expected[status] === "ok");
    expect(await mayCommentOn(proposal.id, world.actors.otherOrgMember)).toBe(expected[status] === "ok");
    expect(COMMENTABLE_STATUSES.includes(status)).toBe(expected[status] === "ok");
  });

  it("a draft is not found, even by its own organization's members and staff", async () => {
    const draft = await createProposal(world.org.id, { status: "DRAFT" });
    for (const role of ["orgAdmin", "orgMember", "otherOrgMember", "committee", "staff"] as const) {
      const error = await appError(addComment(world.actors[role], { proposalId: draft.id, body: "Hola" }));
      expect(error.kind, role).toBe("not_found");
    }
    expect(await commentsCount()).toBe(0);
  });

  it("a withdrawn proposal is closed, with a clear message", async () => {
    const withdrawn = await createProposal(world.org.id, { status: "WITHDRAWN" });
    const error = await appError(addComment(world.actors.orgMember, { proposalId: withdrawn.id, body: "Hola" }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("proposalDiscussion.closed");
  });

  it("a proposal that does not exist, or of an organization that is no longer verified, is not found", async () => {
    expect(await outcome(addComment(world.actors.staff, { proposalId: randomUUID(), body: "Hola" }))).toBe("not_found");
    const pendingOrg = await createOrganization({ status: "PENDING" });
    const hidden = await createProposal(pendingOrg.id, { status: "SUBMITTED" });
    expect(await outcome(addComment(world.actors.staff, { proposalId: hidden.id, body: "Hola" }))).toBe("not_found");
    expect(await outcome(addComment(world.actors.staff, { proposalId: "not-a-uuid", body: "Hola" }))).toBe("invalid");
  });
});

describe("what a comment may say", () => {
  let world: World;
  let proposalId: string;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
    proposalId = (await createProposal(world.org.id)).id;
  });

  it.each([
    ["empty", "", "required"],
    ["only spaces", "   \n  ", "required"],
    ["too long", "x".repeat(4001), "tooLong"],
  ])("refuses a body that is %s", async (_label, body, key) => {
    const error = await appError(addComment(world.actors.orgMember, { proposalId, body }));
    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors.body?.[0]?.key).toBe(key);
    expect(await commentsCount()).toBe(0);
  });

  it("takes 4,000 characters and trims the ends", async () => {
    const long = "y".repeat(4000);
    await addComment(world.actors.orgMember, { proposalId, body: `  ${long}  ` });
    const row = await db.proposalComment.findFirstOrThrow();
    expect(row.body).toBe(long);
  });

  it("stores a script tag as plain text, unchanged", async () => {
    const body = `<script>alert("x")</script> <img src=x onerror=alert(1)>`;
    await addComment(world.actors.orgMember, { proposalId, body });
    const [thread] = await listComments(proposalId, null);
    expect(thread.body).toBe(body);
  });

  it("keeps a double submission of the same text once", async () => {
    const first = await addComment(world.actors.orgMember, { proposalId, body: "Apoyamos esta propuesta." });
    const second = await addComment(world.actors.orgMember, { proposalId, body: "Apoyamos esta propuesta." });
    expect(second.id).toBe(first.id);
    expect(await commentsCount()).toBe(1);
    await addComment(world.actors.orgMember, { proposalId, body: "Y añadimos algo más." });
    expect(await commentsCount()).toBe(2);
  });

  it("writes a private audit entry for each comment", async () => {
    const comment = await addComment(world.actors.otherOrgMember, { proposalId, body: "Hola" });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: comment.id } });
    expect(audit).toMatchObject({ action: "comment.added", isPublic: false, actorId: world.users.otherOrgMember.id, entityType: "ProposalComment" });
  });
});

describe("the organization a comment speaks for", () => {
  beforeEach(resetDatabase);

  it("is the first verified organization, another one the author picks, never one they do not belong to", async () => {
    const user = await createUser({ name: "Two Hats" });
    const pending = await createOrganization({ status: "PENDING", members: [{ userId: user.id, role: "MEMBER" }] });
    const first = await createOrganization({ name: "Primera", members: [{ userId: user.id, role: "MEMBER" }] });
    const second = await createOrganization({ name: "Segunda", members: [{ userId: user.id, role: "MEMBER" }] });
    const stranger = await createOrganization({ name: "Ajena" });
    const proposal = await createProposal(stranger.id);
    const actor = await actorFor(user.id);

    const a = await addComment(actor, { proposalId: proposal.id, body: "Por defecto" });
    const b = await addComment(actor, { proposalId: proposal.id, body: "Elegida", organizationId: second.id });
    const rows = await db.proposalComment.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, organizationId: true } });
    expect(rows.find((r) => r.id === a.id)?.organizationId).toBe(first.id);
    expect(rows.find((r) => r.id === b.id)?.organizationId).toBe(second.id);

    for (const organizationId of [stranger.id, pending.id]) {
      const error = await appError(addComment(actor, { proposalId: proposal.id, body: "No", organizationId }));
      expect(error.fieldErrors.organizationId?.[0]?.key).toBe("proposalDiscussion.notYourOrganization");
    }
  });

  it("is none for staff who belong to no organization", async () => {
    const world = await buildWorld();
    const proposal = await createProposal(world.org.id);
    const comment = await addComment(world.actors.staff, { proposalId: proposal.id, body: "Desde el personal" });
    expect((await db.proposalComment.findUniqueOrThrow({ where: { id: comment.id } })).organizationId).toBeNull();
  });
});

describe("replies", () => {
  let world: World;
  let proposalId: string;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
    proposalId = (await createProposal(world.org.id)).id;
  });

  it("answer a top-level comment of the same proposal", async () => {
    const parent = await addComment(world.actors.otherOrgMember, { proposalId, body: "Pregunta" });
    const reply = await addComment(world.actors.orgMember, { proposalId, body: "Respuesta", parentId: parent.id });
    expect(reply.parentId).toBe(parent.id);
  });

  it("refuse a reply to a reply, next to the text, and the database refuses it too", async () => {
    const parent = await addComment(world.actors.otherOrgMember, { proposalId, body: "Pregunta" });
    const reply = await addComment(world.actors.orgMember, { proposalId, body: "Respuesta", parentId: parent.id });
    const error = await appError(addComment(world.actors.staff, { proposalId, body: "Otra", parentId: reply.id }));
    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors.body?.[0]?.key).toBe("proposalDiscussion.replyToReply");
    await expect(
      db.proposalComment.create({ data: { proposalId, authorId: world.users.staff.id, parentId: reply.id, body: "Directo" } }),
    ).rejects.toThrow();
    expect(await commentsCount()).toBe(2);
  });

  it("refuse a parent from another proposal, and the database refuses it too", async () => {
    const other = await createProposal(world.org.id);
    const parent = await addComment(world.actors.otherOrgMember, { proposalId: other.id, body: "En otra" });
    const error = await appError(addComment(world.actors.staff, { proposalId, body: "Cruzada", parentId: parent.id }));
    expect(error.fieldErrors.body?.[0]?.key).toBe("proposalDiscussion.parentNotFound");
    await expect(db.proposalComment.create({ data: { proposalId, parentId: parent.id, body: "Directo" } })).rejects.toThrow();
  });

  it("refuse a reply to a hidden comment", async () => {
    const parent = await addComment(world.actors.otherOrgMember, { proposalId, body: "Insulto" });
    await hideComment(world.actors.staff, { commentId: parent.id, reason: "Lenguaje ofensivo" });
    const error = await appError(addComment(world.actors.orgMember, { proposalId, body: "Respuesta", parentId: parent.id }));
    expect(error.fieldErrors.body?.[0]?.key).toBe("proposalDiscussion.parentHidden");
  });
});

describe("notifications of a comment", () => {
  let world: World;
  let proposal: { id: string; title: string };
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
    proposal = await createProposal(world.org.id, { title: "Acceso a la salud en tránsito" });
  });

  const recipients = async (kind: string) =>
    (await db.notification.findMany({ where: { kind }, select: { userId: true } })).map((n) => n.userId).sort();

  it("go to every member of the authoring organization, never to the commenter", async () => {
    await addComment(world.actors.otherOrgMember, { proposalId: proposal.id, body: "Muy buena idea" });
    const { orgAdmin, orgMember, committee, otherOrgMember } = world.users;
    expect(await recipients("proposal.commented")).toEqual([orgAdmin.id, orgMember.id, committee.id].sort());
    const one = await db.notification.findFirstOrThrow({ where: { userId: orgAdmin.id } });
    expect(one.readAt).toBeNull();
    expect(one.data).toEqual({ proposalId: proposal.id, proposalTitle: proposal.title, authorName: otherOrgMember.name });
    expect(await db.notification.count({ where: { userId: otherOrgMember.id } })).toBe(0);
  });

  it("skip an author who comments on their own organization's proposal", async () => {
    await addComment(world.actors.orgMember, { proposalId: proposal.id, body: "Aclaramos un punto" });
    expect(await recipients("proposal.commented")).toEqual([world.users.orgAdmin.id, world.users.committee.id].sort());
  });

  it("tell the author of the comment answered, once, and the authors", async () => {
    const parent = await addComment(world.actors.staff, { proposalId: proposal.id, body: "¿Qué países?" });
    await db.notification.deleteMany();
    await addComment(world.actors.orgMember, { proposalId: proposal.id, body: "México y Guatemala", parentId: parent.id });
    expect(await recipients("proposal.replied")).toEqual([world.users.staff.id]);
    expect(await recipients("proposal.commented")).toEqual([world.users.orgAdmin.id, world.users.committee.id].sort());

    // An author answering a fellow author: one notification ("replied"), not two.
    const own = await addComment(world.actors.orgAdmin, { proposalId: proposal.id, body: "Nota interna pública" });
    await db.notification.deleteMany();
    await addComment(world.actors.otherOrgMember, { proposalId: proposal.id, body: "Gracias", parentId: own.id });
    expect(await db.notification.count({ where: { userId: world.users.orgAdmin.id } })).toBe(1);
    expect(await recipients("proposal.replied")).toEqual([world.users.orgAdmin.id]);
  });

  it("are not written when the comment is refused", async () => {
    await appError(addComment(world.actors.otherOrgMember, { proposalId: proposal.id, body: "" }));
    expect(await db.notification.count()).toBe(0);
  });
});

describe("hiding a comment", () => {
  let world: World;
  let proposal: { id: string; title: string };
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
    proposal = await createProposal(world.org.id, { title: "Regularización migratoria" });
  });

  it("keeps the reason in place of the text, and the public log says so", async () => {
    const comment = await addComment(world.actors.otherOrgMember, { proposalId: proposal.id, body: "Texto ofensivo" });
    await hideComment(world.actors.staff, { commentId: comment.id, reason: "  Lenguaje ofensivo  " });
    const [thread] = await listComments(proposal.id, null);
    expect(thread.body).toBeNull();
    expect(thread.hidden?.reason).toBe("Lenguaje ofensivo");
    expect(thread.authorName).toBe(world.users.otherOrgMember.name);

    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "moderation.post_hidden" } });
    expect(audit).toMatchObject({ isPublic: true, entityId: comment.id, actorId: world.users.staff.id });
    expect(audit.data).toEqual({ kind: "PROPOSAL_COMMENT", category: "OFF_TOPIC", reason: "Lenguaje ofensivo", href: `/proposals/${proposal.id}#comment-${comment.id}` });

    // The public log has a sentence for it in every language.
    for (const locale of ["es", "en", "pt", "fr"]) {
      const catalogue = JSON.parse(readFileSync(`messages/${locale}/transparency.json`, "utf8"));
      const sentence = describeEntry(
        { action: audit.action, data: audit.data as Record<string, unknown> },
        { roleLabel: (r) => r, formatDay: (d) => d, rawMessage: (key) => catalogue.actions[key] ?? null, moderationReasonLabel: (c) => catalogue.moderationReasons[c] },
      );
      expect(sentence.kind, locale).toBe("known");
    }
  });

  it("needs a reason of at most 500 characters", async () => {
    const comment = await addComment(world.actors.otherOrgMember, { proposalId: proposal.id, body: "Hola" });
    expect((await appError(hideComment(world.actors.staff, { commentId: comment.id, reason: " " }))).fieldErrors.reason?.[0]?.key).toBe("required");
    expect((await appError(hideComment(world.actors.staff, { commentId: comment.id, reason: "r".repeat(501) }))).fieldErrors.reason?.[0]?.key).toBe(
      "tooLong",
    );
    expect((await db.proposalComment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenAt).toBeNull();
  });

  it("happens once: hiding again is refused, and an unknown comment is not found", async () => {
    const comment = await addComment(world.actors.otherOrgMember, { proposalId: proposal.id, body: "Hola" });
    await hideComment(world.actors.staff, { commentId: comment.id, reason: "Spam" });
    const error = await appError(hideComment(world.actors.admin, { commentId: comment.id, reason: "Otra vez" }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("moderation.alreadyHidden");
    expect((await db.proposalComment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenReason).toBe("Spam");
    expect(await db.auditEntry.count({ where: { action: "moderation.post_hidden" } })).toBe(1);
    expect(await outcome(hideComment(world.actors.staff, { commentId: randomUUID(), reason: "x" }))).toBe("not_found");
  });
});

describe("listComments", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("returns threads oldest first with their replies, in a fixed number of queries", async () => {
    const proposal = await createProposal(world.org.id);
    const actors: (Actor | null)[] = [world.actors.otherOrgMember, world.actors.staff, world.actors.committee];
    const parents = [];
    for (const [i, actor] of actors.entries()) parents.push(await addComment(actor, { proposalId: proposal.id, body: `Hilo ${i}` }));
    for (const [i, parent] of parents.entries()) {
      for (let r = 0; r < i + 1; r++) await addComment(world.actors.orgMember, { proposalId: proposal.id, body: `Respuesta ${i}.${r}`, parentId: parent.id });
    }

    const { result, queries } = await captureQueries(() => listComments(proposal.id, null));
    expect(queries).toHaveLength(1);
    expect(result.map((t) => t.body)).toEqual(["Hilo 0", "Hilo 1", "Hilo 2"]);
    expect(result.map((t) => t.replies.length)).toEqual([1, 2, 3]);
    expect(result[2].replies.map((r) => r.body)).toEqual(["Respuesta 2.0", "Respuesta 2.1", "Respuesta 2.2"]);
    expect(result[0].organization).toEqual({ name: world.otherOrg.name, slug: world.otherOrg.slug });
    expect(result[1].organization).toBeNull(); // staff speak for no organization
    expect(result[1].authorName).toBe(world.users.staff.name);
  });

  it("keeps a reply written in the same millisecond as its parent, whatever their ids", async () => {
    const proposal = await createProposal(world.org.id);
    const createdAt = new Date("2026-03-01T12:00:00.000Z");
    // The reply's id sorts first, so with equal times the query returns it before its parent.
    const parent = await db.proposalComment.create({ data: { id: "ffffffff-0000-4000-8000-000000000000", proposalId: proposal.id, body: "Hilo", createdAt } });
    await db.proposalComment.create({ data: { id: "00000000-0000-4000-8000-000000000000", proposalId: proposal.id, parentId: parent.id, body: "Respuesta", createdAt } });
    const threads = await listComments(proposal.id, null);
    expect(threads.map((t) => [t.body, t.replies.map((r) => r.body)])).toEqual([["Hilo", ["Respuesta"]]]);
  });

  it("shows an organization's name only while it is verified", async () => {
    const proposal = await createProposal(world.org.id);
    await addComment(world.actors.otherOrgMember, { proposalId: proposal.id, body: "Hola" });
    await db.organization.update({ where: { id: world.otherOrg.id }, data: { status: "SUSPENDED" } });
    const [thread] = await listComments(proposal.id, null);
    expect(thread.organization).toBeNull();
  });

  it("returns nothing for a proposal the reader may not read", async () => {
    const draft = await createProposal(world.org.id, { status: "DRAFT" });
    await db.proposalComment.create({ data: { proposalId: draft.id, body: "En borrador" } });
    expect(await listComments(draft.id, null)).toEqual([]);
    expect(await listComments(draft.id, world.actors.otherOrgMember)).toEqual([]);
    expect(await listComments(draft.id, world.actors.orgMember)).toHaveLength(1);
    expect(await listComments("not-a-uuid", null)).toEqual([]);

    // The same rule as readableProposalWhere: a suspended organization's proposal is its members' only.
    const proposal = await createProposal(world.otherOrg.id);
    await addComment(world.actors.orgMember, { proposalId: proposal.id, body: "Antes de la suspensión" });
    await db.organization.update({ where: { id: world.otherOrg.id }, data: { status: "SUSPENDED" } });
    expect(await listComments(proposal.id, null)).toEqual([]);
    expect(await listComments(proposal.id, world.actors.staff)).toEqual([]);
    expect(await listComments(proposal.id, world.actors.otherOrgMember)).toHaveLength(1);
  });
});
