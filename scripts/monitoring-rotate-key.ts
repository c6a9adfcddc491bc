// npm run monitoring:rotate-key
// Re-seals every monitoring report and message under MONITORING_KEY. To rotate: keep the old key
// as MONITORING_KEY_PREVIOUS, set the new one as MONITORING_KEY (openssl rand -base64 32), run
// this, then restart the app with the new key (the old one may stay as PREVIOUS until this ends).
// Safe to run again: rows already under the new key are left alone.
import { withDatabase } from "./lib/database";

if (!process.env.MONITORING_KEY) {
  console.error("Set MONITORING_KEY to the new key and MONITORING_KEY_PREVIOUS to the old one (32 random bytes in base64 each).");
  process.exit(1);
}

await withDatabase(async () => {
  const { db } = await import("../lib/db/client");
  const { rotateMonitoringKey } = await import("../lib/monitoring/rotation");
  const { currentKeyId } = await import("../lib/monitoring/crypto");
  try {
    const counts = await rotateMonitoringKey((work) => db.$transaction(work, { timeout: 60_000 }), {
      onBatch: (table, rows) => console.log(`${table}: ${rows} re-sealed`),
    });
    const other = { keyId: { not: currentKeyId() } };
    const [reports, messages, left] = await Promise.all([
      db.monitoringReport.count(),
      db.monitoringMessage.count(),
      Promise.all([db.monitoringReport.count({ where: other }), db.monitoringMessage.count({ where: other })]),
    ]);
    console.log(`Re-sealed ${counts.reports} reports and ${counts.messages} messages in ${counts.batches} batches (${reports} reports and ${messages} messages in all).`);
    // Rows being changed at that moment were skipped, not waited for: run again to take them.
    if (left[0] + left[1] > 0) {
      console.log(`Still under another key: ${left[0]} reports, ${left[1]} messages. Run this again.`);
      process.exitCode = 2;
    }
  } finally {
    await db.$disconnect();
  }
});
