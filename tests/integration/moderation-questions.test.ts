import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HIDDEN_TITLE, listPublicLog } from "@/lib/audit/queries";
import { askQuestion } from "@/lib/dialogue/commands";
import { getQuestion, listQuestions, responsiveness } from "@/lib/dialogue/queries";
import { questionListSchema } from "@/lib/dialogue/schemas";
import { flagPost, hidePost, unhidePost } from "@/lib/moderation/commands";
import { getFlagPage, getModerationQueue, getModerationStats } from "@/lib/moderation/queries";
import { listPublicQuestions, listSessionQuestions } from "@/lib/session-questions/queries";
import { GET as questionsRoute } from "@/app/api/sessions/[id]/questions/route";
import { dialogueWorld, questionInput } from "../helpers/dialogue-fixtures";
import { createSession } from "../helpers/session-fixtures";
import { resetDatabase } from "../helpers/factories";
import { outcome } from "../helpers/outcomes";

// Questions to the delegates and to a session's panel under moderation (lib/moderation/targets):
// what a hidden question leaves on every public read, and a pseudonymous asker told in private.

const SECRET = "Palabras que la moderación retiró";
const REASON = "Datos personales de un tercero";
const hide = (kind: "DIALOGUE_QUESTION" | "SESSION_QUESTION", postId: string) => ({ kind, postId, category: "PERSONAL_DATA", reason: REASON });
const filters = (raw: Record<string, string> = {}) => questionListSchema.parse(raw);

describe("a hidden question to the delegates", () => {
  let world: Awaited<ReturnType<typeof dialogueWorld>>;
  let questionId: string;
  beforeEach(async () => {
    await resetDatabase();
    world = await dialogueWorld();
    // Asked under a pseudonym vouched for by world.org: the post stores no user id.
    ({ id: questionId } = await askQuestion(world.actors.orgMember, questionInput(world.iom.id, { title: `${SECRET} — título`, body: SECRET, voice: "pseudonym", organizationId: world.org.id })));
  });

  it("the person behind the pseudonym cannot flag their own question; anyone else can", async () => {
    expect(await outcome(flagPost(world.actors.orgMember, { kind: "DIALOGUE_QUESTION", postId: questionId, category: "SPAM" }))).toBe("forbidden");
    expect(await outcome(flagPost(world.actors.participant, { kind: "DIALOGUE_QUESTION", postId: questionId, category: "SPAM" }))).toBe("ok");
  });

  it("reaches no public read: lists, its page, the log, the transparency page; the reason does", async () => {
    const now = new Date();
    expect((await responsiveness(null, now)).awaiting).toBe(1);
    await hidePost(world.actors.staff, hide("DIALOGUE_QUESTION", questionId));

    const page = await getQuestion(questionId, null, now);
    expect(page).toMatchObject({ title: null, body: null, hidden: { reason: REASON } });
    const all = await listQuestions(filters(), now);
    expect(all.rows).toHaveLength(1);
    expect(all.rows[0]).toMatchObject({ title: null, hidden: { reason: REASON } });
    // Not awaiting a delegate: out of the status filters, the unanswered sort and the counts.
    expect((await listQuestions(filters({ status: "awaiting" }), now)).rows).toEqual([]);
    expect((await listQuestions(filters({ sort: "unanswered" }), now)).rows).toEqual([]);
    expect(await responsiveness(world.iom.id, now)).toMatchObject({ awaiting: 0, overdue: 0, answered: 0 });

    const log = await listPublicLog(1);
    const asked = log.entries.find((e) => e.action === "dialogue.question_asked");
    expect(asked?.data.title).toBe(HIDDEN_TITLE);
    const outlets = {
      page,
      all,
      signedIn: await getQuestion(questionId, world.actors.participant, now),
      delegate: await getQuestion(questionId, world.delegates.iom, now),
      log,
      stats: await getModerationStats(),
      flagPage: await getFlagPage(world.actors.participant, "DIALOGUE_QUESTION", questionId),
    };
    for (const [name, value] of Object.entries(outlets)) expect(JSON.stringify(value), name).not.toContain(SECRET);
    expect((await getModerationStats()).hidden).toEqual([
      expect.objectContaining({ kind: "DIALOGUE_QUESTION", id: questionId, reason: REASON, href: `/dialogue/questions/${questionId}#question` }),
    ]);

    await unhidePost(world.actors.committee, { kind: "DIALOGUE_QUESTION", postId: questionId, reason: "Revisado" });
    expect(await getQuestion(questionId, null, now)).toMatchObject({ body: SECRET, hidden: null });
    expect((await listPublicLog(1)).entries.find((e) => e.action === "dialogue.question_asked")?.data.title).toBe(`${SECRET} — título`);
  });

  it("tells the person behind the pseudonym, in private, with no public trace of who they are", async () => {
    const person = world.users.orgMember;
    await flagPost(world.actors.participant, { kind: "DIALOGUE_QUESTION", postId: questionId, category: "PERSONAL_DATA" });
    const queue = await getModerationQueue(world.actors.committee);
    await hidePost(world.actors.committee, hide("DIALOGUE_QUESTION", questionId));

    const notices = await db.notification.findMany({ where: { kind: "moderation.post_hidden" } });
    expect(notices.map((n) => n.userId)).toEqual([person.id]);
    expect(notices[0].data).toMatchObject({ reason: REASON, href: `/dialogue/questions/${questionId}#question` });

    const outlets = {
      queue,
      page: await getQuestion(questionId, null, new Date()),
      list: await listQuestions(filters(), new Date()),
      log: await listPublicLog(1),
      stats: await getModerationStats(),
      flagPage: await getFlagPage(null, "DIALOGUE_QUESTION", questionId),
      hiddenEntry: await db.auditEntry.findFirstOrThrow({ where: { action: "moderation.post_hidden" }, select: { data: true, entityId: true } }),
    };
    // Moderators (the committee included) do not learn who is behind the pseudonym either.
    for (const [name, value] of Object.entries(outlets)) {
      const json = JSON.stringify(value);
      for (const secret of [person.id, person.name, person.email]) expect(json, name).not.toContain(secret);
    }
    expect(await db.auditEntry.count({ where: { actorId: person.id } })).toBe(0);
  });
});

describe("a hidden question to a session's panel", () => {
  beforeEach(resetDatabase);

  it("reaches no page, poll or JSON route; its place and the reason do, and the asker is told", async () => {
    const world = await dialogueWorld();
    const session = await createSession({ status: "SPEAKERS_CONFIRMED" });
    const question = await db.sessionQuestion.create({ data: { sessionId: session.id, askerId: world.users.participant.id, language: "es", body: SECRET, drawnOnAt: new Date() } });
    expect(await outcome(flagPost(world.actors.participant, { kind: "SESSION_QUESTION", postId: question.id, category: "SPAM" }))).toBe("forbidden");
    const before = await listPublicQuestions(session.id);

    await hidePost(world.actors.staff, hide("SESSION_QUESTION", question.id));
    const after = await listPublicQuestions(session.id);
    expect(after?.questions).toEqual([expect.objectContaining({ id: question.id, body: null, hidden: expect.objectContaining({ reason: REASON }) })]);
    // The page's poll sees the change.
    expect(after?.signature).not.toBe(before?.signature);
    const response = await questionsRoute(new Request(`http://localhost/api/sessions/${session.id}/questions`), { params: Promise.resolve({ id: session.id }) });
    const json = await response.text();
    expect(json).toContain(REASON);
    const outlets = {
      json,
      visitor: await listSessionQuestions(null, session),
      asker: await listSessionQuestions(world.actors.participant, session),
      staff: await listSessionQuestions(world.actors.staff, session),
      stats: await getModerationStats(),
    };
    for (const [name, value] of Object.entries(outlets)) expect(JSON.stringify(value), name).not.toContain(SECRET);
    expect((await getModerationStats()).hidden).toEqual([expect.objectContaining({ kind: "SESSION_QUESTION", href: `/sessions/${session.id}#question-${question.id}` })]);
    expect((await db.notification.findMany({ where: { kind: "moderation.post_hidden" } })).map((n) => n.userId)).toEqual([world.users.participant.id]);

    await unhidePost(world.actors.admin, { kind: "SESSION_QUESTION", postId: question.id, reason: "Revisado" });
    expect((await listPublicQuestions(session.id))?.questions[0]).toMatchObject({ body: SECRET, hidden: null });
  });

  it("a question on a session not public yet is not flagged, and its hide stays out of the public log", async () => {
    const world = await dialogueWorld();
    const draft = await createSession({ status: "DRAFT" });
    const question = await db.sessionQuestion.create({ data: { sessionId: draft.id, askerId: world.users.participant.id, language: "es", body: SECRET } });
    expect(await outcome(flagPost(world.actors.orgMember, { kind: "SESSION_QUESTION", postId: question.id, category: "SPAM" }))).toBe("not_found");
    await hidePost(world.actors.staff, hide("SESSION_QUESTION", question.id));
    expect(await db.auditEntry.count({ where: { action: "moderation.post_hidden", isPublic: false } })).toBe(1);
    expect((await getModerationStats()).hidden).toEqual([]);
  });
});
