import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/boss";
import { logError } from "@/lib/log";
import type { Mail } from "./send";

type Tx = Prisma.TransactionClient;

/**
 * Writes one email to send as an EmailDelivery row, in the caller's transaction: it exists only
 * if the change commits, and its key (unique) means it is sent at most once. The key defaults to
 * a fresh one; a caller that may retry passes its own (a digest: user + category + period).
 * Returns the row's id, for enqueueDeliveries after the commit.
 */
export async function queueMail(tx: Tx, mail: Mail, key: string = `mail:${randomUUID()}`): Promise<string> {
  const row = await tx.emailDelivery.create({
    data: { key, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers ?? {} },
    select: { id: true },
  });
  return row.id;
}

/**
 * After the commit: one mail_deliver job per delivery. A failure here (the database gone for a
 * moment) is logged and lost only for now: the mail_sweep job queues rows left waiting.
 * Returns how many jobs were queued.
 */
export async function enqueueDeliveries(context: string, deliveryIds: readonly string[]): Promise<number> {
  let queued = 0;
  for (const deliveryId of deliveryIds) {
    try {
      await enqueue("mail_deliver", { deliveryId }, { singletonKey: deliveryId });
      queued++;
    } catch (error) {
      logError(`${context}.mail`, error, { deliveryId });
    }
  }
  return queued;
}
