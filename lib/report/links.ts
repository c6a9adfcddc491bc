import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalStatus, ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { isStaff, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, fieldError, forbidden, notFound, notSignedIn, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { PROPOSAL_AUDIT_ACTION } from "@/lib/proposals/policy";
import { publicProposalWhere } from "@/lib/proposals/visibility";

// Traceability: staff link a paragraph of a version to the proposals it takes up. The paragraph
// shows them, the proposal page shows the paragraph (non-draft versions only), and linking an
// ACCEPTED proposal marks it INCORPORATED in the same transaction, with the proposal's own
// history entry and notification, as lib/proposals does for "incorporate".

type Tx = Prisma.TransactionClient;

/** Staff (admins are staff) link paragraphs to proposals. */
export const canLinkProposals = (actor: Actor | null): actor is Actor => isStaff(actor);

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The proposal a staff member names in the form: its id, or its address
 * (https://…/es/proposals/<id>, with or without a query or fragment). The last id in the text wins.
 */
export function proposalIdFromReference(reference: string): string | null {
  const ids = reference.match(UUID_IN_TEXT);
  return ids ? ids[ids.length - 1].toLowerCase() : null;
}

const paragraphRef = {
  versionId: z.uuid(),
  /** The paragraph, by its anchor within the version (or by its id). */
  anchor: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(32).optional()),
  paragraphId: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.uuid().optional()),
};

const needsParagraph = (value: { anchor?: string; paragraphId?: string }, ctx: z.RefinementCtx) => {
  if (!value.anchor && !value.paragraphId) ctx.addIssue({ code: "custom", path: ["proposal"], message: "reportComments.paragraphRequired" });
};

export const linkProposalSchema = z
  .object({
    ...paragraphRef,
    /** The proposal's id or address, as typed. */
    proposal: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .transform((value, ctx) => {
        const id = proposalIdFromReference(value);
        if (!id) {
          ctx.addIssue({ code: "custom", message: "reportComments.proposalReference" });
          return z.NEVER;
        }
        return id;
      }),
  })
  .superRefine(needsParagraph);

export const unlinkProposalSchema = z.object({ ...paragraphRef, proposalId: z.uuid() }).superRefine(needsParagraph);

export type LinkResult = { versionId: string; versionNumber: number; anchor: string; proposalId: string; incorporated: boolean };

type ParagraphRef = { versionId: string; anchor?: string; paragraphId?: string };

async function findParagraph(tx: Tx, ref: ParagraphRef) {
  const where: Prisma.ReportParagraphWhereInput = { versionId: ref.versionId };
  if (ref.paragraphId) where.id = ref.paragraphId;
  if (ref.anchor) where.anchor = ref.anchor;
  const paragraph = await tx.reportParagraph.findFirst({
    where,
    select: { id: true, anchor: true, version: { select: { id: true, number: true, status: true } } },
  });
  if (!paragraph) throw notFound();
  return paragraph;
}

/** A public log entry about a draft would reveal it: entries about a draft version are private. */
const isPublicVersion = (status: ReportVersionStatus) => status !== "DRAFT";

/**
 * Staff link a paragraph to a public proposal (not a draft, of a verified organization). An
 * ACCEPTED proposal becomes INCORPORATED, with its history entry and its authors notified.
 */
export async function linkParagraphProposal(actor: Actor | null, raw: unknown): Promise<LinkResult> {
  const input = parseInput(linkProposalSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canLinkProposals(actor)) throw forbidden();

  return db.$transaction(async (tx) => {
    const paragraph = await findParagraph(tx, input);
    await tx.$queryRaw`SELECT id::text FROM "Proposal" WHERE id = ${input.proposal}::uuid FOR UPDATE`;
    const proposal = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposal }, publicProposalWhere] },
      select: { id: true, title: true, status: true, organizationId: true, organization: { select: { name: true, slug: true } } },
    });
    // A draft belongs to its authors: it cannot be named here (nor can a proposal that does not exist).
    if (!proposal) throw fieldError("proposal", "reportComments.proposalNotPublic");
    const existing = await tx.reportParagraphProposal.findUnique({
      where: { paragraphId_proposalId: { paragraphId: paragraph.id, proposalId: proposal.id } },
      select: { paragraphId: true },
    });
    if (existing) throw fieldError("proposal", "reportComments.alreadyLinked");

    await tx.reportParagraphProposal.create({ data: { paragraphId: paragraph.id, proposalId: proposal.id, linkedById: actor.userId } });
    const version = paragraph.version;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.proposal_linked",
      entityType: "ReportParagraph",
      entityId: paragraph.id,
      isPublic: isPublicVersion(version.status),
      data: { versionNumber: version.number, anchor: paragraph.anchor, proposalId: proposal.id, proposalTitle: proposal.title },
    });

    const incorporated = proposal.status === "ACCEPTED" ? await incorporate(tx, actor, proposal) : false;
    return { versionId: version.id, versionNumber: version.number, anchor: paragraph.anchor, proposalId: proposal.id, incorporated };
  });
}

/** The proposal's own change of state, as lib/proposals/commands.ts writes it for "incorporate". */
async function incorporate(
  tx: Tx,
  actor: Actor,
  proposal: { id: string; title: string; status: ProposalStatus; organizationId: string; organization: { name: string; slug: string } },
): Promise<boolean> {
  const { count } = await tx.proposal.updateMany({ where: { id: proposal.id, status: "ACCEPTED" }, data: { status: "INCORPORATED" } });
  if (count !== 1) return false;
  await recordAudit(tx, {
    actorId: actor.userId,
    action: PROPOSAL_AUDIT_ACTION.incorporate,
    entityType: "Proposal",
    entityId: proposal.id,
    isPublic: true,
    data: {
      proposalTitle: proposal.title,
      organizationName: proposal.organization.name,
      organizationSlug: proposal.organization.slug,
      status: "INCORPORATED",
    },
  });
  const members = await tx.membership.findMany({ where: { organizationId: proposal.organizationId }, select: { userId: true } });
  await notify(tx, {
    userIds: members.map((m) => m.userId),
    kind: "proposal.incorporated",
    data: { proposalId: proposal.id, proposalTitle: proposal.title },
    exceptUserId: actor.userId,
  });
  return true;
}

/**
 * Staff remove a link made by mistake. The proposal keeps its status (an incorporated proposal
 * stays incorporated: its history says so).
 */
export async function unlinkParagraphProposal(actor: Actor | null, raw: unknown): Promise<LinkResult> {
  const input = parseInput(unlinkProposalSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canLinkProposals(actor)) throw forbidden();

  return db.$transaction(async (tx) => {
    const paragraph = await findParagraph(tx, input);
    const link = await tx.reportParagraphProposal.findUnique({
      where: { paragraphId_proposalId: { paragraphId: paragraph.id, proposalId: input.proposalId } },
      select: { proposal: { select: { id: true, title: true } } },
    });
    if (!link) throw notFound();
    const { count } = await tx.reportParagraphProposal.deleteMany({ where: { paragraphId: paragraph.id, proposalId: input.proposalId } });
    if (count !== 1) throw conflict();
    const version = paragraph.version;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.proposal_unlinked",
      entityType: "ReportParagraph",
      entityId: paragraph.id,
      isPublic: isPublicVersion(version.status),
      data: { versionNumber: version.number, anchor: paragraph.anchor, proposalId: link.proposal.id, proposalTitle: link.proposal.title },
    });
    return { versionId: version.id, versionNumber: version.number, anchor: paragraph.anchor, proposalId: link.proposal.id, incorporated: false };
  });
}

// ─── Reading: the select and mapper the version page uses ───────────────────────────────────

/**
 * The links of a version's paragraphs, public proposals only. D's query:
 * `db.reportParagraphProposal.findMany({ where: linkedProposalsWhere(versionId), orderBy: LINK_ORDER, select: linkedProposalSelect })`
 * then `rows.map(toLinkedProposalView)` (group by paragraphId with linksByParagraph).
 */
export const linkedProposalsWhere = (versionId: string): Prisma.ReportParagraphProposalWhereInput => ({
  paragraph: { versionId },
  proposal: publicProposalWhere,
});

export const LINK_ORDER = [{ createdAt: "asc" }, { proposalId: "asc" }] satisfies Prisma.ReportParagraphProposalOrderByWithRelationInput[];

export const linkedProposalSelect = {
  paragraphId: true,
  proposal: { select: { id: true, title: true, status: true, language: true, organization: { select: { name: true } } } },
} satisfies Prisma.ReportParagraphProposalSelect;

export type LinkedProposalRow = Prisma.ReportParagraphProposalGetPayload<{ select: typeof linkedProposalSelect }>;

export type LinkedProposalView = {
  paragraphId: string;
  proposalId: string;
  title: string;
  status: ProposalStatus;
  language: string;
  organizationName: string;
};

export const toLinkedProposalView = (row: LinkedProposalRow): LinkedProposalView => ({
  paragraphId: row.paragraphId,
  proposalId: row.proposal.id,
  title: row.proposal.title,
  status: row.proposal.status,
  language: row.proposal.language,
  organizationName: row.proposal.organization.name,
});

export function linksByParagraph(views: readonly LinkedProposalView[]): Map<string, LinkedProposalView[]> {
  const map = new Map<string, LinkedProposalView[]>();
  for (const view of views) {
    const list = map.get(view.paragraphId);
    if (list) list.push(view);
    else map.set(view.paragraphId, [view]);
  }
  return map;
}

/** The public proposals linked to a version's paragraphs (a fixed number of statements). */
export async function listVersionLinks(versionId: string): Promise<LinkedProposalView[]> {
  if (!z.uuid().safeParse(versionId).success) return [];
  const rows = await db.reportParagraphProposal.findMany({ where: linkedProposalsWhere(versionId), orderBy: LINK_ORDER, select: linkedProposalSelect });
  return rows.map(toLinkedProposalView);
}
