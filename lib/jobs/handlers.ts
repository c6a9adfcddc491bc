import { queueWaitingArchives } from "@/lib/account-data/archive";
import { buildAccountArchive } from "@/lib/account-data/commands";
import { runSystemCommand } from "@/lib/commands/run";
import { sendImmediateNotificationEmails, sendNotificationDigests } from "@/lib/email-preferences/commands";
import { deliverEmail, queueLostDeliveries } from "@/lib/mail/deliver";
import { eraseExpiredContactsOnSchedule } from "@/lib/monitoring/commands";
import type { JobName, JobPayload } from "./definitions";

/** What a job's run is told besides its payload: how long its claim on a delivery lasts. */
export type JobContext = { expireInSeconds: number };

/** One handler per job: what it does with a (checked) payload. A throw makes pg-boss retry. */
export const HANDLERS: { [N in JobName]: (payload: JobPayload<N>, context: JobContext) => Promise<unknown> } = {
  mail_deliver: ({ deliveryId }, { expireInSeconds }) => deliverEmail(deliveryId, { leaseSeconds: expireInSeconds }),
  mail_sweep: () => queueLostDeliveries(),
  notifications_immediate: () => runSystemCommand(sendImmediateNotificationEmails, {}),
  notifications_daily: () => runSystemCommand(sendNotificationDigests, { cadence: "DAILY" }),
  notifications_weekly: () => runSystemCommand(sendNotificationDigests, { cadence: "WEEKLY" }),
  monitoring_erase_contacts: () => runSystemCommand(eraseExpiredContactsOnSchedule, {}),
  account_archive_prepare: ({ requestId }) => runSystemCommand(buildAccountArchive, { requestId }),
  account_archive_sweep: () => queueWaitingArchives(),
};
