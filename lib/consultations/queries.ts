import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { PUBLIC_AUTHOR_SELECT, presentAuthor, type PublicAuthor } from "@/lib/dialogue/authorship";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized-text";
import { PROPOSAL_LIMITS } from "@/lib/proposals/schemas";
import { publicProposalWhere } from "@/lib/proposals/visibility";
import type { AppLocale } from "@/i18n/routing";
import { canSeeConsultation, consultationPhase, isManager, type ConsultationPhase } from "./policy";

// Reads of consultations for pages. Nothing public selects a user id, an email or the person
// behind a pseudonym: authors go through the dialogue's PUBLIC_AUTHOR_SELECT
// (tests/integration/consultations-privacy checks every result). One query per list.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the actor may list: everything past the draft, and drafts they run (staff: all of them). */
export function visibleWhere(actor: Actor | null): Prisma.ConsultationWhereInput {
  if (actor?.isStaff) return {};
  if (actor?.isDelegate) return { OR: [{ status: { not: "DRAFT" } }, { ownerId: actor.userId }] };
  return { status: { not: "DRAFT" } };
}

export type ConsultationCard = {
  id: string;
  title: LocalizedText;
  status: ConsultationStatus;
  phase: ConsultationPhase;
  opensOn: Date;
  closesOn: Date;
  objectives: number[];
  languages: AppLocale[];
  contributions: number;
};

/** Every consultation the actor may see, open ones first, then by closing day (latest first). */
export async function listConsultations(actor: Actor | null, now: Date): Promise<ConsultationCard[]> {
  const rows = await db.consultation.findMany({
    where: visibleWhere(actor),
    // Hidden contributions are in no count: moderators took them off the page.
    select: { id: true, title: true, status: true, opensOn: true, closesOn: true, objectives: true, languages: true, _count: { select: { contributions: { where: { hiddenAt: null } } } } },
    orderBy: [{ closesOn: "desc" }, { createdAt: "desc" }],
    take: 200,
  });
  const order: Record<ConsultationPhase, number> = { open: 0, upcoming: 1, ended: 2, closed: 3, synthesized: 4, draft: 5 };
  return rows
    .map((r) => ({ ...r, title: asLocalizedText(r.title), phase: consultationPhase(r, now), contributions: r._count.contributions }))
    .sort((a, b) => order[a.phase] - order[b.phase]);
}

const CONTRIBUTION = {
  id: true,
  parentId: true,
  questionId: true,
  language: true,
  body: true,
  cited: true,
  createdAt: true,
  hiddenAt: true,
  hiddenReason: true,
  ...PUBLIC_AUTHOR_SELECT,
  _count: { select: { supports: true } },
  // Shown only once the proposal is public: a draft is its organization's.
  proposal: { where: publicProposalWhere, select: { id: true, title: true, language: true } },
} as const;

export type ContributionView = {
  id: string;
  parentId: string | null;
  questionId: string;
  language: AppLocale;
  /** Null when moderators hid it: `hidden` says why. */
  body: string | null;
  hidden: { reason: string; at: Date } | null;
  cited: boolean;
  createdAt: Date;
  author: PublicAuthor;
  supports: number;
  proposal: { id: string; title: string; language: AppLocale } | null;
  replies: ContributionView[];
};

type ContributionRow = Prisma.ConsultationContributionGetPayload<{ select: typeof CONTRIBUTION }>;
const toView = (c: ContributionRow): ContributionView => ({
  id: c.id,
  parentId: c.parentId,
  questionId: c.questionId,
  language: c.language,
  // A hidden contribution's words reach no one through the page: only the public reason does.
  body: c.hiddenAt ? null : c.body,
  hidden: c.hiddenAt ? { reason: c.hiddenReason ?? "", at: c.hiddenAt } : null,
  cited: c.cited,
  createdAt: c.createdAt,
  author: presentAuthor(c),
  supports: c._count.supports,
  proposal: c.proposal,
  replies: [],
});

/**
 * One consultation's page: its texts, questions with their contributions (replies under them),
 * updates and synthesis; for the actor, which contributions are theirs (no support, maybe a
 * proposal) and which they supported. Null when missing or a draft the actor does not run.
 */
export async function getConsultation(id: string, actor: Actor | null, now: Date) {
  if (!UUID.test(id)) return null;
  const c = await db.consultation.findUnique({
    where: { id },
    select: {
      id: true,
      ownerId: true,
      title: true,
      background: true,
      languages: true,
      objectives: true,
      status: true,
      opensOn: true,
      closesOn: true,
      openedAt: true,
      closedAt: true,
      synthesis: true,
      synthesizedAt: true,
      owner: { select: { name: true, delegateProfile: { select: { displayName: true } } } },
      questions: { select: { id: true, position: true, text: true }, orderBy: { position: "asc" } },
      updates: { select: { id: true, language: true, body: true, createdAt: true }, orderBy: { createdAt: "desc" } },
      contributions: { select: CONTRIBUTION, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!c || !canSeeConsultation(actor, c)) return null;
  const [own, supported] = actor
    ? await Promise.all([
        db.consultationContribution.findMany({
          where: { consultationId: c.id, OR: [{ askerId: actor.userId }, { pseudonym: { userId: actor.userId } }] },
          select: { id: true, pseudonymId: true, hiddenAt: true, proposal: { select: { id: true } } },
        }),
        db.consultationSupport.findMany({ where: { userId: actor.userId, contribution: { consultationId: c.id } }, select: { contributionId: true } }),
      ])
    : [[], []];
  const views = c.contributions.map(toView);
  const byId = new Map(views.map((v) => [v.id, v]));
  for (const v of views) if (v.parentId) byId.get(v.parentId)?.replies.push(v);
  const topLevel = views.filter((v) => !v.parentId);
  return {
    id: c.id,
    title: asLocalizedText(c.title),
    background: asLocalizedText(c.background),
    languages: c.languages,
    objectives: c.objectives,
    status: c.status,
    ownerId: c.ownerId,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    phase: consultationPhase(c, now),
    ownerName: c.owner?.delegateProfile?.displayName ?? c.owner?.name ?? null,
    synthesis: c.synthesis ? asLocalizedText(c.synthesis) : null,
    synthesizedAt: c.synthesizedAt,
    questions: c.questions.map((q) => ({ id: q.id, position: q.position, text: asLocalizedText(q.text), contributions: topLevel.filter((v) => v.questionId === q.id) })),
    updates: c.updates,
    cited: views.flatMap((v) => (v.cited && v.body !== null ? [{ ...v, body: v.body }] : [])),
    contributionCount: views.filter((v) => !v.hidden).length,
    mayManage: isManager(actor, c),
    /** The actor's own contributions (named or under their pseudonym): they do not support them. */
    ownIds: own.map((o) => o.id),
    /** The actor's named contributions not yet made a proposal: what they may turn into one. */
    convertibleIds: own.filter((o) => !o.pseudonymId && !o.proposal && !o.hiddenAt).map((o) => o.id),
    supportedIds: supported.map((s) => s.contributionId),
  };
}
export type ConsultationPage = NonNullable<Awaited<ReturnType<typeof getConsultation>>>;

/** What a draft proposal made from the actor's own contribution starts with: its text, its language, the consultation's objectives. */
/** First paragraph-sized part of a text, cut at a word: a proposal's summary. */
function summaryOf(text: string): string {
  if (text.length <= PROPOSAL_LIMITS.summary) return text;
  const cut = text.slice(0, PROPOSAL_LIMITS.summary - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}

/**
 * What a draft proposal made from the actor's own, named contribution starts with: its text, a
 * summary cut from it, its language and the consultation's objectives. Null for anyone else's.
 */
export async function proposalDraftFrom(contributionId: string, actor: Actor | null) {
  if (!actor || !UUID.test(contributionId)) return null;
  const row = await db.consultationContribution.findFirst({
    where: { id: contributionId, askerId: actor.userId, pseudonymId: null, hiddenAt: null },
    select: { id: true, body: true, language: true, consultation: { select: { objectives: true } } },
  });
  return row ? { id: row.id, body: row.body, summary: summaryOf(row.body), language: row.language, objectives: row.consultation.objectives } : null;
}
