import { z } from "zod";

type JobQueueOptions = {
  policy: "standard" | "short";
  retryLimit: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds: number;
};

const empty = z.object({});
const periodic = { policy: "standard", retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 } as const;

/**
 * Every background job: a pg-boss queue of that name, the payload it carries (zod, checked when
 * sent and again when run), how it retries (backoff doubles the delay each time) and, for the
 * periodic ones, its schedule (cron, UTC; pg-boss keeps one schedule per queue, whichever server
 * sets it, and sends it once per minute slot however many servers run). Handlers: handlers.ts.
 */
export const JOBS = {
  /** Send one EmailDelivery row (lib/mail/deliver.ts); the row's state makes a second run a no-op. */
  mail_deliver: {
    payload: z.object({ deliveryId: z.uuid() }),
    // "short": at most one waiting job per delivery, so a sweep never queues it twice. The expiry
    // bounds a whole batch (pg-boss fails a batch that runs longer) and is each claim's lease.
    queue: { policy: "short", retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 },
    cron: null,
  },
  /** Queues again the deliveries whose job was lost (a crash between the commit and the send). */
  mail_sweep: { payload: empty, queue: periodic, cron: "*/5 * * * *" },
  /** Notifications of people who chose "immediately": one email each. */
  notifications_immediate: { payload: empty, queue: periodic, cron: "* * * * *" },
  /** The daily digest, at 07:00 UTC. */
  notifications_daily: { payload: empty, queue: periodic, cron: "0 7 * * *" },
  /** The weekly digest, on Mondays at 07:00 UTC. */
  notifications_weekly: { payload: empty, queue: periodic, cron: "0 7 * * 1" },
  /** Issue 13: erases the reporters' contacts past their retention, every hour. */
  monitoring_erase_contacts: { payload: empty, queue: periodic, cron: "17 * * * *" },
  /** Issue 15: builds one "download my data" archive and mails its owner (lib/account-data); a second run does nothing. */
  account_archive_prepare: {
    payload: z.object({ requestId: z.uuid() }),
    // "short": one waiting job per archive. Building reads everything a person has: minutes at most.
    queue: { policy: "short", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 },
    cron: null,
  },
  /** Queues again the archives still being prepared whose job was lost. */
  account_archive_sweep: { payload: empty, queue: periodic, cron: "*/10 * * * *" },
} as const satisfies Record<string, { payload: z.ZodType; queue: JobQueueOptions; cron: string | null }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
