import { defineCommand } from "@/lib/commands/run";
import { enqueueDeliveries, queueMail } from "@/lib/mail/queue";
import { digestKey, pendingNotifications } from "../pending";
import { digestEmail, immediateEmail } from "../render";
import { digestSchema, emptySchema } from "../schemas";

/**
 * The notifications_immediate job (every minute): one email per notification for people who
 * chose "immediately" for its category. Each email is an EmailDelivery keyed by the
 * notification, and the NotificationEmail row written with it (same transaction) keeps it from
 * ever going out again. Only the job queue runs it.
 *
 * Input: {}
 */
export const sendImmediateNotificationEmails = defineCommand({
  name: "emailPreferences.sendImmediate",
  input: emptySchema,
  actor: "system",
  allow: () => null,
  async work({ tx, now, afterCommit }) {
    const ids: string[] = [];
    for (const group of await pendingNotifications(tx, "IMMEDIATELY", now)) {
      for (const n of group.notifications) {
        const deliveryId = await queueMail(tx, immediateEmail(group.recipient, group.category, n), `notification:${n.id}`);
        await tx.notificationEmail.create({ data: { notificationId: n.id, deliveryId } });
        ids.push(deliveryId);
      }
    }
    afterCommit(async () => void (await enqueueDeliveries("emailPreferences.sendImmediate", ids)));
    return { emails: ids.length };
  },
  transaction: { timeout: 60_000 },
});

/**
 * The notifications_daily and notifications_weekly jobs: one digest per person and category
 * with that cadence, grouped by item, latest news first (lib/email-preferences/render.ts). A
 * notification in a digest is recorded (NotificationEmail) and never appears in a later one;
 * nothing is sent to a person with nothing new. Only the job queue runs it.
 *
 * Input: { cadence: "DAILY" | "WEEKLY" }
 */
export const sendNotificationDigests = defineCommand({
  name: "emailPreferences.sendDigests",
  input: digestSchema,
  actor: "system",
  allow: () => null,
  async work({ tx, input, now, afterCommit }) {
    const ids: string[] = [];
    for (const group of await pendingNotifications(tx, input.cadence, now)) {
      const deliveryId = await queueMail(tx, digestEmail(group.recipient, group.category, input.cadence, group.notifications), digestKey(group, input.cadence));
      await tx.notificationEmail.createMany({ data: group.notifications.map((n) => ({ notificationId: n.id, deliveryId })) });
      ids.push(deliveryId);
    }
    afterCommit(async () => void (await enqueueDeliveries("emailPreferences.sendDigests", ids)));
    return { digests: ids.length };
  },
  transaction: { timeout: 120_000 },
});
