import pg from "pg";

type Reset = { client: pg.Client; statement: string };

// One connection per test file, opened on the first reset and closed after the file
// (setup-env.ts): a new connection for every test cost more than the reset itself.
let reset: Promise<Reset> | undefined;

async function open(): Promise<Reset> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  // Replica mode skips triggers: the audit log's append-only trigger and the foreign keys,
  // so every table can be emptied in any order. Only this connection, only as superuser.
  await client.query("SET session_replication_role = replica");
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const sequences = await client.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`);
  // DELETE, not TRUNCATE: the tables hold a few rows, and TRUNCATE replaces the files of every
  // table and index (about 25 times slower here). One simple query runs as one transaction.
  const statement = [
    ...tables.rows.map(({ name }) => `DELETE FROM "${name}"`),
    ...sequences.rows.map(({ name }) => `ALTER SEQUENCE "${name}" RESTART`),
  ].join(";\n");
  return { client, statement };
}

/** Empties every table and restarts the sequences (audit ids start at 1 again). */
export async function resetDatabase() {
  reset ??= open().catch((error: unknown) => {
    reset = undefined;
    throw error;
  });
  const { client, statement } = await reset;
  await client.query(statement);
}

export async function closeResetConnection() {
  const open = reset;
  reset = undefined;
  if (open) await (await open.catch(() => undefined))?.client.end();
}
