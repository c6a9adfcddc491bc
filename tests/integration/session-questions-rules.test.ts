import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SessionQuestionState, SessionStatus } from "@/lib/generated/prisma/enums";
import { askSessionQuestion, drawOnQuestion, moveQuestion, supportSessionQuestion } from "@/lib/session-questions/commands";
import { isSessionLive, LIVE_LEAD_MS, LIVE_TAIL_MS } from "@/lib/session-questions/policy";
import { getSessionQuestionsForPage, listPublicQuestions, listSessionQuestions } from "@/lib/session-questions/queries";
import { QUESTION_ACTIONS, QUESTION_STATES, type QuestionAction } from "@/lib/session-questions/schemas";
import { getSessionForPage } from "@/lib/sessions/queries";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { appError, outcome } from "../helpers/outcomes";
import { liveSession, insertQuestion, questionWorld } from "./session-questions-fixtures";

let w: Awaited<ReturnType<typeof questionWorld>>;

beforeAll(async () => {
  await resetDatabase();
  w = await questionWorld();
});

// Written out by hand: where each action leads from each state (null: refused as a conflict).
const MOVES: Record<SessionQuestionState, Record<QuestionAction, SessionQuestionState | null>> = {
  OPEN: { takeUp: "TAKEN_UP", answer: "ANSWERED", setAside: "SET_ASIDE", reopen: null },
  TAKEN_UP: { takeUp: null, answer: "ANSWERED", setAside: "SET_ASIDE", reopen: "OPEN" },
  ANSWERED: { takeUp: null, answer: null, setAside: null, reopen: "OPEN" },
  SET_ASIDE: { takeUp: null, answer: null, setAside: null, reopen: "OPEN" },
};

describe("states × actions", () => {
  const cases = QUESTION_STATES.flatMap((state) => QUESTION_ACTIONS.map((action) => [state, action] as const));
  it.each(cases)("from %s, %s", async (state, action) => {
    const question = await insertQuestion(w.session.id, w.asker.id, { state });
    const expected = MOVES[state][action];
    const result = await outcome(moveQuestion(w.actors.moderator, { questionId: question.id, action, reason: "Fuera del tema de la sesión" }));
    expect(result).toBe(expected ? "ok" : "conflict");
    const after = await db.sessionQuestion.findUniqueOrThrow({ where: { id: question.id } });
    expect(after.state).toBe(expected ?? state);
    // Only a question set aside keeps a reason.
    expect(after.setAsideReason).toBe(expected === "SET_ASIDE" ? "Fuera del tema de la sesión" : null);
  });

  it("setting aside without a reason is fine; the public log entry says none", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    await moveQuestion(w.actors.moderator, { questionId: question.id, action: "setAside", reason: "  " });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "session_question.set_aside", entityId: question.id } });
    expect(entry.isPublic).toBe(true);
    expect(entry.data).toMatchObject({ questionId: question.id, reason: null, sessionId: w.session.id });
  });

  it("a reason longer than the limit is refused next to the field", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    const error = await appError(moveQuestion(w.actors.moderator, { questionId: question.id, action: "setAside", reason: "x".repeat(301) }));
    expect(error.fieldErrors.reason?.[0].key).toBe("tooLong");
  });

  it("two moderators clicking at once move the question once", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => outcome(moveQuestion(i % 2 ? w.actors.moderator : w.actors.staff, { questionId: question.id, action: "takeUp" }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(9);
    expect(await db.auditEntry.count({ where: { action: "session_question.taken_up", entityId: question.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: w.asker.id, kind: "session_question.taken_up", data: { path: ["sessionId"], equals: w.session.id } } })).toBeGreaterThanOrEqual(1);
  });
});

describe("the asker is told, the public log records the panel's steps and never the asker", () => {
  it("taken up and answered notify the asker in their language; set aside does not", async () => {
    await db.user.update({ where: { id: w.asker.id }, data: { preferredLocale: "en" } });
    const question = await insertQuestion(w.session.id, w.asker.id);
    const before = await db.notification.count({ where: { userId: w.asker.id } });
    await moveQuestion(w.actors.moderator, { questionId: question.id, action: "takeUp" });
    await moveQuestion(w.actors.moderator, { questionId: question.id, action: "answer" });
    const notes = await db.notification.findMany({ where: { userId: w.asker.id }, orderBy: { createdAt: "asc" }, skip: before });
    expect(notes.map((n) => n.kind)).toEqual(["session_question.taken_up", "session_question.answered"]);
    expect(notes[0].data).toEqual({ sessionId: w.session.id, sessionTitle: expect.stringMatching(/^Session /) });

    const other = await insertQuestion(w.session.id, w.asker.id);
    await moveQuestion(w.actors.moderator, { questionId: other.id, action: "setAside" });
    expect(await db.notification.count({ where: { userId: w.asker.id } })).toBe(before + 2);
  });

  it("asking and supporting are private entries; moves and summary marks are public, without the asker", async () => {
    const { questionId } = await askSessionQuestion(w.askerActor, { sessionId: w.session.id, body: "What about diaspora voting rights?", language: "en" });
    await supportSessionQuestion(w.actors.registered, { questionId });
    await moveQuestion(w.actors.moderator, { questionId, action: "answer" });
    await drawOnQuestion(w.actors.rapporteur, { questionId, drawnOn: "on" });
    const entries = await db.auditEntry.findMany({ where: { entityId: questionId }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.action, e.isPublic])).toEqual([
      ["session_question.asked", false],
      ["session_question.supported", false],
      ["session_question.answered", true],
      ["session_question.drawn_on", true],
    ]);
    for (const entry of entries) {
      expect(JSON.stringify(entry.data)).not.toContain(w.asker.id);
      expect(JSON.stringify(entry.data)).not.toContain("Asker Not Listed");
    }
  });
});

describe("the live window", () => {
  const MINUTE = 60_000;
  const startsAt = new Date("2031-05-01T15:00:00Z");
  const endsAt = new Date("2031-05-01T17:00:00Z");
  const at = (ms: number) => new Date(ms);

  it.each([
    ["a millisecond before it opens", startsAt.getTime() - LIVE_LEAD_MS - 1, false],
    ["as it opens (15 minutes before the start)", startsAt.getTime() - LIVE_LEAD_MS, true],
    ["during the session", startsAt.getTime() + 60 * MINUTE, true],
    ["as it closes (30 minutes after the end)", endsAt.getTime() + LIVE_TAIL_MS, true],
    ["a millisecond after it closes", endsAt.getTime() + LIVE_TAIL_MS + 1, false],
  ])("%s", (_label, now, live) => {
    expect(LIVE_LEAD_MS).toBe(15 * MINUTE);
    expect(LIVE_TAIL_MS).toBe(30 * MINUTE);
    expect(isSessionLive({ status: "SPEAKERS_CONFIRMED", startsAt, endsAt }, at(now))).toBe(live);
    expect(isSessionLive({ status: "HELD", startsAt, endsAt }, at(now))).toBe(live);
  });

  it.each(["DRAFT", "OPEN_FOR_NOMINATIONS", "REPORT_PUBLISHED"] as SessionStatus[])("a session %s is never live", (status) => {
    expect(isSessionLive({ status, startsAt, endsAt }, at(startsAt.getTime() + MINUTE))).toBe(false);
  });

  it("the command applies the same boundaries", async () => {
    const session = await liveSession({ startsAt, endsAt });
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: w.actors.registered!.userId, language: "es" } });
    const ask = (now: number) => outcome(askSessionQuestion(w.actors.registered, { sessionId: session.id, body: "¿Una pregunta a tiempo?", language: "es" }, { now: at(now) }));
    expect(await ask(startsAt.getTime() - LIVE_LEAD_MS - 1)).toBe("conflict");
    expect(await ask(startsAt.getTime() - LIVE_LEAD_MS)).toBe("ok");
    expect(await ask(endsAt.getTime() + LIVE_TAIL_MS)).toBe("ok");
    expect(await ask(endsAt.getTime() + LIVE_TAIL_MS + 1)).toBe("conflict");
    const error = await appError(askSessionQuestion(w.actors.registered, { sessionId: session.id, body: "¿Tarde?", language: "es" }, { now: at(endsAt.getTime() + 2 * LIVE_TAIL_MS) }));
    expect(error.userMessage.key).toBe("sessionQuestions.notLive");

    // Supporting closes with the window; the moderator still marks after it (until the summary).
    const question = await insertQuestion(session.id, w.asker.id);
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: w.asker.id, language: "en" } });
    const late = { now: at(endsAt.getTime() + 2 * LIVE_TAIL_MS) };
    expect(await outcome(supportSessionQuestion(w.actors.registered, { questionId: question.id }, late))).toBe("conflict");
    expect(await outcome(moveQuestion(w.actors.staff, { questionId: question.id, action: "answer" }, late))).toBe("ok");
    await db.reviewSession.update({ where: { id: session.id }, data: { status: "REPORT_PUBLISHED" } });
    expect(await outcome(moveQuestion(w.actors.staff, { questionId: question.id, action: "reopen" }, late))).toBe("conflict");
    // …but the rapporteur may still mark what a corrected summary draws on.
    expect(await outcome(drawOnQuestion(w.actors.staff, { questionId: question.id, drawnOn: true }, late))).toBe("ok");
  });

  it("a session whose slate is not confirmed takes no questions and has no questions section", async () => {
    const session = await liveSession({ status: "OPEN_FOR_NOMINATIONS" });
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: w.actors.registered!.userId, language: "es" } });
    expect(await outcome(askSessionQuestion(w.actors.registered, { sessionId: session.id, body: "¿Hay panel?", language: "es" }))).toBe("conflict");
    expect(await getSessionQuestionsForPage(w.actors.registered, session)).toBeNull();
  });
});

describe("supports: one per person, never one's own, under races", () => {
  it("20 parallel supports by one person leave one row", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(supportSessionQuestion(w.actors.registered, { questionId: question.id }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(19);
    expect(await db.sessionQuestionSupport.count({ where: { questionId: question.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "session_question.supported", entityId: question.id } })).toBe(1);
  });

  it("20 people supporting at once are all counted", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    const people = await Promise.all(Array.from({ length: 20 }, () => createUser()));
    await db.sessionRegistration.createMany({ data: people.map((p) => ({ sessionId: w.session.id, userId: p.id, language: "pt" as const })) });
    const actors = await Promise.all(people.map((p) => actorFor(p.id)));
    const results = await Promise.all(actors.map((actor) => outcome(supportSessionQuestion(actor, { questionId: question.id }))));
    expect(results.every((r) => r === "ok")).toBe(true);
    const [item] = (await listSessionQuestions(null, w.session)).filter((q) => q.id === question.id);
    expect(item.supportCount).toBe(20);
  });

  it("one's own question and a closed one cannot be supported", async () => {
    const own = await insertQuestion(w.session.id, w.actors.registered!.userId);
    expect((await appError(supportSessionQuestion(w.actors.registered, { questionId: own.id }))).userMessage.key).toBe("sessionQuestions.ownQuestion");
    const answered = await insertQuestion(w.session.id, w.asker.id, { state: "ANSWERED" });
    expect((await appError(supportSessionQuestion(w.actors.registered, { questionId: answered.id }))).userMessage.key).toBe("sessionQuestions.closedQuestion");
  });
});

describe("privacy of the asker", () => {
  it("visitors never read who asked; signed-in readers read the organization and country only of askers who chose to be listed", async () => {
    const listed = await insertQuestion(w.session.id, w.actors.registered!.userId, { body: "Pregunta de alguien listado" });
    const hidden = await insertQuestion(w.session.id, w.asker.id, { body: "Pregunta de alguien no listado" });
    const speaker = await insertQuestion(w.session.id, w.actors.panelist!.userId, { body: "Pregunta de un panelista" });

    const byId = (items: Awaited<ReturnType<typeof listSessionQuestions>>) => new Map(items.map((q) => [q.id, q]));
    const visitor = byId(await listSessionQuestions(null, w.session));
    expect(visitor.get(listed.id)!.asker).toEqual({ kind: "registered" });
    expect(visitor.get(hidden.id)!.asker).toEqual({ kind: "registered" });
    expect(visitor.get(speaker.id)!.asker).toEqual({ kind: "speaker" });

    const reader = byId(await listSessionQuestions(w.actors.signedIn, w.session));
    expect(reader.get(listed.id)!.asker).toEqual({ kind: "organization", organizationName: "Colectivo Visible", country: "GT" });
    expect(reader.get(hidden.id)!.asker).toEqual({ kind: "registered" });

    // The public JSON the page polls carries no name, no organization, no user id.
    const json = JSON.stringify(await listPublicQuestions(w.session.id));
    for (const secret of ["Colectivo Visible", "Red Oculta", "Participant", "Asker Not Listed", w.asker.id, w.actors.registered!.userId, "@"]) {
      expect(json).not.toContain(secret);
    }
    expect(json).toContain("Pregunta de alguien no listado");
  });

  it("the opt-in participant list shows each listed participant's organization and country, and only to signed-in people", async () => {
    const signedIn = await getSessionForPage(w.actors.signedIn, w.session.id);
    expect(signedIn!.participants).toEqual([expect.objectContaining({ name: "Participant", organizationName: "Colectivo Visible", organizationCountry: "GT" })]);
    expect((await getSessionForPage(null, w.session.id))!.participants).toBeNull();
  });

  it("the public JSON is there only for public sessions with a panel", async () => {
    expect(await listPublicQuestions("not-a-uuid")).toBeNull();
    const { id } = await db.reviewSession.create({ data: { ...(await sessionCopy()), status: "DRAFT" } });
    expect(await listPublicQuestions(id)).toBeNull();
  });
});

async function sessionCopy() {
  const row = await db.reviewSession.findUniqueOrThrow({ where: { id: w.session.id } });
  return {
    title: row.title as object,
    description: row.description as object,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    format: row.format,
    panelistSeats: row.panelistSeats,
    workingLanguages: row.workingLanguages,
  };
}
