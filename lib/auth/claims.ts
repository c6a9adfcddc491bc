/** What the cookie holds: the user, the password generation and the session row. Nothing else. */
export type SessionClaims = { sub: string; sv: number; sid: string };

/** The claims of a decoded cookie, or null when one is missing or of the wrong type (a cookie from before sessions had rows). */
export function sessionClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  const { sub, sv, sid } = token ?? {};
  return typeof sub === "string" && typeof sv === "number" && typeof sid === "string" ? { sub, sv, sid } : null;
}
