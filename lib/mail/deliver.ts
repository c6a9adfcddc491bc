import { db } from "@/lib/db/client";
import { logError } from "@/lib/log";
import { enqueueDeliveries } from "./queue";
import { sendMail } from "./send";

/** After this many failed sends a delivery is FAILED and no longer retried. */
export const MAX_ATTEMPTS = 10;
/** How long a claim lasts by default: the mail_deliver job's expiry (lib/jobs/definitions.ts). */
const DEFAULT_LEASE_SECONDS = 600;

export type DeliveryOutcome = "sent" | "skipped";

/**
 * Sends one EmailDelivery, at most once: the worker claims the row (QUEUED, or SENDING whose
 * claim has run out because its sender died) with a conditional update, sends, and marks it
 * SENT (emptying the body). A delivery already SENT, or claimed by a live sender, is skipped,
 * so a retried or duplicated job never sends twice.
 *
 * Into the outbox (no SMTP_URL) the copy and the SENT mark are one transaction: exactly once.
 * Over SMTP one narrow window remains, and we chose it on purpose: if the sender dies after the
 * SMTP server accepted the message and before the SENT mark commits, the claim runs out and
 * the retry sends it again (at least once). Marking before sending would lose that mail
 * instead; SMTP has no idempotency key to close the window either way.
 *
 * A failed send puts the row back to QUEUED and throws, so pg-boss retries with backoff.
 */
export async function deliverEmail(deliveryId: string, options: { leaseSeconds?: number; now?: Date } = {}): Promise<DeliveryOutcome> {
  const now = options.now ?? new Date();
  const claimedUntil = new Date(now.getTime() + (options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000);
  const claim = await db.emailDelivery.updateMany({
    where: { id: deliveryId, OR: [{ status: "QUEUED" }, { status: "SENDING", claimedUntil: { lt: now } }] },
    data: { status: "SENDING", claimedUntil, attempts: { increment: 1 } },
  });
  if (claim.count === 0) return "skipped";
  const row = await db.emailDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
  const mail = { to: row.to, subject: row.subject, text: row.text, headers: row.headers as Record<string, string> };
  const sent = { status: "SENT" as const, sentAt: new Date(), claimedUntil: null, text: "" };
  try {
    if (!process.env.SMTP_URL) {
      await db.$transaction(async (tx) => {
        await sendMail(mail, tx);
        await tx.emailDelivery.update({ where: { id: deliveryId }, data: sent });
      });
      return "sent";
    }
    await sendMail(mail);
  } catch (error) {
    const status = row.attempts >= MAX_ATTEMPTS ? "FAILED" : "QUEUED";
    await db.emailDelivery.updateMany({ where: { id: deliveryId, status: "SENDING" }, data: { status, claimedUntil: null } });
    throw error;
  }
  await db.emailDelivery.update({ where: { id: deliveryId }, data: sent });
  return "sent";
}

/**
 * The mail_sweep job: queues again the deliveries left waiting (a crash between a commit and
 * its enqueue, a job given up by pg-boss) and those whose sender died mid-send. Older than a
 * minute, so a fresh delivery gets its own job first. Returns how many were queued.
 */
export async function queueLostDeliveries(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 60_000);
  const rows = await db.emailDelivery.findMany({
    where: {
      attempts: { lt: MAX_ATTEMPTS },
      OR: [
        { status: "QUEUED", createdAt: { lt: before } },
        { status: "SENDING", claimedUntil: { lt: now } },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return enqueueDeliveries("mail.sweep", rows.map((r) => r.id));
}

/** Sends every waiting delivery now, one after the other (tests and scripts, which run no worker). */
export async function deliverWaiting(): Promise<number> {
  let sent = 0;
  const rows = await db.emailDelivery.findMany({ where: { status: "QUEUED" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  for (const { id } of rows) {
    try {
      if ((await deliverEmail(id)) === "sent") sent++;
    } catch (error) {
      logError("mail.deliver", error, { deliveryId: id });
    }
  }
  return sent;
}
