import type { Tx } from "@/lib/commands/run";
import { currentKeyId, seal, unseal } from "./crypto";
import { MESSAGE_CONTEXT, REPORT_CONTEXT } from "./sealed";

// Key rotation (npm run monitoring:rotate-key): every report and message sealed under another
// key than MONITORING_KEY is opened (with MONITORING_KEY_PREVIOUS) and sealed again, a batch at
// a time, each batch in its own transaction, so a long rotation never holds many rows locked
// and a failure keeps every batch already done. The caller opens the transactions
// (scripts/monitoring-rotate-key.ts): commands and lib code never do.

export type InTransaction = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
export type RotationCounts = { reports: number; messages: number; batches: number };

const TABLES = [
  { table: "MonitoringReport", context: REPORT_CONTEXT, count: "reports" },
  { table: "MonitoringMessage", context: MESSAGE_CONTEXT, count: "messages" },
] as const;

/** Re-seals one batch of one table; how many rows it changed (0: that table is done). */
async function resealBatch(tx: Tx, table: (typeof TABLES)[number]["table"], context: string, keyId: string, size: number): Promise<number> {
  // SKIP LOCKED: a row a reviewer is changing right now is taken by the next batch.
  const rows =
    table === "MonitoringReport"
      ? await tx.$queryRaw<{ id: string; sealed: Uint8Array; keyId: string }[]>`
          SELECT "id", "sealed", "keyId" FROM "MonitoringReport" WHERE "keyId" <> ${keyId} ORDER BY "id" LIMIT ${size} FOR UPDATE SKIP LOCKED`
      : await tx.$queryRaw<{ id: string; sealed: Uint8Array; keyId: string }[]>`
          SELECT "id", "sealed", "keyId" FROM "MonitoringMessage" WHERE "keyId" <> ${keyId} ORDER BY "id" LIMIT ${size} FOR UPDATE SKIP LOCKED`;
  for (const row of rows) {
    const fresh = seal(unseal(row.sealed, row.keyId, context), context);
    const data = { sealed: new Uint8Array(fresh.sealed), keyId: fresh.keyId };
    if (table === "MonitoringReport") await tx.monitoringReport.update({ where: { id: row.id }, data });
    else await tx.monitoringMessage.update({ where: { id: row.id }, data });
  }
  return rows.length;
}

/** Re-seals everything not under the current key; `onBatch` hears each batch's progress. */
export async function rotateMonitoringKey(
  inTransaction: InTransaction,
  options: { batchSize?: number; onBatch?: (table: string, rows: number) => void } = {},
): Promise<RotationCounts> {
  const keyId = currentKeyId();
  const size = options.batchSize ?? 200;
  const counts: RotationCounts = { reports: 0, messages: 0, batches: 0 };
  for (const { table, context, count } of TABLES) {
    for (;;) {
      const done = await inTransaction((tx) => resealBatch(tx, table, context, keyId, size));
      if (done === 0) break;
      counts[count] += done;
      counts.batches++;
      options.onBatch?.(table, done);
    }
  }
  return counts;
}
