import { deliverWaiting } from "@/lib/mail/deliver";

/**
 * Commands queue their mail (an EmailDelivery row and a job); tests run no worker, so a test that
 * reads the outbox first sends what is waiting, through the same code the worker runs.
 */
export async function deliverQueuedMail(): Promise<number> {
  return deliverWaiting();
}
