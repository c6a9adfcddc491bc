import { z } from "zod";
import type { AppLocale } from "@/i18n/routing";
import type { Actor } from "@/lib/auth/actor";
import { pickText } from "@/lib/champions/texts";
import { canSeeConsultation } from "@/lib/consultations/policy";
import { db } from "@/lib/db/client";
import type { FollowSubject } from "@/lib/generated/prisma/enums";
import { countryName } from "@/lib/i18n/countries";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { commitmentHref } from "@/lib/notifications/kinds";
import { readableProposalWhere } from "@/lib/proposals/visibility";
import { canSeeSession } from "@/lib/sessions/policy";

// Reads for the follow buttons and the page of what a person follows. Scoped by the actor: the
// list names only what they may still read.

const subjectKey = z.string().min(1).max(64);

/** Whether the actor follows an item, and how many people do. Two small queries. */
export async function followState(actor: Actor | null, subject: FollowSubject, key: string): Promise<{ following: boolean; followers: number }> {
  if (!subjectKey.safeParse(key).success) return { following: false, followers: 0 };
  const [followers, mine] = await Promise.all([
    db.follow.count({ where: { subject, key } }),
    actor ? db.follow.findUnique({ where: { userId_subject_key: { userId: actor.userId, subject, key } }, select: { userId: true } }) : null,
  ]);
  return { following: mine !== null, followers };
}

/** One line of "what I follow": the item's title in the reader's language (when there is one) and its page. */
export type FollowedItem = {
  subject: FollowSubject;
  key: string;
  since: Date;
  /** null: the item is gone or no longer readable by the actor; the line still offers to unfollow. */
  title: string | null;
  /** The language of the title when it is not the reader's. */
  lang: string | null;
  /** The page, without the locale. */
  href: string | null;
  /** For a commitment: a recommendation of the report rather than an initiative. */
  recommendation: boolean;
};

const ids = (rows: readonly { subject: FollowSubject; key: string }[], subject: FollowSubject) =>
  rows.filter((r) => r.subject === subject && z.uuid().safeParse(r.key).success).map((r) => r.key);

/**
 * Everything the actor follows, newest first, with titles read by subject: one query for the
 * follows and one per kind of item (never one per item), each with the actor's rights.
 */
export async function listFollowing(actor: Actor | null, locale: AppLocale): Promise<FollowedItem[]> {
  if (!actor) return [];
  const rows = await db.follow.findMany({ where: { userId: actor.userId }, orderBy: [{ createdAt: "desc" }, { key: "asc" }], select: { subject: true, key: true, createdAt: true } });
  const [proposals, sessions, consultations, commitments] = await Promise.all([
    db.proposal.findMany({ where: { AND: [{ id: { in: ids(rows, "PROPOSAL") } }, readableProposalWhere(actor)] }, select: { id: true, title: true, language: true } }),
    db.reviewSession.findMany({ where: { id: { in: ids(rows, "SESSION") } }, select: { id: true, title: true, status: true } }),
    db.consultation.findMany({ where: { id: { in: ids(rows, "CONSULTATION") } }, select: { id: true, title: true, status: true, ownerId: true } }),
    db.commitment.findMany({ where: { id: { in: ids(rows, "COMMITMENT") } }, select: { id: true, kind: true, texts: { select: { language: true, title: true } } } }),
  ]);
  const titled = new Map<string, { title: string; lang: string | null; href: string; recommendation?: boolean }>();
  const other = (lang: string) => (lang === locale ? null : lang);
  for (const p of proposals) titled.set(`PROPOSAL:${p.id}`, { title: p.title, lang: other(p.language), href: `/proposals/${p.id}` });
  for (const s of sessions) {
    const title = canSeeSession(actor, s) ? pickLocalized(s.title, locale) : null;
    if (title) titled.set(`SESSION:${s.id}`, { title: title.text, lang: other(title.lang), href: `/sessions/${s.id}` });
  }
  for (const c of consultations) {
    const title = canSeeConsultation(actor, c) ? pickLocalized(c.title, locale) : null;
    if (title) titled.set(`CONSULTATION:${c.id}`, { title: title.text, lang: other(title.lang), href: `/dialogue/consultations/${c.id}` });
  }
  for (const c of commitments) {
    const text = pickText(c.texts, locale);
    const recommendation = c.kind === "RECOMMENDATION";
    if (text) titled.set(`COMMITMENT:${c.id}`, { title: text.title, lang: other(text.language), href: commitmentHref(c.id, recommendation), recommendation });
  }
  return rows.map((row) => {
    if (row.subject === "COUNTRY") {
      return { subject: row.subject, key: row.key, since: row.createdAt, title: countryName(row.key, locale), lang: null, href: `/champions/${row.key.toLowerCase()}`, recommendation: false };
    }
    const item = titled.get(`${row.subject}:${row.key}`);
    return { subject: row.subject, key: row.key, since: row.createdAt, title: item?.title ?? null, lang: item?.lang ?? null, href: item?.href ?? null, recommendation: item?.recommendation ?? false };
  });
}
