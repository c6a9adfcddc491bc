import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/accounts/sign-in";
import { loadActor } from "@/lib/auth/actor";
import { authSecret, SESSION_MAX_AGE_SECONDS, sessionCookieName } from "@/lib/auth/secret";
import { AppError } from "@/lib/errors";
import { logError, logInfo } from "@/lib/log";
import { addressFromHeader, CLIENT_ADDRESS_HEADER } from "@/lib/rate-limit/client-address";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    userId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
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

/** The same address as clientAddress(): the entry point's header, never X-Forwarded-For. */
function addressFrom(headers: Record<string, unknown> | undefined): string {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return addressFromHeader(typeof value === "string" ? value : undefined);
}

/**
 * next-auth (v4) with the same sign-in rules and the same cookie as the sign-in form: the
 * Credentials provider calls `authenticate` (rate limits included), the session is a JWT
 * holding only {sub, sv}, and a password reset (sessionVersion bump) ends it here too.
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
          return { id: user.id, sessionVersion: user.sessionVersion };
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
  cookies: {
    sessionToken: {
      name: sessionCookieName(),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: process.env.NODE_ENV === "production" },
    },
  },
  pages: { signIn: "/es/sign-in" },
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { sub: user.id, sv: user.sessionVersion ?? 0 };
      // Every later use: the account must still exist with the same session version.
      if (!token.sub || typeof token.sv !== "number" || !(await loadActor(token.sub, token.sv))) throw new SessionEnded();
      return { sub: token.sub, sv: token.sv };
    },
    async session({ session, token }) {
      return { expires: session.expires, userId: token.sub };
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
