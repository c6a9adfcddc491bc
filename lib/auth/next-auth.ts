import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/accounts/sign-in";
import { loadActor } from "@/lib/auth/actor";
import { sessionClaims } from "@/lib/auth/claims";
import { endAuthSession, openAuthSession } from "@/lib/auth/commands";
import { authSecret, SESSION_MAX_AGE_SECONDS, secureCookiesEnabled, sessionCookieName, sessionCookieOptions } from "@/lib/auth/secret";
import { AppError } from "@/lib/errors";
import { logError, logInfo } from "@/lib/log";
import { addressFromHeader, CLIENT_ADDRESS_HEADER } from "@/lib/rate-limit/client-address";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    userId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    sid?: string;
  }
}

/** Thrown from the jwt callback: next-auth then clears the cookie. Not an error worth logging. */
class SessionEnded extends Error {
  constructor() {
    super("session ended");
    this.name = "SessionEnded";
  }
}

const warned = new Set<string>();

/** A relative path, or an absolute URL on the base URL's origin; anything else (or unparsable) is the base URL. */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return new URL(url, baseUrl).href;
    const target = new URL(url);
    return target.origin === new URL(baseUrl).origin ? target.href : baseUrl;
  } catch {
    return baseUrl;
  }
}

/** The same address as clientAddress(): the entry point's header, never X-Forwarded-For. */
function addressFrom(headers: Record<string, unknown> | undefined): string {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return addressFromHeader(typeof value === "string" ? value : undefined);
}

/**
 * next-auth (v4) with the same sign-in rules and the same cookie as the sign-in form: the
 * Credentials provider calls `authenticate` (rate limits included) and opens a session row, the
 * cookie is a JWT holding only {sub, sv, sid}, and an ended or expired row (sign-out, "end this
 * session", a password reset) ends it here too. The route (app/api/auth) keeps /session from
 * ever writing a fresh cookie: a session lasts 30 days from sign-in, never longer.
 * The portal's own forms use server actions and lib/auth/session.ts; these are the standard
 * /api/auth endpoints over the same session.
 */
export const authOptions: AuthOptions = {
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Puente",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        try {
          const user = await authenticate(credentials?.email, credentials?.password, addressFrom(req?.headers));
          const agent = req?.headers?.["user-agent"];
          const session = await openAuthSession(null, { userId: user.id, userAgent: typeof agent === "string" ? agent : null });
          return { id: user.id, sessionVersion: user.sessionVersion, sessionId: session.id };
        } catch (error) {
          // Wrong password, unknown email, bad input and rate limits all look the same here.
          if (error instanceof AppError) return null;
          throw error;
        }
      },
    }),
  ],
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Read when a request comes, not when the module loads (the build has no secret).
  get secret() {
    return authSecret();
  },
  // The one cookie policy (lib/auth/secret.ts) for every next-auth cookie, read per request like the secret.
  get useSecureCookies() {
    return secureCookiesEnabled();
  },
  get cookies() {
    return { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } };
  },
  pages: { signIn: "/es/sign-in" },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        if (!user.sessionId) throw new SessionEnded();
        return { sub: user.id, sv: user.sessionVersion ?? 0, sid: user.sessionId };
      }
      // Every later use: the account must exist, with the same session version, and the session be open.
      const claims = sessionClaims(token);
      if (!claims || !(await loadActor(claims.sub, { version: claims.sv, sessionId: claims.sid }))) throw new SessionEnded();
      // The expiry the cookie was issued with travels on, so /session reports it rather than a new one.
      return typeof token.exp === "number" ? { ...claims, exp: token.exp } : claims;
    },
    async session({ session, token }) {
      const expires = typeof token.exp === "number" ? new Date(token.exp * 1000).toISOString() : session.expires;
      return { expires, userId: token.sub };
    },
    // Never throws: a callbackUrl that is not a URL of this site goes to the base URL.
    async redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
  },
  events: {
    // POST /api/auth/signout ends the session row too, like the portal's own sign-out form.
    async signOut({ token }) {
      const claims = sessionClaims(token);
      if (!claims) return;
      const actor = await loadActor(claims.sub, { version: claims.sv, sessionId: claims.sid });
      if (actor) await endAuthSession(actor, { sessionId: claims.sid });
    },
  },
  logger: {
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : metadata?.error;
      if (error instanceof SessionEnded || (error as { name?: string } | undefined)?.name === "SessionEnded") return;
      // Only the error itself: next-auth's metadata can hold request details.
      logError(`next-auth.${code}`, error ?? new Error(code));
    },
    warn(code) {
      if (warned.has(code)) return;
      warned.add(code);
      logInfo("next-auth.warning", { code });
    },
    debug() {},
  },
};
