import { isUuid } from "@/lib/validation/ids";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AppLocale } from "@/i18n/routing";
import { PUBLIC_AUTHOR_SELECT, presentAuthor, type PublicAuthor } from "./authorship";
import { answerRefusal, publicQuestionSql, publicQuestionWhere, questionStatus, statusSql, withdrawSupportRefusal } from "./policy";
import type { InstitutionKindName, QuestionListFilters, QuestionStatus } from "./schemas";

// Public reads of the permanent dialogue. Nothing here selects a user id, an email or the person
// behind a pseudonym: authors go through PUBLIC_AUTHOR_SELECT (tests/integration/dialogue-privacy
// checks every result). Lists are one SQL query each; counts are computed by PostgreSQL.

export const QUESTIONS_PAGE_SIZE = 20;

export type InstitutionRef = { id: string; slug: string; kind: InstitutionKindName; country: string | null };
const INSTITUTION = { id: true, slug: true, kind: true, country: true } as const;

/** Every institution, IOM and ECLAC first, then States by country code. */
export async function listInstitutions(): Promise<InstitutionRef[]> {
  const rows = await db.dialogueInstitution.findMany({ select: INSTITUTION, orderBy: [{ kind: "asc" }, { country: "asc" }] });
  return rows;
}

export type DelegateCard = {
  userId: string;
  displayName: string;
  institution: InstitutionRef;
  portfolio: Partial<Record<AppLocale, string>>;
  languagesSpoken: string[];
};

const DELEGATE = { userId: true, displayName: true, portfolio: true, languagesSpoken: true, institution: { select: INSTITUTION } } as const;
const asPortfolio = (value: unknown): Partial<Record<AppLocale, string>> => {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => ["es", "en", "pt", "fr"].includes(k) && typeof v === "string" && v.trim() !== "")) as Partial<Record<AppLocale, string>>;
};
const toCard = (row: { userId: string; displayName: string; portfolio: unknown; languagesSpoken: string[]; institution: InstitutionRef }): DelegateCard => ({
  ...row,
  portfolio: asPortfolio(row.portfolio),
});

/** Current delegates (holding the role), by institution then name; `institutionId` narrows to one. */
export async function listDelegates(institutionId?: string): Promise<DelegateCard[]> {
  const rows = await db.delegateProfile.findMany({
    where: { user: { roles: { some: { role: "DELEGATE" } } }, ...(institutionId ? { institutionId } : {}) },
    select: DELEGATE,
    orderBy: [{ institution: { kind: "asc" } }, { institution: { country: "asc" } }, { displayName: "asc" }],
  });
  return rows.map(toCard);
}

/** The actor's own profile, when they are a delegate (for the edit form). */
export async function findOwnDelegateProfile(actor: Actor | null): Promise<DelegateCard | null> {
  if (!actor?.isDelegate) return null;
  const row = await db.delegateProfile.findUnique({ where: { userId: actor.userId }, select: DELEGATE });
  return row ? toCard(row) : null;
}

export type ResponsivenessStats = { answered: number; overdue: number; awaiting: number; medianDays: number | null };

/** Answered, overdue and awaiting counts and the median days to answer, for one institution or all: one SQL query. */
export async function responsiveness(institutionId: string | null, now: Date): Promise<ResponsivenessStats> {
  // A hidden question is not waiting for a delegate (moderators took it off the public pages):
  // counting it as awaiting or overdue would blame the institution for a post nobody can read.
  const where = institutionId ? Prisma.sql`WHERE ${publicQuestionSql} AND q."institutionId" = ${institutionId}::uuid` : Prisma.sql`WHERE ${publicQuestionSql}`;
  const [row] = await db.$queryRaw<{ answered: bigint; overdue: bigint; awaiting: bigint; median: number | null }[]>`
    SELECT COUNT(*) FILTER (WHERE ${statusSql(now)} = 'answered') AS answered,
           COUNT(*) FILTER (WHERE ${statusSql(now)} = 'overdue') AS overdue,
           COUNT(*) FILTER (WHERE ${statusSql(now)} = 'awaiting') AS awaiting,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (q."answeredAt" - q."createdAt")))
             FILTER (WHERE q."answeredAt" IS NOT NULL) AS median
    FROM "DialogueQuestion" q ${where}`;
  return {
    answered: Number(row.answered),
    overdue: Number(row.overdue),
    awaiting: Number(row.awaiting),
    medianDays: row.median === null ? null : Math.round((Number(row.median) / 86_400) * 10) / 10,
  };
}

export async function findInstitution(slug: string) {
  if (!/^[a-z0-9-]{2,40}$/.test(slug)) return null;
  return db.dialogueInstitution.findUnique({ where: { slug }, select: INSTITUTION });
}

/** Why moderators hid a question (lib/moderation): shown in place of its title and text. */
export type HiddenMark = { reason: string; at: Date } | null;

export type QuestionRow = {
  id: string;
  /** Null when moderators hid the question: `hidden` says why. */
  title: string | null;
  hidden: HiddenMark;
  language: AppLocale;
  objectives: number[];
  createdAt: Date;
  deadlineAt: Date;
  answeredAt: Date | null;
  status: QuestionStatus;
  supports: number;
  institution: InstitutionRef;
  delegateName: string | null;
  author: PublicAuthor;
};

const QUESTION_CARD = {
  id: true,
  title: true,
  language: true,
  objectives: true,
  createdAt: true,
  deadlineAt: true,
  answeredAt: true,
  hiddenAt: true,
  hiddenReason: true,
  institution: { select: INSTITUTION },
  delegate: { select: { delegateProfile: { select: { displayName: true } } } },
  ...PUBLIC_AUTHOR_SELECT,
} as const;

/**
 * Questions not merged into another, filtered and sorted as the GET parameters say: by support
 * (each person once across a merged group), newest, or unanswered (nearest deadline first).
 * One SQL query picks the page and its counts; one more reads the cards of that page.
 */
export async function listQuestions(filters: QuestionListFilters, now: Date): Promise<{ rows: QuestionRow[]; total: number; pageCount: number; page: number }> {
  const conditions = [Prisma.sql`q."mergedIntoId" IS NULL`];
  if (filters.status) conditions.push(Prisma.sql`${statusSql(now)} = ${filters.status}`);
  if (filters.sort === "unanswered") conditions.push(Prisma.sql`q."answeredAt" IS NULL`);
  // A hidden question keeps its place in the full list (with the reason) but is in no status:
  // it is not awaiting a delegate (see responsiveness).
  if (filters.status || filters.sort === "unanswered") conditions.push(publicQuestionSql);
  if (filters.institution) conditions.push(Prisma.sql`i.slug = ${filters.institution}`);
  if (filters.objective) conditions.push(Prisma.sql`${filters.objective}::int = ANY(q.objectives)`);
  const order =
    filters.sort === "newest"
      ? Prisma.sql`q."createdAt" DESC, q.id`
      : filters.sort === "unanswered"
        ? Prisma.sql`q."deadlineAt" ASC, q.id`
        : Prisma.sql`supports DESC, q."createdAt" DESC, q.id`;
  const offset = (filters.page - 1) * QUESTIONS_PAGE_SIZE;
  const page = await db.$queryRaw<{ id: string; supports: bigint; total: bigint }[]>`
    SELECT q.id::text AS id,
           (SELECT COUNT(DISTINCT s."userId") FROM "DialogueSupport" s JOIN "DialogueQuestion" m ON m.id = s."questionId"
             WHERE m.id = q.id OR m."mergedIntoId" = q.id) AS supports,
           COUNT(*) OVER () AS total
    FROM "DialogueQuestion" q JOIN "DialogueInstitution" i ON i.id = q."institutionId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${order}
    LIMIT ${QUESTIONS_PAGE_SIZE} OFFSET ${offset}`;
  const total = Number(page[0]?.total ?? 0);
  const cards = page.length ? await db.dialogueQuestion.findMany({ where: { id: { in: page.map((r) => r.id) } }, select: QUESTION_CARD }) : [];
  const byId = new Map(cards.map((c) => [c.id, c]));
  const rows = page.flatMap((r) => {
    const c = byId.get(r.id);
    return c ? [toRow(c, Number(r.supports), now)] : [];
  });
  return { rows, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / QUESTIONS_PAGE_SIZE)) };
}

type Card = Prisma.DialogueQuestionGetPayload<{ select: typeof QUESTION_CARD }>;
const hiddenMark = (c: { hiddenAt: Date | null; hiddenReason: string | null }): HiddenMark => (c.hiddenAt ? { reason: c.hiddenReason ?? "", at: c.hiddenAt } : null);

function toRow(c: Card, supports: number, now: Date): QuestionRow {
  const hidden = hiddenMark(c);
  return {
    id: c.id,
    // A hidden question's words reach no one through the page: only the public reason does.
    title: hidden ? null : c.title,
    hidden,
    language: c.language,
    objectives: c.objectives,
    createdAt: c.createdAt,
    deadlineAt: c.deadlineAt,
    answeredAt: c.answeredAt,
    status: questionStatus(c, now),
    supports,
    institution: c.institution,
    delegateName: c.delegate?.delegateProfile?.displayName ?? null,
    author: presentAuthor(c),
  };
}

/**
 * People supporting a question and every question merged into it, each once; whether the actor
 * is one, and whether they may take it back (withdrawSupportRefusal: not on a question they asked).
 */
async function groupSupport(mainId: string, actor: Actor | null) {
  const me = actor?.userId ?? null;
  // The asker behind a pseudonym is compared with the actor only, never returned.
  const [row] = await db.$queryRaw<{ supports: bigint; mine: boolean; askedByMe: boolean }[]>`
    SELECT COUNT(DISTINCT s."userId") AS supports, COALESCE(bool_or(s."userId" = ${me}::uuid), false) AS mine,
           COALESCE(bool_or(s."userId" = ${me}::uuid AND COALESCE(m."askerId", p."userId") = ${me}::uuid), false) AS "askedByMe"
    FROM "DialogueSupport" s JOIN "DialogueQuestion" m ON m.id = s."questionId" LEFT JOIN "Pseudonym" p ON p.id = m."pseudonymId"
    WHERE m.id = ${mainId}::uuid OR m."mergedIntoId" = ${mainId}::uuid`;
  const mayWithdraw = !!actor && row.mine && withdrawSupportRefusal(actor, { askerId: row.askedByMe ? actor.userId : null, pseudonymUserId: null }) === null;
  return { supports: Number(row.supports), supportedByActor: row.mine, mayWithdrawSupport: mayWithdraw };
}

/**
 * One question's page: the question, its answer (or the answer of the question it was merged
 * into), the questions merged into it, its support, and, for a delegate who may answer it, the
 * similar questions they may answer with it.
 */
export async function getQuestion(id: string, actor: Actor | null, now: Date) {
  if (!isUuid(id)) return null;
  const q = await db.dialogueQuestion.findUnique({
    where: { id },
    select: {
      ...QUESTION_CARD,
      body: true,
      delegateId: true,
      institutionId: true,
      mergedIntoId: true,
      answerBody: true,
      answerLanguage: true,
      answeredBy: { select: { delegateProfile: { select: { displayName: true } } } },
      mergedInto: { select: { id: true, title: true, language: true, answerBody: true, answerLanguage: true, answeredAt: true, hiddenAt: true } },
      merged: { select: { id: true, title: true, language: true, hiddenAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!q) return null;
  const mainId = q.mergedIntoId ?? q.id;
  const [support, profile, delegateActive] = await Promise.all([
    groupSupport(mainId, actor),
    actor?.isDelegate ? db.delegateProfile.findUnique({ where: { userId: actor.userId }, select: { institutionId: true } }) : null,
    q.delegateId ? db.roleAssignment.count({ where: { userId: q.delegateId, role: "DELEGATE" } }).then((n) => n > 0) : false,
  ]);
  const mayAnswer = answerRefusal(actor, profile, { ...q, delegateActive }) === null;
  const mergeCandidates = mayAnswer
    ? await db.dialogueQuestion.findMany({
        where: { ...publicQuestionWhere, institutionId: q.institutionId, answeredAt: null, mergedIntoId: null, id: { not: q.id } },
        select: { id: true, title: true, language: true },
        orderBy: { createdAt: "desc" },
        take: 50,
      })
    : [];
  const answer = q.mergedInto
    ? q.mergedInto.answerBody && q.mergedInto.answerLanguage
      ? { body: q.mergedInto.answerBody, language: q.mergedInto.answerLanguage }
      : null
    : q.answerBody && q.answerLanguage
      ? { body: q.answerBody, language: q.answerLanguage }
      : null;
  return {
    ...toRow(q, support.supports, now),
    body: q.hiddenAt ? null : q.body,
    answer,
    answeredByName: q.answeredBy?.delegateProfile?.displayName ?? null,
    // Linked questions that moderators hid show as hidden (null title), never their words.
    mergedInto: q.mergedInto ? { id: q.mergedInto.id, title: q.mergedInto.hiddenAt ? null : q.mergedInto.title, language: q.mergedInto.language } : null,
    merged: q.merged.map((m) => ({ id: m.id, title: m.hiddenAt ? null : m.title, language: m.language })),
    supportedByActor: support.supportedByActor,
    mayWithdrawSupport: support.mayWithdrawSupport,
    mayAnswer,
    mergeCandidates,
  };
}
export type QuestionPage = NonNullable<Awaited<ReturnType<typeof getQuestion>>>;
