import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { isLocale, localeOr } from "@/i18n/routing";
import { canManageReport, effectiveStatus, nextReportStatus, versionChangeRefusal } from "../policy";
import { versionRefSchema } from "../schemas";
import { finalReportEmail } from "./final-email";
import { loadVersion, supersedeEarlier, type VersionResult } from "./version-rows";

export type FinalResult = VersionResult & {
  /** Members of verified organizations told in the app. */
  notified: number;
  /** Verified organizations whose email went out (one each, to the contact address). */
  emailed: number;
};

/**
 * Staff publish a CLOSED version (or a DRAFT directly) as the final report: the previous final
 * and earlier open or closed versions are superseded; the public log records it; every member of
 * every verified organization is notified in-app (in the same transaction) and, after the
 * commit, each verified organization gets one email at its contact address.
 */
export const publishFinal = defineCommand({
  name: "report.publishFinal",
  input: versionRefSchema,
  actor: "required",
  allow: requires(canManageReport),
  load: ({ tx, input }) => loadVersion(tx, input.versionId),
  authorize: ({ loaded, now }) => versionChangeRefusal(loaded, "publishFinal", now),
  async work({ tx, actor, now, loaded: current, record, mail }) {
    const status = effectiveStatus(current, now);
    const to = nextReportStatus(status, "publishFinal")!;
    // An open version past its deadline closed then, even if nobody closed it.
    const closedAt = current.status === "OPEN" && status === "CLOSED" && !current.closedAt ? { closedAt: current.commentDeadline } : {};
    const { count } = await tx.reportVersion.updateMany({ where: { id: current.id, status: current.status }, data: { status: to, finalAt: now, ...closedAt } });
    if (count !== 1) throw conflict();
    await tx.reportVersion.updateMany({ where: { id: { not: current.id }, status: "FINAL" }, data: { status: "SUPERSEDED" } });
    await supersedeEarlier(tx, current.number);
    record({
      action: "report.final_published",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: true,
      data: { versionNumber: current.number, title: current.title },
    });
    const organizations = await tx.organization.findMany({
      where: { status: "VERIFIED" },
      orderBy: { name: "asc" },
      select: { name: true, contactEmail: true, languages: true, memberships: { select: { userId: true } } },
    });
    const notified = await notify(tx, {
      userIds: organizations.flatMap((o) => o.memberships.map((m) => m.userId)),
      kind: "report.final_published",
      data: { versionNumber: current.number, title: current.title },
      exceptUserId: actor.userId,
    });
    for (const org of organizations) {
      // The organization's first working language the portal speaks, else the default.
      const locale = localeOr(org.languages.find(isLocale));
      mail(finalReportEmail({ to: org.contactEmail, locale, organizationName: org.name, versionNumber: current.number, title: current.title }));
    }
    return { id: current.id, number: current.number, status: to, notified };
  },
  // A failed email never undoes the publication: `emailed` counts the ones that went out.
  respond: (result, { mailSent }): FinalResult => ({ ...result, emailed: mailSent }),
  invalidates: ["report", "dashboard", "transparency"],
});
