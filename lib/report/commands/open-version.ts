import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { localInputToDate } from "@/lib/sessions/time";
import { canManageReport, effectiveStatus, nextReportStatus, openVersionRefusal, supersededBy, versionChangeRefusal } from "../policy";
import { openVersionSchema, type OpenVersionInput } from "../schemas";
import { loadVersion, supersedeEarlier, type VersionResult } from "./version-rows";

/** The deadline as an instant: the local date and time in the zone chosen (null when no such time exists). */
const deadlineOf = (input: OpenVersionInput) => localInputToDate(input.commentDeadline, input.timeZone);

/**
 * DRAFT → OPEN for comment until a deadline in the future (a local date and time in the zone
 * chosen), under the public title staff confirmed. Everyone can read it from now on; earlier
 * open or closed versions are superseded — refused when they are not the ones the confirmation
 * page showed (another version opened or closed in between), checked under the versions' lock.
 */
export const openVersion = defineCommand({
  name: "report.openVersion",
  input: openVersionSchema,
  actor: "required",
  allow: requires(canManageReport),
  async load({ tx, input }) {
    const version = await loadVersion(tx, input.versionId);
    const earlier = await tx.reportVersion.findMany({ where: supersededBy(version.number), orderBy: { number: "asc" }, select: { number: true } });
    return { version, superseded: earlier.map((v) => v.number) };
  },
  authorize: ({ input, loaded, now }) =>
    versionChangeRefusal(loaded.version, "open", now) ?? openVersionRefusal(deadlineOf(input), now, loaded.superseded, input.expectedSuperseded),
  async work({ tx, input, now, loaded: { version: current }, record }): Promise<VersionResult> {
    const deadline = deadlineOf(input)!;
    const to = nextReportStatus(effectiveStatus(current, now), "open")!;
    const { count } = await tx.reportVersion.updateMany({
      where: { id: current.id, status: current.status },
      data: { status: to, title: input.title, commentDeadline: deadline, timeZone: input.timeZone, openedAt: now },
    });
    if (count !== 1) throw conflict();
    await supersedeEarlier(tx, current.number);
    // The title as published; the internal note never goes into audit data.
    record({
      action: "report.version_opened",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: true,
      // The zone goes with the deadline so the public log shows it as the version page does.
      data: { versionNumber: current.number, title: input.title, commentDeadline: deadline.toISOString(), timeZone: input.timeZone },
    });
    return { id: current.id, number: current.number, status: to };
  },
  invalidates: ["report", "dashboard", "transparency"],
});
