// Report versions and paragraphs for the comments, dispositions and links tests, written straight
// to the database (the versions commands are tested on their own, by helper D's tests).
import { db } from "@/lib/db/client";
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";

let nextNumber = 1;

/** The anchors every fixture version has, in order. */
export const ANCHORS = ["p-intro", "p-avances", "p-recomend"] as const;

/**
 * A version in `status` with three paragraphs (ANCHORS). An OPEN version's deadline is a week
 * ahead unless given. Numbers count up across the file (reset with resetDatabase + resetNumbers).
 */
export async function createVersion(options: { status?: ReportVersionStatus; commentDeadline?: Date | null; number?: number; title?: string } = {}) {
  const status = options.status ?? "OPEN";
  const number = options.number ?? nextNumber++;
  const deadline =
    options.commentDeadline !== undefined ? options.commentDeadline : status === "DRAFT" ? null : new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const texts = ["Introducción al informe regional.", "Avances en el objetivo 7.", "Recomendaciones a los Estados."];
  const version = await db.reportVersion.create({
    data: {
      number,
      language: "es",
      title: options.title ?? `Informe regional, versión ${number}`,
      body: texts.join("\n\n"),
      status,
      commentDeadline: deadline,
      openedAt: status === "DRAFT" ? null : new Date(),
      paragraphs: {
        create: ANCHORS.map((anchor, position) => ({ anchor, position, markdown: texts[position], text: texts[position] })),
      },
    },
    include: { paragraphs: { orderBy: { position: "asc" } } },
  });
  return version;
}

export function resetNumbers() {
  nextNumber = 1;
}

/** A comment written straight to the database (for the disposition tests). */
export async function createComment(version: { id: string; paragraphs: { id: string }[] }, options: { authorId?: string | null; organizationId?: string | null; paragraph?: number; body?: string } = {}) {
  return db.reportComment.create({
    data: {
      versionId: version.id,
      paragraphId: version.paragraphs[options.paragraph ?? 0].id,
      authorId: options.authorId ?? null,
      organizationId: options.organizationId ?? null,
      body: options.body ?? "Un comentario sobre el párrafo.",
      language: "es",
    },
  });
}

/** Row counts of every table the report comment commands write. */
export async function reportCommentCounts() {
  const [comments, answered, links, audit, notifications, incorporated] = await Promise.all([
    db.reportComment.count(),
    db.reportComment.count({ where: { disposition: { not: null } } }),
    db.reportParagraphProposal.count(),
    db.auditEntry.count(),
    db.notification.count(),
    db.proposal.count({ where: { status: "INCORPORATED" } }),
  ]);
  return { comments, answered, links, audit, notifications, incorporated };
}
