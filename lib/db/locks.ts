import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Tables whose rows commands lock; the name goes into SQL, so only these. */
const LOCKABLE = ["ReviewSession", "Nomination", "Proposal", "Organization", "ReportComment", "ReportVersion", "Commitment", "InitiativeSuggestion", "Assessment", "ChampionTerm", "MonitoringReport", "MonitoringSummary", "Evaluation", "DialogueQuestion", "Consultation"] as const;
export type LockableTable = (typeof LOCKABLE)[number];

/**
 * Locks one row until the transaction ends: changes to the same thing happen one after another.
 * Returns whether the row exists.
 */
export async function lockRow(tx: Tx, table: LockableTable, id: string): Promise<boolean> {
  if (!LOCKABLE.includes(table)) throw new Error(`not a lockable table: ${table}`);
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM "${table}" WHERE id = $1::uuid FOR UPDATE`, id);
  return rows.length === 1;
}

/** Serializes one kind of write (named) across every app server until the transaction ends. */
export async function advisoryLock(tx: Tx, name: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${name}))::text AS locked`;
}
