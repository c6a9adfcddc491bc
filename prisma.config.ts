import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma's native engines cannot be downloaded on our machines: the CLI runs on the
// JS engine with the pg driver adapter. Migrations are applied
// by our own runner (lib/db/migrate.ts), not by `prisma migrate deploy`.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    // A short idle timeout lets the CLI exit as soon as it is done.
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/puente", idleTimeoutMillis: 50 });
  },
});
