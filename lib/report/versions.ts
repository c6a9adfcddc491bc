import { randomUUID } from "node:crypto";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflict, fieldError, forbidden, notFound, notSignedIn, parseInput, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";
import { sendMail, type Mail } from "@/lib/mail/send";
import { notify } from "@/lib/notifications/notify";
import { localInputToDate } from "@/lib/sessions/time";
import { isLocale, type AppLocale } from "@/i18n/routing";
import es from "@/messages/es/report.json";
import en from "@/messages/en/report.json";
import pt from "@/messages/pt/report.json";
import fr from "@/messages/fr/report.json";
import { assignAnchors, splitMarkdown, type AnchoredBlock } from "./paragraphs";
import { canManageReport, effectiveStatus, nextReportStatus, supersededBy, type ReportAction } from "./policy";
import { createVersionSchema, openVersionSchema, REPORT_LIMITS, translationSchema, updateDraftSchema, versionRefSchema } from "./schemas";

// Staff's commands on report versions. Every one: parse, check the actor, one transaction that
// locks the versions (so two staff members cannot open or finalize two versions at once), checks
// the state machine on the effective status (an OPEN version past its deadline is closed), writes,
// and records the audit row; side effects (email) after the commit.

type Tx = Prisma.TransactionClient;

export type VersionResult = { id: string; number: number; status: ReportVersionStatus };

const versionSelect = {
  id: true,
  number: true,
  title: true,
  language: true,
  status: true,
  commentDeadline: true,
  previousId: true,
  closedAt: true,
} satisfies Prisma.ReportVersionSelect;

/** One change to the versions at a time: the lifecycle touches several rows (superseding). */
async function lockVersions(tx: Tx) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('report.versions'))::text AS locked`;
}

function staffOnly(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw notSignedIn();
  if (!canManageReport(actor)) throw forbidden();
}

/** The blocks of a body, refusing a text with no block or too many. */
function blocksOf(body: string) {
  const blocks = splitMarkdown(body);
  if (blocks.length === 0) throw fieldError("body", "report.emptyBody");
  if (blocks.length > REPORT_LIMITS.paragraphs) throw fieldError("body", "report.tooManyParagraphs", { max: REPORT_LIMITS.paragraphs });
  return blocks;
}

const paragraphRows = (versionId: string, anchored: AnchoredBlock[]) =>
  anchored.map((p) => ({
    id: randomUUID(),
    versionId,
    anchor: p.anchor,
    position: p.position,
    markdown: p.markdown,
    text: p.text,
    headingLevel: p.headingLevel,
  }));

/** Copies the proposal links of `from` paragraphs to the `to` paragraphs that kept their anchor. */
async function carryLinks(tx: Tx, fromParagraphIds: string[], anchorToNewId: Map<string, string>, linkedById: string) {
  if (fromParagraphIds.length === 0 || anchorToNewId.size === 0) return;
  const links = await tx.reportParagraphProposal.findMany({
    where: { paragraphId: { in: fromParagraphIds } },
    select: { proposalId: true, linkedById: true, paragraph: { select: { anchor: true } } },
  });
  const data = links.flatMap((link) => {
    const paragraphId = anchorToNewId.get(link.paragraph.anchor);
    return paragraphId ? [{ paragraphId, proposalId: link.proposalId, linkedById: link.linkedById ?? linkedById }] : [];
  });
  if (data.length) await tx.reportParagraphProposal.createMany({ data, skipDuplicates: true });
}

// ─── Writing ────────────────────────────────────────────────────────────────────────────────

/**
 * Staff start a new version as a DRAFT: number = latest + 1, starting from the latest version's
 * title, language and text unless given. Its paragraphs get their anchors against the latest
 * version's (lib/report/paragraphs.ts) and the proposal links of the paragraphs that kept
 * their anchor are carried over. Only one draft at a time: staff edit the one there is.
 */
export async function createVersion(actor: Actor | null, raw: unknown): Promise<VersionResult> {
  const input = parseInput(createVersionSchema, raw);
  staffOnly(actor);
  return db.$transaction(async (tx) => {
    await lockVersions(tx);
    const draft = await tx.reportVersion.findFirst({ where: { status: "DRAFT" }, select: { number: true } });
    if (draft) throw conflict("report.draftExists", { number: draft.number });
    const latest = await tx.reportVersion.findFirst({
      orderBy: { number: "desc" },
      select: { ...versionSelect, body: true, paragraphs: { orderBy: { position: "asc" }, select: { id: true, anchor: true, text: true, headingLevel: true } } },
    });
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
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.version_created",
      entityType: "ReportVersion",
      entityId: version.id,
      isPublic: false,
      data: { versionNumber: version.number, title: version.title },
    });
    return { id: version.id, number: version.number, status: version.status };
  });
}

/** The version, locked for the rest of the transaction, and its effective status. */
async function loadForChange(tx: Tx, versionId: string, action: ReportAction) {
  await lockVersions(tx);
  const current = await tx.reportVersion.findUnique({ where: { id: versionId }, select: versionSelect });
  if (!current) throw notFound();
  const now = new Date();
  const status = effectiveStatus(current, now);
  const to = nextReportStatus(status, action);
  if (!to) throw conflict(action === "edit" ? "report.notEditable" : "report.wrongState");
  return { current, status, to, now };
}

/**
 * Staff edit a DRAFT's title, language and text. Paragraphs keep their anchors (and the
 * committee's comments on them) when they match the draft's current paragraphs, else the
 * previous version's (the same rule); comments on a paragraph removed from the draft go with it.
 */
export async function updateDraft(actor: Actor | null, raw: unknown): Promise<VersionResult> {
  const input = parseInput(updateDraftSchema, raw);
  staffOnly(actor);
  const blocks = blocksOf(input.body);
  return db.$transaction(async (tx) => {
    const { current } = await loadForChange(tx, input.versionId, "edit");
    const existing = await tx.reportParagraph.findMany({
      where: { versionId: current.id },
      orderBy: { position: "asc" },
      select: { id: true, anchor: true, text: true, headingLevel: true },
    });
    const previous = current.previousId
      ? await tx.reportParagraph.findMany({
          where: { versionId: current.previousId },
          orderBy: { position: "asc" },
          select: { id: true, anchor: true, text: true, headingLevel: true },
        })
      : [];
    const own = new Set(existing.map((p) => p.anchor));
    const fromPrevious = previous.filter((p) => !own.has(p.anchor));
    const anchored = assignAnchors([...existing, ...fromPrevious], blocks);

    const byAnchor = new Map(existing.map((p) => [p.anchor, p.id]));
    const kept = anchored.filter((p) => byAnchor.has(p.anchor));
    const added = anchored.filter((p) => !byAnchor.has(p.anchor));
    const keptAnchors = new Set(kept.map((p) => p.anchor));
    const removed = existing.filter((p) => !keptAnchors.has(p.anchor)).map((p) => p.id);

    if (removed.length) await tx.reportParagraph.deleteMany({ where: { id: { in: removed }, versionId: current.id } });
    // Positions are unique per version: move the kept ones out of the way, then set them.
    await tx.$executeRaw`UPDATE "ReportParagraph" SET position = -position - 1 WHERE "versionId" = ${current.id}::uuid`;
    if (kept.length) {
      await tx.$executeRaw`
        UPDATE "ReportParagraph" AS p
        SET position = v.position, markdown = v.markdown, text = v.text, "headingLevel" = v.heading
        FROM unnest(${kept.map((p) => byAnchor.get(p.anchor)!)}::uuid[], ${kept.map((p) => p.position)}::int[],
                    ${kept.map((p) => p.markdown)}::text[], ${kept.map((p) => p.text)}::text[],
                    ${kept.map((p) => p.headingLevel)}::int[]) AS v(id, position, markdown, text, heading)
        WHERE p.id = v.id AND p."versionId" = ${current.id}::uuid`;
    }
    const rows = paragraphRows(current.id, added);
    if (rows.length) await tx.reportParagraph.createMany({ data: rows });
    // A paragraph of the previous version back in the draft brings its proposal links back.
    const previousIds = new Set(fromPrevious.map((p) => p.anchor));
    const returning = rows.filter((r) => previousIds.has(r.anchor));
    if (returning.length) {
      await carryLinks(tx, fromPrevious.map((p) => p.id), new Map(returning.map((r) => [r.anchor, r.id])), actor.userId);
    }
    const { count } = await tx.reportVersion.updateMany({
      where: { id: current.id, status: "DRAFT" },
      data: { title: input.title, language: input.language, body: input.body, internalNote: input.internalNote ?? null },
    });
    if (count !== 1) throw conflict();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.version_updated",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: false,
      data: { versionNumber: current.number, title: input.title },
    });
    return { id: current.id, number: current.number, status: current.status };
  });
}

async function supersedeEarlier(tx: Tx, number: number) {
  await tx.reportVersion.updateMany({ where: supersededBy(number), data: { status: "SUPERSEDED" } });
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * DRAFT → OPEN for comment until a deadline in the future (a local date and time in the zone
 * chosen), under the public title staff confirmed. Everyone can read it from now on; earlier
 * open or closed versions are superseded — refused when they are not the ones the confirmation
 * page showed (another version opened or closed in between).
 */
export async function openVersion(actor: Actor | null, raw: unknown): Promise<VersionResult> {
  const input = parseInput(openVersionSchema, raw);
  staffOnly(actor);
  return db.$transaction(async (tx) => {
    const { current, to, now } = await loadForChange(tx, input.versionId, "open");
    const deadline = localInputToDate(input.commentDeadline, input.timeZone);
    if (!deadline) throw fieldError("commentDeadline", "report.invalidLocalTime");
    if (deadline.getTime() <= now.getTime()) throw fieldError("commentDeadline", "report.deadlineInPast");
    if (input.expectedSuperseded) {
      const earlier = await tx.reportVersion.findMany({ where: supersededBy(current.number), orderBy: { number: "asc" }, select: { number: true } });
      if (!sameNumbers(earlier.map((v) => v.number), input.expectedSuperseded)) throw conflict("report.supersededChanged");
    }
    const { count } = await tx.reportVersion.updateMany({
      where: { id: current.id, status: current.status },
      data: { status: to, title: input.title, commentDeadline: deadline, timeZone: input.timeZone, openedAt: now },
    });
    if (count !== 1) throw conflict();
    await supersedeEarlier(tx, current.number);
    // The title as published; the internal note never goes into audit data.
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.version_opened",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: true,
      // The zone goes with the deadline so the public log shows it as the version page does.
      data: { versionNumber: current.number, title: input.title, commentDeadline: deadline.toISOString(), timeZone: input.timeZone },
    });
    return { id: current.id, number: current.number, status: to };
  });
}

/** OPEN → CLOSED before the deadline (after it, a version is closed already). */
export async function closeVersion(actor: Actor | null, raw: unknown): Promise<VersionResult> {
  const input = parseInput(versionRefSchema, raw);
  staffOnly(actor);
  return db.$transaction(async (tx) => {
    const { current, to, now } = await loadForChange(tx, input.versionId, "close");
    const { count } = await tx.reportVersion.updateMany({ where: { id: current.id, status: current.status }, data: { status: to, closedAt: now } });
    if (count !== 1) throw conflict();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.version_closed",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: true,
      data: { versionNumber: current.number, title: current.title },
    });
    return { id: current.id, number: current.number, status: to };
  });
}

// ─── The final report ──────────────────────────────────────────────────────────────────────

const catalogues: Record<AppLocale, unknown> = { es, en, pt, fr };

/** The portal's address for links in emails. */
const publicUrl = () => (process.env.PUBLIC_URL ?? "http://localhost:3000").replace(/\/+$/, "");

/** To a verified organization's contact address, in its first working language. */
export function finalReportEmail(options: { to: string; locale: AppLocale; organizationName: string; versionNumber: number; title: string }): Mail {
  const t = createTranslator({
    locale: options.locale,
    messages: { report: catalogues[options.locale] } as AbstractIntlMessages,
    namespace: "report",
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const values = {
    organizationName: options.organizationName,
    versionNumber: options.versionNumber,
    title: options.title,
    link: `${publicUrl()}/${options.locale}/report`,
  };
  return { to: options.to, subject: t("emails.final.subject", values), text: `${t("emails.final.body", values)}\n\n${t("emails.signature")}` };
}

export type FinalResult = VersionResult & { notified: number; emailed: number };

/**
 * Staff publish a CLOSED version (or a DRAFT directly) as the final report: the previous final
 * and earlier open or closed versions are superseded; the public log records it; every member of
 * every verified organization is notified in-app (in the same transaction) and, after the
 * commit, each verified organization gets one email at its contact address.
 */
export async function publishFinal(actor: Actor | null, raw: unknown): Promise<FinalResult> {
  const input = parseInput(versionRefSchema, raw);
  staffOnly(actor);
  const { result, title, organizations } = await db.$transaction(async (tx) => {
    const { current, status, to, now } = await loadForChange(tx, input.versionId, "publishFinal");
    const { count } = await tx.reportVersion.updateMany({
      where: { id: current.id, status: current.status },
      data: { status: to, finalAt: now, ...(current.status === "OPEN" && status === "CLOSED" && !current.closedAt ? { closedAt: current.commentDeadline } : {}) },
    });
    if (count !== 1) throw conflict();
    await tx.reportVersion.updateMany({ where: { id: { not: current.id }, status: "FINAL" }, data: { status: "SUPERSEDED" } });
    await supersedeEarlier(tx, current.number);
    await recordAudit(tx, {
      actorId: actor.userId,
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
    return { result: { id: current.id, number: current.number, status: to, notified }, title: current.title, organizations };
  });
  let emailed = 0;
  for (const org of organizations) {
    const locale = org.languages.find(isLocale) ?? "es";
    try {
      await sendMail(finalReportEmail({ to: org.contactEmail, locale, organizationName: org.name, versionNumber: result.number, title }));
      emailed++;
    } catch (error) {
      // A failed email never undoes the publication.
      logError("report.final.mail", error);
    }
  }
  return { ...result, emailed };
}

// ─── Translations ──────────────────────────────────────────────────────────────────────────

/**
 * Staff attach a translation (title and Markdown text, read-only: comments go on the original)
 * to a version readers can see; the same language again replaces it.
 */
export async function addTranslation(actor: Actor | null, raw: unknown): Promise<{ id: string; versionId: string; language: AppLocale }> {
  const input = parseInput(translationSchema, raw);
  staffOnly(actor);
  return db.$transaction(async (tx) => {
    const { current } = await loadForChange(tx, input.versionId, "translate");
    if (current.language === input.language) throw fieldError("language", "report.sameLanguage");
    const row = await tx.reportTranslation.upsert({
      where: { versionId_language: { versionId: current.id, language: input.language } },
      create: { versionId: current.id, language: input.language, title: input.title, body: input.body },
      update: { title: input.title, body: input.body },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.translation_added",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: true,
      data: { versionNumber: current.number, title: current.title, language: input.language },
    });
    return { id: row.id, versionId: current.id, language: input.language };
  });
}
