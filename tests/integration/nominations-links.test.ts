import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { invite, nominate, respondToInvitation, withdraw } from "@/lib/nominations/commands";
import { findNomineeLink } from "@/lib/nominations/queries";
import { resetDatabase } from "../helpers/factories";
import {
  appError,
  buildNominationWorld,
  createSession,
  externalNomination,
  insertNomination,
  issueToken,
  nominationRowCounts,
  tokenFromOutbox,
} from "../helpers/nomination-fixtures";
import { deliverQueuedMail } from "../helpers/mail";

type World = Awaited<ReturnType<typeof buildNominationWorld>>;
const DAY = 24 * 60 * 60 * 1000;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe("the nominee's personal links", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  it("sends an unguessable link, stores only its hash, and says nothing of the rationale", async () => {
    const session = await createSession({ title: { es: "Sesión sobre retorno", en: "Session on return" } });
    const input = externalNomination(session.id, { nomineeEmail: "Lucia.Perez@Example.test", languages: ["fr", "en"] });
    const result = await nominate(world.actors.independent, input);
    expect(result).toMatchObject({ status: "INVITED", created: true, invited: true, emailSent: true });

    await deliverQueuedMail();
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "lucia.perez@example.test" } });
    // The nominee's language: the first of the nomination's languages, in the site's order (es, en, pt, fr).
    expect(mail.subject).toBe("Nomination to speak at “Session on return”");
    expect(mail.text).toContain("María Fernanda López");
    expect(mail.text).not.toContain(input.rationale);
    const token = await tokenFromOutbox("lucia.perez@example.test");
    expect(mail.text).toContain(`http://localhost:3000/en/nominations/${token}`);
    // 32 random bytes: well over 128 bits.
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(token, "base64url").length).toBe(32);

    const rows = await db.nominationToken.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "RESPOND", tokenHash: sha256(token), usedAt: null });
    expect(JSON.stringify(rows)).not.toContain(token);
    const audit = await db.auditEntry.findMany();
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain(token);
    expect(JSON.stringify(audit.map((a) => a.data)).toLowerCase()).not.toContain("lucia.perez@example.test");
    const stored = await db.nomination.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored.invitationExpiresAt?.getTime()).toBe(rows[0].expiresAt.getTime());
    // 14 days from now (the session starts in 30).
    expect(Math.abs(rows[0].expiresAt.getTime() - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
  });

  it("writes to a member in their own language", async () => {
    await db.user.update({ where: { id: world.users.otherOrgMember.id }, data: { preferredLocale: "fr" } });
    const session = await createSession({ title: { es: "Sesión sobre retorno", fr: "Session sur le retour" } });
    await nominate(world.actors.chair, {
      ...externalNomination(session.id),
      nomineeType: "member",
      member: `${world.users.otherOrgMember.id}:${world.otherOrg.id}`,
      languages: ["es"],
    });
    await deliverQueuedMail();
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: world.users.otherOrgMember.email.toLowerCase() } });
    expect(mail.subject).toBe("Proposition d’intervention à « Session sur le retour »");
    expect(mail.text).toContain("/fr/nominations/");
  });

  it("accepts once: the bio and the publishing choices are kept, a withdraw link is sent, the nominator is told", async () => {
    await db.user.update({ where: { id: world.users.independent.id }, data: { preferredLocale: "en" } });
    const session = await createSession({ title: { es: "Sesión sobre retorno", en: "Session on return" } });
    const input = externalNomination(session.id, { nomineeEmail: "ana@example.test", languages: ["es"] });
    const { id } = await nominate(world.actors.independent, input);
    const token = await tokenFromOutbox("ana@example.test");

    const result = await respondToInvitation(null, {
      token,
      response: "accept",
      bio: "Abogada\r\nde derechos humanos.",
      publishName: "on",
      publishBio: "on",
    });
    expect(result).toMatchObject({ status: "ACCEPTED", emailSent: true });
    const stored = await db.nomination.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "ACCEPTED", bio: "Abogada\nde derechos humanos.", publishName: true, publishOrganization: false, publishBio: true });
    expect(stored.respondedAt).toBeInstanceOf(Date);

    // Single use.
    const again = await appError(respondToInvitation(null, { token, response: "decline" }));
    expect(again.userMessage.key).toBe("nominations.linkInvalid");
    expect((await findNomineeLink(token)).state).toBe("invalid");

    // The withdraw link, valid until the session starts.
    const withdrawToken = await tokenFromOutbox("ana@example.test");
    expect(withdrawToken).not.toBe(token);
    const withdrawRow = await db.nominationToken.findUniqueOrThrow({ where: { tokenHash: sha256(withdrawToken) } });
    expect(withdrawRow.purpose).toBe("WITHDRAW");
    expect(withdrawRow.expiresAt.getTime()).toBe(session.startsAt.getTime());
    await deliverQueuedMail();
    const acceptedMail = await db.outboxEmail.findFirstOrThrow({ where: { to: "ana@example.test", subject: { startsWith: "Aceptó" } } });
    expect(acceptedMail.subject).toBe("Aceptó la postulación para «Sesión sobre retorno»");

    const note = await db.notification.findFirstOrThrow({ where: { kind: "nomination.accepted" } });
    expect(note.userId).toBe(world.users.independent.id);
    expect(note.data).toEqual({ sessionId: session.id, sessionTitle: "Session on return", nomineeName: input.nomineeName });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "nomination.accepted" } });
    expect(entry.isPublic).toBe(false);
    expect(JSON.stringify(entry.data)).not.toContain("ana@example.test");

    // Withdrawing with the link tells the nominator too; the link then stops working.
    expect((await withdraw(null, { token: withdrawToken })).status).toBe("WITHDRAWN");
    const withdrawn = await db.notification.findFirstOrThrow({ where: { kind: "nomination.withdrawn" } });
    expect(withdrawn.userId).toBe(world.users.independent.id);
    expect(withdrawn.data).toEqual({ sessionId: session.id, sessionTitle: "Session on return", nomineeName: input.nomineeName });
    expect((await appError(withdraw(null, { token: withdrawToken }))).userMessage.key).toBe("nominations.linkInvalid");
  });

  it("declines with an opt-out: kept by the email's hash, refusing the next nomination of that person for the session", async () => {
    const session = await createSession();
    const { id } = await nominate(world.actors.independent, externalNomination(session.id, { nomineeEmail: "Rosa@Example.test" }));
    const token = await tokenFromOutbox("rosa@example.test");
    const result = await respondToInvitation(null, { token, response: "decline", optOut: "on" });
    expect(result.status).toBe("DECLINED");
    expect((await db.nomination.findUniqueOrThrow({ where: { id } })).status).toBe("DECLINED");
    const optOuts = await db.nominationOptOut.findMany();
    expect(optOuts).toEqual([expect.objectContaining({ sessionId: session.id, emailHash: sha256("rosa@example.test") })]);
    expect((await db.notification.findFirstOrThrow({ where: { kind: "nomination.declined" } })).userId).toBe(world.users.independent.id);

    // Not again for this session, whatever the case of the address, and not by another member either.
    const refused = await appError(nominate(world.actors.chair, externalNomination(session.id, { nomineeEmail: "ROSA@example.TEST", role: "MODERATOR" })));
    expect(refused.userMessage.key).toBe("nominations.optedOut");
    // A nomination made before the opt-out cannot be (re-)invited either.
    const older = await insertNomination(session.id, { status: "PROPOSED", email: "rosa@example.test", role: "RAPPORTEUR" });
    expect((await appError(invite(world.actors.chair, { nominationId: older.id }))).userMessage.key).toBe("nominations.optedOut");
    // Another session is another question.
    const other = await createSession();
    expect((await nominate(world.actors.chair, externalNomination(other.id, { nomineeEmail: "rosa@example.test" }))).created).toBe(true);
  });

  it("declines without an opt-out: the person may be nominated again", async () => {
    const session = await createSession();
    await nominate(world.actors.independent, externalNomination(session.id, { nomineeEmail: "rosa@example.test" }));
    await respondToInvitation(null, { token: await tokenFromOutbox("rosa@example.test"), response: "decline" });
    expect(await db.nominationOptOut.count()).toBe(0);
    expect((await nominate(world.actors.chair, externalNomination(session.id, { nomineeEmail: "rosa@example.test" }))).created).toBe(true);
  });

  it("refuses, with one and the same message, a link that is unknown, malformed, used, expired or for the other purpose", async () => {
    const session = await createSession();
    const invited = await insertNomination(session.id, { status: "INVITED" });
    const accepted = await insertNomination(session.id, { status: "ACCEPTED" });
    const used = await issueToken(invited.id, "RESPOND", { usedAt: new Date() });
    const expired = await issueToken(invited.id, "RESPOND", { expiresAt: new Date(Date.now() - 1000) });
    const withdrawToken = await issueToken(accepted.id, "WITHDRAW");
    const respondToken = await issueToken(invited.id, "RESPOND");
    const unknown = "A".repeat(43);
    const before = await nominationRowCounts();

    for (const token of [unknown, "short", "../../etc/passwd", used, expired, withdrawToken]) {
      const error = await appError(respondToInvitation(null, { token, response: "accept" }));
      expect(error.kind, token).toBe("conflict");
      expect(error.userMessage.key, token).toBe("nominations.linkInvalid");
      expect((await findNomineeLink(token)).state === "respond", token).toBe(false);
    }
    for (const token of [unknown, respondToken]) {
      expect((await appError(withdraw(null, { token }))).userMessage.key).toBe("nominations.linkInvalid");
    }
    expect(await nominationRowCounts()).toEqual(before);
    expect((await db.nomination.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("ACCEPTED");
    expect((await db.nomination.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("INVITED");
    // The good links still work.
    expect((await findNomineeLink(respondToken)).state).toBe("respond");
    expect((await findNomineeLink(withdrawToken)).state).toBe("withdraw");
  });

  it("a new invitation kills the previous link", async () => {
    const session = await createSession();
    const { id } = await nominate(world.actors.independent, externalNomination(session.id, { nomineeEmail: "eva@example.test" }));
    const first = await tokenFromOutbox("eva@example.test");
    // The invitation ran out; the committee sends a new one.
    await db.nomination.update({ where: { id }, data: { invitationExpiresAt: new Date(Date.now() - 1000) } });
    await db.nominationToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await findNomineeLink(first)).state).toBe("invalid");
    expect((await invite(world.actors.chair, { nominationId: id })).status).toBe("INVITED");
    const second = await tokenFromOutbox("eva@example.test");
    expect(second).not.toBe(first);
    expect((await appError(respondToInvitation(null, { token: first, response: "accept" }))).userMessage.key).toBe("nominations.linkInvalid");
    expect((await respondToInvitation(null, { token: second, response: "accept" })).status).toBe("ACCEPTED");
    expect(await db.auditEntry.count({ where: { action: "nomination.invited", entityId: id } })).toBe(2);
  });

  it("a link dies with its nomination: withdrawn by the committee, the nominee's links no longer work", async () => {
    const session = await createSession();
    const n = await insertNomination(session.id, { status: "INVITED", nominatedById: world.users.independent.id });
    const token = await issueToken(n.id, "RESPOND");
    await withdraw(world.actors.independent, { nominationId: n.id });
    expect((await findNomineeLink(token)).state).toBe("invalid");
    expect((await appError(respondToInvitation(null, { token, response: "accept" }))).userMessage.key).toBe("nominations.linkInvalid");
  });

  it("withdraws with the WITHDRAW link, with an opt-out, once", async () => {
    const session = await createSession();
    const n = await insertNomination(session.id, { status: "SELECTED", email: "Teo@Example.test" });
    const token = await issueToken(n.id, "WITHDRAW", { expiresAt: session.startsAt });
    const view = await findNomineeLink(token);
    expect(view.state).toBe("withdraw");
    if (view.state === "withdraw") {
      // The nominee's page: the session and the role, never the committee's rationale nor the email.
      expect(Object.keys(view.view)).not.toContain("rationale");
      expect(JSON.stringify(view)).not.toContain("Teo@Example.test");
      expect(JSON.stringify(view)).not.toContain("diez años");
    }
    const result = await withdraw(null, { token, optOut: "on" });
    expect(result).toMatchObject({ status: "WITHDRAWN", by: "nominee" });
    expect(await db.nominationOptOut.count({ where: { sessionId: session.id, emailHash: sha256("teo@example.test") } })).toBe(1);
    expect((await appError(withdraw(null, { token }))).userMessage.key).toBe("nominations.linkInvalid");
    expect((await findNomineeLink(token)).state).toBe("invalid");
  });

  it("the RESPOND link's page needs an open invitation of an open session", async () => {
    const session = await createSession();
    const n = await insertNomination(session.id, { status: "INVITED" });
    const token = await issueToken(n.id, "RESPOND");
    const view = await findNomineeLink(token);
    expect(view.state).toBe("respond");
    if (view.state === "respond") expect(view.view).toMatchObject({ nominationId: n.id, role: "PANELIST", session: { id: session.id } });
    await db.reviewSession.update({ where: { id: session.id }, data: { status: "SPEAKERS_CONFIRMED" } });
    expect((await findNomineeLink(token)).state).toBe("invalid");
  });
});
