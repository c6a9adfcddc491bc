import { defineCommand } from "@/lib/commands/run";
import { hashPassword } from "@/lib/auth/password";
import { advisoryLock } from "@/lib/db/locks";
import { isLimited, recordHit } from "@/lib/rate-limit/consume";
import { isUniqueViolation } from "@/lib/db/errors";
import { duplicateSignUpMail, welcomeMail } from "../emails";
import { duplicateNoticeRules, openToEveryone, signUpRules } from "../policy";
import { signUpSchema } from "../schemas";
import { sessionUserSelect, type SessionUser } from "../sign-in";
import { addressOf } from "./address";

export type SignUpResult = { status: "created"; user: SessionUser } | { status: "duplicate" };

/**
 * Creates an account. A registered email creates nothing: its owner gets a notice instead, and
 * the caller shows a neutral "check your email" answer rather than "this email is taken".
 * Called as `signUp(null, raw, { address, now })`.
 */
export const signUp = defineCommand({
  name: "accounts.signUp",
  input: signUpSchema,
  actor: "optional",
  allow: openToEveryone,
  rateLimit: { rules: ({ request }) => signUpRules(addressOf(request)), count: "attempt" },
  async work({ tx, input, now, record, mail, afterCommit }): Promise<SignUpResult> {
    // Hash first on both paths, so a duplicate answers as slowly as a new account.
    const passwordHash = await hashPassword(input.password);
    // Two sign-ups with one address at the same moment: the second waits and is a duplicate.
    await advisoryLock(tx, `accounts.signUp:${input.email}`);
    const owner = await tx.user.findUnique({ where: { email: input.email }, select: { email: true, preferredLocale: true } });
    if (owner) {
      const noticeRules = duplicateNoticeRules(input.email);
      if (!(await isLimited(noticeRules, now))) {
        mail(duplicateSignUpMail(owner.email, owner.preferredLocale));
        afterCommit(() => recordHit(noticeRules, now));
      }
      return { status: "duplicate" };
    }
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, preferredLocale: input.locale },
      select: sessionUserSelect,
    });
    record({
      actorId: user.id,
      action: "account.signed_up",
      entityType: "User",
      entityId: user.id,
      isPublic: false,
      data: { preferredLocale: user.preferredLocale },
    });
    mail(welcomeMail(input.email, user.preferredLocale));
    return { status: "created", user };
  },
  // The unique index still decides if the lock was ever bypassed: the later one is a duplicate.
  recover(error): SignUpResult | undefined {
    if (isUniqueViolation(error)) return { status: "duplicate" };
    return undefined;
  },
});
