import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { evaluationPhase } from "@/lib/evaluations/policy";
import { getEvaluationResults } from "@/lib/evaluations/queries";
import { seedDemo } from "@/prisma/seed/demo";
import { demoEvaluationId } from "@/prisma/seed/demo-evaluations";
import { resetDatabase } from "../helpers/factories";

// The demo shows an evaluation with public results and one open to answer.
describe("demo evaluations", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemo();
  }, 120_000);

  it("has a closed session evaluation with figures, answered by people who took part in the session", async () => {
    const closed = await db.evaluation.findUniqueOrThrow({ where: { id: demoEvaluationId("closed") }, include: { participations: true, session: { include: { registrations: true } } } });
    expect(evaluationPhase(closed, new Date())).toBe("closed");
    const results = await getEvaluationResults(closed);
    expect(results?.shown).toBe(true);
    expect(results?.respondents).toBeGreaterThanOrEqual(5);
    expect(results?.scale.every((s) => s.distribution !== null)).toBe(true);
    const registered = new Set(closed.session?.registrations.map((r) => r.userId));
    const speakers = new Set((await db.nomination.findMany({ where: { sessionId: closed.sessionId!, status: "SELECTED" } })).map((n) => n.nomineeUserId));
    for (const p of closed.participations) expect(registered.has(p.userId) || speakers.has(p.userId)).toBe(true);
    const log = await db.auditEntry.findMany({ where: { entityId: closed.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((e) => e.action)).toEqual(["evaluation.opened", "evaluation.closed"]);
    expect(log.every((e) => e.createdAt.getTime() < Date.now())).toBe(true);
  });

  it("has an open evaluation of the whole review", async () => {
    const open = await db.evaluation.findUniqueOrThrow({ where: { id: demoEvaluationId("open") } });
    expect(open.sessionId).toBeNull();
    expect(evaluationPhase(open, new Date())).toBe("open");
  });
});
