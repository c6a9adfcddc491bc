/** The key that signs session cookies. In production it must be set; `npm start` writes one locally. */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return secret;
}

/** A session lasts 30 days from sign-in, however often it is used (never renewed). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Secure cookies in production. `npm start` on a laptop (embedded database, plain http) sets
 * PUENTE_LOCAL=1 so the portal also works from http://127.0.0.1 or another device on the network.
 */
export function secureCookiesEnabled(): boolean {
  return process.env.NODE_ENV === "production" && process.env.PUENTE_LOCAL !== "1";
}

export function sessionCookieName(): string {
  // Same names as next-auth, so its helpers read our cookie.
  return secureCookiesEnabled() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * The one cookie policy for the session cookie, whichever path writes it (the sign-in form or
 * next-auth's /api/auth/callback/credentials) or clears it: HttpOnly, SameSite=Lax, the whole
 * site, and Secure exactly when the name carries the __Secure- prefix.
 */
export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookiesEnabled() } as const;
}
