import { db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { AppError, parseInput, rateLimited } from "@/lib/errors";
import type { Locale } from "@/lib/generated/prisma/enums";
import { currentCount, isLimited, recordHit } from "@/lib/rate-limit/consume";
import { signInAccountRule, signInDelayMs, signInRules } from "./policy";
import { signInSchema } from "./schemas";

/** What a session is started from (lib/auth/session.ts startSession). */
export type SessionUser = { id: string; sessionVersion: number; preferredLocale: Locale };

export const sessionUserSelect = { id: true, sessionVersion: true, preferredLocale: true } as const;

/** The same words whether the email is unknown or the password wrong. */
export const invalidCredentials = () => new AppError("invalid", { key: "auth.invalidCredentials" });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password. Failures count against the account with the address and against
 * the address (shared by every app server); past either limit even the right password is refused
 * from that address. Failures against the account from everywhere only slow its sign-in down
 * (signInDelayMs), so an attack from many addresses cannot lock the owner out. An unknown email
 * is checked against a dummy hash, so it takes as long and fails with the same message.
 *
 * Not a command: it is a check, not a change. It writes nothing but rate-limit counters, and
 * those only on a failure, which the path cannot express (it counts every attempt or only
 * successes); it needs no transaction and records no audit event. The sign-in form and
 * next-auth's Credentials provider both call it.
 */
export async function authenticate(
  email: unknown,
  password: unknown,
  address: string,
  now = new Date(),
  wait: (ms: number) => Promise<void> = sleep,
): Promise<SessionUser> {
  const input = parseInput(signInSchema, { email, password });
  const rules = signInRules(input.email, address);
  const account = signInAccountRule(input.email);
  if (await isLimited(rules, now)) throw rateLimited();
  const delay = signInDelayMs(await currentCount(account, now));
  if (delay > 0) await wait(delay);

  const user = await db.user.findUnique({ where: { email: input.email }, select: { ...sessionUserSelect, passwordHash: true } });
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !matches) {
    await recordHit([...rules, account], now);
    throw invalidCredentials();
  }
  return { id: user.id, sessionVersion: user.sessionVersion, preferredLocale: user.preferredLocale };
}
