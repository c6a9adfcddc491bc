import { verifyPassword } from "@/lib/auth/password";
import { defineCommand } from "@/lib/commands/run";
import { advisoryLock } from "@/lib/db/locks";
import { eraseAccount } from "../erasure";
import { deletionPasswordRules, deletionRefusal, managesOwnAccount, passwordRefusal } from "../policy";
import { deletionBlockers } from "../queries";
import { deleteOwnAccountSchema } from "../schemas";
import { TOMBSTONE_USER_ID } from "../tombstone";

/**
 * Deletes the actor's account (lib/account-data/erasure.ts says what goes and what stays), after
 * the password typed again. The last admin of an organization, or the last site admin, is
 * refused: they hand over first. Deleting the row ends every session on every server.
 */
export const deleteOwnAccount = defineCommand({
  name: "accountData.deleteOwnAccount",
  input: deleteOwnAccountSchema,
  actor: "required",
  allow: managesOwnAccount,
  rateLimit: { rules: ({ actor }) => deletionPasswordRules(actor.userId), count: "attempt" },
  transaction: { timeout: 60_000, maxWait: 10_000 },
  async load({ tx, actor, input }) {
    // Two last admins leaving at once: the second sees the first gone and is refused.
    await advisoryLock(tx, "accountData.lastAdmins");
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
    const passwordMatches = user ? await verifyPassword(user.passwordHash, input.password) : false;
    return { passwordMatches, blockers: await deletionBlockers(tx, actor.userId) };
  },
  authorize: ({ loaded }) => passwordRefusal(loaded.passwordMatches) ?? deletionRefusal(loaded.blockers),
  async work({ tx, actor, record }): Promise<{ deleted: true }> {
    await eraseAccount(tx, actor.userId);
    // By the tombstone, about it: the log says an account left, never whose.
    record({ actorId: TOMBSTONE_USER_ID, action: "account.deleted", entityType: "User", entityId: TOMBSTONE_USER_ID, isPublic: false, data: {} });
    return { deleted: true };
  },
  invalidates: ["everything"],
});
