import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { publishSynthesis, postConsultationUpdate } from "@/lib/consultations/commands";
import * as follows from "@/lib/follows/commands";
import { describeNotification } from "@/lib/notifications/kinds";
import { addComment, answerProposal, startProposalReview, withdrawProposal } from "@/lib/proposals/commands";
import { updateSession } from "@/lib/sessions/commands";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { consultationWorld, insertConsultation, insertContribution } from "../helpers/consultation-fixtures";
import { createProposal } from "../helpers/proposal-fixtures";
import { createSession, validSessionInput } from "../helpers/session-fixtures";

// Followers hear, in the app, what happens to what they follow: once each, in their language,
// never of their own deed, and with only public names and titles in the data.

let world: Awaited<ReturnType<typeof consultationWorld>>;

beforeEach(async () => {
  await resetDatabase();
  world = await consultationWorld();
});

/** Every notification as "user:kind", sorted, so a table compares at a glance. */
async function delivered(): Promise<string[]> {
  const users = Object.fromEntries(
    Object.entries({ ...world.users, iom: world.delegateUsers.iom }).map(([name, u]) => [u.id, name]),
  ) as Record<string, string>;
  const rows = await db.notification.findMany({ select: { userId: true, kind: true } });
  return rows.map((r) => `${users[r.userId] ?? r.userId}:${r.kind}`).sort();
}

async function englishReader() {
  const user = await createUser({ name: "English Reader" });
  await db.user.update({ where: { id: user.id }, data: { preferredLocale: "en" } });
  return { user, actor: await actorFor(user.id) };
}

describe("a followed proposal", () => {
  it("tells followers of a change of status, a new comment and the answer; its authors keep their own sentence", async () => {
    const { actors, users } = world;
    const proposal = await createProposal(world.org.id, { title: "Acceso a la salud sin papeles" });
    for (const who of [actors.participant, actors.otherOrgMember, actors.orgMember, actors.staff]) {
      await follows.follow(who, { subject: "PROPOSAL", key: proposal.id });
    }

    await startProposalReview(actors.staff, { proposalId: proposal.id });
    expect(await delivered()).toEqual(
      [
        "committee:proposal.review_started",
        "orgAdmin:proposal.review_started",
        "orgMember:proposal.review_started",
        "otherOrgMember:proposal.followed_status_changed",
        "participant:proposal.followed_status_changed",
      ].sort(),
    );
    const note = await db.notification.findFirstOrThrow({ where: { userId: users.participant.id } });
    expect(note.data).toEqual({ proposalId: proposal.id, proposalTitle: "Acceso a la salud sin papeles", status: "UNDER_REVIEW" });
    expect(describeNotification(note.kind, note.data)).toEqual({
      kind: "known",
      key: "proposal_followed_status_changed",
      values: { proposalTitle: "Acceso a la salud sin papeles", status: "UNDER_REVIEW" },
      proposalId: proposal.id,
      href: `/proposals/${proposal.id}`,
    });

    await db.notification.deleteMany();
    await addComment(actors.otherOrgMember, { proposalId: proposal.id, body: "Apoyamos esta propuesta." });
    expect(await delivered()).toEqual(
      ["committee:proposal.commented", "orgAdmin:proposal.commented", "orgMember:proposal.commented", "participant:proposal.followed_commented", "staff:proposal.followed_commented"].sort(),
    );
    const comment = await db.notification.findFirstOrThrow({ where: { userId: users.participant.id } });
    expect(comment.data).toEqual({ proposalId: proposal.id, proposalTitle: "Acceso a la salud sin papeles", authorName: "Other Org Member" });

    await db.notification.deleteMany();
    await answerProposal(actors.staff, { proposalId: proposal.id, decision: "accept", answerEs: "La recogemos en el informe." });
    expect(await delivered()).toEqual(
      ["committee:proposal.accepted", "orgAdmin:proposal.accepted", "orgMember:proposal.accepted", "otherOrgMember:proposal.followed_status_changed", "participant:proposal.followed_status_changed"].sort(),
    );
    // The answer itself stays on the page: the notice carries the status only.
    expect((await db.notification.findFirstOrThrow({ where: { userId: users.participant.id } })).data).toMatchObject({ status: "ACCEPTED" });
  });

  it("tells followers when its authors withdraw it, never the authors", async () => {
    const proposal = await createProposal(world.org.id);
    await follows.follow(world.actors.participant, { subject: "PROPOSAL", key: proposal.id });
    await follows.follow(world.actors.orgAdmin, { subject: "PROPOSAL", key: proposal.id });
    await withdrawProposal(world.actors.orgAdmin, { proposalId: proposal.id });
    expect(await delivered()).toEqual(["participant:proposal.followed_status_changed"]);
  });
});

describe("a followed session", () => {
  it("tells followers of a change of time, place or link once each, registrants with their own sentence, in their language", async () => {
    const { actors, users } = world;
    const english = await englishReader();
    const session = await createSession({ title: { es: "Sesión sobre niñez", en: "Session on children" } });
    // The participant both registered and follows: told once, as a registrant.
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: users.participant.id, language: "es" } });
    for (const who of [actors.participant, english.actor, actors.orgMember, actors.staff]) await follows.follow(who, { subject: "SESSION", key: session.id });

    const input = { ...validSessionInput({ titleEs: "Sesión sobre niñez", titleEn: "Session on children", place: "Otra sala" }), sessionId: session.id };
    await updateSession(actors.staff, input);
    const rows = await db.notification.findMany({ select: { userId: true, kind: true, data: true } });
    expect(rows.map((r) => `${r.userId === english.user.id ? "english" : Object.entries(users).find(([, u]) => u.id === r.userId)?.[0]}:${r.kind}`).sort()).toEqual(
      ["english:session.followed_changed", "orgMember:session.followed_changed", "participant:session.changed"].sort(),
    );
    expect(rows.find((r) => r.userId === english.user.id)?.data).toEqual({ sessionId: session.id, sessionTitle: "Session on children" });
    expect(rows.find((r) => r.userId === users.orgMember.id)?.data).toEqual({ sessionId: session.id, sessionTitle: "Sesión sobre niñez" });
    const note = rows.find((r) => r.userId === english.user.id)!;
    expect(describeNotification(note.kind, note.data)).toMatchObject({ kind: "known", key: "session_followed_changed", href: `/sessions/${session.id}` });

    // The same form again changes nothing practical: nobody is told.
    await db.notification.deleteMany();
    await updateSession(actors.staff, input);
    expect(await db.notification.count()).toBe(0);
  });
});

describe("a followed consultation", () => {
  it("tells followers of the owner's updates and of the synthesis; contributors keep their own sentence", async () => {
    const { actors, users } = world;
    const consultation = await insertConsultation(world.delegateUsers.iom.id);
    await insertContribution(consultation.id, consultation.questions[0].id, users.otherOrgMember.id);
    for (const who of [actors.participant, actors.otherOrgMember, world.delegates.iom]) await follows.follow(who, { subject: "CONSULTATION", key: consultation.id });

    await postConsultationUpdate(world.delegates.iom, { consultationId: consultation.id, language: "es", body: "Publicamos el documento de referencia." });
    expect(await delivered()).toEqual(["otherOrgMember:consultation.updated", "participant:consultation.updated"]);
    const update = await db.notification.findFirstOrThrow({ where: { userId: users.participant.id } });
    expect(update.data).toEqual({ consultationId: consultation.id, title: "Consulta de prueba" });
    expect(describeNotification(update.kind, update.data)).toMatchObject({ key: "consultation_updated", href: `/dialogue/consultations/${consultation.id}#updates` });

    await db.notification.deleteMany();
    await db.consultation.update({ where: { id: consultation.id }, data: { status: "CLOSED", closedAt: new Date() } });
    await publishSynthesis(actors.staff, { consultationId: consultation.id, "synthesis.es": "## Lo que oímos\n\nMucho." });
    // Staff publish: the owner, who follows it, hears too.
    expect(await delivered()).toEqual(["iom:consultation.followed_synthesis_published", "otherOrgMember:consultation.synthesis_published", "participant:consultation.followed_synthesis_published"]);
    const synthesis = await db.notification.findFirstOrThrow({ where: { userId: users.participant.id } });
    expect(describeNotification(synthesis.kind, synthesis.data)).toMatchObject({ key: "consultation_followed_synthesis_published", href: `/dialogue/consultations/${consultation.id}#synthesis` });
  });

  it("after unfollowing, nothing more arrives", async () => {
    const consultation = await insertConsultation(world.delegateUsers.iom.id);
    await follows.follow(world.actors.participant, { subject: "CONSULTATION", key: consultation.id });
    await follows.unfollow(world.actors.participant, { subject: "CONSULTATION", key: consultation.id });
    await postConsultationUpdate(world.delegates.iom, { consultationId: consultation.id, language: "es", body: "Recordatorio: cierra el viernes." });
    expect(await db.notification.count()).toBe(0);
  });
});
