import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI only generates the client here (lib/db/prisma-cli.ts): schema diffs run on
// Prisma 6.19's (prisma/diff.config.ts), and migrations on our own runner (lib/db/migrate.ts).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/puente" },
});
