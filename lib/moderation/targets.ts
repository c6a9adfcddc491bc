import { Prisma } from "@/lib/generated/prisma/client";
import type { ModerationReason } from "@/lib/generated/prisma/enums";
import type { Surface } from "@/lib/commands/invalidate";
import { PUBLIC_STATUSES } from "@/lib/proposals/visibility";
import { PUBLIC_REPORT_STATUSES } from "@/lib/report/policy";
import { PUBLIC_SESSION_STATUSES } from "@/lib/sessions/policy";

// Every kind of post moderators can hide, keyed by the kind stored in ModerationFlag.kind and
// in the audit events. Adding a kind is one entry in TARGETS below (plus its label in
// messages/<locale>/moderation.json "kinds"): its table needs the columns "id", the text,
// "hiddenAt", "hiddenReason", "hiddenById" and "hiddenCategory" (ModerationReason), as
// ProposalComment and ReportComment have, and an author ("authorId" unless `author` says how to
// reach the person, e.g. behind a pseudonym). Table, column and join names are constants
// written here, never input.

/** Anything that runs SQL: the client or a command's transaction. */
type Sql = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** A post as moderation sees it (moderators only: the excerpt may be hidden text). */
export type ModerationPost = {
  id: string;
  authorId: string | null;
  /** The start of the text, for the moderators' queue. */
  excerpt: string;
  createdAt: Date;
  hidden: { at: Date; reason: string; category: ModerationReason | null } | null;
  /** Whether the page it appears on is public (a draft's comments are not). */
  isPublic: boolean;
  /** The page it appears on, at the post (without the locale). */
  href: string;
};

/** A hidden post as the public sees it: never its text, never who flagged it. */
export type HiddenPost = { id: string; hiddenAt: Date; reason: string; category: ModerationReason | null; href: string };

export type HideInput = { at: Date; reason: string; category: ModerationReason; byId: string };

export type ModerationTarget = {
  /** Public pages that show the post: invalidated when it is hidden or shown again. */
  surfaces: readonly Surface[];
  /** The posts with these ids (one query); `lock` takes their row locks inside a command. */
  load(sql: Sql, ids: readonly string[], lock?: "share" | "update"): Promise<ModerationPost[]>;
  /** Hides a post not hidden yet: false when it was (or is gone). */
  hide(sql: Sql, id: string, input: HideInput): Promise<boolean>;
  /** Shows a hidden post again: false when it was not hidden. */
  unhide(sql: Sql, id: string): Promise<boolean>;
  /** The hidden posts on public pages, newest first (one query). */
  listHidden(sql: Sql, take: number): Promise<HiddenPost[]>;
};

type PageRow = Record<string, unknown> & { id: string };

type TableSpec = {
  table: string;
  /** The text as SQL over `p` (and the joins); `p."body"` when not said. */
  text?: string;
  /**
   * The author's user id as SQL over `p` and the joins; `p."authorId"` when not said. Read only
   * for the own-post check and the author's private notice, never shown: under a pseudonym it is
   * the person behind it.
   */
  author?: string;
  /** Joins from the post (alias `p`) to what `isPublic` and `page` read. */
  join?: string;
  /** An SQL condition over `p` and the joins: the post's page is public. */
  isPublic: string;
  /** Select items over `p` and the joins that `href` reads (`v.number AS "versionNumber"`). */
  page?: string;
  href: (row: PageRow) => string;
  surfaces: readonly Surface[];
};

const EXCERPT = 280;
const quoted = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");

type LoadedRow = PageRow & {
  authorId: string | null;
  excerpt: string;
  createdAt: Date;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenCategory: ModerationReason | null;
  isPublic: boolean;
};

/** A target for a table of posts with the usual hidden columns. */
function postTable(spec: TableSpec): ModerationTarget {
  const table = Prisma.raw(`"${spec.table}"`);
  const text = Prisma.raw(spec.text ?? `p."body"`);
  const author = Prisma.raw(spec.author ?? `p."authorId"`);
  const join = Prisma.raw(spec.join ?? "");
  const isPublic = Prisma.raw(`(${spec.isPublic})`);
  const page = Prisma.raw(spec.page ? `, ${spec.page}` : "");
  return {
    surfaces: spec.surfaces,
    async load(sql, ids, lock) {
      if (ids.length === 0) return [];
      const locking = Prisma.raw(lock === "update" ? "FOR UPDATE OF p" : lock === "share" ? "FOR SHARE OF p" : "");
      const rows = await sql.$queryRaw<LoadedRow[]>`
        SELECT p.id::text AS id, (${author})::text AS "authorId", left(${text}, ${EXCERPT}) AS excerpt, p."createdAt",
               p."hiddenAt", p."hiddenReason", p."hiddenCategory"::text AS "hiddenCategory", ${isPublic} AS "isPublic" ${page}
        FROM ${table} p ${join}
        WHERE p.id = ANY(${[...ids]}::uuid[])
        ${locking}`;
      return rows.map((row) => ({
        id: row.id,
        authorId: row.authorId,
        excerpt: row.excerpt,
        createdAt: row.createdAt,
        hidden: row.hiddenAt ? { at: row.hiddenAt, reason: row.hiddenReason ?? "", category: row.hiddenCategory } : null,
        isPublic: row.isPublic,
        href: spec.href(row),
      }));
    },
    async hide(sql, id, { at, reason, category, byId }) {
      const count = await sql.$executeRaw`
        UPDATE ${table} SET "hiddenAt" = ${at}, "hiddenReason" = ${reason}, "hiddenById" = ${byId}::uuid,
               "hiddenCategory" = ${category}::"ModerationReason"
        WHERE id = ${id}::uuid AND "hiddenAt" IS NULL`;
      return count === 1;
    },
    async unhide(sql, id) {
      const count = await sql.$executeRaw`
        UPDATE ${table} SET "hiddenAt" = NULL, "hiddenReason" = NULL, "hiddenById" = NULL, "hiddenCategory" = NULL
        WHERE id = ${id}::uuid AND "hiddenAt" IS NOT NULL`;
      return count === 1;
    },
    async listHidden(sql, take) {
      const rows = await sql.$queryRaw<(PageRow & { hiddenAt: Date; hiddenReason: string | null; hiddenCategory: ModerationReason | null })[]>`
        SELECT p.id::text AS id, p."hiddenAt", p."hiddenReason", p."hiddenCategory"::text AS "hiddenCategory" ${page}
        FROM ${table} p ${join}
        WHERE p."hiddenAt" IS NOT NULL AND ${isPublic}
        ORDER BY p."hiddenAt" DESC, p.id
        LIMIT ${take}`;
      return rows.map((row) => ({ id: row.id, hiddenAt: row.hiddenAt, reason: row.hiddenReason ?? "", category: row.hiddenCategory, href: spec.href(row) }));
    },
  };
}

export const TARGETS = {
  PROPOSAL_COMMENT: postTable({
    table: "ProposalComment",
    join: `JOIN "Proposal" pr ON pr.id = p."proposalId" JOIN "Organization" po ON po.id = pr."organizationId"`,
    // readableProposalWhere's public half (lib/proposals/visibility.ts).
    isPublic: `pr.status::text IN (${quoted(PUBLIC_STATUSES)}) AND po.status = 'VERIFIED'`,
    page: `p."proposalId"::text AS "proposalId"`,
    href: (row) => `/proposals/${String(row.proposalId)}#comment-${row.id}`,
    surfaces: ["proposals"],
  }),
  REPORT_COMMENT: postTable({
    table: "ReportComment",
    join: `JOIN "ReportVersion" rv ON rv.id = p."versionId"`,
    isPublic: `rv.status::text IN (${quoted(PUBLIC_REPORT_STATUSES)})`,
    page: `rv.number AS "versionNumber"`,
    // The comment's lasting address: it redirects to the page of its paragraph's comments it is on.
    href: (row) => `/report/comments/${row.id}`,
    surfaces: ["report"],
  }),
  DIALOGUE_QUESTION: postTable({
    table: "DialogueQuestion",
    text: `p.title || E'\\n' || p.body`,
    // A pseudonymous question stores no user id: its author is the person behind the pseudonym.
    join: `LEFT JOIN "Pseudonym" ps ON ps.id = p."pseudonymId"`,
    author: `COALESCE(p."askerId", ps."userId")`,
    // Every question to the delegates is public from the moment it is asked.
    isPublic: `true`,
    href: (row) => `/dialogue/questions/${row.id}#question`,
    surfaces: ["dialogue"],
  }),
  SESSION_QUESTION: postTable({
    table: "SessionQuestion",
    // Under a pseudonym, as a question to the delegates: the person behind it, never shown.
    author: `COALESCE(p."askerId", ps."userId")`,
    join: `JOIN "ReviewSession" rs ON rs.id = p."sessionId" LEFT JOIN "Pseudonym" ps ON ps.id = p."pseudonymId"`,
    isPublic: `rs.status::text IN (${quoted(PUBLIC_SESSION_STATUSES)})`,
    page: `p."sessionId"::text AS "sessionId"`,
    href: (row) => `/sessions/${String(row.sessionId)}#question-${row.id}`,
    surfaces: ["sessions"],
  }),
  CONSULTATION_CONTRIBUTION: postTable({
    table: "ConsultationContribution",
    // Under a pseudonym the contribution stores no user id, as a question to the delegates.
    join: `JOIN "Consultation" co ON co.id = p."consultationId" LEFT JOIN "Pseudonym" ps ON ps.id = p."pseudonymId"`,
    author: `COALESCE(p."askerId", ps."userId")`,
    // A draft consultation takes no contributions; past it, the page is public.
    isPublic: `co.status <> 'DRAFT'`,
    page: `p."consultationId"::text AS "consultationId"`,
    href: (row) => `/dialogue/consultations/${String(row.consultationId)}#c-${row.id}`,
    surfaces: ["dialogue"],
  }),
} satisfies Record<string, ModerationTarget>;

export type PostKind = keyof typeof TARGETS;
export const POST_KINDS = Object.keys(TARGETS) as [PostKind, ...PostKind[]];
export const isPostKind = (value: unknown): value is PostKind => typeof value === "string" && Object.hasOwn(TARGETS, value);
export const targetOf = (kind: PostKind): ModerationTarget => TARGETS[kind];

/** The kind as it reads in a URL (`report-comment`), and back. */
export const kindSlug = (kind: PostKind) => kind.toLowerCase().replaceAll("_", "-");
export const kindFromSlug = (slug: string): PostKind | null => {
  const kind = slug.toUpperCase().replaceAll("-", "_");
  return isPostKind(kind) ? kind : null;
};
