// The job worker on its own (npm run dev starts it beside `next dev`; a deployment may run
// extra ones): node --import tsx scripts/worker.ts. The production server (scripts/server.ts)
// already runs one in its own process, so `npm start` needs nothing else.
import { startWorker, stopWorker } from "../lib/jobs/worker";

await startWorker();
console.log("Puente job worker running (mail, digests, scheduled erasure).");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stopWorker();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
