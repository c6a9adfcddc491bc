import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { decode, encode } from "next-auth/jwt";
import { addressFromHeader, CLIENT_ADDRESS_HEADER } from "@/lib/rate-limit/client-address";
import { loadActor, type Actor } from "./actor";
import { sessionClaims, type SessionClaims } from "./claims";
import { endAuthSession, openAuthSession } from "./commands";
import { authSecret, SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./secret";

/** The signed-in actor with rights fresh from the database; `null` for a visitor. Once per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  const claims = sessionClaims(await decode({ token, secret: authSecret() }).catch(() => null));
  if (!claims) return null;
  // The session row is checked inside the rights lookup's one query: ended or expired is a visitor.
  return loadActor(claims.sub, { version: claims.sv, sessionId: claims.sid });
});

/** The cookie value for a session row: a JWT (next-auth's format) that expires with the row. */
export async function sessionToken(user: { id: string; sessionVersion: number }, session: { id: string; expiresAt: Date }, now = new Date()) {
  return encode({
    token: { sub: user.id, sv: user.sessionVersion, sid: session.id } satisfies SessionClaims,
    secret: authSecret(),
    maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

/**
 * Signs a browser in: opens a session row (lib/auth/commands) and writes the cookie with the one
 * cookie policy (sessionCookieOptions), the same one next-auth's sign-in route uses.
 */
export async function startSession(user: { id: string; sessionVersion: number }) {
  const session = await openAuthSession(null, { userId: user.id, userAgent: (await headers()).get("user-agent") });
  (await cookies()).set(sessionCookieName(), await sessionToken(user, session), {
    ...sessionCookieOptions(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Signs this browser out: its session row is ended on the server, then the cookie is cleared. */
export async function endSession() {
  const actor = await getCurrentActor();
  if (actor?.sessionId) await endAuthSession(actor, { sessionId: actor.sessionId });
  clearSessionCookie(await cookies());
}

/** A __Secure- cookie can only be overwritten by a Secure cookie: a plain delete() would be ignored. */
export function clearSessionCookie(jar: { set(name: string, value: string, options: Record<string, unknown>): unknown }) {
  jar.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}

/**
 * The client's address for rate limiting, as the production entry point resolved it from the
 * socket and trusted proxies (scripts/server.ts); never a header the client writes.
 */
export async function clientAddress(): Promise<string> {
  return addressFromHeader((await headers()).get(CLIENT_ADDRESS_HEADER));
}
