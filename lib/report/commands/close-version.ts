import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { canManageReport, effectiveStatus, nextReportStatus, versionChangeRefusal } from "../policy";
import { versionRefSchema } from "../schemas";
import { loadVersion, type VersionResult } from "./version-rows";

/** OPEN → CLOSED before the deadline (after it, a version is closed already). */
export const closeVersion = defineCommand({
  name: "report.closeVersion",
  input: versionRefSchema,
  actor: "required",
  allow: requires(canManageReport),
  load: ({ tx, input }) => loadVersion(tx, input.versionId),
  authorize: ({ loaded, now }) => versionChangeRefusal(loaded, "close", now),
  async work({ tx, now, loaded: current, record }): Promise<VersionResult> {
    const to = nextReportStatus(effectiveStatus(current, now), "close")!;
    const { count } = await tx.reportVersion.updateMany({ where: { id: current.id, status: current.status }, data: { status: to, closedAt: now } });
    if (count !== 1) throw conflict();
    record({
      action: "report.version_closed",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: true,
      data: { versionNumber: current.number, title: current.title },
    });
    return { id: current.id, number: current.number, status: to };
  },
  invalidates: ["report", "dashboard", "transparency"],
});
