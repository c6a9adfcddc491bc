import { defineCommand, requires } from "@/lib/commands/run";
import { advisoryLock } from "@/lib/db/locks";
import { AppError, type FieldErrors } from "@/lib/errors";
import { assignAnchors } from "../paragraphs";
import { canManageReport, newVersionRefusal } from "../policy";
import { createVersionSchema } from "../schemas";
import { blocksOf, carryLinks, paragraphRows, versionSelect, type VersionResult } from "./version-rows";

/**
 * Staff start a new version as a DRAFT: number = latest + 1, starting from the latest version's
 * title, language and text unless given. Its paragraphs get their anchors against the latest
 * version's (lib/report/paragraphs.ts) and the proposal links of the paragraphs that kept
 * their anchor are carried over. Only one draft at a time: staff edit the one there is.
 */
export const createVersion = defineCommand({
  name: "report.createVersion",
  input: createVersionSchema,
  actor: "required",
  allow: requires(canManageReport),
  async load({ tx }) {
    await advisoryLock(tx, "report.versions");
    const draft = await tx.reportVersion.findFirst({ where: { status: "DRAFT" }, select: { number: true } });
    const latest = await tx.reportVersion.findFirst({
      orderBy: { number: "desc" },
      select: { ...versionSelect, body: true, paragraphs: { orderBy: { position: "asc" }, select: { id: true, anchor: true, text: true, headingLevel: true } } },
    });
    return { draft, latest };
  },
  authorize: ({ loaded }) => newVersionRefusal(loaded.draft),
  async work({ tx, input, actor, loaded: { latest }, record }): Promise<VersionResult> {
    const title = input.title ?? latest?.title;
    const language = input.language ?? latest?.language;
    const body = input.body ?? latest?.body;
    if (!title || !language || !body) {
      const missing: FieldErrors = {};
      if (!title) missing.title = [{ key: "required" }];
      if (!language) missing.language = [{ key: "required" }];
      if (!body) missing.body = [{ key: "required" }];
      throw new AppError("invalid", { key: "invalidForm" }, missing);
    }
    const anchored = assignAnchors(latest?.paragraphs ?? null, blocksOf(body));
    // The note is about this draft: a new version starts without one.
    const version = await tx.reportVersion.create({
      data: {
        number: (latest?.number ?? 0) + 1,
        title,
        language,
        body,
        internalNote: input.internalNote ?? null,
        status: "DRAFT",
        previousId: latest?.id ?? null,
        createdById: actor.userId,
      },
      select: versionSelect,
    });
    const rows = paragraphRows(version.id, anchored);
    await tx.reportParagraph.createMany({ data: rows });
    if (latest) {
      await carryLinks(tx, latest.paragraphs.map((p) => p.id), new Map(rows.map((r) => [r.anchor, r.id])), actor.userId);
    }
    record({
      action: "report.version_created",
      entityType: "ReportVersion",
      entityId: version.id,
      isPublic: false,
      data: { versionNumber: version.number, title: version.title },
    });
    return { id: version.id, number: version.number, status: version.status };
  },
  // A draft shows to staff and the committee on the report pages and on the desk.
  invalidates: ["report", "dashboard"],
});
