import { beforeEach, describe, expect, it } from "vitest";
import { decode, encode, type JWT } from "next-auth/jwt";
import type { User } from "next-auth";
import { db } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/next-auth";
import { hashPassword } from "@/lib/auth/password";
import { authSecret, sessionCookieName } from "@/lib/auth/secret";
import { createUser, resetDatabase } from "../helpers/factories";

type Authorize = (credentials: Record<string, string> | undefined, req: { headers: Record<string, string> }) => Promise<User | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const jwt = authOptions.callbacks!.jwt! as (params: { token: JWT; user?: User }) => Promise<JWT>;

describe("next-auth options (the /api/auth endpoints)", () => {
  beforeEach(resetDatabase);

  it("use JWT sessions in the portal's own cookie, with the shared secret and sign-in page", () => {
    expect(authOptions.session?.strategy).toBe("jwt");
    expect(authOptions.cookies?.sessionToken?.name).toBe(sessionCookieName());
    expect(authOptions.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(authOptions.secret).toBe(authSecret());
    expect(authOptions.pages?.signIn).toBe("/es/sign-in");
  });

  it("authorize() uses the same rules as the sign-in form: user on success, null on any failure", async () => {
    const user = await createUser({ email: "ana@example.org", passwordHash: await hashPassword("the right password") });
    // The entry point (scripts/server.ts) resolved the address; the client forged X-Forwarded-For.
    process.env.PUENTE_ENTRY_POINT = "1";
    const headers = { "x-puente-client-address": "203.0.113.5", "x-forwarded-for": "6.6.6.6, 10.0.0.1" };
    expect(await authorize({ email: "ana@example.org", password: "the right password" }, { headers })).toEqual({ id: user.id, sessionVersion: 0 });
    expect(await authorize({ email: "ana@example.org", password: "wrong" }, { headers })).toBeNull();
    expect(await authorize({ email: "ghost@example.org", password: "wrong" }, { headers })).toBeNull();
    expect(await authorize(undefined, { headers })).toBeNull();
    delete process.env.PUENTE_ENTRY_POINT;
    // Failures count against the address the entry point found, in PostgreSQL; never the forged one.
    const counted = await db.rateLimitCounter.aggregate({ where: { key: "signin:address:203.0.113.5" }, _sum: { count: true } });
    expect(counted._sum.count).toBe(2);
    expect(await db.rateLimitCounter.count({ where: { key: { contains: "6.6.6.6" } } })).toBe(0);
  });

  it("puts only {sub, sv} in the token, which getCurrentActor's decode reads back", async () => {
    const user = await createUser();
    const token = await jwt({ token: { name: "x", email: "leak@example.org" }, user: { id: user.id, sessionVersion: 0 } });
    expect(token).toEqual({ sub: user.id, sv: 0 });
    const cookie = await encode({ token, secret: authSecret() });
    expect(await decode({ token: cookie, secret: authSecret() })).toMatchObject({ sub: user.id, sv: 0 });
    expect(await jwt({ token })).toEqual({ sub: user.id, sv: 0 });
  });

  it("ends the session once the password changed (sessionVersion bumped) or the user is gone", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(jwt({ token: { sub: user.id, sv: 0 } })).rejects.toThrow(/session ended/);
    await expect(jwt({ token: { sub: user.id } })).rejects.toThrow(/session ended/);
    await db.user.delete({ where: { id: user.id } });
    await expect(jwt({ token: { sub: user.id, sv: 1 } })).rejects.toThrow(/session ended/);
  });
});
