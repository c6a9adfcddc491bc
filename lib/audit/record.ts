import type { Prisma } from "@/lib/generated/prisma/client";
import { auditEventSchema, visibilityOf, type AuditEvent } from "./events";

type Tx = Prisma.TransactionClient;

/** One row of the audit log: who, about which thing, whether it is public, and the typed event. */
export type AuditInput = AuditEvent & {
  actorId: string | null;
  entityId: string;
  /** Public entries show at /transparency: an event's schema keeps `data` to what everyone may read. */
  isPublic: boolean;
};

/**
 * The row for one event, parsed first: a shape its schema does not name, or a private event
 * marked public, is a bug and throws (rolling the whole change back).
 */
export function auditRow(entry: AuditInput, createdAt?: Date): Prisma.AuditEntryCreateManyInput {
  const { actorId, entityId, isPublic, ...event } = entry;
  const parsed = auditEventSchema.parse(event);
  const visibility = visibilityOf(parsed.action);
  if ((visibility === "public" && !isPublic) || (visibility === "private" && isPublic)) {
    throw new Error(`audit event ${parsed.action} is ${visibility}, written with isPublic=${isPublic}`);
  }
  return {
    actorId,
    action: parsed.action,
    entityType: parsed.entityType,
    entityId,
    isPublic,
    data: parsed.data as Prisma.InputJsonValue,
    ...(createdAt ? { createdAt } : {}),
  };
}

/**
 * Writes one audit row inside the transaction of the change it records, so both commit together.
 * Commands never call it: the one path (lib/commands/run.ts) does, with what they recorded.
 */
export async function recordAudit(tx: Tx, entry: AuditInput) {
  await tx.auditEntry.create({ data: auditRow(entry) });
}
