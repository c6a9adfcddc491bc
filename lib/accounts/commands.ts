import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError, parseInput, rateLimited } from "@/lib/errors";
import type { Locale } from "@/lib/generated/prisma/enums";
import { logError } from "@/lib/log";
import { sendMail, type Mail } from "@/lib/mail/send";
import { isLimited, recordHit } from "@/lib/rate-limit/consume";
import { duplicateSignUpMail, passwordResetMail, welcomeMail } from "./emails";
import { duplicateNoticeRules, passwordResetRules, sha256Hex, signInRules, signUpRules } from "./policy";
import { requestPasswordResetSchema, resetPasswordSchema, resetTokenSchema, signInSchema, signUpSchema } from "./schemas";

/** What a session is started from (lib/auth/session.ts startSession). */
export type SessionUser = { id: string; sessionVersion: number; preferredLocale: Locale };

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** The same words whether the email is unknown or the password wrong. */
export const invalidCredentials = () => new AppError("invalid", { key: "auth.invalidCredentials" });
/** Unknown, used and expired reset links all get this one answer. */
export const invalidResetLink = () => new AppError("conflict", { key: "auth.resetLinkInvalid" });

const sessionUserSelect = { id: true, sessionVersion: true, preferredLocale: true } as const;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Account mail is sent after the commit and never changes the answer the form gives: a failed
 * delivery is logged (without the body, which may hold a link) and the user can ask again.
 */
async function deliver(mail: Mail, context: string) {
  try {
    await sendMail(mail);
  } catch (error) {
    logError(context, error);
  }
}

export type SignUpResult = { status: "created"; user: SessionUser } | { status: "duplicate" };

/** Where a request came from; `now` is for tests (fixed rate-limit windows). */
export type RequestContext = { address: string; now?: Date };

/**
 * Creates an account. A registered email creates nothing: its owner gets a notice instead, and
 * the caller shows a neutral "check your email" answer rather than "this email is taken".
 */
export async function signUp(raw: unknown, context: RequestContext): Promise<SignUpResult> {
  const input = parseInput(signUpSchema, raw);
  const now = context.now ?? new Date();
  const rules = signUpRules(context.address);
  if (await isLimited(rules, now)) throw rateLimited();
  await recordHit(rules, now);

  // Hash first on both paths, so a duplicate answers as slowly as a new account.
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });

  let user: SessionUser | null = null;
  if (!existing) {
    try {
      user = await db.$transaction(async (tx) => {
        const created = await tx.user.create({
          data: { name: input.name, email: input.email, passwordHash, preferredLocale: input.locale },
          select: sessionUserSelect,
        });
        await recordAudit(tx, {
          actorId: created.id,
          action: "account.signed_up",
          entityType: "User",
          entityId: created.id,
          isPublic: false,
          data: { preferredLocale: created.preferredLocale },
        });
        return created;
      });
    } catch (error) {
      // Two sign-ups with one address at the same moment: the second is a duplicate.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  if (user) {
    await deliver(welcomeMail(input.email, user.preferredLocale), "accounts.signUp.welcomeMail");
    return { status: "created", user };
  }

  const owner = await db.user.findUnique({ where: { email: input.email }, select: { email: true, preferredLocale: true } });
  const noticeRules = duplicateNoticeRules(input.email);
  if (owner && !(await isLimited(noticeRules, now))) {
    await recordHit(noticeRules, now);
    await deliver(duplicateSignUpMail(owner.email, owner.preferredLocale), "accounts.signUp.duplicateMail");
  }
  return { status: "duplicate" };
}

/**
 * Checks an email and password. Failures count against the account and the address (shared by
 * every app server); past the limit even the right password is refused. An unknown email is
 * checked against a dummy hash, so it takes as long and fails with the same message.
 */
export async function authenticate(email: unknown, password: unknown, address: string, now = new Date()): Promise<SessionUser> {
  const input = parseInput(signInSchema, { email, password });
  const rules = signInRules(input.email, address);
  if (await isLimited(rules, now)) throw rateLimited();

  const user = await db.user.findUnique({ where: { email: input.email }, select: { ...sessionUserSelect, passwordHash: true } });
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !matches) {
    await recordHit(rules, now);
    throw invalidCredentials();
  }
  return { id: user.id, sessionVersion: user.sessionVersion, preferredLocale: user.preferredLocale };
}

/**
 * Sends a single-use reset link (valid one hour) if the email has an account. The caller
 * always gives the same answer; only the rate limit (counted for every request) can differ.
 */
export async function requestPasswordReset(raw: unknown, context: RequestContext): Promise<void> {
  const input = parseInput(requestPasswordResetSchema, raw);
  const now = context.now ?? new Date();
  const rules = passwordResetRules(input.email, context.address);
  if (await isLimited(rules, now)) throw rateLimited();
  await recordHit(rules, now);

  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, preferredLocale: true } });
  if (!user) return;

  // The token only ever exists in the email; the database keeps its sha256.
  const token = randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) },
  });
  await deliver(passwordResetMail(user.email, user.preferredLocale, token), "accounts.requestPasswordReset.mail");
}

/**
 * Sets a new password from a reset link, in one transaction: the token is used up (race-safe:
 * only one request can mark it), the user's other links stop working, and sessionVersion goes
 * up so every session opened before ends. Returns the user to sign in.
 */
export async function resetPassword(raw: unknown): Promise<SessionUser> {
  const token = resetTokenSchema.safeParse((raw as { token?: unknown } | null)?.token);
  if (!token.success) throw invalidResetLink();
  const input = parseInput(resetPasswordSchema, raw);
  const tokenHash = sha256Hex(token.data);
  const passwordHash = await hashPassword(input.password);

  return db.$transaction(async (tx) => {
    const now = new Date();
    const marked = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (marked.count !== 1) throw invalidResetLink();
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: sessionUserSelect,
    });
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "account.password_reset",
      entityType: "User",
      entityId: user.id,
      isPublic: false,
      data: {},
    });
    return user;
  });
}
