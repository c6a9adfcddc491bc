import { db } from "@/lib/db/client";

export const PUBLIC_LOG_PAGE_SIZE = 25;

export type PublicLogEntry = {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  data: Record<string, unknown>;
};

/** The public part of the audit log, newest first. One query for the page, one for the count. */
export async function listPublicLog(page: number, pageSize = PUBLIC_LOG_PAGE_SIZE) {
  const safePage = Math.max(1, Math.floor(page) || 1);
  const [rows, total] = await Promise.all([
    db.auditEntry.findMany({
      where: { isPublic: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        createdAt: true,
        action: true,
        entityType: true,
        entityId: true,
        data: true,
        actor: { select: { name: true } },
      },
    }),
    db.auditEntry.count({ where: { isPublic: true } }),
  ]);
  const entries: PublicLogEntry[] = rows.map((r) => ({
    id: r.id.toString(),
    createdAt: r.createdAt,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    actorName: r.actor?.name ?? null,
    data: (r.data ?? {}) as Record<string, unknown>,
  }));
  return { entries, total, page: safePage, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
