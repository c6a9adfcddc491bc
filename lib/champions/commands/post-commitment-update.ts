import { defineCommand } from "@/lib/commands/run";
import { refuse } from "@/lib/errors";
import { formatCalendarDate } from "@/lib/roles/schemas";
import { canManageChampions, reportedOnRefusal } from "../policy";
import { postCommitmentUpdateSchema } from "../schemas";
import { bump, commitmentAudit, firstTitle, loadCommitment, notifyFollowers, sourceData, sourceRows, writeRevision } from "./shared";

/**
 * Staff post a dated update from the government's (or the addressee's) account, with its sources
 * and, when it says so, the new status. The commitment's revision and "last updated" move; the
 * followers of the commitment and of its country hear about it.
 *
 * Input (nested, or flat form names):
 *   { commitmentId, reportedOn: "2026-05-02" (not in the future), language, body, status?,
 *     sources?: [{ title, url, publisher?, publishedOn? }]   sources.0.url … }
 * Result: { id (the update), commitmentId, revision, statusChanged }
 */
export const postCommitmentUpdate = defineCommand({
  name: "champions.postCommitmentUpdate",
  input: postCommitmentUpdateSchema,
  actor: "required",
  // The role first, then the day (the command's clock), before anything is read.
  allow: ({ actor, input, now }) => (canManageChampions(actor) ? reportedOnRefusal(input.reportedOn, now) : refuse.forbidden()),
  load: ({ tx, input }) => loadCommitment(tx, input.commitmentId),
  async work({ tx, input, actor, now, loaded: current, record }) {
    const status = input.status ?? current.status;
    const statusChanged = status !== current.status;
    const update = await tx.commitmentUpdate.create({
      data: {
        commitmentId: current.id,
        reportedOn: input.reportedOn,
        language: input.language,
        body: input.body,
        status: input.status ?? null,
        authorId: actor.userId,
        createdAt: now,
      },
    });
    if (input.sources.length) await tx.commitmentSource.createMany({ data: sourceData(sourceRows(input.sources), { updateId: update.id }) });
    await tx.commitment.update({ where: { id: current.id }, data: { ...bump(current, now), status } });
    const c = await writeRevision(tx, current.id, "update_posted", actor.userId, now, {
      previousStatus: statusChanged ? current.status : null,
      updateId: update.id,
    });
    const data = commitmentAudit(c, firstTitle(c.texts));
    record({ action: "commitment.update_posted", entityType: "Commitment", entityId: c.id, isPublic: true, data: { ...data, reportedOn: formatCalendarDate(input.reportedOn) } });
    if (statusChanged) {
      record({ action: "commitment.status_changed", entityType: "Commitment", entityId: c.id, isPublic: true, data: { ...data, previousStatus: current.status } });
    }
    // One notice per follower: the status change, when there is one, says more than "an update".
    await notifyFollowers(tx, c, statusChanged ? "commitment.status_changed" : "commitment.updated", actor.userId);
    return { id: update.id, commitmentId: c.id, revision: c.revision, statusChanged };
  },
  invalidates: ["champions", "home", "report", "transparency"],
});
