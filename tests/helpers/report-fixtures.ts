// Report versions for helper D's tests: written straight to the database with real anchors
// (lib/report/paragraphs.ts), so each lifecycle command can be tried on a version in any state.
import { db } from "@/lib/db/client";
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { assignAnchors, splitMarkdown } from "@/lib/report/paragraphs";
import { dateToLocalInput } from "@/lib/sessions/time";

export const ALL_REPORT_STATUSES: ReportVersionStatus[] = ["DRAFT", "OPEN", "CLOSED", "SUPERSEDED", "FINAL"];

const HOUR = 3600 * 1000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR);

/** A `datetime-local` value `hours` ahead, in `zone`. */
export const localIn = (hours: number, zone = "America/Santiago") => dateToLocalInput(hoursFromNow(hours), zone);

export const REPORT_BODY = [
  "# Introducción",
  "La migración en América Latina y el Caribe creció durante el período examinado y cambió de rutas y de perfiles.",
  "## Avances",
  "Los Estados avanzaron en la regularización de personas migrantes y en el acceso a documentos de identidad.",
  "La sociedad civil pidió participar en la preparación del informe y que el informe final se comparta con todos los actores.",
  "## Recomendaciones",
  "- Ampliar las vías regulares.\n- Proteger a niñas, niños y adolescentes.",
].join("\n\n");

/** A version in `status` (an OPEN one's deadline is a week ahead unless given), with its paragraphs. */
export async function insertVersion(options: {
  number: number;
  status?: ReportVersionStatus;
  body?: string;
  title?: string;
  commentDeadline?: Date | null;
  previous?: { id: string; paragraphs: { anchor: string; text: string; headingLevel: number | null }[] } | null;
}) {
  const status = options.status ?? "OPEN";
  const body = options.body ?? REPORT_BODY;
  const anchored = assignAnchors(options.previous?.paragraphs ?? null, splitMarkdown(body));
  const deadline = options.commentDeadline !== undefined ? options.commentDeadline : status === "DRAFT" ? null : hoursFromNow(24 * 7);
  return db.reportVersion.create({
    data: {
      number: options.number,
      language: "es",
      title: options.title ?? `Informe regional, versión ${options.number}`,
      body,
      status,
      commentDeadline: deadline,
      previousId: options.previous?.id ?? null,
      openedAt: status === "DRAFT" ? null : new Date(),
      finalAt: status === "FINAL" ? new Date() : null,
      paragraphs: { create: anchored.map((p) => ({ anchor: p.anchor, position: p.position, markdown: p.markdown, text: p.text, headingLevel: p.headingLevel })) },
    },
    include: { paragraphs: { orderBy: { position: "asc" } } },
  });
}

/** Row counts of what the version commands write. */
export async function reportVersionCounts() {
  const [versions, paragraphs, translations, links, audit, notifications, outbox] = await Promise.all([
    db.reportVersion.count(),
    db.reportParagraph.count(),
    db.reportTranslation.count(),
    db.reportParagraphProposal.count(),
    db.auditEntry.count(),
    db.notification.count(),
    // Mail the command queued (sent later by the worker).
    db.emailDelivery.count(),
  ]);
  return { versions, paragraphs, translations, links, audit, notifications, outbox };
}
