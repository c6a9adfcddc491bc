import { cachedRead } from "@/lib/cache/query-cache";
import { db } from "@/lib/db/client";

export const PUBLIC_LOG_PAGE_SIZE = 25;

/** What the log quotes in place of a hidden question's title (any language). */
export const HIDDEN_TITLE = "[…]";

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
    // Counting 200,000 entries costs more than the page: kept until the log grows (lib/cache/query-cache.ts).
    cachedRead("audit.publicCount", null, () => db.auditEntry.count({ where: { isPublic: true } })),
  ]);
  // A question's title is its words: once moderators hide the question, its entries keep their
  // place but not the title (the log itself is never rewritten). One query for the page.
  const questionIds = rows.filter((r) => r.entityType === "DialogueQuestion").map((r) => r.entityId);
  const hidden = questionIds.length
    ? new Set((await db.dialogueQuestion.findMany({ where: { id: { in: questionIds }, hiddenAt: { not: null } }, select: { id: true } })).map((q) => q.id))
    : new Set<string>();
  const entries: PublicLogEntry[] = rows.map((r) => {
    const data = (r.data ?? {}) as Record<string, unknown>;
    return {
      id: r.id.toString(),
      createdAt: r.createdAt,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actorName: r.actor?.name ?? null,
      data: hidden.has(r.entityId) && "title" in data ? { ...data, title: HIDDEN_TITLE } : data,
    };
  });
  return { entries, total, page: safePage, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
