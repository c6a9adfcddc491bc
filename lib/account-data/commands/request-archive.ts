import { defineCommand } from "@/lib/commands/run";
import { advisoryLock } from "@/lib/db/locks";
import { queueArchivePreparation } from "../archive";
import { ARCHIVE_TTL_MS, archiveRequestRules, managesOwnAccount } from "../policy";
import { requestAccountArchiveSchema } from "../schemas";

/**
 * "Download my data": records a request (valid seven days) and has it prepared in the
 * background. A request still being prepared is answered with itself, not a second one.
 */
export const requestAccountArchive = defineCommand({
  name: "accountData.requestArchive",
  input: requestAccountArchiveSchema,
  actor: "required",
  allow: managesOwnAccount,
  rateLimit: { rules: ({ actor }) => archiveRequestRules(actor.userId), count: "success" },
  async work({ tx, actor, now, record, afterCommit }): Promise<{ id: string; created: boolean }> {
    await advisoryLock(tx, `accountData.archive:${actor.userId}`);
    await tx.accountArchive.deleteMany({ where: { userId: actor.userId, expiresAt: { lte: now } } });
    const pending = await tx.accountArchive.findFirst({ where: { userId: actor.userId, status: "PENDING" }, select: { id: true } });
    const id =
      pending?.id ??
      (await tx.accountArchive.create({ data: { userId: actor.userId, requestedAt: now, expiresAt: new Date(now.getTime() + ARCHIVE_TTL_MS) }, select: { id: true } })).id;
    if (!pending) record({ action: "account.archive_requested", entityType: "AccountArchive", entityId: id, isPublic: false, data: {} });
    // Prepared by the account_archive_prepare job; a request still waiting queues it again
    // (the singleton key keeps it to one job).
    afterCommit(() => queueArchivePreparation(id));
    return { id, created: !pending };
  },
});
