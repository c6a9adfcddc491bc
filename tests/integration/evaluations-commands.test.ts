import { beforeAll, describe, expect, it } from "vitest";
import { isCommand, type Command } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import * as evaluations from "@/lib/evaluations/commands";
import type { EvaluationStatus } from "@/lib/generated/prisma/enums";
import { actorFor, buildWorld, createUser, resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome, type Outcome } from "../helpers/outcomes";
import { createSession, insertNomination } from "../helpers/nomination-fixtures";
import { answersTo, dayFromToday, insertEvaluation, isoDay } from "./evaluations-fixtures";

// Every evaluations command × every role, the lifecycle's states × actions, answering once under
// races, and who is told when a session's evaluation opens.

const ROLES: RoleName[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin"];
const MANAGERS: RoleName[] = ["committee", "staff", "admin"];
// The review's evaluation: members of verified organizations and the committee; never staff.
const ANSWERERS: RoleName[] = ["orgMember", "orgAdmin", "otherOrgMember", "committee"];

let world: Awaited<ReturnType<typeof buildWorld>>;
let heldSessionId: string;

const texts = { es: { title: "Evaluación", intro: "Cuéntanos cómo fue." } };
const questionTexts = { es: { text: "¿Fue útil?", low: "Nada", high: "Mucho" } };
const dates = () => ({ opensOn: isoDay(dayFromToday(0)), closesOn: isoDay(dayFromToday(10)) });

/** A valid input for each command, on rows made fresh for each call. */
const INPUTS: Record<keyof typeof evaluations, () => Promise<unknown>> = {
  createEvaluation: async () => ({ scope: "session", sessionId: heldSessionId, texts, ...dates() }),
  updateEvaluation: async () => ({ evaluationId: (await insertEvaluation({ status: "DRAFT" })).id, texts, ...dates() }),
  addQuestion: async () => ({ evaluationId: (await insertEvaluation({ status: "DRAFT" })).id, kind: "SCALE", texts: questionTexts }),
  updateQuestion: async () => ({ questionId: (await insertEvaluation({ status: "DRAFT" })).questions[0].id, kind: "TEXT", texts: { en: { text: "Why?" } } }),
  removeQuestion: async () => ({ questionId: (await insertEvaluation({ status: "DRAFT" })).questions[0].id }),
  openEvaluation: async () => ({ evaluationId: (await insertEvaluation({ status: "DRAFT" })).id }),
  closeEvaluation: async () => ({ evaluationId: (await insertEvaluation({ status: "OPEN" })).id }),
  answerEvaluation: async () => {
    const e = await insertEvaluation({ status: "OPEN" });
    return { evaluationId: e.id, answers: answersTo(e.questions) };
  },
};

const WHO: Record<keyof typeof evaluations, RoleName[]> = {
  createEvaluation: MANAGERS,
  updateEvaluation: MANAGERS,
  addQuestion: MANAGERS,
  updateQuestion: MANAGERS,
  removeQuestion: MANAGERS,
  openEvaluation: MANAGERS,
  closeEvaluation: MANAGERS,
  answerEvaluation: ANSWERERS,
};

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  heldSessionId = (await createSession({ status: "HELD", startsAt: new Date(Date.now() - 5 * 86_400_000) })).id;
});

describe("evaluations commands × roles", () => {
  it("are all built by defineCommand", () => {
    expect(Object.keys(evaluations).sort()).toEqual(Object.keys(WHO).sort());
    for (const value of Object.values(evaluations)) expect(isCommand(value)).toBe(true);
  });

  for (const [name, command] of Object.entries(evaluations) as [keyof typeof evaluations, Command<unknown>][]) {
    it(`${name}: allowed to ${WHO[name].join(", ")}; refused to everyone else`, async () => {
      const table: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const role of ROLES) {
        table[role] = await outcome(command(world.actors[role], await INPUTS[name]()));
        expected[role] = WHO[name].includes(role) ? "ok" : role === "visitor" ? "unauthenticated" : "forbidden";
      }
      expect(table).toEqual(expected);
    });
  }

  it("a committee member whose term lapsed manages nothing", async () => {
    const user = await createUser({ name: "Former member" });
    await db.committeeTerm.create({ data: { userId: user.id, startsOn: new Date("2020-01-01"), endsOn: new Date("2021-01-01") } });
    const former = await actorFor(user.id);
    expect(await outcome(evaluations.createEvaluation(former, await INPUTS.createEvaluation()))).toBe("forbidden");
  });
});

describe("a session's evaluation", () => {
  it("is answered by the session's registered participants and confirmed speakers, nobody else", async () => {
    const session = await createSession({ status: "HELD", startsAt: new Date(Date.now() - 5 * 86_400_000) });
    const registered = await createUser({ name: "Registered" });
    const speaker = await createUser({ name: "Speaker" });
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: registered.id, language: "es" } });
    await insertNomination(session.id, { status: "SELECTED", nomineeUserId: speaker.id });
    const declined = await createUser({ name: "Declined nominee" });
    await insertNomination(session.id, { status: "DECLINED", nomineeUserId: declined.id });
    const e = await insertEvaluation({ sessionId: session.id });
    const input = { evaluationId: e.id, answers: answersTo(e.questions) };
    const table = {
      registered: await outcome(evaluations.answerEvaluation(await actorFor(registered.id), input)),
      speaker: await outcome(evaluations.answerEvaluation(await actorFor(speaker.id), input)),
      declined: await outcome(evaluations.answerEvaluation(await actorFor(declined.id), input)),
      // A verified member who was not there, and a committee member who was not there.
      orgMember: await outcome(evaluations.answerEvaluation(world.actors.orgMember, input)),
      committee: await outcome(evaluations.answerEvaluation(world.actors.committee, input)),
    };
    expect(table).toEqual({ registered: "ok", speaker: "ok", declined: "forbidden", orgMember: "forbidden", committee: "forbidden" });
  });

  it("is opened only for a held session", async () => {
    for (const status of ["DRAFT", "OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"] as const) {
      const session = await createSession({ status });
      const error = await appError(evaluations.createEvaluation(world.actors.staff, { scope: "session", sessionId: session.id, texts, ...dates() }));
      expect(error.fieldErrors.sessionId?.[0].key).toBe("evaluations.sessionNotHeld");
    }
    expect(await outcome(evaluations.createEvaluation(world.actors.staff, { scope: "session", texts, ...dates() }))).toBe("invalid");
    const review = (await evaluations.createEvaluation(world.actors.staff, { scope: "review", sessionId: heldSessionId, texts, ...dates() })) as { id: string };
    // "review" ignores a session sent along.
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: review.id } })).sessionId).toBeNull();
  });

  it("tells the session's registrants when it opens, each in their language, not the one who opened it", async () => {
    const session = await createSession({ status: "HELD", startsAt: new Date(Date.now() - 5 * 86_400_000) });
    const english = await createUser({ name: "English reader" });
    await db.user.update({ where: { id: english.id }, data: { preferredLocale: "en" } });
    const spanish = await createUser({ name: "Lectora" });
    const french = await createUser({ name: "Lectrice" });
    await db.user.update({ where: { id: french.id }, data: { preferredLocale: "fr" } });
    for (const u of [english, spanish, french, world.users.committee]) await db.sessionRegistration.create({ data: { sessionId: session.id, userId: u.id, language: "es" } });
    const e = await insertEvaluation({ status: "DRAFT", sessionId: session.id });
    const result = (await evaluations.openEvaluation(world.actors.committee, { evaluationId: e.id })) as { notified: number };
    expect(result.notified).toBe(3);
    const notes = await db.notification.findMany({ where: { kind: "evaluation.opened", data: { path: ["evaluationId"], equals: e.id } }, select: { userId: true, data: true } });
    const byUser = Object.fromEntries(notes.map((n) => [n.userId, (n.data as { title: string }).title]));
    expect(byUser).toEqual({ [english.id]: "Test evaluation", [spanish.id]: "Evaluación de prueba", [french.id]: "Evaluación de prueba" });
  });
});

describe("states × actions", () => {
  const ACTIONS = ["updateEvaluation", "addQuestion", "updateQuestion", "removeQuestion", "openEvaluation", "closeEvaluation", "answerEvaluation"] as const;
  const EXPECTED: Record<EvaluationStatus, Record<(typeof ACTIONS)[number], Outcome>> = {
    DRAFT: { updateEvaluation: "ok", addQuestion: "ok", updateQuestion: "ok", removeQuestion: "ok", openEvaluation: "ok", closeEvaluation: "conflict", answerEvaluation: "not_found" },
    OPEN: { updateEvaluation: "conflict", addQuestion: "conflict", updateQuestion: "conflict", removeQuestion: "conflict", openEvaluation: "conflict", closeEvaluation: "ok", answerEvaluation: "ok" },
    CLOSED: { updateEvaluation: "conflict", addQuestion: "conflict", updateQuestion: "conflict", removeQuestion: "conflict", openEvaluation: "conflict", closeEvaluation: "conflict", answerEvaluation: "conflict" },
  };

  for (const status of ["DRAFT", "OPEN", "CLOSED"] as const) {
    it(`${status}: ${ACTIONS.map((a) => `${a} ${EXPECTED[status][a]}`).join(", ")}`, async () => {
      const table: Record<string, Outcome> = {};
      for (const action of ACTIONS) {
        const e = await insertEvaluation({ status });
        const q = e.questions[0];
        const inputs = {
          updateEvaluation: { evaluationId: e.id, texts, ...dates() },
          addQuestion: { evaluationId: e.id, kind: "TEXT", texts: { es: { text: "¿Algo más?" } } },
          updateQuestion: { questionId: q.id, kind: "SCALE", texts: questionTexts },
          removeQuestion: { questionId: q.id },
          openEvaluation: { evaluationId: e.id },
          closeEvaluation: { evaluationId: e.id },
          answerEvaluation: { evaluationId: e.id, answers: answersTo(e.questions) },
        };
        const actor = action === "answerEvaluation" ? world.actors.orgMember : world.actors.staff;
        table[action] = await outcome((evaluations[action] as Command<unknown>)(actor, inputs[action]));
      }
      expect(table).toEqual(EXPECTED[status]);
    });
  }

  it("an open evaluation takes answers only from its opening day to the end of its closing day", async () => {
    const upcoming = await insertEvaluation({ opensOn: dayFromToday(2), closesOn: dayFromToday(9) });
    const ended = await insertEvaluation({ opensOn: dayFromToday(-9), closesOn: dayFromToday(-2) });
    for (const e of [upcoming, ended]) {
      expect((await appError(evaluations.answerEvaluation(world.actors.orgMember, { evaluationId: e.id, answers: answersTo(e.questions) }))).userMessage.key).toBe("evaluations.notTakingAnswers");
    }
  });

  it("is not opened without a question, nor once its closing day passed", async () => {
    const empty = await insertEvaluation({ status: "DRAFT", questions: [] });
    expect((await appError(evaluations.openEvaluation(world.actors.staff, { evaluationId: empty.id }))).userMessage.key).toBe("evaluations.noQuestions");
    const late = await insertEvaluation({ status: "DRAFT", opensOn: dayFromToday(-9), closesOn: dayFromToday(-2) });
    expect((await appError(evaluations.openEvaluation(world.actors.staff, { evaluationId: late.id }))).userMessage.key).toBe("evaluations.closingDayPassed");
  });

  it("records opening and closing in the public log, with the count of answers and nothing else", async () => {
    const e = await insertEvaluation({ status: "DRAFT" });
    await evaluations.openEvaluation(world.actors.staff, { evaluationId: e.id });
    await evaluations.answerEvaluation(world.actors.orgMember, { evaluationId: e.id, answers: answersTo(e.questions, 5, "Un secreto 7c1e") });
    await evaluations.closeEvaluation(world.actors.committee, { evaluationId: e.id });
    const entries = await db.auditEntry.findMany({ where: { entityId: e.id }, orderBy: { id: "asc" }, select: { action: true, isPublic: true, data: true } });
    expect(entries.map((x) => [x.action, x.isPublic])).toEqual([
      ["evaluation.opened", true],
      ["evaluation.closed", true],
    ]);
    expect(entries[1].data).toMatchObject({ answerCount: 1, evaluationId: e.id });
    expect(JSON.stringify(entries)).not.toContain("7c1e");
  });
});

describe("answers", () => {
  it("are checked against the questions: a score for a scale, words for an open one, at least one", async () => {
    const e = await insertEvaluation();
    const [scale, open] = e.questions;
    const wrong = async (answers: unknown) => appError(evaluations.answerEvaluation(world.actors.orgAdmin, { evaluationId: e.id, answers }));
    expect((await wrong({ [scale.id]: { text: "bien" } })).fieldErrors[`answers.${scale.id}.score`]?.[0].key).toBe("evaluations.scoreExpected");
    expect((await wrong({ [open.id]: { score: "3" } })).fieldErrors[`answers.${open.id}.text`]?.[0].key).toBe("evaluations.textExpected");
    expect((await wrong({ [scale.id]: { score: "6" } })).kind).toBe("invalid");
    expect((await wrong({})).userMessage.key).toBe("evaluations.answerSomething");
    expect((await wrong({ [scale.id]: { score: "" }, [open.id]: { text: "  " } })).userMessage.key).toBe("evaluations.answerSomething");
    const other = await insertEvaluation();
    expect((await wrong({ [other.questions[0].id]: { score: "3" } })).kind).toBe("invalid");
    expect(await db.evaluationParticipation.count({ where: { evaluationId: e.id } })).toBe(0);
    // A form post: flat names, a skipped question.
    await evaluations.answerEvaluation(world.actors.orgAdmin, { evaluationId: e.id, [`answers.${scale.id}.score`]: "2", [`answers.${open.id}.text`]: "" });
    const answers = await db.evaluationAnswer.findMany({ where: { response: { evaluationId: e.id } } });
    expect(answers.map((a) => [a.questionId, a.score, a.text])).toEqual([[scale.id, 2, null]]);
  });

  it("are given once: 20 posts at the same moment leave one participation and one response", async () => {
    const e = await insertEvaluation();
    const input = { evaluationId: e.id, answers: answersTo(e.questions) };
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(evaluations.answerEvaluation(world.actors.otherOrgMember, input))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every((r) => r === "conflict")).toBe(true);
    expect(await db.evaluationParticipation.count({ where: { evaluationId: e.id } })).toBe(1);
    expect(await db.evaluationResponse.count({ where: { evaluationId: e.id } })).toBe(1);
    expect((await appError(evaluations.answerEvaluation(world.actors.otherOrgMember, input))).userMessage.key).toBe("evaluations.alreadyAnswered");
  });

  it("are kept apart from who gave them: a response has no person and no time", async () => {
    const columns = async (table: string) =>
      (await db.$queryRaw<{ column_name: string }[]>`SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = ${table} ORDER BY column_name`).map((c) => c.column_name);
    expect(await columns("EvaluationResponse")).toEqual(["evaluationId", "id"]);
    expect(await columns("EvaluationAnswer")).toEqual(["questionId", "responseId", "score", "text"]);
    expect(await columns("EvaluationParticipation")).toEqual(["evaluationId", "userId"]);
  });

  it("questions keep their texts in every language written, and labels only on a scale", async () => {
    const e = await insertEvaluation({ status: "DRAFT", questions: [] });
    await evaluations.addQuestion(world.actors.staff, { evaluationId: e.id, kind: "SCALE", "texts.es.text": "¿Útil?", "texts.es.low": "Nada", "texts.es.high": "Mucho", "texts.pt.text": "", "texts.pt.low": "" });
    const missing = await appError(evaluations.addQuestion(world.actors.staff, { evaluationId: e.id, kind: "SCALE", texts: { en: { text: "Useful?", low: "No" } } }));
    expect(missing.fieldErrors["texts.en.high"]?.[0].key).toBe("evaluations.scaleLabelRequired");
    await evaluations.addQuestion(world.actors.staff, { evaluationId: e.id, kind: "TEXT", texts: { fr: { text: "Pourquoi ?", low: "ignoré" } } });
    const rows = await db.evaluationQuestion.findMany({ where: { evaluationId: e.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.position, r.kind, r.text, r.lowLabel, r.highLabel])).toEqual([
      [1, "SCALE", { es: "¿Útil?" }, { es: "Nada" }, { es: "Mucho" }],
      [2, "TEXT", { fr: "Pourquoi ?" }, {}, {}],
    ]);
    expect((await appError(evaluations.addQuestion(world.actors.staff, { evaluationId: e.id, kind: "TEXT", texts: {} }))).fieldErrors.texts?.[0].key).toBe("evaluations.oneLanguageRequired");
  });
});
