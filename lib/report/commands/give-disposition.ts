import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import type { CommentDisposition } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";
import { answerRefusal, canGiveDispositions, isPublicVersion } from "../policy";
import { giveDispositionSchema } from "../schemas";

export type GivenDisposition = { commentId: string; versionId: string; versionNumber: number; anchor: string; disposition: CommentDisposition };

/**
 * Staff give a comment its disposition and public answer (or change them: the latest one is
 * shown, and the public log keeps each). The comment's author is told in the app.
 */
export const giveDisposition = defineCommand({
  name: "report.giveDisposition",
  input: giveDispositionSchema,
  actor: "required",
  allow: requires(canGiveDispositions),
  async load({ tx, input }) {
    await lockRow(tx, "ReportComment", input.commentId);
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
    return comment;
  },
  authorize: ({ input, loaded }) => answerRefusal(loaded, input),
  async work({ tx, input, actor, now, loaded: comment, record }): Promise<GivenDisposition> {
    await tx.reportComment.update({
      where: { id: comment.id },
      data: { disposition: input.disposition, answer: input.answer, dispositionById: actor.userId, dispositionAt: now },
    });
    const data = { versionNumber: comment.version.number, anchor: comment.paragraph.anchor };
    record({
      action: "report.comment_answered",
      entityType: "ReportComment",
      entityId: comment.id,
      isPublic: isPublicVersion(comment.version.status),
      data: { ...data, disposition: input.disposition, organizationName: comment.organization?.name ?? null },
    });
    await notify(tx, { userIds: [comment.authorId], kind: "report.comment_answered", data, exceptUserId: actor.userId });
    return { commentId: comment.id, versionId: comment.version.id, ...data, disposition: input.disposition };
  },
  invalidates: ["report", "dashboard", "transparency"],
});
