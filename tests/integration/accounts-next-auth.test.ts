import { beforeEach, describe, expect, it } from "vitest";
import { decode, encode, type JWT } from "next-auth/jwt";
import type { User } from "next-auth";
import { db } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/next-auth";
import { loadActor } from "@/lib/auth/actor";
import { endAuthSession, openAuthSession } from "@/lib/auth/commands";
import { hashPassword } from "@/lib/auth/password";
import { authSecret, sessionCookieName, sessionCookieOptions } from "@/lib/auth/secret";
import { createUser, resetDatabase } from "../helpers/factories";

type Authorize = (credentials: Record<string, string> | undefined, req: { headers: Record<string, string> }) => Promise<User | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const jwt = authOptions.callbacks!.jwt! as (params: { token: JWT; user?: User }) => Promise<JWT>;

describe("next-auth options (the /api/auth endpoints)", () => {
  beforeEach(resetDatabase);

  it("use JWT sessions in the portal's own cookie, with the shared secret and sign-in page", () => {
    expect(authOptions.session?.strategy).toBe("jwt");
    expect(authOptions.cookies?.sessionToken?.name).toBe(sessionCookieName());
    expect(authOptions.cookies?.sessionToken?.options).toEqual(sessionCookieOptions());
    expect(sessionCookieOptions()).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(authOptions.secret).toBe(authSecret());
    expect(authOptions.pages?.signIn).toBe("/es/sign-in");
  });

  it("sets the session cookie with the same flags as the sign-in form, also on a laptop's production server (PUENTE_LOCAL=1)", () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, PUENTE_LOCAL: process.env.PUENTE_LOCAL };
    const env = process.env as Record<string, string | undefined>;
    try {
      for (const [nodeEnv, local] of [["production", "1"], ["production", undefined], ["test", undefined]] as const) {
        env.NODE_ENV = nodeEnv;
        if (local) env.PUENTE_LOCAL = local;
        else delete env.PUENTE_LOCAL;
        const cookie = authOptions.cookies?.sessionToken;
        expect(cookie?.name).toBe(sessionCookieName());
        // Secure exactly when the name is __Secure-: one policy for both sign-in paths.
        expect(cookie?.options).toEqual(sessionCookieOptions());
        expect(cookie?.options.secure).toBe(sessionCookieName().startsWith("__Secure-"));
        expect(authOptions.useSecureCookies).toBe(cookie?.options.secure);
      }
    } finally {
      env.NODE_ENV = saved.NODE_ENV;
      if (saved.PUENTE_LOCAL === undefined) delete env.PUENTE_LOCAL;
      else env.PUENTE_LOCAL = saved.PUENTE_LOCAL;
    }
  });

  it("authorize() uses the same rules as the sign-in form: user and a new session row on success, null on any failure", async () => {
    const user = await createUser({ email: "ana@example.org", passwordHash: await hashPassword("the right password") });
    // The entry point (scripts/server.ts) resolved the address; the client forged X-Forwarded-For.
    process.env.PUENTE_ENTRY_POINT = "1";
    const headers = {
      "x-puente-client-address": "203.0.113.5",
      "x-forwarded-for": "6.6.6.6, 10.0.0.1",
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    };
    const signedIn = await authorize({ email: "ana@example.org", password: "the right password" }, { headers });
    const row = await db.authSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(signedIn).toEqual({ id: user.id, sessionVersion: 0, sessionId: row.id });
    expect(row).toMatchObject({ browser: "Firefox", os: "Linux", revokedAt: null });
    expect(await authorize({ email: "ana@example.org", password: "wrong" }, { headers })).toBeNull();
    expect(await authorize({ email: "ghost@example.org", password: "wrong" }, { headers })).toBeNull();
    expect(await authorize(undefined, { headers })).toBeNull();
    delete process.env.PUENTE_ENTRY_POINT;
    // Failures count against the address the entry point found, in PostgreSQL; never the forged one.
    const counted = await db.rateLimitCounter.aggregate({ where: { key: "signin:address:203.0.113.5" }, _sum: { count: true } });
    expect(counted._sum.count).toBe(2);
    expect(await db.rateLimitCounter.count({ where: { key: { contains: "6.6.6.6" } } })).toBe(0);
  });

  it("puts only {sub, sv, sid} in the token, which getCurrentActor's decode reads back", async () => {
    const user = await createUser();
    const { id: sid } = await openAuthSession(null, { userId: user.id });
    const token = await jwt({ token: { name: "x", email: "leak@example.org" }, user: { id: user.id, sessionVersion: 0, sessionId: sid } });
    expect(token).toEqual({ sub: user.id, sv: 0, sid });
    const cookie = await encode({ token, secret: authSecret() });
    const decoded = await decode({ token: cookie, secret: authSecret() });
    expect(decoded).toMatchObject({ sub: user.id, sv: 0, sid });
    // Later uses keep the expiry the cookie was issued with, so /session never reports a new one.
    expect(await jwt({ token: decoded! })).toEqual({ sub: user.id, sv: 0, sid, exp: decoded!.exp });
  });

  it("ends the session once it was signed out or ended, the password changed (sessionVersion bumped) or the user is gone", async () => {
    const user = await createUser();
    const { id: sid } = await openAuthSession(null, { userId: user.id });
    await expect(jwt({ token: { sub: user.id, sv: 0 } })).rejects.toThrow(/session ended/); // a cookie from before session rows
    const actor = await loadActor(user.id, { version: 0, sessionId: sid });
    await endAuthSession(actor, { sessionId: sid });
    await expect(jwt({ token: { sub: user.id, sv: 0, sid } })).rejects.toThrow(/session ended/);
    const { id: next } = await openAuthSession(null, { userId: user.id });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(jwt({ token: { sub: user.id, sv: 0, sid: next } })).rejects.toThrow(/session ended/);
    await expect(jwt({ token: { sub: user.id, sv: 1, sid: next } })).resolves.toMatchObject({ sid: next });
    // A user with an audit history cannot be deleted (the log is append-only): one without.
    const gone = await createUser();
    const row = await db.authSession.create({ data: { userId: gone.id, expiresAt: new Date(Date.now() + 60_000) } });
    await db.user.delete({ where: { id: gone.id } });
    await expect(jwt({ token: { sub: gone.id, sv: 0, sid: row.id } })).rejects.toThrow(/session ended/);
  });

  it("POST /api/auth/signout ends the session row (next-auth's signOut event)", async () => {
    const user = await createUser();
    const { id: sid } = await openAuthSession(null, { userId: user.id });
    await authOptions.events!.signOut!({ token: { sub: user.id, sv: 0, sid }, session: undefined as never });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sid } })).revokedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "account.session_ended" } })).toBe(1);
  });
});
