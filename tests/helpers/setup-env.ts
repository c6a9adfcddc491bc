import { afterAll, inject } from "vitest";
import { closeJobs } from "@/lib/jobs/boss";
import { closeResetConnection } from "./reset-database";

// Each worker has its own copy of the migrated database (tests/helpers/global-setup.ts).
process.env.DATABASE_URL = inject("databaseUrl").replace(/\/puente$/, `/puente_${process.env.VITEST_POOL_ID ?? "1"}`);
process.env.AUTH_SECRET ??= "test-secret-that-is-long-enough-for-hmac-0123456789";
// 32 fixed bytes: the tests' monitoring key (lib/monitoring/crypto.ts).
process.env.MONITORING_KEY ??= Buffer.alloc(32, 7).toString("base64");
delete process.env.SMTP_URL;
process.env.PUENTE_COUNT_QUERIES = "1";

// The reset connection of this file's tests (tests/helpers/reset-database.ts).
afterAll(closeResetConnection);
// The job queue's pool, opened by the first command that queued mail.
afterAll(closeJobs);
