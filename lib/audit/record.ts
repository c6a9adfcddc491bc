import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** Public entries show at /transparency: put only what everyone may read in `data`. */
  isPublic: boolean;
  data?: Prisma.InputJsonValue;
};

/** Called inside the command's transaction, so the decision and its record commit together. */
export async function recordAudit(tx: Tx, entry: AuditInput) {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      isPublic: entry.isPublic,
      data: entry.data ?? {},
    },
  });
}
