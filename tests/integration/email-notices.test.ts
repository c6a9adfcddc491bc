import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/unsubscribe/[token]/route";
import { runSystemCommand } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import { EMAIL_CADENCES, EMAIL_CATEGORIES } from "@/lib/email-preferences/categories";
import { sendImmediateNotificationEmails, sendNotificationDigests, unsubscribe, updateEmailPreferences } from "@/lib/email-preferences/commands";
import { emailPreferencesOf } from "@/lib/email-preferences/queries";
import { unsubscribeToken } from "@/lib/email-preferences/token";
import type { EmailCadence, EmailCategory } from "@/lib/generated/prisma/enums";
import { deliverWaiting } from "@/lib/mail/deliver";
import { actorFor, buildWorld, createUser, resetDatabase, type RoleName } from "../helpers/factories";
import { outcome } from "../helpers/outcomes";
import { headersOf, startSmtpSink, subjectOf } from "../helpers/smtp-sink";

// Issue 15, email notices: each person's cadence per category, immediate emails, digests grouped
// by item (latest first, never an item twice, nothing when there is nothing), the one-click
// unsubscribe token, the headers and the reader's language; over a real SMTP server.

type World = Awaited<ReturnType<typeof buildWorld>>;
const ROLES: RoleName[] = ["visitor", "participant", "orgAdmin", "orgMember", "otherOrgMember", "committee", "staff", "admin"];

/** A notification of a kind in `category`, linking to its own item unless `item` is given. */
async function notifyUser(userId: string, category: Exclude<EmailCategory, "MONITORING">, options: { item?: string; title?: string; at?: Date; author?: string } = {}) {
  const item = options.item ?? randomUUID();
  const title = options.title ?? `Item ${item.slice(0, 4)}`;
  const byCategory = {
    PROPOSALS: { kind: "proposal.commented", data: { proposalId: item, proposalTitle: title, authorName: options.author ?? "Ana" } },
    SESSIONS: { kind: "session.changed", data: { sessionId: item, sessionTitle: title } },
    NOMINATIONS: { kind: "nomination.selected", data: { sessionId: item, sessionTitle: title } },
    REPORT: { kind: "report.final_published", data: { versionNumber: 3, title } },
    CHAMPIONS: { kind: "commitment.updated", data: { commitmentId: item, title } },
    DIALOGUE: { kind: "dialogue.answered", data: { questionId: item, title } },
  } as const;
  const { kind, data } = byCategory[category];
  return db.notification.create({ data: { userId, kind, data, createdAt: options.at ?? new Date() } });
}

async function setCadence(userId: string, category: EmailCategory, cadence: EmailCadence) {
  await db.emailPreference.upsert({ where: { userId_category: { userId, category } }, create: { userId, category, cadence }, update: { cadence } });
}

const runImmediate = () => runSystemCommand(sendImmediateNotificationEmails, {});
const runDigest = (cadence: "DAILY" | "WEEKLY") => runSystemCommand(sendNotificationDigests, { cadence });

describe("email notices", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  describe("role × command", () => {
    it.each(ROLES)("updateEmailPreferences as %s: a visitor is refused; anyone signed in sets their own, and only theirs", async (role) => {
      const actor = world.actors[role];
      const result = await outcome(updateEmailPreferences(actor, { proposals: "WEEKLY", dialogue: "NEVER" }));
      if (!actor) {
        expect(result).toBe("unauthenticated");
        expect(await db.emailPreference.count()).toBe(0);
        return;
      }
      expect(result).toBe("ok");
      const rows = await db.emailPreference.findMany({ select: { userId: true, category: true, cadence: true }, orderBy: { category: "asc" } });
      expect(rows).toEqual([
        { userId: actor.userId, category: "PROPOSALS", cadence: "WEEKLY" },
        { userId: actor.userId, category: "DIALOGUE", cadence: "NEVER" },
      ]); // in the enum's order
      const audit = await db.auditEntry.findMany({ select: { action: true, entityId: true, isPublic: true, data: true } });
      expect(audit).toEqual([{ action: "email.preferences_changed", entityId: actor.userId, isPublic: false, data: { categories: ["PROPOSALS", "DIALOGUE"] } }]);
    });

    it("takes no user id from the form: a field naming another person changes nothing of theirs", async () => {
      await updateEmailPreferences(world.actors.orgMember, { proposals: "NEVER", userId: world.users.admin.id });
      expect(await emailPreferencesOf(world.users.admin.id)).toMatchObject({ PROPOSALS: "DAILY" });
      expect(await emailPreferencesOf(world.users.orgMember.id)).toMatchObject({ PROPOSALS: "NEVER" });
    });

    it("lets only monitoring reviewers choose the monitoring category, and refuses a cadence that is not one", async () => {
      expect(await outcome(updateEmailPreferences(world.actors.staff, { monitoring: "IMMEDIATELY" }))).toBe("invalid");
      expect(await outcome(updateEmailPreferences(world.actors.staff, { proposals: "HOURLY" }))).toBe("invalid");
      expect(await db.emailPreference.count()).toBe(0);
      const reviewer = await createUser({ roles: ["MONITORING_REVIEWER"] });
      expect(await outcome(updateEmailPreferences(await actorFor(reviewer.id), { monitoring: "IMMEDIATELY" }))).toBe("ok");
      expect(await emailPreferencesOf(reviewer.id)).toMatchObject({ MONITORING: "IMMEDIATELY" });
    });

    it.each(ROLES)("unsubscribe as %s: a genuine token works signed in or not; a tampered one is refused", async (role) => {
      const token = unsubscribeToken(world.users.orgMember.id, "PROPOSALS");
      expect(await outcome(unsubscribe(world.actors[role], { token: tampered(token) }))).toBe("invalid");
      expect(await db.emailPreference.count()).toBe(0);
      expect(await outcome(unsubscribe(world.actors[role], { token }))).toBe("ok");
      expect(await emailPreferencesOf(world.users.orgMember.id)).toMatchObject({ PROPOSALS: "NEVER" });
    });

    it.each(ROLES)("the notice jobs as %s: refused to everyone; only the job queue runs them", async (role) => {
      expect(await outcome(sendImmediateNotificationEmails(world.actors[role], {}))).toBe("forbidden");
      expect(await outcome(sendNotificationDigests(world.actors[role], { cadence: "DAILY" }))).toBe("forbidden");
      expect(await outcome(runDigest("DAILY"))).toBe("ok");
    });
  });

  it("sends each category by the cadence chosen for it, and nothing for never (every category × cadence)", async () => {
    const categories = EMAIL_CATEGORIES.filter((c): c is Exclude<EmailCategory, "MONITORING"> => c !== "MONITORING");
    const people: Record<EmailCadence, string> = {} as Record<EmailCadence, string>;
    for (const cadence of EMAIL_CADENCES) {
      const user = await createUser({ email: `${cadence.toLowerCase()}@example.test` });
      people[cadence] = user.id;
      for (const category of categories) {
        if (cadence !== "DAILY") await setCadence(user.id, category, cadence); // DAILY: the default, no row
        await notifyUser(user.id, category);
      }
    }
    const sentTo = async () => (await db.emailDelivery.findMany({ select: { to: true } })).map((d) => d.to.split("@")[0]);

    expect(await runImmediate()).toEqual({ emails: categories.length });
    expect(await sentTo()).toEqual(Array(categories.length).fill("immediately"));
    expect(await runDigest("DAILY")).toEqual({ digests: categories.length });
    expect(await runDigest("WEEKLY")).toEqual({ digests: categories.length });
    const count = (who: string) => sentTo().then((list) => list.filter((w) => w === who).length);
    expect(await count("daily")).toBe(categories.length);
    expect(await count("weekly")).toBe(categories.length);
    expect(await count("never")).toBe(0);
    // Every notification but the "never" ones went out exactly once.
    expect(await db.notificationEmail.count()).toBe(3 * categories.length);
    expect(await db.notificationEmail.count({ where: { notification: { userId: people.NEVER } } })).toBe(0);
    // Running everything again sends nothing new.
    expect(await runImmediate()).toEqual({ emails: 0 });
    expect(await runDigest("DAILY")).toEqual({ digests: 0 });
    expect(await runDigest("WEEKLY")).toEqual({ digests: 0 });
  });

  it("groups a digest by item, the latest news first, never repeats an item already sent, and sends nothing when there is nothing", async () => {
    const member = world.users.orgMember;
    await setCadence(member.id, "PROPOSALS", "WEEKLY");
    const [a, b] = [randomUUID(), randomUUID()];
    const hour = (h: number) => new Date(Date.now() - (10 - h) * 3_600_000);
    await notifyUser(member.id, "PROPOSALS", { item: a, title: "Propuesta A", at: hour(1), author: "Uno" });
    await notifyUser(member.id, "PROPOSALS", { item: a, title: "Propuesta A", at: hour(2), author: "Dos" });
    await notifyUser(member.id, "PROPOSALS", { item: b, title: "Propuesta B", at: hour(3), author: "Tres" });
    await notifyUser(member.id, "PROPOSALS", { item: a, title: "Propuesta A", at: hour(4), author: "Cuatro" });
    // Read in the app already: not emailed.
    await db.notification.update({ where: { id: (await notifyUser(member.id, "PROPOSALS", { title: "Leída" })).id }, data: { readAt: new Date() } });

    expect(await runDigest("DAILY")).toEqual({ digests: 0 }); // not this person's cadence
    expect(await runDigest("WEEKLY")).toEqual({ digests: 1 });
    await deliverWaiting();
    const [first] = await db.outboxEmail.findMany();
    expect(first.subject).toBe("Puente: su resumen semanal — Propuestas que escribió su organización o que sigue");
    const items = first.text.split("\n").filter((line) => line.startsWith("• "));
    expect(items).toEqual([
      "• Cuatro comentó la propuesta «Propuesta A» de su organización.",
      "• Tres comentó la propuesta «Propuesta B» de su organización.",
    ]);
    expect(first.text).toContain("(y 2 novedades anteriores)");
    expect(first.text).toContain(`/es/proposals/${a}`);
    expect(first.text).not.toContain("Leída");

    // Nothing new: no email at all.
    expect(await runDigest("WEEKLY")).toEqual({ digests: 0 });
    // News on B only: the next digest has B, not A again.
    await notifyUser(member.id, "PROPOSALS", { item: b, title: "Propuesta B", author: "Cinco" });
    expect(await runDigest("WEEKLY")).toEqual({ digests: 1 });
    await deliverWaiting();
    const second = (await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" } }))[0];
    expect(second.text.split("\n").filter((line) => line.startsWith("• "))).toEqual(["• Cinco comentó la propuesta «Propuesta B» de su organización."]);
    expect(second.text).not.toContain("Propuesta A");
  });

  it("writes in the reader's language, with the one-click unsubscribe headers, kept in the outbox", async () => {
    const user = world.users.participant;
    await db.user.update({ where: { id: user.id }, data: { preferredLocale: "pt" } });
    await setCadence(user.id, "SESSIONS", "IMMEDIATELY");
    await notifyUser(user.id, "SESSIONS", { title: "Sessão sobre infância" });
    await runImmediate();
    await deliverWaiting();
    const [mail] = await db.outboxEmail.findMany();
    expect(mail.subject).toBe("Puente: novidade em Sessões em que você se inscreveu");
    expect(mail.text).toContain("Abra no Puente:");
    expect(mail.text).toContain("http://localhost:3000/pt/sessions/");
    const token = unsubscribeToken(user.id, "SESSIONS");
    expect(mail.headers).toEqual({
      "List-Unsubscribe": `<http://localhost:3000/api/unsubscribe/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(mail.text).toContain(`http://localhost:3000/pt/unsubscribe/${token}`);
    // The body is emptied once sent: the delivery row keeps no copy.
    expect(await db.emailDelivery.findFirstOrThrow()).toMatchObject({ status: "SENT", text: "" });
  });

  describe("over a real SMTP server", () => {
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    beforeAll(async () => {
      sink = await startSmtpSink();
      process.env.SMTP_URL = sink.url;
    });
    afterAll(async () => {
      delete process.env.SMTP_URL;
      await sink.close();
    });

    it("carries List-Unsubscribe and List-Unsubscribe-Post on the wire, and the subject in the reader's language", async () => {
      const user = world.users.otherOrgMember;
      await db.user.update({ where: { id: user.id }, data: { preferredLocale: "fr" } });
      await notifyUser(user.id, "CHAMPIONS", { title: "Initiative" }); // DAILY by default
      await runDigest("DAILY");
      expect(await deliverWaiting()).toBe(1);
      expect(sink.received).toHaveLength(1);
      const headers = headersOf(sink.received[0].raw);
      expect(headers.get("list-unsubscribe")).toBe(`<http://localhost:3000/api/unsubscribe/${unsubscribeToken(user.id, "CHAMPIONS")}>`);
      expect(headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      expect(subjectOf(sink.received[0].raw)).toBe("Puente : votre résumé quotidien — Nouvelles des États champions");
      expect(sink.received[0].to).toEqual([user.email]);
      expect(await db.outboxEmail.count()).toBe(0);
    });
  });

  describe("the one-click unsubscribe", () => {
    const post = (token: string) =>
      POST(new Request(`http://localhost/api/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }), { params: Promise.resolve({ token }) });

    it("sets that category to never for that person only, without signing in", async () => {
      const member = world.users.orgMember;
      await setCadence(member.id, "SESSIONS", "WEEKLY");
      await setCadence(world.users.orgAdmin.id, "PROPOSALS", "IMMEDIATELY");
      const response = await post(unsubscribeToken(member.id, "PROPOSALS"));
      expect(response.status).toBe(200);
      expect(await emailPreferencesOf(member.id)).toMatchObject({ PROPOSALS: "NEVER", SESSIONS: "WEEKLY", DIALOGUE: "DAILY" });
      // Another person's choice in the same category is untouched.
      expect(await emailPreferencesOf(world.users.orgAdmin.id)).toMatchObject({ PROPOSALS: "IMMEDIATELY" });
      expect(await db.auditEntry.findMany({ select: { action: true, actorId: true, isPublic: true, data: true } })).toEqual([
        { action: "email.unsubscribed", actorId: null, isPublic: false, data: { category: "PROPOSALS" } },
      ]);
      // Said twice: still fine.
      expect((await post(unsubscribeToken(member.id, "PROPOSALS"))).status).toBe(200);
    });

    it("refuses a tampered token: another category, another person, a changed signature, garbage", async () => {
      const member = world.users.orgMember.id;
      const token = unsubscribeToken(member, "PROPOSALS");
      const [, , signature] = token.split(".");
      const forged = [
        tampered(token),
        `${member}.SESSIONS.${signature}`,
        `${world.users.orgAdmin.id}.PROPOSALS.${signature}`,
        `${token}x`,
        `${token}.extra`,
        "not-a-token",
        `${member}.PROPOSALS.`,
      ];
      for (const bad of forged) expect((await post(bad)).status, bad).toBe(400);
      expect(await db.emailPreference.count()).toBe(0);
      expect(await db.auditEntry.count()).toBe(0);
    });
  });
});

/** The token with one character of its signature changed. */
function tampered(token: string): string {
  const last = token.at(-1) === "A" ? "B" : "A";
  return token.slice(0, -1) + last;
}
