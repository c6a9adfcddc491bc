import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runSystemCommand } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import { jobsBoss } from "@/lib/jobs/boss";
import { JOBS } from "@/lib/jobs/definitions";
import { deliverEmail, queueLostDeliveries } from "@/lib/mail/deliver";
import { enqueueDeliveries, queueMail } from "@/lib/mail/queue";
import { eraseExpiredContactsOnSchedule } from "@/lib/monitoring/commands";
import { resetDatabase } from "../helpers/factories";
import { startSmtpSink, subjectOf } from "../helpers/smtp-sink";

// The mail queue (issue 15): each email is an EmailDelivery row with a unique key, sent by the
// worker at most once; pg-boss retries a job whose worker died. The crash test kills a real
// worker process mid-batch against a real SMTP server, starts another, and counts.

async function queue(count: number, prefix = "Mensaje") {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await db.$transaction((tx) => queueMail(tx, { to: `p${i}@example.test`, subject: `${prefix} ${i}`, text: `Cuerpo ${i}` })));
  }
  return ids;
}

async function jobsFor(deliveryIds: readonly string[]) {
  const { rows } = await pgbossQuery<{ count: string }>(`SELECT count(*) FROM pgboss.job WHERE name = 'mail_deliver' AND data->>'deliveryId' = ANY($1)`, [deliveryIds]);
  return Number(rows[0].count);
}

function pgbossQuery<T>(text: string, values: unknown[] = []): Promise<{ rows: T[] }> {
  return jobsBoss().getDb().executeSql(text, values);
}

describe("the mail queue", () => {
  beforeEach(async () => {
    await resetDatabase();
    await pgbossQuery("DELETE FROM pgboss.job WHERE name = 'mail_deliver'");
  });

  it("sends a delivery once however often it is run, even at the same moment", async () => {
    const [id] = await queue(1);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => deliverEmail(id)));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(await deliverEmail(id)).toBe("skipped");
    expect(await db.outboxEmail.count()).toBe(1);
    expect(await db.emailDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 1, text: "" });
  });

  it("refuses a second delivery with the same key (the unique index)", async () => {
    await db.$transaction((tx) => queueMail(tx, { to: "a@example.test", subject: "S", text: "T" }, "digest:same"));
    await expect(db.$transaction((tx) => queueMail(tx, { to: "a@example.test", subject: "S", text: "T" }, "digest:same"))).rejects.toThrow();
    expect(await db.emailDelivery.count()).toBe(1);
  });

  it("queues one pg-boss job per delivery, and a sweep never doubles a waiting one", async () => {
    const ids = await queue(3);
    expect(await enqueueDeliveries("test", ids)).toBe(3);
    expect(await jobsFor(ids)).toBe(3);
    // Old enough for the sweep: still waiting, so the "short" policy keeps the one job each.
    await db.emailDelivery.updateMany({ data: { createdAt: new Date(Date.now() - 5 * 60_000) } });
    await queueLostDeliveries();
    expect(await jobsFor(ids)).toBe(3);
  });

  it("takes over a delivery whose sender died once its claim runs out, not before", async () => {
    const [id] = await queue(1);
    const now = new Date();
    await db.emailDelivery.update({ where: { id }, data: { status: "SENDING", attempts: 1, claimedUntil: new Date(now.getTime() + 60_000) } });
    expect(await deliverEmail(id, { now })).toBe("skipped");
    expect(await deliverEmail(id, { now: new Date(now.getTime() + 61_000) })).toBe("sent");
    expect(await db.emailDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("runs the monitoring erasure as a system job, refused to any person", async () => {
    expect(await runSystemCommand(eraseExpiredContactsOnSchedule, {})).toEqual({ erased: 0 });
    await expect(eraseExpiredContactsOnSchedule(null, {})).rejects.toMatchObject({ kind: "forbidden" });
  });

  describe("a worker killed mid-batch", () => {
    const N = 12;
    const KILL_AT = 5;
    let worker: ChildProcess | undefined;
    let onMessage: (raw: string) => boolean = () => true;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;

    beforeAll(async () => {
      sink = await startSmtpSink((raw) => onMessage(raw));
    });
    afterAll(async () => {
      worker?.kill("SIGKILL");
      await jobsBoss().updateQueue("mail_deliver", { name: "mail_deliver", ...JOBS.mail_deliver.queue });
      await sink.close();
    });

    function startWorkerProcess(): Promise<ChildProcess> {
      const child = fork(path.resolve("tests/helpers/mail-worker-child.ts"), [], {
        execArgv: ["--import", "tsx"],
        env: { ...process.env, SMTP_URL: sink.url, MAIL_FROM: "Puente <puente@example.test>" },
        stdio: ["ignore", "ignore", "inherit", "ipc"],
      });
      return new Promise((resolve, reject) => {
        child.once("message", () => resolve(child));
        child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
      });
    }

    it("delivers every email exactly once after a restart", async () => {
      const ids = await queue(N, "Lote");
      let killed!: () => void;
      const dead = new Promise<void>((resolve) => (killed = resolve));
      // The (KILL_AT+1)th message reaches the server, which kills the worker before answering:
      // it was never accepted, as when a sender dies mid-send.
      onMessage = () => {
        if (sink.received.length < KILL_AT) return true;
        worker!.once("exit", () => killed());
        worker!.kill("SIGKILL");
        return false;
      };
      worker = await startWorkerProcess();
      // Short expiry and retry delay, so the test need not wait two minutes for pg-boss. Set after
      // the worker started (its start brings the queue back to JOBS); each job keeps them.
      await jobsBoss().updateQueue("mail_deliver", { name: "mail_deliver", ...JOBS.mail_deliver.queue, expireInSeconds: 8, retryDelay: 1, retryBackoff: false });
      await enqueueDeliveries("test", ids);
      await dead;
      expect(sink.received).toHaveLength(KILL_AT);
      const stuck = await db.emailDelivery.count({ where: { status: "SENDING" } });
      expect(stuck).toBe(1);

      onMessage = () => true;
      worker = await startWorkerProcess();
      // A second sender at the same time (this process, as another server would): every email
      // is tried twice over, so only the claim keeps each one to a single send.
      process.env.SMTP_URL = sink.url;
      await Promise.all(ids.map((id) => deliverEmail(id, { leaseSeconds: 8 }).catch(() => "failed")));
      // The dead worker's jobs are expired by pg-boss's maintenance (here, now), then retried.
      const deadline = Date.now() + 60_000;
      while ((await db.emailDelivery.count({ where: { status: "SENT" } })) < N && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        await jobsBoss().maintain();
      }
      worker.kill("SIGTERM");
      delete process.env.SMTP_URL;
      const subjects = sink.received.map((m) => subjectOf(m.raw)).sort();
      expect(subjects).toEqual(Array.from({ length: N }, (_, i) => `Lote ${i}`).sort());
      expect(await db.emailDelivery.count({ where: { status: "SENT" } })).toBe(N);
    }, 120_000);
  });
});
