import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { questionStatus } from "@/lib/dialogue/policy";
import { listQuestions, responsiveness } from "@/lib/dialogue/queries";
import { questionListSchema } from "@/lib/dialogue/schemas";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_DIALOGUE_ACCOUNTS } from "@/prisma/seed/demo-dialogue";
import { resetDatabase } from "../helpers/factories";

// The demo shows the permanent dialogue alive: delegates of IOM and ECLAC, 15 questions in four
// languages in every status, one merged, some under pseudonyms that no public read gives away.
describe("demo dialogue", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemo();
  }, 60_000);

  it("has delegates of IOM, ECLAC and a State, and 15 questions in four languages in every status, one merged", async () => {
    const delegates = await db.delegateProfile.findMany({ select: { institution: { select: { kind: true } } } });
    expect(new Set(delegates.map((d) => d.institution.kind))).toEqual(new Set(["IOM", "ECLAC", "STATE"]));
    const questions = await db.dialogueQuestion.findMany();
    expect(questions).toHaveLength(15);
    expect(new Set(questions.map((q) => q.language))).toEqual(new Set(["es", "en", "pt", "fr"]));
    const now = new Date();
    const statuses = questions.map((q) => questionStatus(q, now));
    for (const status of ["answered", "awaiting", "overdue"] as const) expect(statuses).toContain(status);
    expect(questions.filter((q) => q.mergedIntoId)).toHaveLength(1);
    expect(questions.filter((q) => q.pseudonymId).length).toBeGreaterThanOrEqual(2);
    expect(questions.every((q) => !(q.askerId && q.pseudonymId))).toBe(true);
    const eclac = await db.dialogueInstitution.findUniqueOrThrow({ where: { slug: "eclac" } });
    const stats = await responsiveness(eclac.id, now);
    expect(stats.answered).toBeGreaterThan(0);
    expect(stats.overdue).toBeGreaterThan(0);
  });

  it("never shows who is behind a demo pseudonym in the list or the public log", async () => {
    const people = await db.pseudonym.findMany({ select: { user: { select: { id: true, name: true, email: true } }, questions: { select: { id: true } } } });
    const pseudonymous = people.flatMap((p) => p.questions.map((q) => q.id));
    const { rows } = await listQuestions(questionListSchema.parse({}), new Date());
    const shown = rows.filter((r) => pseudonymous.includes(r.id));
    expect(shown.length).toBeGreaterThan(0);
    // The people behind pseudonyms also post under their names: only what concerns their pseudonymous posts is checked.
    const entries = await db.auditEntry.findMany({ where: { entityId: { in: pseudonymous } }, select: { data: true, actorId: true, action: true } });
    expect(entries.filter((e) => e.action === "dialogue.question_asked").every((e) => e.actorId === null)).toBe(true);
    const text = JSON.stringify([shown, entries.filter((e) => e.action !== "dialogue.question_supported")]);
    for (const { user } of people) for (const marker of user ? [user.id, user.email, user.name] : []) expect(text).not.toContain(marker);
    expect(await db.user.count({ where: { email: { in: DEMO_DIALOGUE_ACCOUNTS.map((a) => a.email) } } })).toBe(DEMO_DIALOGUE_ACCOUNTS.length);
  });
});
