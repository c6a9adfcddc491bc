import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeConsultation, contribute, publishSynthesis, supportContribution } from "@/lib/consultations/commands";
import { getConsultation, listConsultations, proposalDraftFrom } from "@/lib/consultations/queries";
import { createProposal } from "@/lib/proposals/commands";
import { flagPost, hidePost, unhidePost } from "@/lib/moderation/commands";
import { getFlagPage, getModerationQueue, getModerationStats } from "@/lib/moderation/queries";
import { listPublicLog } from "@/lib/audit/queries";
import { resetDatabase } from "../helpers/factories";
import { appError, outcome } from "../helpers/outcomes";
import { consultationWorld, contributionInput, insertConsultation } from "../helpers/consultation-fixtures";

// Consultation contributions under moderation (lib/moderation/targets CONSULTATION_CONTRIBUTION):
// a hidden one keeps its place with the public reason, and leaves every count, citation, support
// and reply; a pseudonymous author is told in private; a draft's contribution is never public.

const SECRET = "Palabras de un aporte que la moderación retiró";
const REASON = "Expone a una persona concreta";
const hide = (postId: string) => ({ kind: "CONSULTATION_CONTRIBUTION", postId, category: "PERSONAL_DATA", reason: REASON });

describe("a hidden consultation contribution", () => {
  let world: Awaited<ReturnType<typeof consultationWorld>>;
  let consultation: Awaited<ReturnType<typeof insertConsultation>>;
  let contributionId: string;
  beforeEach(async () => {
    await resetDatabase();
    world = await consultationWorld();
    consultation = await insertConsultation(world.delegateUsers.iom.id, "OPEN");
    // Under a pseudonym vouched for by world.org: the row stores no user id.
    ({ id: contributionId } = await contribute(world.actors.orgMember, contributionInput(consultation.questions[0].id, { body: SECRET, voice: "pseudonym", organizationId: world.org.id })));
    await contribute(world.actors.participant, contributionInput(consultation.questions[0].id));
  });

  it("the person behind the pseudonym cannot flag their own contribution; anyone else signed in can", async () => {
    expect(await outcome(flagPost(world.actors.orgMember, { kind: "CONSULTATION_CONTRIBUTION", postId: contributionId, category: "SPAM" }))).toBe("forbidden");
    expect(await outcome(flagPost(null, { kind: "CONSULTATION_CONTRIBUTION", postId: contributionId, category: "SPAM" }))).toBe("unauthenticated");
    expect(await outcome(flagPost(world.actors.participant, { kind: "CONSULTATION_CONTRIBUTION", postId: contributionId, category: "SPAM" }))).toBe("ok");
  });

  it("reaches no public read; its place and the reason do; it is in no count, takes no support or reply", async () => {
    const now = new Date();
    expect((await getConsultation(consultation.id, null, now))?.contributionCount).toBe(2);
    await hidePost(world.actors.committee, hide(contributionId));

    const page = await getConsultation(consultation.id, null, now);
    const shown = page!.questions[0].contributions.find((c) => c.id === contributionId);
    expect(shown).toMatchObject({ body: null, hidden: { reason: REASON } });
    expect(page?.contributionCount).toBe(1);
    expect((await listConsultations(null, now)).find((c) => c.id === consultation.id)?.contributions).toBe(1);

    expect((await appError(supportContribution(world.actors.participant, { contributionId }))).userMessage.key).toBe("consultations.hiddenContribution");
    const reply = await appError(contribute(world.actors.participant, { parentId: contributionId, language: "es", body: "Una respuesta a un aporte oculto." }));
    expect(reply.userMessage.key).toBe("consultations.hiddenContribution");

    const outlets = {
      page,
      signedIn: await getConsultation(consultation.id, world.actors.participant, now),
      owner: await getConsultation(consultation.id, world.delegates.iom, now),
      log: await listPublicLog(1),
      stats: await getModerationStats(),
      flagPage: await getFlagPage(world.actors.participant, "CONSULTATION_CONTRIBUTION", contributionId),
    };
    for (const [name, value] of Object.entries(outlets)) expect(JSON.stringify(value), name).not.toContain(SECRET);
    expect((await getModerationStats()).hidden).toEqual([
      expect.objectContaining({ kind: "CONSULTATION_CONTRIBUTION", id: contributionId, reason: REASON, href: `/dialogue/consultations/${consultation.id}#c-${contributionId}` }),
    ]);

    await unhidePost(world.actors.staff, { kind: "CONSULTATION_CONTRIBUTION", postId: contributionId, reason: "Revisado" });
    const again = await getConsultation(consultation.id, null, now);
    expect(again?.questions[0].contributions.find((c) => c.id === contributionId)).toMatchObject({ body: SECRET, hidden: null });
    expect(again?.contributionCount).toBe(2);
  });

  it("cannot be cited by the synthesis, and the log's closing count leaves it out", async () => {
    await hidePost(world.actors.staff, hide(contributionId));
    expect((await closeConsultation(world.delegates.iom, { consultationId: consultation.id })).contributionCount).toBe(1);
    const refused = await appError(publishSynthesis(world.actors.staff, { consultationId: consultation.id, "synthesis.es": "Lo que escuchamos.", citedIds: [contributionId] }));
    expect(refused.fieldErrors.citedIds?.[0].key).toBe("consultations.contributionNotFound");
    expect((await db.consultationContribution.findUniqueOrThrow({ where: { id: contributionId } })).cited).toBe(false);
  });

  it("a hidden named contribution is no longer offered, nor taken, as a proposal's draft", async () => {
    const own = await contribute(world.actors.orgMember, contributionInput(consultation.questions[0].id));
    expect((await getConsultation(consultation.id, world.actors.orgMember, new Date()))?.convertibleIds).toContain(own.id);
    await hidePost(world.actors.staff, hide(own.id));
    expect((await getConsultation(consultation.id, world.actors.orgMember, new Date()))?.convertibleIds).not.toContain(own.id);
    expect(await proposalDraftFrom(own.id, world.actors.orgMember)).toBeNull();
    const refused = await appError(
      createProposal(world.actors.orgMember, { sourceContributionId: own.id, title: "Un borrador", summary: "Resumen.", body: "Un aporte oculto hecho propuesta.", language: "es", objectives: ["7"] }),
    );
    expect(refused.userMessage.key).toBe("consultations.hiddenContribution");
    expect(await db.proposal.count({ where: { sourceContributionId: own.id } })).toBe(0);
  });

  it("tells the person behind the pseudonym, in private; nobody learns who they are", async () => {
    const person = world.users.orgMember;
    await flagPost(world.actors.participant, { kind: "CONSULTATION_CONTRIBUTION", postId: contributionId, category: "PERSONAL_DATA" });
    const queue = await getModerationQueue(world.actors.committee);
    await hidePost(world.actors.committee, hide(contributionId));
    const notices = await db.notification.findMany({ where: { kind: "moderation.post_hidden" } });
    expect(notices.map((n) => n.userId)).toEqual([person.id]);
    expect(notices[0].data).toMatchObject({ reason: REASON, href: `/dialogue/consultations/${consultation.id}#c-${contributionId}` });
    const outlets = {
      queue,
      page: await getConsultation(consultation.id, null, new Date()),
      log: await listPublicLog(1),
      stats: await getModerationStats(),
      hiddenEntry: await db.auditEntry.findFirstOrThrow({ where: { action: "moderation.post_hidden" }, select: { data: true, entityId: true, actorId: true } }),
    };
    for (const [name, value] of Object.entries(outlets)) {
      const json = JSON.stringify(value);
      for (const secret of [person.id, person.name, person.email]) expect(json, name).not.toContain(secret);
    }
  });

  it("a contribution to a draft consultation is not flagged, and its hide stays out of the public log", async () => {
    const draft = await insertConsultation(world.delegateUsers.iom.id, "DRAFT");
    const row = await db.consultationContribution.create({ data: { consultationId: draft.id, questionId: draft.questions[0].id, askerId: world.users.participant.id, language: "es", body: SECRET } });
    expect(await outcome(flagPost(world.actors.orgAdmin, { kind: "CONSULTATION_CONTRIBUTION", postId: row.id, category: "SPAM" }))).toBe("not_found");
    await hidePost(world.actors.staff, hide(row.id));
    expect(await db.auditEntry.count({ where: { action: "moderation.post_hidden", isPublic: false } })).toBe(1);
    expect((await getModerationStats()).hidden).toEqual([]);
  });
});
