import { createHash } from "node:crypto";
import type { Tx } from "@/lib/commands/run";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REDACTED, TOMBSTONE_USER_ID, ensureTombstone } from "./tombstone";

/*
 * What happens to each foreign key to User when a person deletes their account (schema.prisma).
 *
 * Deleted with the person (ON DELETE CASCADE): RoleAssignment (held), AuthSession (signs out
 * everywhere), PasswordResetToken, Membership, CommitteeTerm (held), Notification (theirs),
 * SessionRegistration, NominationEndorsement, NominationSelectionVote, Follow, DelegateProfile,
 * EvaluationParticipation (the answers were never linked to them), SessionQuestionSupport,
 * DialogueSupport, ConsultationSupport, AccountArchive, EmailPreference (and NotificationEmail
 * with their notifications).
 *
 * Kept without the person (ON DELETE SET NULL): what they wrote for or as an organization stays
 * under the organization's name (Proposal.author, ProposalCosponsor.user, ProposalComment.author,
 * ReportComment.author, Assessment.author, InitiativeSuggestion.author); questions and
 * contributions stay unsigned (SessionQuestion.asker, DialogueQuestion.asker,
 * ConsultationContribution.asker); decisions they took as staff, committee or delegate stay,
 * taken by no one named (answeredBy, hiddenBy, dispositionBy, decidedBy, selectedBy,
 * nominatedBy, grantedBy, createdBy, invitedBy, linkedBy, stateChangedBy, drawnOnBy, the
 * monitoring reviewer columns and access log, Consultation.owner, ConsultationUpdate.author,
 * CommitmentUpdate/Revision.author, PseudonymDisclosure.requester, ModerationFlag.flagger/decidedBy,
 * DialogueQuestion.delegate). Pseudonym.user: the link goes, the pseudonym and its posts stay,
 * pseudonymous and now linked to no one.
 *
 * Anonymised here, because they copy the name or the address rather than point to the row:
 * nominations about them (name, address, gender words, bio; no longer published by name),
 * invitations to their address (deleted), an organization's contact address when it is theirs
 * (another admin's instead), mail in the outbox and the
 * mail queue (theirs deleted, their name in others' replaced),
 * others' notifications and audit entries quoting their name ("[…]"), and rate-limit counters
 * keyed by their address's hash.
 *
 * Kept under the tombstone account: AuditEntry.actor. The append-only trigger allows exactly
 * that change (and "[…]" in place of text), nothing else.
 */

/** LIKE pattern for text containing `value`, with LIKE's own characters escaped. */
const containing = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A needle as a whole word, case-insensitive: "Ana Ruiz" in "de Ana Ruiz." but not in
 * "Mariana Ruiz", so others' entries are not blanked for sharing letters with a name.
 */
const wordPattern = (needle: string, flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, `${flags}iu`);

/** Replaces every occurrence of any needle in free text (mail bodies). */
const replaceIn = (text: string, needles: readonly string[]) => needles.reduce((out, needle) => out.replace(wordPattern(needle, "g"), REDACTED), text);

const mentions = (text: string, needles: readonly string[]) => needles.some((n) => wordPattern(n, "").test(text));

/** JSON with every string that mentions a needle replaced whole by "[…]": the shape stays (what the audit trigger checks). */
export function redactJson(value: Prisma.JsonValue, needles: readonly string[]): Prisma.JsonValue {
  if (typeof value === "string") return mentions(value, needles) ? REDACTED : value;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, needles));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v ?? null, needles)]));
  return value;
}

/** Rows of a table whose JSON column mentions a needle, found by PostgreSQL (the column as text). */
async function rowsMentioning(tx: Tx, table: "AuditEntry" | "Notification", column: "data", needles: readonly string[]) {
  const patterns = needles.map(containing);
  return tx.$queryRawUnsafe<{ id: string; data: Prisma.JsonValue }[]>(
    `SELECT id::text, "${column}" AS data FROM "${table}" WHERE "${column}"::text ILIKE ANY ($1::text[])`,
    patterns,
  );
}

/** Deletes one person's account and every trace of their name and address, in the caller's transaction. */
export async function eraseAccount(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, delegateProfile: { select: { displayName: true } } } });
  const nominations = await tx.nomination.findMany({
    where: { OR: [{ nomineeUserId: userId }, { nomineeEmail: { equals: user.email, mode: "insensitive" } }] },
    select: { id: true, nomineeName: true },
  });
  // Every spelling of them others may have quoted: their name, address, delegate name, and the
  // names the committee typed for them. Blank or one-letter needles would match everything.
  const needles = [...new Set([user.name, user.email, user.delegateProfile?.displayName, ...nominations.map((n) => n.nomineeName)].map((n) => n?.trim() ?? ""))].filter(
    (n) => n.length >= 3 && n !== REDACTED,
  );
  await ensureTombstone(tx);

  await tx.nomination.updateMany({
    where: { id: { in: nominations.map((n) => n.id) } },
    data: { nomineeName: REDACTED, nomineeEmail: "deleted-account@puente.invalid", nomineeGender: null, nomineeGenderDescription: null, bio: null, publishName: false, publishBio: false },
  });
  await tx.organizationInvitation.deleteMany({ where: { email: { equals: user.email, mode: "insensitive" } } });
  const contactOf = await tx.organization.findMany({
    where: { contactEmail: { equals: user.email, mode: "insensitive" } },
    select: { id: true, memberships: { where: { userId: { not: userId } }, orderBy: [{ role: "asc" }, { createdAt: "asc" }], take: 1, select: { user: { select: { email: true } } } } },
  });
  for (const org of contactOf) {
    // ADMIN sorts before MEMBER: the organization's remaining admin is its contact from now on.
    const next = org.memberships[0]?.user.email ?? "deleted-account@puente.invalid";
    await tx.organization.update({ where: { id: org.id }, data: { contactEmail: next } });
  }

  await tx.outboxEmail.deleteMany({ where: { to: { equals: user.email, mode: "insensitive" } } });
  const mails = await tx.outboxEmail.findMany({
    where: { OR: needles.flatMap((n) => [{ text: { contains: n, mode: "insensitive" as const } }, { subject: { contains: n, mode: "insensitive" as const } }]) },
    select: { id: true, subject: true, text: true },
  });
  for (const mail of mails) await tx.outboxEmail.update({ where: { id: mail.id }, data: { subject: replaceIn(mail.subject, needles), text: replaceIn(mail.text, needles) } });
  // The mail queue: theirs goes (queued or sent); others' that quote them are redacted like the outbox.
  await tx.emailDelivery.deleteMany({ where: { to: { equals: user.email, mode: "insensitive" } } });
  const deliveries = await tx.emailDelivery.findMany({
    where: { OR: needles.flatMap((n) => [{ text: { contains: n, mode: "insensitive" as const } }, { subject: { contains: n, mode: "insensitive" as const } }]) },
    select: { id: true, subject: true, text: true },
  });
  for (const mail of deliveries) await tx.emailDelivery.update({ where: { id: mail.id }, data: { subject: replaceIn(mail.subject, needles), text: replaceIn(mail.text, needles) } });

  for (const row of await rowsMentioning(tx, "Notification", "data", needles)) {
    await tx.notification.update({ where: { id: row.id }, data: { data: redactJson(row.data, needles) as Prisma.InputJsonValue } });
  }

  // The audit log: the one change its trigger allows.
  await tx.$executeRaw`UPDATE "AuditEntry" SET "actorId" = ${TOMBSTONE_USER_ID}::uuid WHERE "actorId" = ${userId}::uuid`;
  for (const row of await rowsMentioning(tx, "AuditEntry", "data", needles)) {
    await tx.$executeRaw`UPDATE "AuditEntry" SET data = ${JSON.stringify(redactJson(row.data, needles))}::jsonb WHERE id = ${BigInt(row.id)}`;
  }

  const emailKey = createHash("sha256").update(user.email).digest("hex");
  await tx.rateLimitCounter.deleteMany({ where: { key: { contains: emailKey } } });

  await tx.user.delete({ where: { id: userId } });
}
