import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { nominate } from "@/lib/nominations/commands";
import { createOrganization, createUser, resetDatabase } from "../helpers/factories";
import {
  appError,
  buildNominationWorld,
  createSession,
  externalNomination,
  insertNomination,
  nominationRowCounts,
} from "../helpers/nomination-fixtures";
import { deliverQueuedMail } from "../helpers/mail";

type World = Awaited<ReturnType<typeof buildNominationWorld>>;

describe("nominating", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  it("nominates someone without an account, privately, and invites them when asked", async () => {
    const session = await createSession();
    const input = externalNomination(session.id, { nomineeEmail: "  Carla.Ruiz@Example.TEST ", gender: "WOMAN", genderDescription: "  mujer  ", sendInvitation: undefined });
    const result = await nominate(world.actors.independent, input);
    expect(result).toMatchObject({ status: "PROPOSED", created: true, invited: false, emailSent: false });
    const stored = await db.nomination.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored).toMatchObject({
      id: input.idempotencyKey,
      sessionId: session.id,
      role: "PANELIST",
      status: "PROPOSED",
      nomineeUserId: null,
      nomineeName: "María Fernanda López",
      nomineeEmail: "carla.ruiz@example.test",
      nomineeOrganizationId: null,
      nomineeOrganizationName: "Colectivo Mujeres en Tránsito",
      nomineeCountry: "GT",
      nomineeGender: "WOMAN",
      // A description is kept only with "another identity".
      nomineeGenderDescription: null,
      languages: ["es", "en"],
      nominatedById: world.users.independent.id,
    });
    expect(await db.nominationToken.count()).toBe(0);
    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(0);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: result.id } });
    expect(entry).toMatchObject({ action: "nomination.proposed", isPublic: false, entityType: "Nomination" });
    expect(entry.data).toEqual({ sessionId: session.id, nominationId: result.id, role: "PANELIST", nomineeName: "María Fernanda López" });
  });

  it("leaves the gender empty when it is not known", async () => {
    const session = await createSession();
    const result = await nominate(world.actors.independent, externalNomination(session.id, { gender: "   ", genderDescription: "mujer" }));
    expect(await db.nomination.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ nomineeGender: null, nomineeGenderDescription: null });
  });

  it("keeps the nominee's own words only with \"another identity\", and refuses a gender that is not a choice", async () => {
    const session = await createSession();
    const another = await nominate(world.actors.independent, externalNomination(session.id, { gender: "ANOTHER", genderDescription: "  mujer trans " }));
    expect(await db.nomination.findUniqueOrThrow({ where: { id: another.id } })).toMatchObject({ nomineeGender: "ANOTHER", nomineeGenderDescription: "mujer trans" });
    const typed = await appError(nominate(world.actors.independent, externalNomination(session.id, { gender: "mujer" })));
    expect(Object.keys(typed.fieldErrors)).toEqual(["gender"]);
  });

  it("nominates a member of a verified organization picked in the search, with their account's details", async () => {
    const session = await createSession();
    const result = await nominate(world.actors.chair, {
      idempotencyKey: randomUUID(),
      sessionId: session.id,
      role: "MODERATOR",
      nomineeType: "member",
      member: `${world.users.otherOrgMember.id}:${world.otherOrg.id}`,
      // Typed fields of the other half of the form do not count.
      nomineeEmail: "someone-else@example.test",
      rationale: "Modera los encuentros de la red desde 2019.",
      languages: "es",
      sendInvitation: "on",
    });
    expect(result).toMatchObject({ status: "INVITED", invited: true });
    const stored = await db.nomination.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored).toMatchObject({
      nomineeUserId: world.users.otherOrgMember.id,
      nomineeName: "Other Org Member",
      nomineeEmail: world.users.otherOrgMember.email.toLowerCase(),
      nomineeOrganizationId: world.otherOrg.id,
      nomineeOrganizationName: null,
      nomineeCountry: world.otherOrg.country,
      languages: ["es"],
    });
    await deliverQueuedMail();
    expect(await db.outboxEmail.count({ where: { to: "someone-else@example.test" } })).toBe(0);
  });

  it("refuses a member who is not in a verified organization, or not in the one named", async () => {
    const session = await createSession();
    const pendingMember = await createUser({ name: "Pending Member" });
    const pending = await createOrganization({ status: "PENDING", members: [{ userId: pendingMember.id, role: "ADMIN" }] });
    const loner = await createUser({ name: "No Organization" });
    for (const member of [`${pendingMember.id}:${pending.id}`, `${world.users.otherOrgMember.id}:${world.org.id}`, `${loner.id}:${world.org.id}`]) {
      const error = await appError(nominate(world.actors.chair, { ...externalNomination(session.id), nomineeType: "member", member }));
      expect(error.fieldErrors.member?.[0]?.key).toBe("nominations.memberNotFound");
    }
    expect(await db.nomination.count()).toBe(0);
  });

  it("marks every missing or wrong field at once", async () => {
    const session = await createSession();
    const error = await appError(
      nominate(world.actors.chair, {
        sessionId: session.id,
        role: "PANELIST",
        nomineeType: "external",
        nomineeEmail: "not-an-email",
        nomineeCountry: "ZZ",
        rationale: "",
        gender: "mujer",
        genderDescription: "x".repeat(61),
        languages: ["xx"],
      }),
    );
    expect(error.kind).toBe("invalid");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(
      ["gender", "genderDescription", "languages", "nomineeCountry", "nomineeEmail", "nomineeName", "nomineeOrganizationName", "rationale"].sort(),
    );
    const member = await appError(nominate(world.actors.chair, { ...externalNomination(session.id), nomineeType: "member", rationale: "x".repeat(2001), languages: [] }));
    expect(Object.keys(member.fieldErrors).sort()).toEqual(["languages", "member", "rationale"]);
    expect(member.fieldErrors.rationale[0]).toEqual({ key: "tooLong", values: { max: 2000 } });
  });

  it("creates one nomination and sends one email for a form posted twice, even at the same moment", async () => {
    const session = await createSession();
    const input = externalNomination(session.id, { nomineeEmail: "twice@example.test" });
    const first = await nominate(world.actors.independent, input);
    const second = await nominate(world.actors.independent, input);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ id: first.id, created: false, emailSent: false });
    const both = externalNomination(session.id, { nomineeEmail: "same-time@example.test" });
    const results = await Promise.all([nominate(world.actors.independent, both), nominate(world.actors.independent, both)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await db.nomination.count()).toBe(2);
    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(2);
    expect(await db.auditEntry.count({ where: { action: "nomination.proposed" } })).toBe(2);
    // Someone else's key is not a replay.
    expect((await appError(nominate(world.actors.chair, input))).userMessage.key).toBe("nominations.duplicateKey");
  });

  it("refuses the same person for the same role while their nomination is in play", async () => {
    const session = await createSession();
    await nominate(world.actors.independent, externalNomination(session.id, { nomineeEmail: "Dup@Example.test" }));
    const before = await nominationRowCounts();
    const error = await appError(nominate(world.actors.chair, externalNomination(session.id, { nomineeEmail: "dup@example.TEST" })));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("nominations.alreadyNominated");
    expect(await nominationRowCounts()).toEqual(before);
    // Another role is another nomination.
    expect((await nominate(world.actors.chair, externalNomination(session.id, { nomineeEmail: "dup@example.test", role: "MODERATOR" }))).created).toBe(true);
    // Withdrawn, declined or expired nominations do not stand in the way.
    for (const [status, extra] of [
      ["WITHDRAWN", {}],
      ["DECLINED", {}],
      ["EXPIRED", {}],
      ["INVITED", { invitationExpiresAt: new Date(Date.now() - 1000) }],
    ] as const) {
      const email = `${status.toLowerCase()}-${randomUUID().slice(0, 6)}@example.test`;
      await insertNomination(session.id, { status, email, role: "RAPPORTEUR", ...extra });
      expect((await nominate(world.actors.chair, externalNomination(session.id, { nomineeEmail: email, role: "RAPPORTEUR" }))).created, status).toBe(true);
    }
  });

  it("takes nominations only while the session is open for them, for roles with seats", async () => {
    const closed = await createSession({ nominationDeadline: new Date(Date.now() - 1000) });
    expect((await appError(nominate(world.actors.chair, externalNomination(closed.id)))).userMessage.key).toBe("nominations.sessionClosed");
    const confirmed = await createSession({ status: "SPEAKERS_CONFIRMED" });
    expect((await appError(nominate(world.actors.chair, externalNomination(confirmed.id)))).userMessage.key).toBe("nominations.sessionClosed");
    const noModerator = await createSession({ moderatorSeats: 0 });
    const error = await appError(nominate(world.actors.chair, externalNomination(noModerator.id, { role: "MODERATOR" })));
    expect(error.fieldErrors.role?.[0]?.key).toBe("nominations.roleHasNoSeats");
    expect((await appError(nominate(world.actors.chair, externalNomination(randomUUID())))).kind).toBe("not_found");
    expect(await db.nomination.count()).toBe(0);
  });
});
