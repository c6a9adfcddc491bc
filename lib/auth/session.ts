import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { decode, encode } from "next-auth/jwt";
import { addressFromHeader, CLIENT_ADDRESS_HEADER } from "@/lib/rate-limit/client-address";
import { loadActor, type Actor } from "./actor";
import { authSecret, SESSION_MAX_AGE_SECONDS, sessionCookieName, secureCookiesEnabled } from "./secret";

type SessionClaims = { sub: string; sv: number };

/** The signed-in actor with rights fresh from the database; `null` for a visitor. Once per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  const claims = (await decode({ token, secret: authSecret() }).catch(() => null)) as Partial<SessionClaims> | null;
  if (!claims?.sub || typeof claims.sv !== "number") return null;
  return loadActor(claims.sub, claims.sv);
});

/** Writes the next-auth JWT session cookie (HttpOnly, SameSite=Lax, Secure in production). */
export async function startSession(user: { id: string; sessionVersion: number }) {
  const token = await encode({
    token: { sub: user.id, sv: user.sessionVersion } satisfies SessionClaims,
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookiesEnabled(),
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function endSession() {
  // A __Secure- cookie can only be overwritten by a Secure cookie: a plain delete() would be
  // ignored by the browser and leave the session open.
  (await cookies()).set(sessionCookieName(), "", {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookiesEnabled(),
    path: "/",
    maxAge: 0,
  });
}

/**
 * The client's address for rate limiting, as the production entry point resolved it from the
 * socket and trusted proxies (scripts/server.ts); never a header the client writes.
 */
export async function clientAddress(): Promise<string> {
  return addressFromHeader((await headers()).get(CLIENT_ADDRESS_HEADER));
}
