import { isUuid } from "@/lib/validation/ids";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { MonitoringCaseStatus } from "@/lib/generated/prisma/enums";
import { canReadAccessLog, canReviewMonitoring, lockedByOther } from "./policy";
import { openMessage, openReport, type ReportSecrets } from "./sealed";
import { parseChecklist } from "./review-schemas";

// Reads for the reviewers' pages (issue 13). Each checks the actor itself and returns nothing to
// anyone else. The queue never selects the sealed column: what is listed cannot leak content.

export const QUEUE_FILTERS = ["open", "closed", "all"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
export const QUEUE_PAGE_SIZE = 50;

export type QueueRow = {
  id: string;
  country: string;
  categories: string[];
  status: MonitoringCaseStatus;
  createdAt: Date;
  assigneeName: string | null;
  possibleSpam: boolean;
  unreadFromReporter: number;
  lockedByName: string | null;
};

/** Reporter messages newer than the reviewers' last message on the case: the ones no one answered yet. */
function unanswered(messages: readonly { reportId: string; fromReporter: boolean; createdAt: Date }[]): Map<string, number> {
  const lastReply = new Map<string, number>();
  for (const m of messages) if (!m.fromReporter) lastReply.set(m.reportId, Math.max(lastReply.get(m.reportId) ?? 0, m.createdAt.getTime()));
  const counts = new Map<string, number>();
  for (const m of messages) {
    if (m.fromReporter && m.createdAt.getTime() > (lastReply.get(m.reportId) ?? 0)) counts.set(m.reportId, (counts.get(m.reportId) ?? 0) + 1);
  }
  return counts;
}

/** The queue, oldest open case first (it has waited longest). Two queries, no sealed column. */
export async function listQueue(actor: Actor | null, filter: QueueFilter = "open", now = new Date()): Promise<QueueRow[]> {
  if (!canReviewMonitoring(actor)) return [];
  const where = filter === "open" ? { closedAt: null } : filter === "closed" ? { closedAt: { not: null } } : {};
  const rows = await db.monitoringReport.findMany({
    where,
    orderBy: [{ createdAt: filter === "open" ? "asc" : "desc" }, { id: "asc" }],
    take: QUEUE_PAGE_SIZE,
    select: {
      id: true,
      country: true,
      categories: true,
      status: true,
      createdAt: true,
      possibleSpam: true,
      lockedById: true,
      lockedUntil: true,
      assignee: { select: { name: true } },
      lockedBy: { select: { name: true } },
    },
  });
  const messages = await db.monitoringMessage.findMany({
    where: { reportId: { in: rows.map((r) => r.id) } },
    select: { reportId: true, fromReporter: true, createdAt: true },
  });
  const counts = unanswered(messages);
  return rows.map((r) => ({
    id: r.id,
    country: r.country,
    categories: r.categories,
    status: r.status,
    createdAt: r.createdAt,
    assigneeName: r.assignee?.name ?? null,
    possibleSpam: r.possibleSpam,
    unreadFromReporter: counts.get(r.id) ?? 0,
    lockedByName: lockedByOther(actor, r, now) ? (r.lockedBy?.name ?? null) : null,
  }));
}

/**
 * One case, unsealed, for a reviewer. The page calls openCase (the access log) first; this only
 * reads. A blob that does not open (a missing key) shows as null rather than breaking the page.
 */
export async function getCase(actor: Actor | null, reportId: string) {
  if (!canReviewMonitoring(actor) || !isUuid(reportId)) return null;
  const row = await db.monitoringReport.findUnique({
    where: { id: reportId },
    omit: { receiptHash: true },
    include: {
      assignee: { select: { id: true, name: true } },
      lockedBy: { select: { id: true, name: true } },
      messages: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
      summary: { include: { writer: { select: { name: true } }, approver: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const { sealed, keyId, messages: sealedMessages, summary, ...state } = row;
  let content: ReportSecrets | null = null;
  try {
    content = openReport({ sealed, keyId });
  } catch {
    content = null;
  }
  const messages = sealedMessages.map((m) => {
    let body: string | null;
    try {
      body = openMessage(m).body;
    } catch {
      body = null;
    }
    return { id: m.id, fromReporter: m.fromReporter, authorName: m.author?.name ?? null, createdAt: m.createdAt, body };
  });
  return {
    ...state,
    content,
    messages,
    summary: summary ? { ...summary, riskChecklist: parseChecklist(summary.riskChecklist) } : null,
  };
}
export type CaseView = NonNullable<Awaited<ReturnType<typeof getCase>>>;

/** Everyone who may be assigned a case: the holders of the role, by name. */
export async function listReviewers(actor: Actor | null) {
  if (!canReviewMonitoring(actor)) return [];
  return db.user.findMany({ where: { roles: { some: { role: "MONITORING_REVIEWER" } } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export const ACCESS_LOG_PAGE_SIZE = 50;

/** Who opened which report and when, newest first: the committee chair and admins. */
export async function listAccessLog(actor: Actor | null, page = 1) {
  if (!canReadAccessLog(actor)) return null;
  const safePage = Math.max(1, Math.floor(page) || 1);
  const [rows, total] = await Promise.all([
    db.monitoringAccess.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (safePage - 1) * ACCESS_LOG_PAGE_SIZE,
      take: ACCESS_LOG_PAGE_SIZE,
      select: { id: true, reportId: true, createdAt: true, user: { select: { name: true } } },
    }),
    db.monitoringAccess.count(),
  ]);
  return { rows, page: safePage, pageCount: Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE)) };
}
