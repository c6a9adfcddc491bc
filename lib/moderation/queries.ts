import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ModerationFlagStatus, ModerationReason } from "@/lib/generated/prisma/enums";
import { canFlag, canModerate, flagRefusal } from "./policy";
import { FLAG_STATUSES, MODERATION_REASONS } from "./schemas";
import { POST_KINDS, targetOf, type HiddenPost, type ModerationPost, type PostKind } from "./targets";

// What the moderation pages read. The flagger is never selected by any of them: it exists only
// for "one flag per person per post" and the rate limit (the flag form asks whether the
// signed-in person already flagged, about themselves only).

/** Posts the queue shows at most, most flagged first. */
export const QUEUE_MAX = 100;
/** Hidden posts the public page lists at most, newest first. */
export const HIDDEN_LIST_MAX = 200;

const zeroReasons = () => Object.fromEntries(MODERATION_REASONS.map((r) => [r, 0])) as Record<ModerationReason, number>;

export type QueueItem = {
  kind: PostKind;
  /** Without its author: under a pseudonym that would be the person behind it. */
  post: Omit<ModerationPost, "authorId">;
  /** Open flags by reason, and in all. */
  counts: Record<ModerationReason, number>;
  total: number;
  /** The flaggers' private notes, without who wrote them. */
  notes: { reason: ModerationReason; note: string }[];
  firstFlaggedAt: Date;
};

/**
 * The moderators' queue: every post with open flags, with the counts per reason, the notes and
 * an excerpt; null for anyone else. Two queries, plus one per kind with open flags.
 */
export async function getModerationQueue(actor: Actor | null): Promise<QueueItem[] | null> {
  if (!canModerate(actor)) return null;
  const [groups, notes] = await Promise.all([
    db.moderationFlag.groupBy({ by: ["kind", "postId", "reason"], where: { status: "OPEN" }, _count: { _all: true }, _min: { createdAt: true } }),
    db.moderationFlag.findMany({
      where: { status: "OPEN", note: { not: null } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { kind: true, postId: true, reason: true, note: true },
    }),
  ]);
  const byPost = new Map<string, { kind: PostKind; postId: string; counts: Record<ModerationReason, number>; total: number; first: Date }>();
  for (const g of groups) {
    if (!(POST_KINDS as readonly string[]).includes(g.kind)) continue;
    const key = `${g.kind}:${g.postId}`;
    const item = byPost.get(key) ?? { kind: g.kind as PostKind, postId: g.postId, counts: zeroReasons(), total: 0, first: g._min.createdAt ?? new Date() };
    item.counts[g.reason] += g._count._all;
    item.total += g._count._all;
    if (g._min.createdAt && g._min.createdAt < item.first) item.first = g._min.createdAt;
    byPost.set(key, item);
  }
  const ranked = [...byPost.values()].sort((a, b) => b.total - a.total || a.first.getTime() - b.first.getTime()).slice(0, QUEUE_MAX);
  const posts = new Map<string, ModerationPost>();
  for (const kind of POST_KINDS) {
    const ids = ranked.filter((r) => r.kind === kind).map((r) => r.postId);
    for (const post of await targetOf(kind).load(db, ids)) posts.set(`${kind}:${post.id}`, post);
  }
  const items: QueueItem[] = [];
  for (const r of ranked) {
    const post = posts.get(`${r.kind}:${r.postId}`);
    if (!post) continue; // deleted with its page
    items.push({
      kind: r.kind,
      post: { id: post.id, excerpt: post.excerpt, createdAt: post.createdAt, hidden: post.hidden, isPublic: post.isPublic, href: post.href },
      counts: r.counts,
      total: r.total,
      notes: notes.filter((n) => n.kind === r.kind && n.postId === r.postId && n.note).map((n) => ({ reason: n.reason, note: n.note ?? "" })),
      firstFlaggedAt: r.first,
    });
  }
  return items;
}

export type PublicHiddenPost = HiddenPost & { kind: PostKind };

export type ModerationStats = {
  byReason: Record<ModerationReason, number>;
  byStatus: Record<ModerationFlagStatus, number>;
  total: number;
  hidden: PublicHiddenPost[];
};

/**
 * The public account of moderation: flags counted by reason and by outcome, and the posts hidden
 * on public pages with their public reasons (never their text, never who flagged). One count
 * query, plus one per kind.
 */
export async function getModerationStats(): Promise<ModerationStats> {
  const groups = await db.moderationFlag.groupBy({ by: ["reason", "status"], _count: { _all: true } });
  const byReason = zeroReasons();
  const byStatus = Object.fromEntries(FLAG_STATUSES.map((s) => [s, 0])) as Record<ModerationFlagStatus, number>;
  let total = 0;
  for (const g of groups) {
    byReason[g.reason] += g._count._all;
    byStatus[g.status] += g._count._all;
    total += g._count._all;
  }
  const lists = await Promise.all(POST_KINDS.map(async (kind) => (await targetOf(kind).listHidden(db, HIDDEN_LIST_MAX)).map((h) => ({ ...h, kind }))));
  const hidden = lists
    .flat()
    .sort((a, b) => b.hiddenAt.getTime() - a.hiddenAt.getTime())
    .slice(0, HIDDEN_LIST_MAX);
  return { byReason, byStatus, total, hidden };
}

/** Hidden posts for the moderators' queue (any page), to show again: newest first. */
export async function listHiddenForModerators(actor: Actor | null): Promise<PublicHiddenPost[] | null> {
  if (!canModerate(actor)) return null;
  return (await getModerationStats()).hidden;
}

export type FlagPage = {
  kind: PostKind;
  post: Pick<ModerationPost, "id" | "href" | "isPublic" | "hidden" | "createdAt"> & { excerpt: string | null };
  /** Null when the actor may flag it; else why not (a visitor: sign in). */
  refusal: ReturnType<typeof flagRefusal> | "signIn";
  /** The actor already flagged it (their own flag only). */
  alreadyFlagged: boolean;
  canModerate: boolean;
  /** Open flags on it: for moderators only (0 for anyone else). */
  openFlags: number;
};

/**
 * What the flag page shows about one post: null when it is not on a page the actor may read (a
 * draft's comment is for moderators). The text is shown to whoever may read its page, unless it
 * is hidden (then only to moderators).
 */
export async function getFlagPage(actor: Actor | null, kind: PostKind, postId: string): Promise<FlagPage | null> {
  const [post] = await targetOf(kind).load(db, [postId]);
  const moderator = canModerate(actor);
  if (!post || (!post.isPublic && !moderator)) return null;
  const [own, openFlags] = await Promise.all([
    actor ? db.moderationFlag.count({ where: { kind, postId, flaggerId: actor.userId } }) : 0,
    moderator ? db.moderationFlag.count({ where: { kind, postId, status: "OPEN" } }) : 0,
  ]);
  return {
    kind,
    post: { id: post.id, href: post.href, isPublic: post.isPublic, hidden: post.hidden, createdAt: post.createdAt, excerpt: post.hidden && !moderator ? null : post.excerpt },
    refusal: canFlag(actor) ? flagRefusal(actor, post) : "signIn",
    alreadyFlagged: own > 0,
    canModerate: moderator,
    openFlags,
  };
}

/** How many posts wait for a moderator's decision (the dashboard's card); null for anyone else. One query. */
export async function countFlaggedPosts(actor: Actor | null): Promise<number | null> {
  if (!canModerate(actor)) return null;
  const posts = await db.moderationFlag.groupBy({ by: ["kind", "postId"], where: { status: "OPEN" } });
  return posts.length;
}
