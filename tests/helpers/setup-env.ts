import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-that-is-long-enough-for-hmac-0123456789";
delete process.env.SMTP_URL;
process.env.PUENTE_COUNT_QUERIES = "1";
