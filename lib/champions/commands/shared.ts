import type { Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommitmentStatus, Locale } from "@/lib/generated/prisma/enums";
import { formatCalendarDate } from "@/lib/roles/schemas";
import { notify } from "@/lib/notifications/notify";
import type { CommitmentNotificationKind } from "@/lib/notifications/kinds";
import { locales, type AppLocale } from "@/i18n/routing";
import type { CommitmentSnapshot, CommitmentTexts, MilestoneInput, SourceInput } from "../schemas";

// What several champion commands share; not exported from the folder's index (only commands are).

/** Texts in the portal's language order: the first one is the commitment's "own" language. */
export const textLanguages = (texts: CommitmentTexts): AppLocale[] => locales.filter((l) => texts[l]);

export const textRows = (texts: CommitmentTexts) =>
  textLanguages(texts).map((language) => ({ language, title: texts[language]!.title, description: texts[language]!.description }));

export const milestoneRows = (milestones: readonly MilestoneInput[], fallback: Locale) =>
  milestones.map((m, position) => ({ position, label: m.label, language: m.language ?? fallback, plannedOn: m.plannedOn, doneOn: m.doneOn ?? null }));

export const sourceRows = (sources: readonly SourceInput[]) =>
  sources.map((s, position) => ({ position, title: s.title, publisher: s.publisher ?? null, publishedOn: s.publishedOn ?? null, url: s.url }));

/** The first title it has, in the portal's language order: what the public log names it by. */
export const firstTitle = (texts: readonly { language: Locale; title: string }[]) =>
  [...texts].sort((a, b) => locales.indexOf(a.language) - locales.indexOf(b.language))[0]?.title ?? "—";

const commitmentInclude = {
  texts: true,
  milestones: { orderBy: { position: "asc" } },
  sources: { orderBy: { position: "asc" } },
} satisfies Prisma.CommitmentInclude;

export type CommitmentRow = Prisma.CommitmentGetPayload<{ include: typeof commitmentInclude }>;

/** Locks the commitment for the rest of the transaction (changes and updates happen one after another) and reads it whole. */
export async function loadCommitment(tx: Tx, commitmentId: string): Promise<CommitmentRow> {
  if (!(await lockRow(tx, "Commitment", commitmentId))) throw notFound();
  return tx.commitment.findUniqueOrThrow({ where: { id: commitmentId }, include: commitmentInclude });
}

/** What the public log says about a commitment. */
export const commitmentAudit = (c: { id: string; kind: CommitmentRow["kind"]; country: string | null; status: CommitmentStatus; revision: number }, title: string) => ({
  commitmentId: c.id,
  kind: c.kind,
  country: c.country,
  title,
  status: c.status,
  revision: c.revision,
});

/**
 * Writes the revision the commitment is at now, read back whole: every change leaves one
 * (what changed, by whom, when), so the history never depends on the audit log.
 */
export async function writeRevision(
  tx: Tx,
  commitmentId: string,
  change: CommitmentSnapshot["change"],
  authorId: string | null,
  now: Date,
  extra: { previousStatus?: CommitmentStatus | null; updateId?: string | null } = {},
): Promise<CommitmentRow> {
  const c = await tx.commitment.findUniqueOrThrow({ where: { id: commitmentId }, include: commitmentInclude });
  const snapshot: CommitmentSnapshot = {
    change,
    kind: c.kind,
    country: c.country,
    publicBody: c.publicBody,
    addressee: c.addressee,
    reportVersionId: c.reportVersionId,
    paragraphAnchor: c.paragraphAnchor,
    objectives: c.objectives,
    status: c.status,
    previousStatus: extra.previousStatus ?? null,
    inclusion: c.inclusion,
    inclusionEvidence: c.inclusionEvidence,
    texts: Object.fromEntries(c.texts.map((t) => [t.language, { title: t.title, description: t.description }])),
    milestones: c.milestones.map((m) => ({
      label: m.label,
      language: m.language,
      plannedOn: formatCalendarDate(m.plannedOn),
      doneOn: m.doneOn ? formatCalendarDate(m.doneOn) : null,
    })),
    sources: c.sources.map((s) => ({ title: s.title, publisher: s.publisher, publishedOn: s.publishedOn ? formatCalendarDate(s.publishedOn) : null, url: s.url })),
    updateId: extra.updateId ?? null,
  };
  await tx.commitmentRevision.create({ data: { commitmentId, revision: c.revision, snapshot, authorId, createdAt: now } });
  return c;
}

/** The next revision number and the time of the change: every change bumps both. */
export const bump = (current: { revision: number }, now: Date) => ({ revision: current.revision + 1, lastUpdatedAt: now });

/**
 * Followers of the commitment, and of its country for an initiative, hear in the app (never the
 * actor). Each reads the title in their own language when the commitment has it.
 */
export async function notifyFollowers(
  tx: Tx,
  commitment: { id: string; kind: CommitmentRow["kind"]; country: string | null; texts: readonly { language: Locale; title: string }[] },
  kind: CommitmentNotificationKind,
  actorId: string,
): Promise<number> {
  const subjects: Prisma.FollowWhereInput[] = [{ subject: "COMMITMENT", key: commitment.id }];
  if (commitment.country) subjects.push({ subject: "COUNTRY", key: commitment.country });
  const follows = await tx.follow.findMany({ where: { OR: subjects }, select: { userId: true, user: { select: { preferredLocale: true } } } });
  const fallback = firstTitle(commitment.texts);
  const byLocale = new Map<string, string[]>();
  for (const f of follows) {
    const title = commitment.texts.find((t) => t.language === f.user.preferredLocale)?.title ?? fallback;
    byLocale.set(title, [...(byLocale.get(title) ?? []), f.userId]);
  }
  let sent = 0;
  for (const [title, userIds] of byLocale) {
    sent += await notify(tx, { userIds, kind, data: { commitmentId: commitment.id, title, recommendation: commitment.kind === "RECOMMENDATION" }, exceptUserId: actorId });
  }
  return sent;
}

/** Sources of a commitment, an update or an assessment (the three owners the table allows). */
export const sourceData = (rows: ReturnType<typeof sourceRows>, owner: { commitmentId: string } | { updateId: string } | { assessmentId: string }) =>
  rows.map((row) => ({ ...row, ...owner }));

/** A new commitment with its texts, milestones and sources, at revision 1 with its first snapshot. */
export async function insertCommitment(
  tx: Tx,
  data: Omit<Prisma.CommitmentUncheckedCreateInput, "texts" | "milestones" | "sources" | "revision" | "lastUpdatedAt" | "createdAt">,
  content: { texts: CommitmentTexts; milestones: readonly MilestoneInput[]; sources: readonly SourceInput[] },
  change: CommitmentSnapshot["change"],
  authorId: string,
  now: Date,
): Promise<CommitmentRow> {
  const fallback = textLanguages(content.texts)[0];
  const created = await tx.commitment.create({
    data: {
      ...data,
      createdById: authorId,
      revision: 1,
      lastUpdatedAt: now,
      createdAt: now,
      texts: { create: textRows(content.texts) },
      milestones: { create: milestoneRows(content.milestones, fallback) },
      sources: { create: sourceRows(content.sources) },
    },
  });
  return writeRevision(tx, created.id, change, authorId, now);
}
