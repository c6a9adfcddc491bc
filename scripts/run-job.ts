// Runs one background job now, in this process, against DATABASE_URL (and AUTH_SECRET, which
// signs the unsubscribe links): an operator's "send the weekly digest now", and how the e2e test
// triggers one. Whatever it queues, the running servers' workers send.
//   node --import tsx scripts/run-job.ts notifications_weekly
import { closeJobs } from "../lib/jobs/boss";
import { JOB_NAMES, JOBS, type JobName } from "../lib/jobs/definitions";
import { HANDLERS } from "../lib/jobs/handlers";

const name = process.argv[2] as JobName;
if (!JOB_NAMES.includes(name) || JOBS[name].cron === null) {
  console.error(`usage: node --import tsx scripts/run-job.ts <${JOB_NAMES.filter((n) => JOBS[n].cron !== null).join("|")}>`);
  process.exit(2);
}
const handler = HANDLERS[name] as (payload: object, context: { expireInSeconds: number }) => Promise<unknown>;
try {
  console.log(JSON.stringify(await handler({}, { expireInSeconds: JOBS[name].queue.expireInSeconds })));
} finally {
  await closeJobs();
}
process.exit(0);
