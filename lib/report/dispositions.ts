import { z } from "zod";
import { db } from "@/lib/db/client";
import type { CommentDisposition, ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { isStaff, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, forbidden, notFound, notSignedIn, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";

// Dispositions: staff give every comment one of four answers and a short public text; the
// version pages show per version how many comments got each and how many still wait.

export const COMMENT_DISPOSITIONS = ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"] as const satisfies readonly CommentDisposition[];

export const DISPOSITION_ANSWER_MAX = 2000;

/** Staff (admins are staff) answer comments. */
export const canGiveDispositions = (actor: Actor | null): actor is Actor => isStaff(actor);

/**
 * Versions whose comments can be answered: all of them. Staff answer while a version is open,
 * once it is closed, and catch up after it was superseded or made final; the committee's comments
 * on a draft get their answer too (privately, like the draft).
 */
export const ANSWERABLE_STATUSES: readonly ReportVersionStatus[] = ["DRAFT", "OPEN", "CLOSED", "SUPERSEDED", "FINAL"];

export const giveDispositionSchema = z.object({
  commentId: z.uuid(),
  /** The version the page shows: a comment of another version is not found. */
  versionId: z.uuid(),
  disposition: z.enum(COMMENT_DISPOSITIONS),
  answer: z.string().trim().min(1).max(DISPOSITION_ANSWER_MAX),
});

export type GivenDisposition = {
  commentId: string;
  versionId: string;
  versionNumber: number;
  anchor: string;
  disposition: CommentDisposition;
};

/**
 * Staff give a comment its disposition and public answer (or change them: the latest one is
 * shown, and the public log keeps each). The comment's author is told in the app.
 */
export async function giveDisposition(actor: Actor | null, raw: unknown): Promise<GivenDisposition> {
  const input = parseInput(giveDispositionSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canGiveDispositions(actor)) throw forbidden();

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id::text FROM "ReportComment" WHERE id = ${input.commentId}::uuid AND "versionId" = ${input.versionId}::uuid FOR UPDATE`;
    const comment = await tx.reportComment.findFirst({
      where: { id: input.commentId, versionId: input.versionId },
      select: {
        id: true,
        authorId: true,
        disposition: true,
        answer: true,
        organization: { select: { name: true } },
        paragraph: { select: { anchor: true } },
        version: { select: { id: true, number: true, status: true } },
      },
    });
    if (!comment) throw notFound();
    if (!ANSWERABLE_STATUSES.includes(comment.version.status)) throw conflict("reportComments.notAnswerable");
    if (comment.disposition === input.disposition && comment.answer === input.answer) throw conflict("reportComments.sameAnswer");

    await tx.reportComment.update({
      where: { id: comment.id },
      data: { disposition: input.disposition, answer: input.answer, dispositionById: actor.userId, dispositionAt: new Date() },
    });
    const data = { versionNumber: comment.version.number, anchor: comment.paragraph.anchor };
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.comment_answered",
      entityType: "ReportComment",
      entityId: comment.id,
      isPublic: comment.version.status !== "DRAFT",
      data: { ...data, disposition: input.disposition, organizationName: comment.organization?.name ?? null },
    });
    await notify(tx, { userIds: [comment.authorId], kind: "report.comment_answered", data, exceptUserId: actor.userId });
    return { commentId: comment.id, versionId: comment.version.id, ...data, disposition: input.disposition };
  });
}

// ─── Counts ─────────────────────────────────────────────────────────────────────────────────

export type DispositionCounts = Record<CommentDisposition, number> & { waiting: number; total: number };

export const emptyDispositionCounts = (): DispositionCounts => ({
  ACCEPTED: 0,
  PARTLY_ACCEPTED: 0,
  NOT_ACCEPTED: 0,
  NOTED: 0,
  waiting: 0,
  total: 0,
});

/**
 * How many comments of each version got each disposition and how many still wait, in ONE query
 * for any number of versions. Every id asked for is in the map (zeros when it has no comment).
 */
export async function dispositionCountsByVersion(versionIds: readonly string[]): Promise<Map<string, DispositionCounts>> {
  const ids = [...new Set(versionIds)].filter((id) => z.uuid().safeParse(id).success);
  const map = new Map<string, DispositionCounts>(ids.map((id) => [id, emptyDispositionCounts()]));
  if (ids.length === 0) return map;
  const groups = await db.reportComment.groupBy({
    by: ["versionId", "disposition"],
    where: { versionId: { in: ids } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const counts = map.get(group.versionId);
    if (!counts) continue;
    const n = group._count._all;
    if (group.disposition) counts[group.disposition] += n;
    else counts.waiting += n;
    counts.total += n;
  }
  return map;
}

/** The counts of one version. */
export async function dispositionCounts(versionId: string): Promise<DispositionCounts> {
  return (await dispositionCountsByVersion([versionId])).get(versionId) ?? emptyDispositionCounts();
}
