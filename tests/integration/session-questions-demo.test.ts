import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isSessionLive } from "@/lib/session-questions/policy";
import { listSessionQuestions } from "@/lib/session-questions/queries";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_LIVE_PEOPLE, DEMO_LIVE_SESSION_TITLE } from "@/prisma/seed/demo-session-questions";
import { DEMO_SESSION_TITLES } from "@/prisma/seed/demo-sessions";
import { resetDatabase } from "../helpers/factories";

// The demo shows questions to the panel at once: a held session's, and a session live now (the
// e2e test asks there).
describe("demo: questions to the panel", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemo();
  }, 60_000);

  const byTitle = (es: string) => db.reviewSession.findFirstOrThrow({ where: { title: { path: ["es"], equals: es } } });

  it("the past session has questions in four languages, taken up, answered and set aside, some drawn on by its summary", async () => {
    const past = await byTitle(DEMO_SESSION_TITLES.past.es);
    const questions = await db.sessionQuestion.findMany({ where: { sessionId: past.id }, include: { _count: { select: { supports: true } }, pseudonym: { select: { userId: true } } } });
    expect(new Set(questions.map((q) => q.language))).toEqual(new Set(["es", "en", "pt", "fr"]));
    expect(new Set(questions.map((q) => q.state))).toEqual(new Set(["OPEN", "TAKEN_UP", "ANSWERED", "SET_ASIDE"]));
    expect(questions.filter((q) => q.drawnOnAt).length).toBeGreaterThanOrEqual(2);
    expect(questions.some((q) => q._count.supports > 1)).toBe(true);
    // Every asker was registered for the session (under a pseudonym too: the person behind it).
    const registered = new Set((await db.sessionRegistration.findMany({ where: { sessionId: past.id } })).map((r) => r.userId));
    expect(questions.every((q) => { const asker = q.askerId ?? q.pseudonym?.userId; return !!asker && registered.has(asker); })).toBe(true);
    const entries = await db.auditEntry.findMany({ where: { entityId: { in: questions.map((q) => q.id) }, isPublic: true } });
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(["session_question.taken_up", "session_question.answered", "session_question.set_aside", "session_question.drawn_on"]));
  });

  it("the past session has a question and a support under a pseudonym, the organization named on the question, no one named in the log", async () => {
    const past = await byTitle(DEMO_SESSION_TITLES.past.es);
    const asked = await db.sessionQuestion.findMany({ where: { sessionId: past.id, pseudonymId: { not: null } }, select: { id: true, askerId: true, pseudonym: { select: { userId: true } } } });
    expect(asked).toHaveLength(1);
    expect(asked[0].askerId).toBeNull();
    const supports = await db.sessionQuestionSupport.findMany({ where: { question: { sessionId: past.id }, pseudonymId: { not: null } }, select: { questionId: true } });
    expect(supports).toHaveLength(1);
    const shown = (await listSessionQuestions(null, past)).find((q) => q.id === asked[0].id)!;
    expect(shown.asker).toMatchObject({ kind: "pseudonym", organization: { slug: "red-sin-fronteras" } });
    const person = asked[0].pseudonym!.userId!;
    const entries = await db.auditEntry.findMany({ where: { entityId: { in: [asked[0].id, supports[0].questionId] }, action: { in: ["session_question.asked", "session_question.supported"] } }, select: { action: true, entityId: true, actorId: true } });
    const underPseudonym = entries.filter((e) => e.entityId === asked[0].id ? e.action === "session_question.asked" : e.action === "session_question.supported");
    expect(underPseudonym).toHaveLength(2);
    expect(underPseudonym.every((e) => e.actorId === null)).toBe(true);
    expect(entries.some((e) => e.actorId === person)).toBe(false);
  });

  it("one session is live now, with a moderator who has an account, registrations and questions", async () => {
    const live = await byTitle(DEMO_LIVE_SESSION_TITLE.es);
    expect(isSessionLive(live, new Date())).toBe(true);
    expect(isSessionLive(live, new Date(Date.now() + 6 * 3_600_000))).toBe(true);
    const moderator = await db.user.findUniqueOrThrow({ where: { email: DEMO_LIVE_PEOPLE.moderator.email } });
    expect(await db.nomination.count({ where: { sessionId: live.id, role: "MODERATOR", status: "SELECTED", nomineeUserId: moderator.id } })).toBe(1);
    const registrations = await db.sessionRegistration.findMany({ where: { sessionId: live.id }, include: { user: true } });
    expect(registrations.find((r) => r.user.email === DEMO_LIVE_PEOPLE.listed.email)?.listed).toBe(true);
    expect(registrations.find((r) => r.user.email === DEMO_LIVE_PEOPLE.unlisted.email)?.listed).toBe(false);
    expect((await listSessionQuestions(null, live)).length).toBeGreaterThanOrEqual(2);
  });
});
