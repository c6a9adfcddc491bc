import { beforeAll, describe, expect, it } from "vitest";
import { getConsultation, listConsultations } from "@/lib/consultations/queries";
import { db } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import { resetDatabase } from "../helpers/factories";

// The demo shows consultations alive: one open with contributions in several languages (some
// under pseudonyms, with replies, supports and an update), one closed with a synthesis citing
// contributions, one of which became a public proposal.
describe("demo consultations", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemo();
  }, 60_000);

  it("has an open consultation with contributions in several languages, pseudonyms, replies, supports and an update", async () => {
    const now = new Date();
    const list = await listConsultations(null, now);
    expect(list.map((c) => c.phase).sort()).toEqual(["open", "synthesized"]);
    const open = (await getConsultation(list.find((c) => c.phase === "open")!.id, null, now))!;
    const posts = open.questions.flatMap((q) => q.contributions.flatMap((c) => [c, ...c.replies]));
    expect(new Set(posts.map((p) => p.language)).size).toBeGreaterThanOrEqual(3);
    expect(posts.filter((p) => p.author.kind === "pseudonym").length).toBeGreaterThanOrEqual(2);
    expect(posts.some((p) => p.replies.length > 0)).toBe(true);
    expect(posts.some((p) => p.supports > 0)).toBe(true);
    expect(open.updates).toHaveLength(1);
  });

  it("has a synthesized one citing contributions, one of which became a public proposal", async () => {
    const now = new Date();
    const id = (await listConsultations(null, now)).find((c) => c.phase === "synthesized")!.id;
    const done = (await getConsultation(id, null, now))!;
    expect(done.synthesis?.es).toContain("##");
    expect(done.cited.length).toBeGreaterThanOrEqual(2);
    expect(done.questions.flatMap((q) => q.contributions).filter((c) => c.proposal)).toHaveLength(1);
    expect(await db.consultationContribution.count({ where: { askerId: { not: null }, pseudonymId: { not: null } } })).toBe(0);
  });
});
