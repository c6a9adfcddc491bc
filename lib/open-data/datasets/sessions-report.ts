import { db } from "@/lib/db/client";
import { asLocalizedText } from "@/lib/i18n/localized-text";
import { publicVersionWhere, publicReportCommentWhere, reportCommentSelect, toCommentView } from "@/lib/report/views";
import { showsSummary } from "@/lib/sessions/policy";
import { publicSessionSelect, publicSessionWhere, publicSpeakerSelect, publicSpeakerWhere, toPublicSpeaker } from "@/lib/sessions/queries";
import { afterId, fields, iso, UUID_PATTERN, type Dataset } from "../types";

// Review sessions, their speakers and the report, read with the same rules as their pages.

export const sessions: Dataset = {
  name: "sessions",
  fields: fields(
    "id:string",
    "title:object",
    "description:object",
    "startsAt:datetime",
    "endsAt:datetime",
    "timeZone:string",
    "format:string",
    "place:string?",
    "workingLanguages:array<string>",
    "interpretation:array<string>",
    "objectives:array<integer>",
    "status:string",
    "summary:string?",
    "summaryLanguage:string?",
  ),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.reviewSession.findMany({
      where: { AND: [publicSessionWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { ...publicSessionSelect, summary: true, summaryLanguage: true },
    });
    return rows.map((r) => ({
      id: r.id,
      title: asLocalizedText(r.title),
      description: asLocalizedText(r.description),
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      timeZone: r.timeZone,
      format: r.format,
      place: r.place,
      workingLanguages: r.workingLanguages,
      interpretation: r.interpretation,
      objectives: r.objectives,
      status: r.status,
      // The summary once the session took place, as on its page.
      summary: showsSummary(r.status) ? r.summary : null,
      summaryLanguage: showsSummary(r.status) ? r.summaryLanguage : null,
    }));
  },
  count: () => db.reviewSession.count({ where: publicSessionWhere }),
};

export const speakers: Dataset = {
  name: "speakers",
  fields: fields("id:string", "sessionId:string", "role:string", "name:string?", "organizationName:string?", "organizationSlug:string?", "bio:string?"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.nomination.findMany({
      where: { AND: [publicSpeakerWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { ...publicSpeakerSelect, sessionId: true },
    });
    return rows.map((r) => ({ sessionId: r.sessionId, ...toPublicSpeaker(r) }));
  },
  count: () => db.nomination.count({ where: publicSpeakerWhere }),
};

export const reportVersions: Dataset = {
  name: "report-versions",
  fields: fields("id:string", "number:integer", "language:string", "title:string", "status:string", "commentDeadline:datetime?", "timeZone:string", "openedAt:datetime?", "closedAt:datetime?", "finalAt:datetime?", "body:string"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    // Never the internal note: staff's words about a draft.
    const rows = await db.reportVersion.findMany({
      where: { AND: [publicVersionWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, number: true, language: true, title: true, status: true, commentDeadline: true, timeZone: true, openedAt: true, closedAt: true, finalAt: true, body: true },
    });
    return rows.map((r) => ({ ...r, commentDeadline: iso(r.commentDeadline), openedAt: iso(r.openedAt), closedAt: iso(r.closedAt), finalAt: iso(r.finalAt) }));
  },
  count: () => db.reportVersion.count({ where: publicVersionWhere }),
};

const paragraphWhere = { version: publicVersionWhere };

export const reportParagraphs: Dataset = {
  name: "report-paragraphs",
  fields: fields("id:string", "versionId:string", "anchor:string", "position:integer", "headingLevel:integer?", "markdown:string"),
  idPattern: UUID_PATTERN,
  page: (after, limit) =>
    db.reportParagraph.findMany({
      where: { AND: [paragraphWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, versionId: true, anchor: true, position: true, headingLevel: true, markdown: true },
    }),
  count: () => db.reportParagraph.count({ where: paragraphWhere }),
};

export const reportComments: Dataset = {
  name: "report-comments",
  fields: fields(
    "id:string",
    "versionId:string",
    "paragraphId:string",
    "signedBy:string",
    "organizationName:string?",
    "language:string?",
    "body:string",
    "proposedText:string?",
    "disposition:string?",
    "answer:string?",
    "dispositionAt:datetime?",
    "createdAt:datetime",
  ),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.reportComment.findMany({ where: { AND: [publicReportCommentWhere, afterId(after)] }, orderBy: { id: "asc" }, take: limit, select: reportCommentSelect });
    return rows.map(toCommentView).map((v) => ({
      id: v.id,
      versionId: v.versionId,
      paragraphId: v.paragraphId,
      // Who signs, as the version page says it; never the person.
      signedBy: v.signature.kind,
      organizationName: v.signature.kind === "organization" ? v.signature.name : null,
      language: v.language,
      body: v.body ?? "",
      proposedText: v.proposedText,
      disposition: v.disposition,
      answer: v.answer,
      dispositionAt: iso(v.dispositionAt),
      createdAt: v.createdAt.toISOString(),
    }));
  },
  count: () => db.reportComment.count({ where: publicReportCommentWhere }),
};
