import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor, LAST_SEEN_EVERY_MS, noteSeen, type Actor } from "@/lib/auth/actor";
import { endOtherAuthSessions, endAuthSession, openAuthSession } from "@/lib/auth/commands";
import { deviceSummary } from "@/lib/auth/device";
import { listOpenSessions } from "@/lib/auth/queries";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/secret";
import { AppError } from "@/lib/errors";
import { captureQueries } from "../helpers/query-count";
import { createOrganization, createUser, giveCommitteeTerm, resetDatabase } from "../helpers/factories";
import { deliverQueuedMail } from "../helpers/mail";

const FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";
const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function signedIn(userId: string, userAgent = FIREFOX_ANDROID, now = new Date()): Promise<{ actor: Actor; sessionId: string }> {
  const session = await openAuthSession(null, { userId, userAgent }, { now });
  // The first use on this server notes the session as seen: done here, so later counts are only the lookup.
  await noteSeen(session.id, now);
  const actor = await loadActor(userId, { version: 0, sessionId: session.id, now });
  if (!actor) throw new Error("the new session should be open");
  return { actor, sessionId: session.id };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("revocable sessions", () => {
  beforeEach(resetDatabase);

  it("opens a row per sign-in: 30 days fixed, a coarse device name, no address, a private audit entry", async () => {
    const user = await createUser();
    const now = new Date("2026-12-01T10:00:00Z");
    const session = await openAuthSession(null, { userId: user.id, userAgent: FIREFOX_ANDROID }, { now, address: "203.0.113.9" });
    const row = await db.authSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ userId: user.id, createdAt: now, lastSeenAt: now, revokedAt: null, browser: "Firefox", os: "Android" });
    expect(row.expiresAt.getTime() - now.getTime()).toBe(SESSION_MAX_AGE_SECONDS * 1000);
    expect(JSON.stringify(row)).not.toContain("203.0.113.9");
    const entries = await db.auditEntry.findMany();
    expect(entries).toMatchObject([{ action: "account.signed_in", actorId: user.id, entityType: "AuthSession", entityId: session.id, isPublic: false, data: {} }]);
  });

  it("opens none for an account that does not exist (deleted after its password was checked): not found, nothing written", async () => {
    const error = await refusal(openAuthSession(null, { userId: "00000000-0000-4000-8000-000000000000", userAgent: FIREFOX_ANDROID }));
    expect(error.kind).toBe("not_found");
    expect(await db.authSession.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("names browsers and systems coarsely, and nothing for an unknown agent", () => {
    expect(deviceSummary(CHROME_WINDOWS)).toEqual({ browser: "Chrome", os: "Windows" });
    expect(deviceSummary("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).toEqual({ browser: "Safari", os: "iOS" });
    expect(deviceSummary(`${CHROME_WINDOWS} Edg/131.0.0.0`)).toEqual({ browser: "Edge", os: "Windows" });
    expect(deviceSummary("curl/8.0")).toEqual({ browser: null, os: null });
    expect(deviceSummary(null)).toEqual({ browser: null, os: null });
  });

  it("loads the actor only while the session is open: ended → null, expired → null, someone else's id → null", async () => {
    const ana = await createUser();
    const bea = await createUser();
    const now = new Date();
    const { actor, sessionId } = await signedIn(ana.id, FIREFOX_ANDROID, now);
    expect(actor.sessionId).toBe(sessionId);
    const beas = await signedIn(bea.id, CHROME_WINDOWS, now);

    // Bea's session id in a cookie for Ana (or an id that is not one) opens nothing.
    expect(await loadActor(ana.id, { version: 0, sessionId: beas.sessionId, now })).toBeNull();
    expect(await loadActor(ana.id, { version: 0, sessionId: "not-a-uuid", now })).toBeNull();

    // Expired: the row's own expiry, whatever the cookie says.
    const later = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + 1);
    expect(await loadActor(ana.id, { version: 0, sessionId, now: later })).toBeNull();

    // Ended (signed out): refused from then on.
    await endAuthSession(actor, { sessionId }, { now });
    expect(await loadActor(ana.id, { version: 0, sessionId, now })).toBeNull();
    expect(await loadActor(bea.id, { version: 0, sessionId: beas.sessionId, now })).not.toBeNull();
  });

  it("signing out ends the row once, with a private audit entry; ending someone else's session is refused as not found", async () => {
    const ana = await createUser();
    const bea = await createUser();
    const { actor, sessionId } = await signedIn(ana.id);
    const beas = await signedIn(bea.id);

    const error = await refusal(endAuthSession(actor, { sessionId: beas.sessionId }));
    expect(error.kind).toBe("not_found");
    expect((await db.authSession.findUniqueOrThrow({ where: { id: beas.sessionId } })).revokedAt).toBeNull();
    expect((await refusal(endAuthSession(null, { sessionId }))).kind).toBe("unauthenticated");

    expect(await endAuthSession(actor, { sessionId })).toEqual({ ended: true });
    expect(await endAuthSession(actor, { sessionId })).toEqual({ ended: false });
    const ended = await db.auditEntry.findMany({ where: { action: "account.session_ended" } });
    expect(ended).toMatchObject([{ actorId: ana.id, entityType: "AuthSession", entityId: sessionId, isPublic: false, data: { how: "signed_out" } }]);
  });

  it("the account page lists the open sessions, this one first; ending another one and then all others", async () => {
    const ana = await createUser();
    const t0 = new Date(Date.now() - 60_000);
    const phone = await signedIn(ana.id, FIREFOX_ANDROID, t0);
    const laptop = await signedIn(ana.id, CHROME_WINDOWS);
    const third = await signedIn(ana.id, "curl/8.0");
    const expired = await openAuthSession(null, { userId: ana.id }, { now: new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000 - 1000) });

    const listed = await listOpenSessions(laptop.actor);
    expect(listed.map((s) => s.id)).toHaveLength(3);
    expect(listed[0]).toMatchObject({ id: laptop.sessionId, isCurrent: true, browser: "Chrome", os: "Windows" });
    expect(listed.map((s) => s.id)).not.toContain(expired.id);

    expect(await endAuthSession(laptop.actor, { sessionId: phone.sessionId })).toEqual({ ended: true });
    const ended = await db.auditEntry.findFirstOrThrow({ where: { action: "account.session_ended" } });
    expect(ended.data).toEqual({ how: "ended_elsewhere" });
    expect(await loadActor(ana.id, { version: 0, sessionId: phone.sessionId })).toBeNull();

    expect(await endOtherAuthSessions(laptop.actor, {})).toEqual({ ended: 1 });
    expect(await loadActor(ana.id, { version: 0, sessionId: third.sessionId })).toBeNull();
    expect(await loadActor(ana.id, { version: 0, sessionId: laptop.sessionId })).not.toBeNull();
    expect((await listOpenSessions(laptop.actor)).map((s) => s.id)).toEqual([laptop.sessionId]);
    const all = await db.auditEntry.findFirstOrThrow({ where: { action: "account.other_sessions_ended" } });
    expect(all).toMatchObject({ actorId: ana.id, entityType: "User", entityId: ana.id, isPublic: false, data: { count: 1 } });
    // Nothing left to end: nothing recorded.
    expect(await endOtherAuthSessions(laptop.actor, {})).toEqual({ ended: 0 });
    expect(await db.auditEntry.count({ where: { action: "account.other_sessions_ended" } })).toBe(1);
  });

  it("checks the session inside the rights lookup: no query added (counts printed)", async () => {
    const ana = await createUser();
    const org = await createOrganization({ members: [{ userId: ana.id, role: "ADMIN" }] });
    await giveCommitteeTerm(ana.id, org.id);
    const { sessionId } = await signedIn(ana.id); // also notes the session as seen: no write follows
    const without = await captureQueries(() => loadActor(ana.id, 0));
    const withSession = await captureQueries(() => loadActor(ana.id, { version: 0, sessionId }));
    console.log(`rights lookup: ${without.queries.length} statements without the session check, ${withSession.queries.length} with it`);
    expect(withSession.result?.sessionId).toBe(sessionId);
    expect(withSession.queries).toHaveLength(without.queries.length);
    expect(withSession.queries[0]).toMatch(/"AuthSession"/);
    expect(withSession.queries.filter((q) => /"AuthSession"/.test(q))).toHaveLength(1);
    // Every signed-in request pays for it: one statement, roles, memberships and terms included.
    expect(withSession.queries).toHaveLength(1);
  });

  it("reads the same rights in its one statement as the data holds: roles, memberships in order, the active term", async () => {
    const ana = await createUser({ roles: ["STAFF", "DELEGATE"] });
    const first = await createOrganization({ name: "Primera", members: [{ userId: ana.id, role: "ADMIN" }] });
    const second = await createOrganization({ name: "Segunda", status: "PENDING", members: [{ userId: ana.id, role: "MEMBER" }] });
    // An ended term and the active one (a chair's): only the active one counts.
    await db.committeeTerm.create({ data: { userId: ana.id, organizationId: second.id, startsOn: new Date("2020-01-01"), endsOn: new Date("2021-12-31") } });
    const term = await db.committeeTerm.create({ data: { userId: ana.id, organizationId: first.id, isChair: true, startsOn: new Date("2025-01-01"), endsOn: new Date("2099-12-31") } });
    const actor = await loadActor(ana.id, 0);
    expect(actor).toMatchObject({ userId: ana.id, isStaff: true, isAdmin: false, isDelegate: true, isMonitoringReviewer: false });
    expect(actor?.memberships).toEqual([
      { organizationId: first.id, organizationSlug: first.slug, organizationName: "Primera", organizationStatus: "VERIFIED", role: "ADMIN" },
      { organizationId: second.id, organizationSlug: second.slug, organizationName: "Segunda", organizationStatus: "PENDING", role: "MEMBER" },
    ]);
    expect(actor?.committeeTerm).toEqual({ termId: term.id, organizationId: first.id, isChair: true, endsOn: new Date("2099-12-31") });
    // A term that ended early is not active, though its last day is far off.
    await db.committeeTerm.update({ where: { id: term.id }, data: { endedEarlyAt: new Date(Date.now() - 60_000) } });
    expect((await loadActor(ana.id, 0))?.committeeTerm).toBeNull();
    expect(await loadActor("not-a-uuid", 0)).toBeNull();
  });

  it("writes lastSeenAt at most every few minutes, and not on every request", async () => {
    const ana = await createUser();
    const t0 = new Date(Date.now() - 60 * 60 * 1000);
    const session = await openAuthSession(null, { userId: ana.id }, { now: t0 });
    const t1 = new Date(t0.getTime() + LAST_SEEN_EVERY_MS + 1000);
    await noteSeen(session.id, t1);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(t1);
    // A minute later on this server: not even a query.
    expect(noteSeen(session.id, new Date(t1.getTime() + 60_000))).toBeUndefined();
  });

  it("a password reset ends every session row too", async () => {
    const ana = await createUser();
    const { sessionId } = await signedIn(ana.id);
    const { resetPassword, requestPasswordReset } = await import("@/lib/accounts/commands");
    await requestPasswordReset(null, { email: ana.email }, { address: "192.0.2.1" });
    await deliverQueuedMail();
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: ana.email } });
    const token = mail.text.match(/token=([A-Za-z0-9_-]+)/)?.[1];
    await resetPassword(null, { token, password: "a brand new password 2026", confirm: "a brand new password 2026" });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    expect(await loadActor(ana.id, { version: 1, sessionId })).toBeNull();
  });
});
