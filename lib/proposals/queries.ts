import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { readableProposalWhere } from "./visibility";

const idSchema = z.uuid();

/**
 * Everything the proposal page shows but the comments, in three queries whatever the number
 * of co-sponsors or history entries. `null` when the actor may not read it (or it does not exist).
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
    },
  });
  if (!proposal) return null;
  const [cosponsors, history] = await Promise.all([
    db.proposalCosponsor.findMany({
      where: { proposalId: proposal.id, organization: { status: "VERIFIED" } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, organization: { select: { id: true, name: true, slug: true, country: true } } },
    }),
    db.auditEntry.findMany({
      where: { entityType: "Proposal", entityId: proposal.id, isPublic: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, action: true, createdAt: true, data: true, actor: { select: { name: true } } },
    }),
  ]);
  return {
    ...proposal,
    answer: (proposal.answer ?? null) as Partial<Record<"es" | "en" | "pt" | "fr", string>> | null,
    cosponsors: cosponsors.map((c) => ({ ...c.organization, since: c.createdAt })),
    history: history.map((h) => ({ id: h.id.toString(), action: h.action, createdAt: h.createdAt, actorName: h.actor?.name ?? null, data: h.data as Record<string, unknown> })),
  };
}

export type ProposalPageData = NonNullable<Awaited<ReturnType<typeof getProposalForPage>>>;
