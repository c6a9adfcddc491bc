import { defineCommand, requires } from "@/lib/commands/run";
import type { AppLocale } from "@/i18n/routing";
import { canManageReport, translationRefusal, versionChangeRefusal } from "../policy";
import { translationSchema } from "../schemas";
import { loadVersion } from "./version-rows";

/**
 * Staff attach a translation (title and Markdown text, read-only: comments go on the original)
 * to a version readers can see; the same language again replaces it.
 */
export const addTranslation = defineCommand({
  name: "report.addTranslation",
  input: translationSchema,
  actor: "required",
  allow: requires(canManageReport),
  load: ({ tx, input }) => loadVersion(tx, input.versionId),
  authorize: ({ input, loaded, now }) => versionChangeRefusal(loaded, "translate", now) ?? translationRefusal(loaded.language, input.language),
  async work({ tx, input, loaded: current, record }): Promise<{ id: string; versionId: string; language: AppLocale }> {
    const row = await tx.reportTranslation.upsert({
      where: { versionId_language: { versionId: current.id, language: input.language } },
      create: { versionId: current.id, language: input.language, title: input.title, body: input.body },
      update: { title: input.title, body: input.body },
      select: { id: true },
    });
    record({
      action: "report.translation_added",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: true,
      data: { versionNumber: current.number, title: current.title, language: input.language },
    });
    return { id: row.id, versionId: current.id, language: input.language };
  },
  invalidates: ["report", "dashboard", "transparency"],
});
