import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { answerQuestion, askQuestion, editDelegateProfile, requestDisclosure, supportQuestion } from "@/lib/dialogue/commands";
import { answerDays, answerDeadline, questionStatus, statusSql } from "@/lib/dialogue/policy";
import { questionListSchema } from "@/lib/dialogue/schemas";
import { getQuestion, listQuestions, responsiveness } from "@/lib/dialogue/queries";
import { describeNotification } from "@/lib/notifications/kinds";
import { grantSiteRole, revokeSiteRole } from "@/lib/roles/commands";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { answerInput, dialogueWorld, questionInput } from "../helpers/dialogue-fixtures";
import { appError, outcome, type Outcome } from "../helpers/outcomes";

let world: Awaited<ReturnType<typeof dialogueWorld>>;
type Who = "visitor" | "participant" | "orgMember" | "orgAdmin" | "otherOrgMember" | "committee" | "staff" | "admin" | "iomDelegate" | "eclacDelegate";
const WHO: Who[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin", "iomDelegate", "eclacDelegate"];
const actor = (who: Who): Actor | null => (who === "iomDelegate" ? world.delegates.iom : who === "eclacDelegate" ? world.delegates.eclac : world.actors[who]);

beforeEach(async () => {
  await resetDatabase();
  world = await dialogueWorld();
});

afterEach(() => {
  delete process.env.DIALOGUE_ANSWER_DAYS;
});

/** A question to ECLAC asked by someone outside the table. */
async function eclacQuestion(extra: Record<string, unknown> = {}, now?: Date) {
  const asker = await actorFor((await createUser({ name: "Asker" })).id);
  const { id } = await askQuestion(asker, questionInput(world.eclac.id, extra), now ? { now } : {});
  return { id, asker };
}

describe("who may do what (every command × every role)", () => {
  const table: Record<string, Record<Who, Outcome>> = {
    askSelf: { visitor: "unauthenticated", participant: "ok", orgMember: "ok", orgAdmin: "ok", otherOrgMember: "ok", committee: "ok", staff: "ok", admin: "ok", iomDelegate: "ok", eclacDelegate: "ok" },
    // Under a pseudonym vouched for by `org`: only its members.
    askPseudonym: { visitor: "unauthenticated", participant: "invalid", orgMember: "ok", orgAdmin: "ok", otherOrgMember: "invalid", committee: "ok", staff: "invalid", admin: "invalid", iomDelegate: "invalid", eclacDelegate: "invalid" },
    support: { visitor: "unauthenticated", participant: "ok", orgMember: "ok", orgAdmin: "ok", otherOrgMember: "ok", committee: "ok", staff: "ok", admin: "ok", iomDelegate: "ok", eclacDelegate: "ok" },
    answerEclac: { visitor: "unauthenticated", participant: "forbidden", orgMember: "forbidden", orgAdmin: "forbidden", otherOrgMember: "forbidden", committee: "forbidden", staff: "forbidden", admin: "forbidden", iomDelegate: "forbidden", eclacDelegate: "ok" },
    editProfile: { visitor: "unauthenticated", participant: "forbidden", orgMember: "forbidden", orgAdmin: "forbidden", otherOrgMember: "forbidden", committee: "forbidden", staff: "forbidden", admin: "forbidden", iomDelegate: "ok", eclacDelegate: "ok" },
    requestDisclosure: { visitor: "unauthenticated", participant: "forbidden", orgMember: "forbidden", orgAdmin: "forbidden", otherOrgMember: "forbidden", committee: "forbidden", staff: "forbidden", admin: "ok", iomDelegate: "forbidden", eclacDelegate: "forbidden" },
  };

  it("matches the table", async () => {
    const { id: supported } = await eclacQuestion();
    const pseudonymous = await askQuestion(world.actors.orgMember, questionInput(world.iom.id, { voice: "pseudonym", organizationId: world.org.id }));
    const pseudonym = await db.dialogueQuestion.findUniqueOrThrow({ where: { id: pseudonymous.id }, select: { pseudonymId: true } });
    const seen: Record<string, Record<string, Outcome>> = {};
    for (const who of WHO) {
      const a = actor(who);
      const { id: toAnswer } = await eclacQuestion();
      const results = {
        askSelf: await outcome(askQuestion(a, questionInput(world.iom.id))),
        askPseudonym: await outcome(askQuestion(a, questionInput(world.iom.id, { voice: "pseudonym", organizationId: world.org.id }))),
        support: await outcome(supportQuestion(a, { questionId: supported })),
        answerEclac: await outcome(answerQuestion(a, answerInput(toAnswer))),
        editProfile: await outcome(editDelegateProfile(a, { displayName: "Nombre visible", languagesSpoken: ["es"], portfolioEs: "Migración laboral" })),
        requestDisclosure: await outcome(requestDisclosure(a, { pseudonymId: pseudonym.pseudonymId, reason: "Una amenaza creíble contra una persona, denunciada a la policía." })),
      };
      for (const [command, result] of Object.entries(results)) (seen[command] ??= {})[who] = result;
    }
    expect(seen).toEqual(table);
  });

  it("gives and takes DELEGATE through the roles admin, with the institution (a State with its country)", async () => {
    const user = await createUser({ name: "Paula Punto Focal" });
    expect((await appError(grantSiteRole(world.actors.admin, { userId: user.id, role: "DELEGATE" }))).fieldErrors.institution?.[0].key).toBe("dialogue.chooseInstitution");
    expect((await appError(grantSiteRole(world.actors.admin, { userId: user.id, role: "DELEGATE", institution: "STATE" }))).fieldErrors.country?.[0].key).toBe("dialogue.stateNeedsCountry");
    expect(await outcome(grantSiteRole(world.actors.staff, { userId: user.id, role: "DELEGATE", institution: "IOM" }))).toBe("forbidden");
    expect(await outcome(grantSiteRole(world.actors.admin, { userId: user.id, role: "DELEGATE", institution: "STATE", country: "mx" }))).toBe("ok");
    const profile = await db.delegateProfile.findUniqueOrThrow({ where: { userId: user.id }, select: { displayName: true, institution: { select: { slug: true, kind: true, country: true } } } });
    expect(profile).toEqual({ displayName: "Paula Punto Focal", institution: { slug: "state-mx", kind: "STATE", country: "MX" } });
    const granted = await db.auditEntry.findFirstOrThrow({ where: { action: "role.granted", entityId: user.id } });
    expect(granted.isPublic).toBe(true);
    expect((await actorFor(user.id)).isDelegate).toBe(true);
    expect(await outcome(revokeSiteRole(world.actors.admin, { userId: user.id, role: "DELEGATE" }))).toBe("ok");
    expect((await actorFor(user.id)).isDelegate).toBe(false);
    // The profile stays (answers stay signed), but the person no longer answers.
    expect(await db.delegateProfile.count({ where: { userId: user.id } })).toBe(1);
  });

  it("lets only the addressed delegate answer, and the institution's delegates once that person is no longer one", async () => {
    const second = await createUser({ name: "Second ECLAC", roles: ["DELEGATE"] });
    await db.delegateProfile.create({ data: { userId: second.id, institutionId: world.eclac.id, displayName: "Second (CEPAL)", languagesSpoken: ["es"] } });
    const secondActor = await actorFor(second.id);
    const { id } = await askQuestion(world.actors.participant, questionInput(world.eclac.id, { addressee: `delegate:${world.delegateUsers.eclac.id}` }));
    expect((await appError(answerQuestion(secondActor, answerInput(id)))).userMessage.key).toBe("dialogue.notAddressee");
    await db.roleAssignment.deleteMany({ where: { userId: world.delegateUsers.eclac.id, role: "DELEGATE" } });
    expect(await outcome(answerQuestion(secondActor, answerInput(id)))).toBe("ok");
    expect((await appError(answerQuestion(secondActor, answerInput(id)))).userMessage.key).toBe("dialogue.alreadyAnswered");
    // A former delegate cannot be addressed.
    expect((await appError(askQuestion(world.actors.participant, questionInput(world.eclac.id, { addressee: `delegate:${world.delegateUsers.former.id}` })))).fieldErrors.addressee?.[0].key).toBe(
      "dialogue.chooseAddressee",
    );
  });
});

describe("deadline and status", () => {
  it("is due 30 days after it was asked, or DIALOGUE_ANSWER_DAYS", () => {
    const asked = new Date("2026-03-01T12:00:00Z");
    expect(answerDays()).toBe(30);
    expect(answerDeadline(asked).toISOString()).toBe("2026-03-31T12:00:00.000Z");
    process.env.DIALOGUE_ANSWER_DAYS = "7";
    expect(answerDeadline(asked).toISOString()).toBe("2026-03-08T12:00:00.000Z");
    process.env.DIALOGUE_ANSWER_DAYS = "nonsense";
    expect(answerDays()).toBe(30);
  });

  it("is awaiting until the deadline, overdue from it, answered once answered (even late)", () => {
    const deadlineAt = new Date("2026-03-31T12:00:00Z");
    expect(questionStatus({ answeredAt: null, deadlineAt }, new Date("2026-03-31T11:59:59Z"))).toBe("awaiting");
    expect(questionStatus({ answeredAt: null, deadlineAt }, deadlineAt)).toBe("overdue");
    expect(questionStatus({ answeredAt: new Date("2026-04-10T00:00:00Z"), deadlineAt }, new Date("2026-05-01T00:00:00Z"))).toBe("answered");
  });

  it("says the same in the page, the list filters and the institution's counts, with the median time to answer", async () => {
    const now = new Date();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const overdue = await eclacQuestion({ title: "An overdue question to ECLAC" }, daysAgo(40));
    const awaiting = await eclacQuestion({ title: "An awaiting question to ECLAC" }, daysAgo(2));
    const quick = await eclacQuestion({ title: "A question answered in two days" }, daysAgo(10));
    const slow = await eclacQuestion({ title: "A question answered in six days" }, daysAgo(10));
    const late = await eclacQuestion({ title: "A question answered after the deadline" }, daysAgo(50));
    await answerQuestion(world.delegates.eclac, answerInput(quick.id), { now: daysAgo(8) });
    await answerQuestion(world.delegates.eclac, answerInput(slow.id), { now: daysAgo(4) });
    await answerQuestion(world.delegates.eclac, answerInput(late.id), { now: daysAgo(10) });
    const expected = { [overdue.id]: "overdue", [awaiting.id]: "awaiting", [quick.id]: "answered", [slow.id]: "answered", [late.id]: "answered" };
    for (const [id, status] of Object.entries(expected)) expect((await getQuestion(id, null, now))!.status).toBe(status);
    for (const status of ["awaiting", "answered", "overdue"] as const) {
      const { rows } = await listQuestions(questionListSchema.parse({ status }), now);
      expect(rows.map((r) => r.id).sort()).toEqual(Object.keys(expected).filter((id) => expected[id] === status).sort());
      expect(rows.every((r) => r.status === status)).toBe(true);
    }
    const rows = await db.$queryRaw<{ id: string; status: string }[]>`SELECT q.id::text AS id, ${statusSql(now)} AS status FROM "DialogueQuestion" q`;
    for (const row of rows) expect(row.status).toBe(expected[row.id]);
    // Answered after 2, 6 and 40 days: the median is 6.
    expect(await responsiveness(world.eclac.id, now)).toEqual({ answered: 3, overdue: 1, awaiting: 1, medianDays: 6 });
    expect(await responsiveness(world.iom.id, now)).toEqual({ answered: 0, overdue: 0, awaiting: 0, medianDays: null });
  });

  it("sorts by support, newest, and unanswered (nearest deadline first)", async () => {
    const now = new Date();
    const older = await eclacQuestion({ title: "Older question with more support" }, new Date(now.getTime() - 5 * 86_400_000));
    const newer = await eclacQuestion({ title: "Newer question with less support" }, new Date(now.getTime() - 1 * 86_400_000));
    await supportQuestion(world.actors.participant, { questionId: older.id });
    expect((await listQuestions(questionListSchema.parse({ sort: "support" }), now)).rows.map((r) => [r.id, r.supports])).toEqual([
      [older.id, 2],
      [newer.id, 1],
    ]);
    expect((await listQuestions(questionListSchema.parse({ sort: "newest" }), now)).rows.map((r) => r.id)).toEqual([newer.id, older.id]);
    await answerQuestion(world.delegates.eclac, answerInput(older.id));
    expect((await listQuestions(questionListSchema.parse({ sort: "unanswered" }), now)).rows.map((r) => r.id)).toEqual([newer.id]);
    expect((await listQuestions(questionListSchema.parse({ sort: "bogus", institution: "iom" }), now)).rows).toEqual([]);
  });
});

describe("supports", () => {
  it("are one per person under races: 20 parallel supports by one person leave one row", async () => {
    const { id } = await eclacQuestion();
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(supportQuestion(world.actors.participant, { questionId: id }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every((r) => r === "conflict")).toBe(true);
    expect(await db.dialogueSupport.count({ where: { questionId: id, userId: world.users.participant.id } })).toBe(1);
  });

  it("are counted once each when 20 different people support at once", async () => {
    const { id } = await eclacQuestion();
    const people = await Promise.all(Array.from({ length: 20 }, async (_, i) => actorFor((await createUser({ name: `Supporter ${i}` })).id)));
    const results = await Promise.all(people.map((p) => outcome(supportQuestion(p, { questionId: id }))));
    expect(results.every((r) => r === "ok")).toBe(true);
    expect((await getQuestion(id, null, new Date()))!.supports).toBe(21);
  });
});

describe("answering several questions at once", () => {
  it("keeps every asker's support, counting each person once, and tells every asker", async () => {
    const a = await eclacQuestion({ title: "Main question about visas for the sessions" });
    const b = await eclacQuestion({ title: "Similar question about visas", language: "pt" });
    const c = await eclacQuestion({ title: "Another similar question about visas", language: "fr" });
    await supportQuestion(world.actors.participant, { questionId: a.id });
    await supportQuestion(world.actors.orgMember, { questionId: b.id });
    await supportQuestion(world.actors.staff, { questionId: a.id });
    await supportQuestion(world.actors.staff, { questionId: b.id });
    const before = await db.dialogueSupport.count();
    const result = await answerQuestion(world.delegates.eclac, answerInput(a.id, { mergeIds: [b.id, c.id] }));
    expect(result).toEqual({ id: a.id, merged: 2 });
    expect(await db.dialogueSupport.count()).toBe(before);
    const main = (await getQuestion(a.id, null, new Date()))!;
    // Askers a, b, c; participant, orgMember; staff once though it supported two of them.
    expect(main.supports).toBe(6);
    expect(main.merged.map((m) => m.id).sort()).toEqual([b.id, c.id].sort());
    const merged = (await getQuestion(b.id, null, new Date()))!;
    expect(merged.status).toBe("answered");
    expect(merged.mergedInto?.id).toBe(a.id);
    expect(merged.answer?.language).toBe("es");
    // Supporting a merged question counts on the group, once.
    expect(await outcome(supportQuestion(world.actors.participant, { questionId: c.id }))).toBe("conflict");
    const { rows } = await listQuestions(questionListSchema.parse({}), new Date());
    expect(rows.map((r) => r.id)).toEqual([a.id]);
    for (const asker of [a.asker, b.asker, c.asker]) {
      const notes = await db.notification.findMany({ where: { userId: asker.userId } });
      expect(notes.map((n) => n.kind)).toEqual(["dialogue.answered"]);
      expect(describeNotification(notes[0].kind, notes[0].data)).toMatchObject({ kind: "known", key: "dialogue_answered" });
    }
    const merges = await db.auditEntry.findMany({ where: { action: "dialogue.question_merged" } });
    expect(merges.map((m) => m.entityId).sort()).toEqual([b.id, c.id].sort());
  });

  it("refuses to merge a question to another institution, an answered one, or the main one itself", async () => {
    const a = await eclacQuestion();
    const answered = await eclacQuestion();
    await answerQuestion(world.delegates.eclac, answerInput(answered.id));
    const toIom = await askQuestion(world.actors.participant, questionInput(world.iom.id));
    for (const [other, key] of [
      [toIom.id, "dialogue.mergeOtherInstitution"],
      [answered.id, "dialogue.mergeAlreadyAnswered"],
      [a.id, "dialogue.mergeSelf"],
    ] as const) {
      expect((await appError(answerQuestion(world.delegates.eclac, answerInput(a.id, { mergeIds: [other] })))).fieldErrors.mergeIds?.[0].key).toBe(key);
    }
    expect(await db.dialogueQuestion.count({ where: { answeredAt: { not: null } } })).toBe(1);
  });
});
