import { defineCommand } from "@/lib/commands/run";
import { notify } from "@/lib/notifications/notify";
import { collectAccountData } from "../archive-data";
import { archiveReadyMail } from "../email";
import { prepareAccountArchiveSchema } from "../schemas";
import { buildArchiveZip } from "../zip";

/**
 * Builds a requested "download my data" archive: the account_archive_prepare job runs it
 * (lib/jobs), nobody else. Idempotent: only a PENDING row is built, locked with SKIP LOCKED so a
 * second run at the same moment finds nothing to do, and the email is queued in the same
 * transaction as the READY mark, so a retried job never mails twice. Expired archives of
 * everyone are deleted on the way.
 */
export const buildAccountArchive = defineCommand({
  name: "accountData.prepareArchive",
  input: prepareAccountArchiveSchema,
  actor: "system",
  allow: () => null,
  transaction: { timeout: 120_000, maxWait: 10_000 },
  async work({ tx, input, now, record, mail }): Promise<{ built: boolean }> {
    await tx.accountArchive.deleteMany({ where: { expiresAt: { lte: now } } });
    const [request] = await tx.$queryRaw<{ userId: string }[]>`
      SELECT "userId"::text FROM "AccountArchive" WHERE id = ${input.requestId}::uuid AND status = 'PENDING' FOR UPDATE SKIP LOCKED`;
    if (!request) return { built: false };
    const { email, preferredLocale } = await tx.user.findUniqueOrThrow({ where: { id: request.userId }, select: { email: true, preferredLocale: true } });
    const file = await buildArchiveZip(preferredLocale, await collectAccountData(tx, request.userId), now);
    await tx.accountArchive.update({ where: { id: input.requestId }, data: { status: "READY", readyAt: now, size: file.length, file: new Uint8Array(file) } });
    await notify(tx, { userIds: [request.userId], kind: "account.archive_ready", data: {} });
    mail(archiveReadyMail(email, preferredLocale));
    record({ actorId: null, action: "account.archive_ready", entityType: "AccountArchive", entityId: input.requestId, isPublic: false, data: { bytes: file.length } });
    return { built: true };
  },
});
