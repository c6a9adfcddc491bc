import { defineCommand } from "@/lib/commands/run";
import { advisoryLock, lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RateLimitRule } from "@/lib/rate-limit/consume";
import { commentAuthorRefusal, commentRefusal, isPublicVersion, signatureKind, signingOrganizationId } from "../policy";
import { postCommentSchema } from "../schemas";

export type PostedComment = { id: string; versionId: string; versionNumber: number; anchor: string; created: boolean };

/** An identical comment on the same paragraph sent again this soon is the same form posted twice. */
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

// Generous: it stops a script, not a person going through a long draft.
const commentRule = (userId: string): RateLimitRule => ({ key: `report.comment:${userId}`, limit: 120, windowSeconds: 3600 });

/**
 * A member of a verified organization or a committee member comments on a paragraph of an OPEN
 * version before its deadline, optionally proposing replacement text; committee members and
 * staff comment on a DRAFT. The comment is public at once (a public log entry says so; on a
 * draft the entry is private, like the draft). The same text on the same paragraph sent twice
 * within two minutes is kept once.
 */
export const postComment = defineCommand({
  name: "report.postComment",
  input: postCommentSchema,
  actor: "required",
  allow: ({ actor, input }) => commentAuthorRefusal(actor, input.organizationId),
  rateLimit: { rules: ({ actor }) => [commentRule(actor.userId)], count: "success" },
  async load({ tx, input }) {
    // The paragraph must belong to the version named (when one is): another version's is not found.
    const where: Prisma.ReportParagraphWhereInput = input.paragraphId
      ? { id: input.paragraphId, ...(input.versionId ? { versionId: input.versionId } : {}) }
      : { versionId: input.versionId!, anchor: input.anchor! };
    if (input.paragraphId && input.anchor) where.anchor = input.anchor;
    const paragraph = await tx.reportParagraph.findFirst({ where, select: { id: true, anchor: true, versionId: true } });
    if (!paragraph) throw notFound();
    // Staff cannot close the version (or open it) until the comment is written.
    await lockRow(tx, "ReportVersion", paragraph.versionId);
    const version = await tx.reportVersion.findUniqueOrThrow({
      where: { id: paragraph.versionId },
      select: { id: true, number: true, status: true, commentDeadline: true },
    });
    return { paragraph, version };
  },
  authorize: ({ actor, loaded, now }) => commentRefusal(actor, loaded.version, now),
  async work({ tx, input, actor, now, loaded: { paragraph, version }, record }): Promise<PostedComment> {
    // One person's comments one at a time: the double submit check below sees the first one.
    await advisoryLock(tx, `report.comment:${actor.userId}`);
    const duplicate = await tx.reportComment.findFirst({
      where: { paragraphId: paragraph.id, authorId: actor.userId, body: input.body, createdAt: { gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) } },
      select: { id: true },
    });
    const posted = { versionId: version.id, versionNumber: version.number, anchor: paragraph.anchor };
    if (duplicate) return { ...posted, id: duplicate.id, created: false };

    const organizationId = signingOrganizationId(actor, input.organizationId);
    const comment = await tx.reportComment.create({
      data: {
        versionId: version.id,
        paragraphId: paragraph.id,
        authorId: actor.userId,
        organizationId,
        body: input.body,
        proposedText: input.proposedText ?? null,
        language: input.language ?? actor.locale,
      },
      select: { id: true, organization: { select: { name: true } } },
    });
    record({
      action: "report.comment_posted",
      entityType: "ReportComment",
      entityId: comment.id,
      isPublic: isPublicVersion(version.status),
      data: {
        versionNumber: version.number,
        anchor: paragraph.anchor,
        organizationName: comment.organization?.name ?? null,
        signedAs: signatureKind(organizationId, actor),
      },
    });
    return { ...posted, id: comment.id, created: true };
  },
  invalidates: ["report", "transparency"],
});
