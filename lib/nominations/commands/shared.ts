// Pieces several nomination commands share; not re-exported (index.ts exports only commands).
import type { AuditRecord, Tx } from "@/lib/commands/run";
import type { Surface } from "@/lib/commands/invalidate";
import { conflict } from "@/lib/errors";
import type { Locale, NominationStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pickLocalized } from "@/lib/i18n/localized-text";
import type { Mail } from "@/lib/mail/send";
import { notify } from "@/lib/notifications/notify";
import type { NominationNotificationKind } from "@/lib/notifications/kinds";
import { invitationEmail, nomineeLocale, type NomineeMailContext } from "../emails";
import { invitationExpiry } from "../policy";
import { hashNominationToken, isTokenShaped, newNominationToken } from "../tokens";

/** What commands read about a session. */
export const sessionSelect = {
  id: true,
  title: true,
  status: true,
  startsAt: true,
  timeZone: true,
  nominationDeadline: true,
  selectionMode: true,
  panelistSeats: true,
  rapporteurSeats: true,
  moderatorSeats: true,
} satisfies Prisma.ReviewSessionSelect;

/** What commands read about a nomination. */
export const nominationSelect = {
  id: true,
  sessionId: true,
  role: true,
  status: true,
  invitationExpiresAt: true,
  nomineeUserId: true,
  nomineeName: true,
  nomineeEmail: true,
  nomineeOrganizationId: true,
  nomineeOrganizationName: true,
  nomineeCountry: true,
  nomineeGender: true,
  languages: true,
  nominatedById: true,
  nomineeUser: { select: { preferredLocale: true } },
  nominatedBy: { select: { preferredLocale: true } },
  nomineeOrganization: { select: { subregion: true, type: true } },
  session: { select: sessionSelect },
} satisfies Prisma.NominationSelect;
export type NominationRow = Prisma.NominationGetPayload<{ select: typeof nominationSelect }>;

/** A nomination of a session that is not a draft (drafts are nobody's business yet). */
export const visibleNomination = (id: string) => ({ id, session: { status: { not: "DRAFT" as const } } });

/** What every command returns about the nomination it touched. */
export type NominationResult = { id: string; sessionId: string; role: SpeakerRole; status: NominationStatus };
export const result = (n: { id: string; sessionId: string; role: SpeakerRole }, status: NominationStatus): NominationResult => ({
  id: n.id,
  sessionId: n.sessionId,
  role: n.role,
  status,
});

/** Private audit data about a nomination: the nominee's name, never their email or gender. */
export const nominationData = (n: { id: string; sessionId: string; role: SpeakerRole; nomineeName: string }) => ({
  sessionId: n.sessionId,
  nominationId: n.id,
  role: n.role,
  nomineeName: n.nomineeName,
});

/**
 * What a change shows on: the committee's workspace and the people's dashboards, always; the
 * public session pages once a selected speaker is involved; everything a session's state shows on
 * when the slate is confirmed.
 */
export const SURFACES = {
  private: ["dashboard"],
  speakers: ["dashboard", "sessions"],
  confirmed: ["dashboard", "sessions", "home", "proposals", "transparency"],
} as const satisfies Record<string, readonly Surface[]>;

/** The status in the WHERE: if someone else changed the nomination first, nothing is written. */
export async function moveNomination(tx: Tx, n: { id: string; status: NominationStatus }, data: Prisma.NominationUncheckedUpdateManyInput) {
  const { count } = await tx.nomination.updateMany({ where: { id: n.id, status: n.status }, data });
  if (count !== 1) throw conflict("nominations.wrongState");
}

/** The session title as a plain string for a reader of `locale`. */
export const titleIn = (title: unknown, locale: Locale) => pickLocalized(title, locale)?.text ?? "";

/** What the nominee's emails say about the nomination. */
export function mailContext(n: NominationRow): NomineeMailContext {
  return {
    to: n.nomineeEmail,
    locale: nomineeLocale(n),
    nomineeName: n.nomineeName,
    role: n.role,
    session: { id: n.session.id, title: n.session.title, startsAt: n.session.startsAt, timeZone: n.session.timeZone },
  };
}

/**
 * A new RESPOND link for a nomination (earlier ones stop working), moving it to INVITED from its
 * stored status. Returns the email, the only place the token goes.
 */
export async function issueInvitation(tx: Tx, n: NominationRow, now: Date, record: (event: AuditRecord) => void): Promise<Mail> {
  const expiresAt = invitationExpiry(n.session, now);
  await tx.nominationToken.updateMany({ where: { nominationId: n.id, purpose: "RESPOND", usedAt: null }, data: { usedAt: now } });
  const token = newNominationToken();
  await tx.nominationToken.create({ data: { nominationId: n.id, purpose: "RESPOND", tokenHash: hashNominationToken(token), expiresAt } });
  await moveNomination(tx, n, { status: "INVITED", invitationExpiresAt: expiresAt });
  record({
    action: "nomination.invited",
    entityType: "Nomination",
    entityId: n.id,
    isPublic: false,
    data: { ...nominationData(n), expiresAt: expiresAt.toISOString() },
  });
  return invitationEmail({ ...mailContext(n), token, expiresAt });
}

/** The token row of a personal link, when it is shaped like one (the decision is tokenRefusal's). */
export async function findToken(tx: Tx, token: string) {
  if (!isTokenShaped(token)) return null;
  return tx.nominationToken.findUnique({
    where: { tokenHash: hashNominationToken(token) },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, nominationId: true },
  });
}

/** Marks the token used; the link clicked twice at once is used once. */
export async function claimToken(tx: Tx, tokenId: string, now: Date) {
  const claimed = await tx.nominationToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) throw conflict("nominations.linkInvalid");
}

/** The committee member who nominated hears the nominee's answer in the app, in their language. */
export async function tellNominator(tx: Tx, n: NominationRow, kind: NominationNotificationKind) {
  if (!n.nominatedById) return;
  const locale = n.nominatedBy?.preferredLocale ?? "es";
  await notify(tx, {
    userIds: [n.nominatedById],
    kind,
    data: { sessionId: n.sessionId, sessionTitle: titleIn(n.session.title, locale), nomineeName: n.nomineeName },
  });
}
