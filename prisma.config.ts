import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI generates the client and diffs schemas (lib/db/prisma-cli.ts); migrations are applied
// by our own runner (lib/db/migrate.ts), not by `prisma migrate deploy`.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/puente" },
});
