// Prisma 6.19's CLI, for `migrate diff` only (lib/db/prisma-cli.ts says why): a driver adapter
// here makes it run its WebAssembly schema engine. A plain object: `prisma/config` is Prisma 7's.
import { PrismaPg } from "@prisma/adapter-pg";

const diffConfig = {
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    // A short idle timeout lets the CLI exit as soon as it is done.
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/puente", idleTimeoutMillis: 50 });
  },
};

export default diffConfig;
