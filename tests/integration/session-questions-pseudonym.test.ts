import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { collectAccountData } from "@/lib/account-data/archive-data";
import { db } from "@/lib/db/client";
import { flagPost } from "@/lib/moderation/commands";
import { askSessionQuestion, moveQuestion, supportSessionQuestion, withdrawSessionQuestionSupport } from "@/lib/session-questions/commands";
import { listPublicQuestions, listSessionQuestions } from "@/lib/session-questions/queries";
import { actorFor, createOrganization, resetDatabase } from "../helpers/factories";
import { outcome, type Outcome } from "../helpers/outcomes";
import { insertQuestion, QUESTION_ROLES, questionWorld, type QuestionRole } from "./session-questions-fixtures";

// Issue 14, a protected voice, for questions to a session's panel: a member of a verified
// organization asks under the pseudonym it vouches for (the dialogue's), the organization named
// only if they choose. Role × command for asking under a pseudonym, what is stored and logged,
// how every reader sees it, and that the person behind it is still themselves to the rules
// (no supporting or flagging one's own question; told privately when it is taken up). Supports
// too: under the pseudonym, one per person across both voices under races, logged with no actor,
// withdrawn in either voice.

let w: Awaited<ReturnType<typeof questionWorld>>;
let registered: Actor;
const asPseudonym = (organizationId: string, extra: Record<string, unknown> = {}) => ({ voice: "pseudonym", organizationId, ...extra });

beforeAll(async () => {
  await resetDatabase();
  w = await questionWorld();
  // Read again: the participant joined the verified "Colectivo Visible" after buildWorld read them.
  registered = (await actorFor(w.users.participant.id))!;
});

/** Under the pseudonym of Colectivo Visible, the registered participant's verified organization. */
const ASK_AS_PSEUDONYM: Record<QuestionRole, Outcome> = {
  visitor: "unauthenticated",
  // Not a member of that organization: refused next to the field, before anything else.
  signedIn: "invalid",
  registered: "ok",
  moderator: "invalid",
  rapporteur: "invalid",
  panelist: "invalid",
  staff: "invalid",
  admin: "invalid",
};

describe("asking a session's panel under a pseudonym: role × command", () => {
  it.each(QUESTION_ROLES)("%s asks under the pseudonym of Colectivo Visible", async (role) => {
    const actor = role === "registered" ? registered : w.actors[role];
    const before = await db.sessionQuestion.count();
    const result = await outcome(askSessionQuestion(actor, { sessionId: w.session.id, body: `Pregunta protegida de ${role}`, language: "es", ...asPseudonym(w.listedOrg.id) }));
    expect(result).toBe(ASK_AS_PSEUDONYM[role]);
    expect(await db.sessionQuestion.count()).toBe(before + (result === "ok" ? 1 : 0));
  });

  it("a member not registered for the session is refused under their own organization's pseudonym too; an unverified organization vouches for no one", async () => {
    const signedIn = w.actors.signedIn!;
    expect(await outcome(askSessionQuestion(signedIn, { sessionId: w.session.id, body: "¿Sin inscripción?", language: "es", ...asPseudonym(w.otherOrg.id) }))).toBe("forbidden");
    const pending = await createOrganization({ name: "Pendiente", status: "PENDING", members: [{ userId: w.users.participant.id, role: "MEMBER" }] });
    const fresh = (await actorFor(w.users.participant.id))!;
    expect(await outcome(askSessionQuestion(fresh, { sessionId: w.session.id, body: "¿Pendiente?", language: "es", ...asPseudonym(pending.id) }))).toBe("invalid");
    expect(await outcome(askSessionQuestion(fresh, { sessionId: w.session.id, body: "¿Sin organización?", language: "es", voice: "pseudonym" }))).toBe("invalid");
  });
});

describe("a pseudonymous question to the panel", () => {
  let hiddenOrg: { questionId: string };
  let namedOrg: { questionId: string };

  beforeAll(async () => {
    hiddenOrg = await askSessionQuestion(registered, { sessionId: w.session.id, body: "¿Quién protege a quienes denuncian redadas?", language: "es", ...asPseudonym(w.listedOrg.id) });
    namedOrg = await askSessionQuestion(registered, { sessionId: w.session.id, body: "¿Habrá intérpretes de lenguas indígenas?", language: "es", ...asPseudonym(w.listedOrg.id, { showOrganization: "on" }) });
  });

  it("stores no user id, keeps one pseudonym per person and organization, and logs without an actor", async () => {
    const rows = await db.sessionQuestion.findMany({ where: { id: { in: [hiddenOrg.questionId, namedOrg.questionId] } }, select: { askerId: true, pseudonymId: true, showOrganization: true } });
    expect(rows.every((r) => r.askerId === null && r.pseudonymId)).toBe(true);
    expect(new Set(rows.map((r) => r.pseudonymId)).size).toBe(1);
    expect(await db.pseudonym.count({ where: { userId: w.users.participant.id } })).toBe(1);
    const entries = await db.auditEntry.findMany({ where: { entityId: { in: [hiddenOrg.questionId, namedOrg.questionId] } }, select: { actorId: true } });
    expect(entries.length).toBe(2);
    expect(entries.every((e) => e.actorId === null)).toBe(true);
    const created = await db.auditEntry.findMany({ where: { action: "pseudonym.created" }, select: { actorId: true, isPublic: true } });
    expect(created).toEqual([{ actorId: null, isPublic: false }]);
  });

  it("the database refuses a question that names both a person and a pseudonym", async () => {
    const pseudonym = await db.pseudonym.findFirstOrThrow({ select: { id: true } });
    await expect(db.sessionQuestion.create({ data: { sessionId: w.session.id, askerId: w.users.participant.id, pseudonymId: pseudonym.id, language: "es", body: "¿Ambos?" } })).rejects.toThrow(/SessionQuestion_author_check/);
  });

  it("reads as the pseudonym vouched for by a verified organization, named only when the member chose, for every reader", async () => {
    const pseudonym = await db.pseudonym.findFirstOrThrow({ where: { userId: w.users.participant.id }, select: { name: true } });
    for (const reader of [null, w.actors.staff, w.askerActor]) {
      const list = await listSessionQuestions(reader, w.session);
      expect(list.find((q) => q.id === hiddenOrg.questionId)?.asker).toEqual({ kind: "pseudonym", pseudonym: pseudonym.name, organization: null });
      expect(list.find((q) => q.id === namedOrg.questionId)?.asker).toEqual({ kind: "pseudonym", pseudonym: pseudonym.name, organization: { name: w.listedOrg.name, slug: w.listedOrg.slug } });
      expect(list.find((q) => q.id === hiddenOrg.questionId)?.mine).toBe(false);
    }
    // The participant is listed in the session: a named question would show Colectivo Visible; this one does not.
    const json = JSON.stringify((await listPublicQuestions(w.session.id))!.questions.find((q) => q.id === hiddenOrg.questionId));
    expect(json).not.toContain(w.listedOrg.name);
    expect(json).not.toContain(w.users.participant.id);
    // The person behind it finds it marked as theirs.
    expect((await listSessionQuestions(registered, w.session)).find((q) => q.id === hiddenOrg.questionId)?.mine).toBe(true);
  });

  it("the person behind it cannot support or flag their own question; others can support it", async () => {
    expect(await outcome(supportSessionQuestion(registered, { questionId: hiddenOrg.questionId }))).toBe("conflict");
    expect(await outcome(flagPost(registered, { kind: "SESSION_QUESTION", postId: hiddenOrg.questionId, category: "SPAM" }))).toBe("forbidden");
    expect(await outcome(supportSessionQuestion(w.askerActor, { questionId: hiddenOrg.questionId }))).toBe("ok");
  });

  it("tells the person behind it, privately, when the panel takes it up", async () => {
    await moveQuestion(w.actors.moderator, { questionId: hiddenOrg.questionId, action: "takeUp" });
    expect(await db.notification.count({ where: { userId: w.users.participant.id, kind: "session_question.taken_up" } })).toBe(1);
  });

  it("is in the person's own data download, with its pseudonym", async () => {
    const datasets = await db.$transaction((tx) => collectAccountData(tx, w.users.participant.id));
    const questions = datasets.find((d) => d.name === "questions")!.rows as { id: string; pseudonym: string | null }[];
    expect(questions.find((q) => q.id === hiddenOrg.questionId)?.pseudonym).toBeTruthy();
  });
});

describe("supporting a question to the panel under a pseudonym", () => {
  it.each(QUESTION_ROLES)("%s supports under the pseudonym of Colectivo Visible: role × command", async (role) => {
    const actor = role === "registered" ? registered : w.actors[role];
    const question = await insertQuestion(w.session.id, w.asker.id);
    const result = await outcome(supportSessionQuestion(actor, { questionId: question.id, ...asPseudonym(w.listedOrg.id) }));
    // The same table as asking: only a member of that organization, and a participant of the session.
    expect(result).toBe(ASK_AS_PSEUDONYM[role]);
    const rows = await db.sessionQuestionSupport.findMany({ where: { questionId: question.id }, select: { userId: true, pseudonymId: true } });
    expect(rows.length).toBe(result === "ok" ? 1 : 0);
    if (result === "ok") expect(rows[0].pseudonymId).toBeTruthy();
  });

  it("a support without an organization, or under an organization one is not a verified member of, is refused next to the field", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    expect(await outcome(supportSessionQuestion(registered, { questionId: question.id, voice: "pseudonym" }))).toBe("invalid");
    expect(await outcome(supportSessionQuestion(registered, { questionId: question.id, ...asPseudonym(w.otherOrg.id) }))).toBe("invalid");
    expect(await db.sessionQuestionSupport.count({ where: { questionId: question.id } })).toBe(0);
  });

  it("uses the person's one pseudonym for that organization, keeps the person on the row for uniqueness, and logs the support with no actor", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    await supportSessionQuestion(registered, { questionId: question.id, ...asPseudonym(w.listedOrg.id) });
    const pseudonym = await db.pseudonym.findUniqueOrThrow({ where: { userId_organizationId: { userId: registered.userId, organizationId: w.listedOrg.id } }, select: { id: true } });
    const row = await db.sessionQuestionSupport.findFirstOrThrow({ where: { questionId: question.id } });
    expect(row).toMatchObject({ userId: registered.userId, pseudonymId: pseudonym.id });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "session_question.supported", entityId: question.id } });
    expect(entry).toMatchObject({ actorId: null, isPublic: false });
    expect(JSON.stringify(entry.data)).not.toContain(registered.userId);
    // The control: a support as oneself names the person in the (private) entry.
    const other = await insertQuestion(w.session.id, w.asker.id);
    await supportSessionQuestion(registered, { questionId: other.id });
    expect((await db.auditEntry.findFirstOrThrow({ where: { action: "session_question.supported", entityId: other.id } })).actorId).toBe(registered.userId);
  });

  it("counts for the question and shows as supported to the person only; no reader's list says who", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    await supportSessionQuestion(registered, { questionId: question.id, ...asPseudonym(w.listedOrg.id) });
    const mine = (await listSessionQuestions(registered, w.session)).find((q) => q.id === question.id)!;
    expect(mine).toMatchObject({ supportCount: 1, supportedByMe: true });
    const pseudonym = await db.pseudonym.findFirstOrThrow({ where: { userId: registered.userId }, select: { id: true, name: true } });
    for (const reader of [null, w.askerActor, w.actors.staff, w.actors.moderator]) {
      const item = (await listSessionQuestions(reader, w.session)).find((q) => q.id === question.id)!;
      expect(item).toMatchObject({ supportCount: 1, supportedByMe: false });
      const text = JSON.stringify(item);
      for (const marker of [registered.userId, pseudonym.id, pseudonym.name, w.users.participant.name]) expect(text).not.toContain(marker);
    }
  });

  it("the person behind a pseudonymous question cannot support it under the pseudonym either", async () => {
    const asked = await askSessionQuestion(registered, { sessionId: w.session.id, body: "¿Y mi propio apoyo?", language: "es", ...asPseudonym(w.listedOrg.id) });
    expect(await outcome(supportSessionQuestion(registered, { questionId: asked.questionId, ...asPseudonym(w.listedOrg.id) }))).toBe("conflict");
    expect(await db.sessionQuestionSupport.count({ where: { questionId: asked.questionId } })).toBe(0);
  });

  it("one support per person under races, across both voices: N at once, half as oneself and half under the pseudonym, leave one row", async () => {
    const N = 8;
    for (let round = 0; round < 3; round++) {
      const question = await insertQuestion(w.session.id, w.asker.id);
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) => outcome(supportSessionQuestion(registered, { questionId: question.id, ...(i % 2 ? asPseudonym(w.listedOrg.id) : { voice: "self" }) }))),
      );
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(results.filter((r) => r !== "ok").every((r) => r === "conflict")).toBe(true);
      expect(await db.sessionQuestionSupport.count({ where: { questionId: question.id } })).toBe(1);
      expect(await db.auditEntry.count({ where: { action: "session_question.supported", entityId: question.id } })).toBe(1);
    }
    // Supported one way, the other is refused afterwards too.
    const question = await insertQuestion(w.session.id, w.asker.id);
    await supportSessionQuestion(registered, { questionId: question.id, ...asPseudonym(w.listedOrg.id) });
    expect(await outcome(supportSessionQuestion(registered, { questionId: question.id }))).toBe("conflict");
    const selfFirst = await insertQuestion(w.session.id, w.asker.id);
    await supportSessionQuestion(registered, { questionId: selfFirst.id });
    expect(await outcome(supportSessionQuestion(registered, { questionId: selfFirst.id, ...asPseudonym(w.listedOrg.id) }))).toBe("conflict");
    expect(await db.sessionQuestionSupport.count({ where: { questionId: { in: [question.id, selfFirst.id] } } })).toBe(2);
  });

  it("a pseudonymous support is withdrawn like any other, logged with no actor; N withdrawals at once delete one row", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    await supportSessionQuestion(registered, { questionId: question.id, ...asPseudonym(w.listedOrg.id) });
    const results = await Promise.all(Array.from({ length: 6 }, () => outcome(withdrawSessionQuestionSupport(registered, { questionId: question.id }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every((r) => r === "conflict")).toBe(true);
    expect(await db.sessionQuestionSupport.count({ where: { questionId: question.id } })).toBe(0);
    const entries = await db.auditEntry.findMany({ where: { action: "session_question.support_withdrawn", entityId: question.id }, select: { actorId: true } });
    expect(entries).toEqual([{ actorId: null }]);
    // Someone else cannot withdraw it; after withdrawing, the person may support again, in the other voice.
    expect(await outcome(supportSessionQuestion(registered, { questionId: question.id }))).toBe("ok");
    expect(await outcome(withdrawSessionQuestionSupport(w.askerActor, { questionId: question.id }))).toBe("conflict");
    expect(await outcome(withdrawSessionQuestionSupport(registered, { questionId: question.id }))).toBe("ok");
    const last = await db.auditEntry.findMany({ where: { action: "session_question.support_withdrawn", entityId: question.id }, select: { actorId: true }, orderBy: { createdAt: "asc" } });
    expect(last.map((e) => e.actorId)).toEqual([null, registered.userId]);
  });
});
