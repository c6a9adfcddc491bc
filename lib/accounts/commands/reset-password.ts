import { defineCommand } from "@/lib/commands/run";
import { hashPassword } from "@/lib/auth/password";
import { parseInput, refusalToError } from "@/lib/errors";
import { invalidResetLink, resetLinkRefusal, sha256Hex } from "../policy";
import { newPasswordFormSchema, resetPasswordSchema } from "../schemas";
import { sessionUserSelect, type SessionUser } from "../sign-in";

/**
 * Sets a new password from a reset link, in one transaction: the token is used up (race-safe:
 * only one request can mark it), the user's other links stop working, and every session opened
 * before ends (its row is ended, and sessionVersion goes up). Returns the user to sign in.
 * Called as `resetPassword(null, raw, { now })`.
 */
export const resetPassword = defineCommand({
  name: "accounts.resetPassword",
  input: resetPasswordSchema,
  actor: "optional",
  allow: ({ input }) => resetLinkRefusal(input.token),
  async work({ tx, input, now, record }): Promise<SessionUser> {
    // Only now the password's rules: a bad link is answered the same whatever was typed.
    // Nothing is written before this line, so a refused password leaves the link usable.
    const { password } = parseInput(newPasswordFormSchema, input);
    // `allow` refused a null token already; this only tells the type checker.
    if (!input.token) throw refusalToError(invalidResetLink());
    const passwordHash = await hashPassword(password);
    const tokenHash = sha256Hex(input.token);
    const marked = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (marked.count !== 1) throw refusalToError(invalidResetLink());
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: sessionUserSelect,
    });
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    record({ actorId: user.id, action: "account.password_reset", entityType: "User", entityId: user.id, isPublic: false, data: {} });
    return user;
  },
});
