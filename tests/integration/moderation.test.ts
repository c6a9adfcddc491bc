import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { listPublicLog } from "@/lib/audit/queries";
import { describeEntry } from "@/components/transparency/entries";
import { dismissFlags, flagPost, hidePost, unhidePost } from "@/lib/moderation/commands";
import * as moderationCommands from "@/lib/moderation/commands";
import { isCommand } from "@/lib/commands/run";
import { FLAGS_PER_HOUR } from "@/lib/moderation/policy";
import { countFlaggedPosts, getFlagPage, getModerationQueue, getModerationStats } from "@/lib/moderation/queries";
import { POST_KINDS, type PostKind } from "@/lib/moderation/targets";
import { describeNotification } from "@/lib/notifications/kinds";
import { listComments } from "@/lib/proposals/queries";
import { getComparison, getParagraphPage, getVersionPage, listVersionComments } from "@/lib/report/queries";
import { locales } from "@/i18n/routing";
import { actorFor, buildWorld, createUser, giveCommitteeTerm, resetDatabase, type RoleName } from "../helpers/factories";
import { createProposal, formerCommitteeMember } from "../helpers/proposal-fixtures";
import { createComment, createVersion, resetNumbers } from "../helpers/report-comment-fixtures";
import { createSession } from "../helpers/session-fixtures";
import { insertConsultation, insertContribution } from "../helpers/consultation-fixtures";
import { appError, outcome, type Outcome } from "../helpers/outcomes";

type Role = RoleName | "author";
const ROLES: Role[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "author", "committee", "staff", "admin"];

// Written out by hand from the issue: anyone signed in flags (not their own post); moderators
// (staff, admins, committee members with an active term) hide, dismiss and show again.
const FLAG: Record<Role, Outcome> = {
  visitor: "unauthenticated",
  participant: "ok",
  orgMember: "ok",
  orgAdmin: "ok",
  otherOrgMember: "ok",
  author: "forbidden",
  committee: "ok",
  staff: "ok",
  admin: "ok",
};
const MODERATE: Record<Role, Outcome> = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgMember: "forbidden",
  orgAdmin: "forbidden",
  otherOrgMember: "forbidden",
  author: "forbidden",
  committee: "ok",
  staff: "ok",
  admin: "ok",
};

const SECRET = "Texto que nadie debe leer tras ocultarse";

/** A world with one public post of each kind, both written by `author` (a member of otherOrg). */
async function moderationWorld() {
  resetNumbers();
  const world = await buildWorld();
  // The flagger's identity is what the privacy checks look for.
  const flaggerUser = await createUser({ name: "Persona Denunciante Zyx", email: "denunciante.zyx@example.test" });
  const author = await createUser({ name: "Autora del Comentario" });
  await db.membership.create({ data: { userId: author.id, organizationId: world.otherOrg.id, role: "MEMBER" } });
  const actors: Record<Role, Actor | null> = { ...world.actors, author: await actorFor(author.id) };
  const proposal = await createProposal(world.org.id, { status: "SUBMITTED" });
  const proposalComment = await db.proposalComment.create({ data: { proposalId: proposal.id, authorId: author.id, organizationId: world.otherOrg.id, body: SECRET } });
  const version = await createVersion({ status: "OPEN" });
  const reportComment = await createComment(version, { authorId: author.id, organizationId: world.otherOrg.id, body: SECRET });
  const institution = await db.dialogueInstitution.create({ data: { slug: "iom", kind: "IOM" } });
  const dialogueQuestion = await db.dialogueQuestion.create({
    data: { institutionId: institution.id, askerId: author.id, language: "es", title: `${SECRET} (título)`, body: SECRET, objectives: [16], deadlineAt: new Date(Date.now() + 86_400_000) },
  });
  const session = await createSession({ status: "SPEAKERS_CONFIRMED" });
  const sessionQuestion = await db.sessionQuestion.create({ data: { sessionId: session.id, askerId: author.id, language: "es", body: SECRET } });
  const consultation = await insertConsultation(null, "OPEN");
  const contribution = await insertContribution(consultation.id, consultation.questions[0].id, author.id);
  const posts: Record<PostKind, string> = {
    PROPOSAL_COMMENT: proposalComment.id,
    REPORT_COMMENT: reportComment.id,
    DIALOGUE_QUESTION: dialogueQuestion.id,
    SESSION_QUESTION: sessionQuestion.id,
    CONSULTATION_CONTRIBUTION: contribution.id,
  };
  return { ...world, actors, author, flagger: await actorFor(flaggerUser.id), flaggerUser, proposal, version, institution, session, posts };
}
type World = Awaited<ReturnType<typeof moderationWorld>>;

const hideInput = (kind: PostKind, postId: string) => ({ kind, postId, category: "ABUSIVE", reason: "Lenguaje de odio" });

describe("the moderation commands folder", () => {
  it("exports only commands built by defineCommand", () => {
    for (const [name, value] of Object.entries(moderationCommands)) expect(isCommand(value), name).toBe(true);
  });
});

describe.each(POST_KINDS)("who may do what with a %s", (kind) => {
  let world: World;
  let postId: string;
  beforeEach(async () => {
    await resetDatabase();
    world = await moderationWorld();
    postId = world.posts[kind];
  });

  it.each(ROLES)("flagPost as %s", async (role) => {
    const result = await outcome(flagPost(world.actors[role], { kind, postId, category: "SPAM" }));
    expect(result).toBe(FLAG[role]);
    expect(await db.moderationFlag.count()).toBe(result === "ok" ? 1 : 0);
  });

  it.each(ROLES)("hidePost as %s", async (role) => {
    const result = await outcome(hidePost(world.actors[role], hideInput(kind, postId)));
    expect(result).toBe(MODERATE[role]);
    const [post] = await getHidden(kind, postId);
    expect(post.hidden).toBe(result === "ok");
  });

  it.each(ROLES)("dismissFlags as %s", async (role) => {
    await flagPost(world.flagger, { kind, postId, category: "OFF_TOPIC" });
    const result = await outcome(dismissFlags(world.actors[role], { kind, postId }));
    expect(result).toBe(MODERATE[role]);
    expect(await db.moderationFlag.count({ where: { status: "DISMISSED" } })).toBe(result === "ok" ? 1 : 0);
  });

  it.each(ROLES)("unhidePost as %s", async (role) => {
    await hidePost(world.actors.staff, hideInput(kind, postId));
    const result = await outcome(unhidePost(world.actors[role], { kind, postId, reason: "Fue un error" }));
    expect(result).toBe(MODERATE[role]);
    const [post] = await getHidden(kind, postId);
    expect(post.hidden).toBe(result !== "ok");
  });

  it("refuses a committee member whose term ended", async () => {
    const former = await formerCommitteeMember();
    expect(await outcome(hidePost(former, hideInput(kind, postId)))).toBe("forbidden");
  });
});

async function getHidden(kind: PostKind, id: string) {
  const select = { hiddenAt: true } as const;
  const rows = {
    PROPOSAL_COMMENT: () => db.proposalComment.findMany({ where: { id }, select }),
    REPORT_COMMENT: () => db.reportComment.findMany({ where: { id }, select }),
    DIALOGUE_QUESTION: () => db.dialogueQuestion.findMany({ where: { id }, select }),
    SESSION_QUESTION: () => db.sessionQuestion.findMany({ where: { id }, select }),
    CONSULTATION_CONTRIBUTION: () => db.consultationContribution.findMany({ where: { id }, select }),
  }[kind];
  return (await rows()).map((r) => ({ hidden: r.hiddenAt !== null }));
}

describe("states and actions", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await moderationWorld();
  });

  it("open flags → hidden (upheld) → shown again; each step once", async () => {
    const kind = "REPORT_COMMENT";
    const postId = world.posts[kind];
    await flagPost(world.flagger, { kind, postId, category: "ABUSIVE", note: "Insulta a otra organización" });
    await flagPost(world.actors.participant, { kind, postId, category: "SPAM" });
    expect(await countFlaggedPosts(world.actors.staff)).toBe(1);
    const hidden = await hidePost(world.actors.committee, hideInput(kind, postId));
    expect(hidden.upheld).toBe(2);
    const flags = await db.moderationFlag.findMany();
    expect(flags.map((f) => f.status)).toEqual(["UPHELD", "UPHELD"]);
    expect(flags.every((f) => f.decidedById === world.users.committee.id && f.decidedAt)).toBe(true);
    expect(await countFlaggedPosts(world.actors.staff)).toBe(0);

    // Hidden: no more flags, no second hide, nothing to dismiss.
    expect((await appError(flagPost(world.actors.orgMember, { kind, postId, category: "SPAM" }))).userMessage.key).toBe("moderation.alreadyHidden");
    expect((await appError(hidePost(world.actors.staff, hideInput(kind, postId)))).kind).toBe("conflict");
    expect((await appError(dismissFlags(world.actors.staff, { kind, postId }))).userMessage.key).toBe("moderation.noOpenFlags");

    await unhidePost(world.actors.staff, { kind, postId, reason: "Revisado: no insultaba" });
    expect((await appError(unhidePost(world.actors.staff, { kind, postId, reason: "Otra vez" }))).userMessage.key).toBe("moderation.notHidden");
    // The flags keep their decision.
    expect((await db.moderationFlag.findMany()).map((f) => f.status)).toEqual(["UPHELD", "UPHELD"]);
    const row = await db.reportComment.findUniqueOrThrow({ where: { id: postId } });
    expect(row).toMatchObject({ hiddenAt: null, hiddenReason: null, hiddenById: null, hiddenCategory: null });
  });

  it("open flags → dismissed: the post stays; flagging again by the same person adds nothing", async () => {
    const kind = "PROPOSAL_COMMENT";
    const postId = world.posts[kind];
    await flagPost(world.flagger, { kind, postId, category: "MISLEADING" });
    expect((await dismissFlags(world.actors.admin, { kind, postId })).dismissed).toBe(1);
    expect((await db.moderationFlag.findFirstOrThrow()).status).toBe("DISMISSED");
    expect((await flagPost(world.flagger, { kind, postId, category: "SPAM" })).alreadyFlagged).toBe(true);
    expect(await db.moderationFlag.count()).toBe(1);
    // Someone else's flag opens it again.
    await flagPost(world.actors.participant, { kind, postId, category: "SPAM" });
    expect(await db.moderationFlag.count({ where: { status: "OPEN" } })).toBe(1);
    const [thread] = await listComments(world.proposal.id, null);
    expect(thread.body).toBe(SECRET);
  });

  it("needs a category and a public reason to hide, a reason to show again, and a known kind", async () => {
    const postId = world.posts.PROPOSAL_COMMENT;
    const missing = await appError(hidePost(world.actors.staff, { kind: "PROPOSAL_COMMENT", postId, reason: " " }));
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(["category", "reason"]);
    expect((await appError(hidePost(world.actors.staff, { ...hideInput("PROPOSAL_COMMENT", postId), reason: "r".repeat(501) }))).fieldErrors.reason?.[0]?.key).toBe("tooLong");
    expect((await appError(flagPost(world.flagger, { kind: "EVALUATION", postId, category: "SPAM" }))).fieldErrors.kind).toBeDefined();
    expect((await appError(flagPost(world.flagger, { kind: "PROPOSAL_COMMENT", postId, category: "BORING" }))).fieldErrors.category).toBeDefined();
    expect(await outcome(hidePost(world.actors.staff, hideInput("PROPOSAL_COMMENT", randomUUID())))).toBe("not_found");
    expect(await outcome(flagPost(world.flagger, { kind: "REPORT_COMMENT", postId, category: "SPAM" }))).toBe("not_found");
    expect(await db.moderationFlag.count()).toBe(0);
  });

  it("a comment on a draft is not flagged (moderators hide it directly) and its hide stays out of the public log", async () => {
    const draft = await createVersion({ status: "DRAFT" });
    const comment = await createComment(draft, { authorId: world.users.committee.id, body: "Borrador" });
    expect(await outcome(flagPost(world.flagger, { kind: "REPORT_COMMENT", postId: comment.id, category: "SPAM" }))).toBe("not_found");
    expect(await getFlagPage(world.flagger, "REPORT_COMMENT", comment.id)).toBeNull();
    await hidePost(world.actors.staff, hideInput("REPORT_COMMENT", comment.id));
    expect(await db.auditEntry.count({ where: { action: "moderation.post_hidden", isPublic: false } })).toBe(1);
    expect((await getModerationStats()).hidden).toEqual([]);
  });

  it("limits how many flags one person files in an hour", async () => {
    const proposal = await createProposal(world.org.id);
    const comments = await Promise.all(
      Array.from({ length: FLAGS_PER_HOUR + 1 }, (_, i) => db.proposalComment.create({ data: { proposalId: proposal.id, authorId: world.author.id, body: `C${i}` } })),
    );
    const now = new Date();
    for (const c of comments.slice(0, FLAGS_PER_HOUR)) await flagPost(world.flagger, { kind: "PROPOSAL_COMMENT", postId: c.id, category: "SPAM" }, { now });
    expect(await outcome(flagPost(world.flagger, { kind: "PROPOSAL_COMMENT", postId: comments[FLAGS_PER_HOUR].id, category: "SPAM" }, { now }))).toBe("rate_limited");
    expect(await db.moderationFlag.count()).toBe(FLAGS_PER_HOUR);
  });
});

describe("races", () => {
  beforeEach(resetDatabase);

  it("twenty flags at once by one person make one row and one log entry", async () => {
    const world = await moderationWorld();
    const postId = world.posts.REPORT_COMMENT;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => flagPost(world.flagger, { kind: "REPORT_COMMENT", postId, category: "SPAM" })));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await db.moderationFlag.count()).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "moderation.post_flagged" } })).toBe(1);
  });

  it("five moderators hiding at once: one hide, one log entry, one notice; the others are told it is hidden", async () => {
    const world = await moderationWorld();
    const postId = world.posts.PROPOSAL_COMMENT;
    const moderators = [world.actors.staff, world.actors.admin, world.actors.committee, world.actors.staff, world.actors.admin];
    const results = await Promise.all(moderators.map((m) => outcome(hidePost(m, hideInput("PROPOSAL_COMMENT", postId)))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(4);
    expect(await db.auditEntry.count({ where: { action: "moderation.post_hidden" } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "moderation.post_hidden" } })).toBe(1);
  });

  it("a flag filed while the post is being hidden is closed with the others, never left open on a hidden post", async () => {
    const world = await moderationWorld();
    const postId = world.posts.REPORT_COMMENT;
    const [, hide] = await Promise.allSettled([
      flagPost(world.flagger, { kind: "REPORT_COMMENT", postId, category: "ABUSIVE" }),
      hidePost(world.actors.staff, hideInput("REPORT_COMMENT", postId)),
    ]);
    expect(hide.status).toBe("fulfilled");
    expect(await db.moderationFlag.count({ where: { status: "OPEN" } })).toBe(0);
  });
});

describe("what the public and the author see", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await moderationWorld();
  });

  it("never shows who flagged: public queries, the public log, the flag page and the moderators' queue", async () => {
    for (const kind of POST_KINDS) await flagPost(world.flagger, { kind, postId: world.posts[kind], category: "PERSONAL_DATA", note: "Publica una dirección" });
    await hidePost(world.actors.staff, hideInput("REPORT_COMMENT", world.posts.REPORT_COMMENT));
    const { flaggerUser } = world;
    const outlets = {
      stats: await getModerationStats(),
      log: await listPublicLog(1),
      flagPageVisitor: await getFlagPage(null, "PROPOSAL_COMMENT", world.posts.PROPOSAL_COMMENT),
      flagPageOther: await getFlagPage(world.actors.participant, "PROPOSAL_COMMENT", world.posts.PROPOSAL_COMMENT),
      queue: await getModerationQueue(world.actors.staff),
      version: await getVersionPage(null, world.version.number),
      comments: await listComments(world.proposal.id, null),
    };
    for (const [name, value] of Object.entries(outlets)) {
      const json = JSON.stringify(value);
      for (const secret of [flaggerUser.id, flaggerUser.name, flaggerUser.email]) expect(json, name).not.toContain(secret);
    }
    // Moderators read the note, unsigned; the public never does.
    expect(JSON.stringify(outlets.queue)).toContain("Publica una dirección");
    expect(JSON.stringify(outlets.stats)).not.toContain("Publica una dirección");
    expect(await db.auditEntry.count({ where: { actorId: flaggerUser.id } })).toBe(0);
    expect(outlets.stats.byReason.PERSONAL_DATA).toBe(POST_KINDS.length);
    expect(outlets.stats.byStatus).toEqual({ OPEN: POST_KINDS.length - 1, UPHELD: 1, DISMISSED: 0 });
    expect(await getModerationQueue(world.actors.participant)).toBeNull();
  });

  it("a hidden report comment reaches no public outlet; its reason does, and the author is told", async () => {
    const postId = world.posts.REPORT_COMMENT;
    await db.reportComment.update({ where: { id: postId }, data: { proposedText: `${SECRET} (texto propuesto)`, disposition: "ACCEPTED", answer: "Aceptado" } });
    await hidePost(world.actors.committee, hideInput("REPORT_COMMENT", postId));

    // The version page neither counts nor shows it; the paragraph's page shows its reason in its place.
    const page = await getVersionPage(null, world.version.number);
    expect([...(page?.latestByParagraph.values() ?? [])].flat()).toHaveLength(0);
    expect([...(page?.commentCounts.values() ?? [])].reduce((a, b) => a + b, 0)).toBe(0);
    const hiddenOn = await db.reportComment.findUniqueOrThrow({ where: { id: postId }, select: { paragraph: { select: { anchor: true } } } });
    const paragraphPage = await getParagraphPage(null, world.version.number, hiddenOn.paragraph.anchor);
    expect(paragraphPage?.commentCount).toBe(0);
    expect(paragraphPage?.comments).toHaveLength(1);
    expect(paragraphPage?.comments[0]).toMatchObject({ body: null, proposedText: null, hidden: { reason: "Lenguaje de odio" } });
    const next = await createVersion({ status: "OPEN", number: world.version.number + 1 });
    const outlets = [
      page,
      paragraphPage,
      await listVersionComments(world.version.id),
      await getComparison(null, world.version.number, next.number),
      await getModerationStats(),
      await listPublicLog(1),
      await getFlagPage(null, "REPORT_COMMENT", postId),
    ];
    for (const outlet of outlets) expect(JSON.stringify(outlet)).not.toContain(SECRET);
    const stats = await getModerationStats();
    expect(stats.hidden).toEqual([
      expect.objectContaining({ kind: "REPORT_COMMENT", id: postId, reason: "Lenguaje de odio", category: "ABUSIVE", href: `/report/comments/${postId}` }),
    ]);

    const notice = await db.notification.findFirstOrThrow({ where: { userId: world.author.id } });
    expect(notice.kind).toBe("moderation.post_hidden");
    const sentence = describeNotification(notice.kind, notice.data);
    expect(sentence).toMatchObject({ kind: "known", key: "moderation_post_hidden", values: { reason: "Lenguaje de odio" }, href: `/report/comments/${postId}` });
    for (const locale of locales) {
      const catalogue = JSON.parse(readFileSync(`messages/${locale}/notifications.json`, "utf8"));
      expect(catalogue.kinds.moderation_post_hidden, locale).toContain("{reason}");
    }

    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "moderation.post_hidden" } });
    expect(entry).toMatchObject({ isPublic: true, actorId: world.users.committee.id });
    for (const locale of locales) {
      const catalogue = JSON.parse(readFileSync(`messages/${locale}/transparency.json`, "utf8"));
      const described = describeEntry(
        { action: entry.action, data: entry.data },
        { roleLabel: (r) => r, formatDay: (d) => d, rawMessage: (key) => catalogue.actions[key] ?? null, moderationReasonLabel: (c) => catalogue.moderationReasons[c] },
      );
      expect(described, locale).toMatchObject({ kind: "known", key: "moderation_post_hidden", values: { reason: "Lenguaje de odio" } });
    }
  });

  it("a hidden proposal comment keeps its place in the thread with the public reason only", async () => {
    await hidePost(world.actors.admin, hideInput("PROPOSAL_COMMENT", world.posts.PROPOSAL_COMMENT));
    const [thread] = await listComments(world.proposal.id, null);
    expect(thread).toMatchObject({ body: null, hidden: { reason: "Lenguaje de odio" } });
    expect(JSON.stringify(await listComments(world.proposal.id, world.actors.participant))).not.toContain(SECRET);
    expect((await getModerationStats()).hidden.map((h) => h.kind)).toEqual(["PROPOSAL_COMMENT"]);
  });

  it("names every kind in every language", () => {
    for (const locale of locales) {
      const catalogue = JSON.parse(readFileSync(`messages/${locale}/moderation.json`, "utf8"));
      for (const kind of POST_KINDS) expect(catalogue.kinds[kind], `${locale} ${kind}`).toBeTruthy();
    }
  });

  it("moderators are staff, admins and active committee members, on the queue too", async () => {
    const later = await createUser();
    await giveCommitteeTerm(later.id, null);
    expect(await getModerationQueue(await actorFor(later.id))).toEqual([]);
    expect(await getModerationQueue(await formerCommitteeMember())).toBeNull();
    expect(await getModerationQueue(null)).toBeNull();
  });
});
