import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ReportVersionStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { asLocalizedText, pickLocalized, type LocalizedText } from "@/lib/i18n/localized-text";
import type { AppLocale } from "@/i18n/routing";
import { isPublicSessionStatus, LINKABLE_SESSION_STATUSES, readableProposalWhere } from "./visibility";

const idSchema = z.uuid();

/**
 * Everything the proposal page shows but the comments, in six queries whatever the number
 * of co-sponsors, history entries or report links (the proposal, its organization, its session,
 * the co-sponsors, the history with its actors, and the report paragraphs that take it up).
 * `null` when the actor may not read it (or it does not exist). The session is there only when
 * it is public: a draft session is never named.
 */
export async function getProposalForPage(actor: Actor | null, rawId: string) {
  const id = idSchema.safeParse(rawId);
  if (!id.success) return null;
  const proposal = await db.proposal.findFirst({
    where: { AND: [{ id: id.data }, readableProposalWhere(actor)] },
    select: {
      id: true,
      title: true,
      summary: true,
      body: true,
      language: true,
      objectives: true,
      countries: true,
      sessionId: true,
      concernsChildren: true,
      concernsGender: true,
      concernsIrregular: true,
      status: true,
      submittedAt: true,
      answer: true,
      answeredAt: true,
      incorporatedNote: true,
      cosponsorCount: true,
      createdAt: true,
      updatedAt: true,
      organizationId: true,
      organization: { select: { id: true, name: true, slug: true, country: true, type: true, status: true } },
      session: { select: { id: true, title: true, status: true, startsAt: true, timeZone: true } },
    },
  });
  if (!proposal) return null;
  const [cosponsors, history, reportLinks] = await Promise.all([
    // One statement with the join (a Prisma relation would cost a second one).
    db.$queryRaw<{ id: string; name: string; slug: string; country: string; since: Date }[]>`
      SELECT o.id::text AS id, o.name, o.slug, o.country, c."createdAt" AS since
      FROM "ProposalCosponsor" c JOIN "Organization" o ON o.id = c."organizationId"
      WHERE c."proposalId" = ${proposal.id}::uuid AND o.status = 'VERIFIED'
      ORDER BY c."createdAt" ASC, o.name ASC`,
    // One statement with the actor's name joined (a Prisma relation would cost a second one).
    db.$queryRaw<{ id: string; action: string; createdAt: Date; data: unknown; actorName: string | null }[]>`
      SELECT a.id::text AS id, a.action, a."createdAt", a.data, u.name AS "actorName"
      FROM "AuditEntry" a LEFT JOIN "User" u ON u.id = a."actorId"
      WHERE a."entityType" = 'Proposal' AND a."entityId" = ${proposal.id} AND a."isPublic" = true
      ORDER BY a."createdAt" ASC, a.id ASC`,
    // Where the report takes it up: paragraphs of versions everyone reads (never a draft).
    db.$queryRaw<ProposalReportLink[]>`
      SELECT v.number AS "versionNumber", v.status::text AS "versionStatus", p.anchor, v.title AS "versionTitle"
      FROM "ReportParagraphProposal" l
      JOIN "ReportParagraph" p ON p.id = l."paragraphId"
      JOIN "ReportVersion" v ON v.id = p."versionId"
      WHERE l."proposalId" = ${proposal.id}::uuid AND v.status <> 'DRAFT'
      ORDER BY v.number DESC, p.position ASC`,
  ]);
  const { session: linked, ...rest } = proposal;
  const session: ProposalSession | null =
    linked && isPublicSessionStatus(linked.status)
      ? { id: linked.id, title: asLocalizedText(linked.title), status: linked.status, startsAt: linked.startsAt, timeZone: linked.timeZone }
      : null;
  return {
    ...rest,
    sessionId: session?.id ?? null,
    session,
    answer: (proposal.answer ?? null) as Partial<Record<"es" | "en" | "pt" | "fr", string>> | null,
    cosponsors,
    history: history.map((h) => ({ id: h.id, action: h.action, createdAt: h.createdAt, actorName: h.actorName, data: (h.data ?? {}) as Record<string, unknown> })),
    reportLinks,
  };
}

/** A paragraph of a non-draft report version that takes the proposal up (the proposal page links to it). */
export type ProposalReportLink = { versionNumber: number; versionStatus: ReportVersionStatus; anchor: string; versionTitle: string };

export type ProposalPageData = NonNullable<Awaited<ReturnType<typeof getProposalForPage>>>;

/** The public session a proposal is meant for, as its page shows it (the title in every language written). */
export type ProposalSession = { id: string; title: LocalizedText; status: SessionStatus; startsAt: Date; timeZone: string };

/** A session in a select: its title in the reader's language (else Spanish, else any) and its start. */
export type SessionOption = { id: string; title: string; lang: AppLocale | null; startsAt: Date; timeZone: string };

const sessionOptionSelect = { id: true, title: true, startsAt: true, timeZone: true } as const;

function toOption(row: { id: string; title: unknown; startsAt: Date; timeZone: string }, locale: AppLocale): SessionOption {
  const title = pickLocalized(row.title, locale);
  return { id: row.id, title: title?.text ?? "", lang: title?.lang ?? null, startsAt: row.startsAt, timeZone: row.timeZone };
}

/**
 * The proposal form's session picker, in one query: sessions open for nominations or with their
 * speakers confirmed, soonest first, plus the session the draft already names (`keepSessionId`)
 * whatever its state now, unless it is a draft session.
 */
export async function proposalSessionOptions(locale: AppLocale, keepSessionId?: string | null): Promise<SessionOption[]> {
  const keep = keepSessionId && z.uuid().safeParse(keepSessionId).success ? keepSessionId : null;
  const rows = await db.reviewSession.findMany({
    where: {
      OR: [
        { status: { in: [...LINKABLE_SESSION_STATUSES] } },
        ...(keep ? [{ id: keep, status: { not: "DRAFT" as const } }] : []),
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: sessionOptionSelect,
  });
  return rows.map((row) => toOption(row, locale));
}

/** The public list's session filter, in one query: every session but drafts, latest first. */
export async function sessionFilterOptions(locale: AppLocale): Promise<SessionOption[]> {
  const rows = await db.reviewSession.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    select: sessionOptionSelect,
  });
  return rows.map((row) => toOption(row, locale));
}
