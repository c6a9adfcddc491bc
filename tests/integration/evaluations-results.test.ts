import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createFormatter, createTranslator } from "next-intl";
import { catalogueHelpers, DAY_FORMAT, describeEntry } from "@/components/transparency/entries";
import { listPublicLog } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";
import { answerEvaluation, closeEvaluation, openEvaluation } from "@/lib/evaluations/commands";
import { evaluationsOfSession, getEvaluation, getEvaluationResults, getOpenAnswers, listManagedEvaluations, listPublicEvaluations } from "@/lib/evaluations/queries";
import { locales, type AppLocale } from "@/i18n/routing";
import { buildWorld, createOrganization, createUser, actorFor, resetDatabase } from "../helpers/factories";
import { dayFromToday, insertEvaluation, insertResponse, OPEN, SCALE } from "./evaluations-fixtures";

// The public results: counts, a distribution and a mean only once closed, nothing below five
// answers, and the words of open answers in no public read and no log entry, only in the
// committee's and staff's own query.

let world: Awaited<ReturnType<typeof buildWorld>>;
const SECRET = "zq-secreto-";

/** `n` people answer (written directly): scores in turn from `scores`, and an open answer carrying SECRET. */
async function respond(evaluation: Awaited<ReturnType<typeof insertEvaluation>>, scores: number[], opts: { skipScaleFrom?: number } = {}) {
  const [scale, open] = evaluation.questions;
  for (const [i, score] of scores.entries()) {
    const user = await createUser();
    const answers = [{ questionId: open.id, text: `${SECRET}${i}` }];
    if (opts.skipScaleFrom === undefined || i < opts.skipScaleFrom) answers.push({ questionId: scale.id, score } as never);
    await insertResponse(evaluation.id, user.id, answers);
  }
}

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("public results", () => {
  it("are a count, a 1–5 distribution and a mean, once closed", async () => {
    const e = await insertEvaluation({ status: "CLOSED" });
    await respond(e, [1, 2, 3, 4, 5, 5]);
    const results = await getEvaluationResults(e);
    expect(results).toEqual({
      respondents: 6,
      shown: true,
      scale: [{ questionId: e.questions[0].id, count: 6, distribution: [1, 1, 1, 1, 2], mean: 20 / 6 }],
      openCounts: [{ questionId: e.questions[1].id, count: 6 }],
    });
  });

  it("are withheld while it is open, and read as closed once its closing day passed", async () => {
    const open = await insertEvaluation({ status: "OPEN" });
    await respond(open, [3, 3, 3, 3, 3]);
    expect(await getEvaluationResults(open)).toBeNull();
    const past = await insertEvaluation({ status: "OPEN", opensOn: dayFromToday(-9), closesOn: dayFromToday(-2) });
    await respond(past, [3, 3, 3, 3, 3]);
    expect((await getEvaluationResults(past))?.shown).toBe(true);
  });

  it("show no figure below five respondents, nor for a question fewer than five answered", async () => {
    const few = await insertEvaluation({ status: "CLOSED" });
    await respond(few, [5, 5, 5, 1]);
    expect(await getEvaluationResults(few)).toEqual({
      respondents: 4,
      shown: false,
      scale: [{ questionId: few.questions[0].id, count: 0, distribution: null, mean: null }],
      openCounts: [{ questionId: few.questions[1].id, count: 0 }],
    });
    const skipped = await insertEvaluation({ status: "CLOSED" });
    await respond(skipped, [4, 4, 4, 4, 4, 4], { skipScaleFrom: 4 });
    const results = await getEvaluationResults(skipped);
    expect(results?.shown).toBe(true);
    expect(results?.scale[0]).toEqual({ questionId: skipped.questions[0].id, count: 4, distribution: null, mean: null });
  });
});

describe("open answers", () => {
  it("are in no public read and in no log entry, through the real commands", async () => {
    const session = await db.reviewSession.create({
      data: { title: { es: "Sesión" }, description: {}, startsAt: new Date(Date.now() - 5 * 86_400_000), endsAt: new Date(Date.now() - 5 * 86_400_000 + 7_200_000), timeZone: "America/Lima", format: "VIRTUAL", panelistSeats: 3, status: "HELD" },
    });
    const e = await insertEvaluation({ status: "DRAFT", sessionId: session.id, questions: [SCALE, OPEN] });
    await openEvaluation(world.actors.staff, { evaluationId: e.id });
    const org = await createOrganization({ status: "VERIFIED" });
    for (let i = 0; i < 6; i++) {
      const user = await createUser();
      await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "MEMBER" } });
      await db.sessionRegistration.create({ data: { sessionId: session.id, userId: user.id, language: "es" } });
      await answerEvaluation(await actorFor(user.id), { evaluationId: e.id, answers: { [e.questions[0].id]: { score: String(1 + (i % 5)) }, [e.questions[1].id]: { text: `${SECRET}cmd${i}` } } });
    }
    await closeEvaluation(world.actors.committee, { evaluationId: e.id });

    // Every public read, as a visitor and as a participant who answered nothing.
    const publicReads = [
      await listPublicEvaluations(),
      await evaluationsOfSession(null, session.id),
      await getEvaluation(null, e.id),
      await getEvaluation(world.actors.participant, e.id),
      await getEvaluationResults(e),
      await getOpenAnswers(null, e.id),
      await getOpenAnswers(world.actors.orgMember, e.id),
      await listManagedEvaluations(world.actors.orgMember),
    ];
    expect(JSON.stringify(publicReads)).not.toContain(SECRET);
    expect(await getOpenAnswers(world.actors.participant, e.id)).toBeNull();

    // The whole audit log, public and private, and every public entry as the page writes it.
    const audit = await db.auditEntry.findMany({ select: { action: true, data: true } });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    const { entries } = await listPublicLog(1, 500);
    const ours = entries.filter((x) => x.action.startsWith("evaluation."));
    expect(ours.map((x) => x.action).sort()).toEqual(["evaluation.closed", "evaluation.opened"]);
    for (const locale of locales) {
      for (const entry of ours) {
        const text = sentence(locale, entry);
        expect(text).not.toContain(SECRET);
        expect(text).toContain(locale === "en" ? "Test evaluation" : "Evaluación de prueba");
      }
    }
    expect(sentence("en", ours.find((x) => x.action === "evaluation.closed")!)).toBe(
      `The evaluation <a href="/dialogue/evaluations/${e.id}">Test evaluation</a> closed with 6 answers; its results are public.`,
    );

    // The committee and staff read them, all six.
    for (const reader of [world.actors.committee, world.actors.staff]) {
      const open = await getOpenAnswers(reader, e.id);
      expect(open?.[0].texts.slice().sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${SECRET}cmd${i}`));
    }
  });

  it("a draft is seen only by the people who write it", async () => {
    const draft = await insertEvaluation({ status: "DRAFT" });
    expect(await getEvaluation(null, draft.id)).toBeNull();
    expect(await getEvaluation(world.actors.orgMember, draft.id)).toBeNull();
    expect((await getEvaluation(world.actors.committee, draft.id))?.id).toBe(draft.id);
    expect((await listPublicEvaluations()).some((x) => x.id === draft.id)).toBe(false);
  });
});

/** The public log's sentence for an entry, rendered from the real catalogue, with `<item>` as a link. */
function sentence(locale: AppLocale, entry: { action: string; data: unknown }): string {
  const messages = JSON.parse(readFileSync(path.join("messages", locale, "transparency.json"), "utf8"));
  const t = createTranslator({ locale, messages: { transparency: messages }, namespace: "transparency", onError: (error) => { throw error; } });
  const tt = t as unknown as Parameters<typeof catalogueHelpers>[0] & { markup: (key: string, values: Record<string, string | number | ((chunks: string) => string)>) => string };
  const format = createFormatter({ locale, timeZone: "UTC" });
  const described = describeEntry(entry, catalogueHelpers(tt, (date) => format.dateTime(date, DAY_FORMAT), { locale }));
  if (described.kind !== "known") throw new Error(`no sentence for ${entry.action}`);
  return tt.markup(`actions.${described.key}`, { ...described.values, item: (chunks: string) => `<a href="${described.link?.href}">${chunks}</a>` });
}
