import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { Locale, OrganizationStatus } from "@/lib/generated/prisma/enums";
import { publishFinal } from "@/lib/report/commands";
import { buildWorld, createOrganization, createUser, resetDatabase } from "../helpers/factories";
import { outcome } from "../helpers/outcomes";
import { hoursFromNow, insertVersion } from "../helpers/report-fixtures";
import { deliverQueuedMail } from "../helpers/mail";

type World = Awaited<ReturnType<typeof buildWorld>>;

const TITLE = "Informe regional — revisión 2026";
const savedEnv = { PUBLIC_URL: process.env.PUBLIC_URL, SMTP_URL: process.env.SMTP_URL };

async function organization(name: string, status: OrganizationStatus, languages: Locale[]) {
  const member = await createUser({ name: `Member of ${name}` });
  const org = await createOrganization({ name, status, contactEmail: `${name.toLowerCase().replace(/\W+/g, "-")}@contact.test`, members: [{ userId: member.id, role: "ADMIN" }] });
  await db.organization.update({ where: { id: org.id }, data: { languages } });
  return { ...org, member };
}

describe("the final report's email", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
    process.env.PUBLIC_URL = "https://puente.example.org/";
  });
  afterEach(() => {
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("goes once to each verified organization's contact address, in the organization's first language, with the link to the report", async () => {
    // world.org and world.otherOrg are verified, in Spanish.
    await db.organization.update({ where: { id: world.otherOrg.id }, data: { languages: ["pt", "es"] } });
    const french = await organization("Réseau Caribéen", "VERIFIED", ["fr", "en"]);
    const english = await organization("Caribbean Network", "VERIFIED", ["en"]);
    const noLanguage = await organization("Sin Idioma", "VERIFIED", []);
    const refused = await Promise.all([
      organization("Pendiente", "PENDING", ["es"]),
      organization("Suspendida", "SUSPENDED", ["en"]),
      organization("Rechazada", "REJECTED", ["fr"]),
    ]);
    const version = await insertVersion({ number: 2, status: "CLOSED", title: TITLE });

    const result = await publishFinal(world.actors.staff, { versionId: version.id });
    expect(result).toMatchObject({ id: version.id, number: 2, status: "FINAL", emailed: 5 });

    await deliverQueuedMail();
    const mails = await db.outboxEmail.findMany({ select: { to: true, subject: true, text: true } });
    const byAddress = new Map(mails.map((m) => [m.to, m]));
    // One each: the organization's contact address, not its members' own.
    expect(mails.map((m) => m.to).sort()).toEqual(
      [world.org.contactEmail, world.otherOrg.contactEmail, french.contactEmail, english.contactEmail, noLanguage.contactEmail].sort(),
    );
    for (const org of refused) {
      expect(byAddress.has(org.contactEmail)).toBe(false);
      expect(byAddress.has(org.member.email)).toBe(false);
    }

    const expected: [string, string, string, string, string][] = [
      [world.org.contactEmail, "es", `Se publicó el informe final: ${TITLE}`, "Estimado equipo de Red Regional de Prueba:", "publicó la versión 2 como"],
      [world.otherOrg.contactEmail, "pt", `O relatório final foi publicado: ${TITLE}`, "Prezada equipe de Otra Organización,", "publicou a versão 2 como"],
      [french.contactEmail, "fr", `Le rapport final a été publié : ${TITLE}`, "À l’équipe de Réseau Caribéen,", "publié la version 2 comme"],
      [english.contactEmail, "en", `The final report has been published: ${TITLE}`, "Dear Caribbean Network,", "published version 2 as"],
      // No language of its own: Spanish, the portal's default.
      [noLanguage.contactEmail, "es", `Se publicó el informe final: ${TITLE}`, "Estimado equipo de Sin Idioma:", "publicó la versión 2 como"],
    ];
    for (const [to, locale, subject, greeting, version] of expected) {
      const mail = byAddress.get(to);
      expect(mail?.subject, to).toBe(subject);
      const lines = mail?.text.split("\n") ?? [];
      expect(lines[0], to).toBe(greeting);
      // The link to the final report in the reader's language (the public address without its trailing slash).
      expect(lines, to).toContain(`https://puente.example.org/${locale}/report`);
      expect(mail?.text, to).toContain(version);
    }
  });

  it("sends nothing when the publication is refused", async () => {
    const closed = await insertVersion({ number: 1, status: "CLOSED" });
    for (const actor of [world.actors.visitor, world.actors.orgAdmin, world.actors.committee, world.actors.participant]) {
      expect(await outcome(publishFinal(actor, { versionId: closed.id }))).not.toBe("ok");
    }
    const stillOpen = await insertVersion({ number: 2, status: "OPEN", commentDeadline: hoursFromNow(24) });
    expect(await outcome(publishFinal(world.actors.staff, { versionId: stillOpen.id }))).toBe("conflict");
    expect(await outcome(publishFinal(world.actors.staff, { versionId: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
    expect(await outcome(publishFinal(world.actors.staff, { versionId: "not-a-uuid" }))).toBe("invalid");

    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.notification.count()).toBe(0);
    expect((await db.reportVersion.findMany({ orderBy: { number: "asc" }, select: { status: true } })).map((v) => v.status)).toEqual(["CLOSED", "OPEN"]);

    // Published once, a second publication of the same version is refused and sends nothing more.
    expect((await publishFinal(world.actors.staff, { versionId: closed.id })).emailed).toBe(2);
    expect(await outcome(publishFinal(world.actors.staff, { versionId: closed.id }))).toBe("conflict");
    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(2);
  });

  it("keeps the publication when the mail server is down, keeps the mail queued, and logs no mail body", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
    // Nothing listens on port 1; a fresh module graph so sendMail builds its transport from this URL.
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    vi.resetModules();
    const fresh = await import("@/lib/report/commands");
    const version = await insertVersion({ number: 1, status: "CLOSED", title: TITLE });

    const result = await fresh.publishFinal(world.actors.staff, { versionId: version.id });
    // Queued with the publication: the worker sends them.
    expect(result).toMatchObject({ status: "FINAL", emailed: 2 });
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("FINAL");
    const { deliverWaiting } = await import("@/lib/mail/deliver");
    expect(await deliverWaiting()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
    // Both stay queued for the next try.
    expect(await db.emailDelivery.findMany({ select: { status: true, attempts: true } })).toEqual([
      { status: "QUEUED", attempts: 1 },
      { status: "QUEUED", attempts: 1 },
    ]);
    // Each of the two organizations: sendMail's line (subject only) and the worker's.
    expect(logged.filter((line) => line.includes('"context":"mail.send"'))).toHaveLength(2);
    expect(logged.filter((line) => line.includes('"context":"mail.deliver"'))).toHaveLength(2);
    for (const line of logged) {
      expect(line).not.toContain("puente.example.org");
      expect(line).not.toContain("Estimado equipo");
    }
  });

  it("sends the other organizations' emails when one delivery fails, and keeps that one queued", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const refusing = world.org.contactEmail;
    // A transport that refuses one address: the others still go.
    vi.doMock("@/lib/mail/send", async (importOriginal) => {
      const actual = await importOriginal<typeof import("@/lib/mail/send")>();
      return {
        ...actual,
        sendMail: async (...args: Parameters<typeof actual.sendMail>) => {
          if (args[0].to === refusing) throw new Error("mailbox unavailable");
          return actual.sendMail(...args);
        },
      };
    });
    vi.resetModules();
    try {
      const fresh = await import("@/lib/report/commands");
      const version = await insertVersion({ number: 1, status: "CLOSED", title: TITLE });
      const result = await fresh.publishFinal(world.actors.staff, { versionId: version.id });
      expect(result).toMatchObject({ status: "FINAL", emailed: 2, notified: 4 });
      const { deliverWaiting } = await import("@/lib/mail/deliver");
      expect(await deliverWaiting()).toBe(1);
      expect((await db.outboxEmail.findMany({ select: { to: true } })).map((m) => m.to)).toEqual([world.otherOrg.contactEmail]);
      expect(await db.emailDelivery.findFirstOrThrow({ where: { to: refusing } })).toMatchObject({ status: "QUEUED", attempts: 1 });
    } finally {
      vi.doUnmock("@/lib/mail/send");
    }
  });
});
