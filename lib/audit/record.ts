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
 * Writes one audit row inside the command's transaction, so the decision and its record commit
 * together. The event is parsed first: a shape its schema does not name, or a private event
 * marked public, is a bug and rolls the whole change back.
 */
export async function recordAudit(tx: Tx, entry: AuditInput) {
  const { actorId, entityId, isPublic, ...event } = entry;
  const parsed = auditEventSchema.parse(event);
  const visibility = visibilityOf(parsed.action);
  if ((visibility === "public" && !isPublic) || (visibility === "private" && isPublic)) {
    throw new Error(`audit event ${parsed.action} is ${visibility}, written with isPublic=${isPublic}`);
  }
  await tx.auditEntry.create({
    data: { actorId, action: parsed.action, entityType: parsed.entityType, entityId, isPublic, data: parsed.data as Prisma.InputJsonValue },
  });
}
