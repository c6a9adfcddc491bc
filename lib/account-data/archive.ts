import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/boss";
import { logError } from "@/lib/log";

/** A PENDING archive older than this has lost its job (a crash between the commit and the send). */
const LOST_AFTER_MS = 2 * 60_000;

/**
 * Queues the job that prepares one requested archive (after the request's commit). The
 * singleton key keeps one waiting job per archive; a failure here is logged and left to the
 * account_archive_sweep job, which queues it again.
 */
export async function queueArchivePreparation(requestId: string): Promise<void> {
  try {
    await enqueue("account_archive_prepare", { requestId }, { singletonKey: requestId });
  } catch (error) {
    logError("accountData.archive.enqueue", error, { requestId });
  }
}

/** The account_archive_sweep job: queues again every archive still PENDING after a while. Returns how many. */
export async function queueWaitingArchives(now = new Date()): Promise<number> {
  const rows = await db.accountArchive.findMany({
    where: { status: "PENDING", requestedAt: { lt: new Date(now.getTime() - LOST_AFTER_MS) }, expiresAt: { gt: now } },
    select: { id: true },
    orderBy: { requestedAt: "asc" },
    take: 200,
  });
  for (const row of rows) await queueArchivePreparation(row.id);
  return rows.length;
}
