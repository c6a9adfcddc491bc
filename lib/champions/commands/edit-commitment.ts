import { defineCommand, requires } from "@/lib/commands/run";
import { canManageChampions, staleRevisionRefusal } from "../policy";
import { editCommitmentSchema } from "../schemas";
import { bump, commitmentAudit, firstTitle, loadCommitment, milestoneRows, notifyFollowers, sourceRows, textLanguages, textRows, writeRevision } from "./shared";

/**
 * Staff edit an initiative or a recommendation: texts, milestones and sources are replaced by
 * what is sent. A new revision with its snapshot is written; a change of status is logged on its
 * own and tells the followers.
 *
 * Input (nested, or flat form names as for createInitiative):
 *   { commitmentId, texts, objectives, inclusion?, inclusionEvidence?, milestones?, sources?,
 *     status?, publicBody? (initiatives), addressee? (recommendations), expectedRevision? }
 * Result: { id, revision, status, statusChanged }
 */
export const editCommitment = defineCommand({
  name: "champions.editCommitment",
  input: editCommitmentSchema,
  actor: "required",
  allow: requires(canManageChampions),
  load: ({ tx, input }) => loadCommitment(tx, input.commitmentId),
  authorize: ({ loaded, input }) => staleRevisionRefusal(loaded.revision, input.expectedRevision),
  async work({ tx, input, actor, now, loaded: current, record }) {
    const id = current.id;
    const status = input.status ?? current.status;
    const initiative = current.kind === "INITIATIVE";
    await tx.commitmentText.deleteMany({ where: { commitmentId: id } });
    await tx.commitmentMilestone.deleteMany({ where: { commitmentId: id } });
    await tx.commitmentSource.deleteMany({ where: { commitmentId: id } });
    await tx.commitment.update({
      where: { id },
      data: {
        ...bump(current, now),
        objectives: input.objectives,
        status,
        inclusion: input.inclusion,
        inclusionEvidence: input.inclusionEvidence ?? null,
        ...(initiative && input.publicBody ? { publicBody: input.publicBody } : {}),
        ...(!initiative && input.addressee ? { addressee: input.addressee } : {}),
        texts: { create: textRows(input.texts) },
        milestones: { create: milestoneRows(input.milestones, textLanguages(input.texts)[0]) },
        sources: { create: sourceRows(input.sources) },
      },
    });
    const statusChanged = status !== current.status;
    const c = await writeRevision(tx, id, "edited", actor.userId, now, { previousStatus: statusChanged ? current.status : null });
    const data = commitmentAudit(c, firstTitle(c.texts));
    record({ action: "commitment.edited", entityType: "Commitment", entityId: id, isPublic: true, data });
    if (statusChanged) {
      record({ action: "commitment.status_changed", entityType: "Commitment", entityId: id, isPublic: true, data: { ...data, previousStatus: current.status } });
      await notifyFollowers(tx, c, "commitment.status_changed", actor.userId);
    }
    return { id, revision: c.revision, status: c.status, statusChanged };
  },
  invalidates: ["champions", "home", "report", "transparency"],
});
