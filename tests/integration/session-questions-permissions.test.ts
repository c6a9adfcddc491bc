import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { askSessionQuestion, drawOnQuestion, moveQuestion, supportSessionQuestion } from "@/lib/session-questions/commands";
import { resetDatabase } from "../helpers/factories";
import { outcome, type Outcome } from "../helpers/outcomes";
import { createSession } from "../helpers/session-fixtures";
import { insertQuestion, QUESTION_ROLES, questionWorld, type QuestionRole } from "./session-questions-fixtures";

// Every command × every role, on a live session. Each row gets a fresh question, so one row's
// success does not change the next one's answer. The expected tables are written out by hand.

let w: Awaited<ReturnType<typeof questionWorld>>;

beforeAll(async () => {
  await resetDatabase();
  w = await questionWorld();
});

const ASK: Record<QuestionRole, Outcome> = {
  visitor: "unauthenticated",
  signedIn: "forbidden",
  registered: "ok",
  moderator: "ok",
  rapporteur: "ok",
  panelist: "ok",
  staff: "forbidden",
  admin: "forbidden",
};

const SUPPORT: Record<QuestionRole, Outcome> = { ...ASK };

const MOVE: Record<QuestionRole, Outcome> = {
  visitor: "unauthenticated",
  signedIn: "forbidden",
  registered: "forbidden",
  moderator: "ok",
  rapporteur: "forbidden",
  panelist: "forbidden",
  staff: "ok",
  admin: "ok",
};

const DRAW_ON: Record<QuestionRole, Outcome> = {
  visitor: "unauthenticated",
  signedIn: "forbidden",
  registered: "forbidden",
  moderator: "forbidden",
  rapporteur: "ok",
  panelist: "forbidden",
  staff: "ok",
  admin: "ok",
};

describe("session questions: role × command on a live session", () => {
  it.each(QUESTION_ROLES)("%s asks a question", async (role) => {
    const before = await db.sessionQuestion.count();
    const result = await outcome(askSessionQuestion(w.actors[role], { sessionId: w.session.id, body: `Pregunta de ${role}`, language: "es" }));
    expect(result).toBe(ASK[role]);
    expect(await db.sessionQuestion.count()).toBe(before + (result === "ok" ? 1 : 0));
  });

  it.each(QUESTION_ROLES)("%s supports someone else's question", async (role) => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    expect(await outcome(supportSessionQuestion(w.actors[role], { questionId: question.id }))).toBe(SUPPORT[role]);
    expect(await db.sessionQuestionSupport.count({ where: { questionId: question.id } })).toBe(SUPPORT[role] === "ok" ? 1 : 0);
  });

  it.each(QUESTION_ROLES)("%s marks a question taken up", async (role) => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    expect(await outcome(moveQuestion(w.actors[role], { questionId: question.id, action: "takeUp" }))).toBe(MOVE[role]);
    const after = await db.sessionQuestion.findUniqueOrThrow({ where: { id: question.id } });
    expect(after.state).toBe(MOVE[role] === "ok" ? "TAKEN_UP" : "OPEN");
  });

  it.each(QUESTION_ROLES)("%s marks that the summary draws on a question", async (role) => {
    const question = await insertQuestion(w.session.id, w.asker.id, { state: "ANSWERED" });
    expect(await outcome(drawOnQuestion(w.actors[role], { questionId: question.id, drawnOn: "on" }))).toBe(DRAW_ON[role]);
    const after = await db.sessionQuestion.findUniqueOrThrow({ where: { id: question.id } });
    expect(!!after.drawnOnAt).toBe(DRAW_ON[role] === "ok");
  });

  it("a speaker of another session is no one here; a draft session's questions are not found", async () => {
    const other = await createSession({ status: "SPEAKERS_CONFIRMED" });
    const draft = await createSession({ status: "DRAFT" });
    const question = await insertQuestion(w.session.id, w.asker.id);
    await db.nomination.updateMany({ where: { nomineeUserId: w.actors.moderator!.userId }, data: { sessionId: other.id } });
    try {
      expect(await outcome(moveQuestion(w.actors.moderator, { questionId: question.id, action: "takeUp" }))).toBe("forbidden");
    } finally {
      await db.nomination.updateMany({ where: { nomineeUserId: w.actors.moderator!.userId }, data: { sessionId: w.session.id } });
    }
    expect(await outcome(askSessionQuestion(w.actors.staff, { sessionId: draft.id, body: "¿Borrador?", language: "es" }))).toBe("not_found");
    const inDraft = await insertQuestion(draft.id, w.asker.id);
    expect(await outcome(moveQuestion(w.actors.staff, { questionId: inDraft.id, action: "takeUp" }))).toBe("not_found");
  });

  it("a speaker whose nomination was withdrawn is no longer the moderator", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    await db.nomination.updateMany({ where: { nomineeUserId: w.actors.moderator!.userId }, data: { status: "WITHDRAWN" } });
    try {
      expect(await outcome(moveQuestion(w.actors.moderator, { questionId: question.id, action: "answer" }))).toBe("forbidden");
    } finally {
      await db.nomination.updateMany({ where: { nomineeUserId: w.actors.moderator!.userId }, data: { status: "SELECTED" } });
    }
  });
});
