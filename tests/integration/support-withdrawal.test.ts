import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { askQuestion, supportQuestion, withdrawQuestionSupport } from "@/lib/dialogue/commands";
import { getQuestion } from "@/lib/dialogue/queries";
import { supportContribution, withdrawContributionSupport } from "@/lib/consultations/commands";
import { getConsultation } from "@/lib/consultations/queries";
import { supportSessionQuestion, withdrawSessionQuestionSupport } from "@/lib/session-questions/commands";
import { resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome, type Outcome } from "../helpers/outcomes";
import { dialogueWorld, questionInput } from "../helpers/dialogue-fixtures";
import { insertConsultation, insertContribution } from "../helpers/consultation-fixtures";
import { insertQuestion, QUESTION_ROLES, questionWorld, type QuestionRole } from "./session-questions-fixtures";

// Taking back a support (issue 14): questions to the delegates, consultation contributions and
// questions to a session's panel. Role tables written out by hand, the states each command
// refuses, and races: many withdrawals at once delete one row.

const ROLES: RoleName[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin"];
// Anyone signed in supports (and so takes back) a question to the delegates or a contribution.
const ANYONE_SIGNED_IN: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "ok",
  orgMember: "ok",
  orgAdmin: "ok",
  otherOrgMember: "ok",
  committee: "ok",
  staff: "ok",
  admin: "ok",
};
// As supporting: the session's participants and speakers, while live.
const SESSION_WITHDRAW: Record<QuestionRole, Outcome> = {
  visitor: "unauthenticated",
  signedIn: "forbidden",
  registered: "ok",
  moderator: "ok",
  rapporteur: "ok",
  panelist: "ok",
  staff: "forbidden",
  admin: "forbidden",
};

describe("withdrawing a support of a question to the delegates", () => {
  let world: Awaited<ReturnType<typeof dialogueWorld>>;
  let questionId: string;
  beforeEach(async () => {
    await resetDatabase();
    world = await dialogueWorld();
    ({ id: questionId } = await askQuestion(world.delegates.iom, questionInput(world.eclac.id)));
  });

  it.each(ROLES)("as %s, after supporting", async (role) => {
    const actor = world.actors[role];
    if (actor) await supportQuestion(actor, { questionId });
    const result = await outcome(withdrawQuestionSupport(actor, { questionId }));
    expect(result).toBe(ANYONE_SIGNED_IN[role]);
    // Only the asker's own support is left after a withdrawal.
    expect(await db.dialogueSupport.count({ where: { questionId } })).toBe(1);
    if (actor) expect((await getQuestion(questionId, actor, new Date()))?.supportedByActor).toBe(false);
  });

  it("refuses what was never given, and the asker's own support; a toggle back and forth counts once", async () => {
    expect((await appError(withdrawQuestionSupport(world.actors.participant, { questionId }))).userMessage.key).toBe("dialogue.notSupported");
    expect((await appError(withdrawQuestionSupport(world.delegates.iom, { questionId }))).userMessage.key).toBe("dialogue.ownQuestionSupport");
    expect((await getQuestion(questionId, world.delegates.iom, new Date()))?.mayWithdrawSupport).toBe(false);
    await supportQuestion(world.actors.participant, { questionId });
    expect((await getQuestion(questionId, world.actors.participant, new Date()))?.mayWithdrawSupport).toBe(true);
    await withdrawQuestionSupport(world.actors.participant, { questionId });
    await supportQuestion(world.actors.participant, { questionId });
    expect((await getQuestion(questionId, null, new Date()))?.supports).toBe(2);
  });

  it("takes back a support given on a question merged into another, from either question", async () => {
    const { id: otherId } = await askQuestion(world.actors.orgAdmin, questionInput(world.eclac.id, { title: "A similar question about the diaspora" }));
    await supportQuestion(world.actors.participant, { questionId: otherId });
    await db.dialogueQuestion.update({ where: { id: otherId }, data: { mergedIntoId: questionId } });
    expect(await outcome(withdrawQuestionSupport(world.actors.participant, { questionId }))).toBe("ok");
    expect(await db.dialogueSupport.count({ where: { userId: world.users.participant.id } })).toBe(0);
    // The asker of the merged question keeps theirs: asking is their support.
    expect((await appError(withdrawQuestionSupport(world.actors.orgAdmin, { questionId }))).userMessage.key).toBe("dialogue.ownQuestionSupport");
  });

  it("a pseudonymous support is taken back with no actor in the log", async () => {
    await supportQuestion(world.actors.orgMember, { questionId, voice: "pseudonym", organizationId: world.org.id });
    await withdrawQuestionSupport(world.actors.orgMember, { questionId });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "dialogue.support_withdrawn" } });
    expect(entry).toMatchObject({ actorId: null, isPublic: false, data: { questionId, pseudonymous: true } });
  });

  it("twenty withdrawals at once by one person delete one row: one succeeds, the others are told", async () => {
    await supportQuestion(world.actors.participant, { questionId });
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(withdrawQuestionSupport(world.actors.participant, { questionId }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(19);
    expect(await db.dialogueSupport.count({ where: { userId: world.users.participant.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "dialogue.support_withdrawn" } })).toBe(1);
  });

  it("supports and withdrawals racing leave at most one support per person", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(i % 2 ? supportQuestion(world.actors.participant, { questionId }) : withdrawQuestionSupport(world.actors.participant, { questionId }))),
    );
    expect(results.every((r) => r === "ok" || r === "conflict")).toBe(true);
    expect(await db.dialogueSupport.count({ where: { questionId, userId: world.users.participant.id } })).toBeLessThanOrEqual(1);
  });
});

describe("withdrawing a support of a consultation contribution", () => {
  let world: Awaited<ReturnType<typeof dialogueWorld>>;
  let consultation: Awaited<ReturnType<typeof insertConsultation>>;
  let contributionId: string;
  beforeEach(async () => {
    await resetDatabase();
    world = await dialogueWorld();
    consultation = await insertConsultation(world.delegateUsers.iom.id, "OPEN");
    ({ id: contributionId } = await insertContribution(consultation.id, consultation.questions[0].id, world.delegateUsers.eclac.id));
  });

  it.each(ROLES)("as %s, after supporting", async (role) => {
    const actor = world.actors[role];
    if (actor) await supportContribution(actor, { contributionId });
    const result = await outcome(withdrawContributionSupport(actor, { contributionId }));
    expect(result).toBe(ANYONE_SIGNED_IN[role]);
    expect(await db.consultationSupport.count({ where: { contributionId } })).toBe(0);
    if (actor) expect((await getConsultation(consultation.id, actor, new Date()))?.supportedIds).toEqual([]);
  });

  it("refuses what was never given, and any change once the consultation closed", async () => {
    expect((await appError(withdrawContributionSupport(world.actors.participant, { contributionId }))).userMessage.key).toBe("consultations.notSupported");
    await supportContribution(world.actors.participant, { contributionId });
    await db.consultation.update({ where: { id: consultation.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect((await appError(withdrawContributionSupport(world.actors.participant, { contributionId }))).userMessage.key).toBe("consultations.notOpen");
    expect(await db.consultationSupport.count({ where: { contributionId } })).toBe(1);
  });

  it("a pseudonymous support is taken back with no actor in the log", async () => {
    await supportContribution(world.actors.orgMember, { contributionId, voice: "pseudonym", organizationId: world.org.id });
    await withdrawContributionSupport(world.actors.orgMember, { contributionId });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "consultation.support_withdrawn" } });
    expect(entry).toMatchObject({ actorId: null, isPublic: false, data: { contributionId, pseudonymous: true } });
  });

  it("twenty withdrawals at once by one person delete one row", async () => {
    await supportContribution(world.actors.participant, { contributionId });
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(withdrawContributionSupport(world.actors.participant, { contributionId }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(19);
    expect(await db.consultationSupport.count({ where: { contributionId } })).toBe(0);
  });

  it("supports and withdrawals racing leave at most one support per person", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(i % 2 ? supportContribution(world.actors.participant, { contributionId }) : withdrawContributionSupport(world.actors.participant, { contributionId }))),
    );
    expect(results.every((r) => r === "ok" || r === "conflict")).toBe(true);
    expect(await db.consultationSupport.count({ where: { contributionId } })).toBeLessThanOrEqual(1);
  });
});

describe("withdrawing a support of a question to a session's panel", () => {
  let w: Awaited<ReturnType<typeof questionWorld>>;
  beforeEach(async () => {
    await resetDatabase();
    w = await questionWorld();
  });

  it.each(QUESTION_ROLES)("as %s, after a support was given", async (role) => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    const actor = w.actors[role];
    if (actor) await db.sessionQuestionSupport.create({ data: { questionId: question.id, userId: actor.userId } });
    const result = await outcome(withdrawSessionQuestionSupport(actor, { questionId: question.id }));
    expect(result).toBe(SESSION_WITHDRAW[role]);
    expect(await db.sessionQuestionSupport.count({ where: { questionId: question.id } })).toBe(actor && result !== "ok" ? 1 : 0);
  });

  it("refuses what was never given, a question no longer before the panel, and a session no longer live", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    expect((await appError(withdrawSessionQuestionSupport(w.actors.registered, { questionId: question.id }))).userMessage.key).toBe("sessionQuestions.notSupported");
    await supportSessionQuestion(w.actors.registered, { questionId: question.id });
    await db.sessionQuestion.update({ where: { id: question.id }, data: { state: "ANSWERED" } });
    expect((await appError(withdrawSessionQuestionSupport(w.actors.registered, { questionId: question.id }))).userMessage.key).toBe("sessionQuestions.closedQuestion");
    await db.sessionQuestion.update({ where: { id: question.id }, data: { state: "OPEN" } });
    await db.reviewSession.update({ where: { id: w.session.id }, data: { startsAt: new Date(Date.now() - 10 * 3_600_000), endsAt: new Date(Date.now() - 8 * 3_600_000) } });
    expect(await outcome(withdrawSessionQuestionSupport(w.actors.registered, { questionId: question.id }))).toBe("conflict");
    expect(await db.sessionQuestionSupport.count({ where: { questionId: question.id } })).toBe(1);
  });

  it("twenty withdrawals at once by one person delete one row and write one log entry", async () => {
    const question = await insertQuestion(w.session.id, w.asker.id);
    await supportSessionQuestion(w.actors.registered, { questionId: question.id });
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(withdrawSessionQuestionSupport(w.actors.registered, { questionId: question.id }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(19);
    expect(await db.sessionQuestionSupport.count({ where: { questionId: question.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "session_question.support_withdrawn" } })).toBe(1);
  });
});
