// Sessions, nominations and personal links for the nominations tests, written straight to the
// database (the commands are what the tests exercise).
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Gender, Locale, NominationStatus, NominationTokenPurpose, SelectionMode, SessionStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import { hashNominationToken, newNominationToken } from "@/lib/nominations/tokens";
import { actorFor, buildWorld, createOrganization, createUser, giveCommitteeTerm } from "./factories";
import { deliverQueuedMail } from "./mail";

const DAY = 24 * 60 * 60 * 1000;

export async function createSession(
  options: {
    status?: SessionStatus;
    title?: Record<string, string>;
    startsAt?: Date;
    nominationDeadline?: Date | null;
    panelistSeats?: number;
    rapporteurSeats?: number;
    moderatorSeats?: number;
    selectionMode?: SelectionMode;
    timeZone?: string;
  } = {},
) {
  const startsAt = options.startsAt ?? new Date(Date.now() + 30 * DAY);
  return db.reviewSession.create({
    data: {
      title: options.title ?? { es: "Sesión de revisión sobre niñez migrante", en: "Review session on migrant children" },
      description: { es: "Descripción de la sesión." },
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
      timeZone: options.timeZone ?? "America/Tegucigalpa",
      format: "VIRTUAL",
      workingLanguages: ["es", "en"],
      interpretation: ["en"],
      objectives: [7],
      panelistSeats: options.panelistSeats ?? 3,
      rapporteurSeats: options.rapporteurSeats ?? 1,
      moderatorSeats: options.moderatorSeats ?? 1,
      status: options.status ?? "OPEN_FOR_NOMINATIONS",
      nominationDeadline: options.nominationDeadline !== undefined ? options.nominationDeadline : new Date(Date.now() + 10 * DAY),
      selectionMode: options.selectionMode ?? "CHAIR",
    },
  });
}

/** A nomination in any state, as the commands would have left it. */
export async function insertNomination(
  sessionId: string,
  options: {
    status?: NominationStatus;
    role?: SpeakerRole;
    name?: string;
    email?: string;
    nomineeUserId?: string | null;
    organizationId?: string | null;
    organizationName?: string | null;
    country?: string;
    gender?: Gender | null;
    genderDescription?: string | null;
    languages?: Locale[];
    nominatedById?: string | null;
    invitationExpiresAt?: Date | null;
    publishName?: boolean;
    publishOrganization?: boolean;
    selectedById?: string | null;
    selectionRationale?: string | null;
  } = {},
) {
  const id = randomUUID();
  const status = options.status ?? "ACCEPTED";
  const external = options.organizationId === undefined || options.organizationId === null;
  return db.nomination.create({
    data: {
      id,
      sessionId,
      role: options.role ?? "PANELIST",
      nomineeUserId: options.nomineeUserId ?? null,
      nomineeName: options.name ?? `Nominee ${id.slice(0, 6)}`,
      nomineeEmail: options.email ?? `nominee-${id}@example.test`,
      nomineeOrganizationId: options.organizationId ?? null,
      nomineeOrganizationName: external ? (options.organizationName !== undefined ? options.organizationName : "Colectivo Externo") : null,
      nomineeCountry: options.country ?? "HN",
      nomineeGender: options.gender ?? null,
      nomineeGenderDescription: options.genderDescription ?? null,
      languages: options.languages ?? ["es"],
      rationale: "Trabaja con familias migrantes desde hace diez años.",
      status,
      nominatedById: options.nominatedById ?? null,
      invitationExpiresAt:
        options.invitationExpiresAt !== undefined ? options.invitationExpiresAt : status === "INVITED" ? new Date(Date.now() + 7 * DAY) : null,
      publishName: options.publishName ?? true,
      publishOrganization: options.publishOrganization ?? true,
      selectedAt: status === "SELECTED" ? new Date() : null,
      selectedById: options.selectedById ?? null,
      selectionRationale: options.selectionRationale ?? (status === "SELECTED" ? "Conoce el tema." : null),
    },
  });
}

/** A personal link for a nomination; returns the token (only its hash is stored). */
export async function issueToken(
  nominationId: string,
  purpose: NominationTokenPurpose,
  options: { expiresAt?: Date; usedAt?: Date | null } = {},
) {
  const token = newNominationToken();
  await db.nominationToken.create({
    data: {
      nominationId,
      purpose,
      tokenHash: hashNominationToken(token),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * DAY),
      usedAt: options.usedAt ?? null,
    },
  });
  return token;
}

/** Every role of a nominations permission table: buildWorld()'s, a committee member without a conflict, and the chair. */
export const NOMINATION_ROLES = [
  "visitor",
  "participant",
  "orgAdmin",
  "orgMember",
  "otherOrgMember",
  "committee",
  "independent",
  "chair",
  "staff",
  "admin",
] as const;
export type NominationRole = (typeof NOMINATION_ROLES)[number];

/**
 * buildWorld() and two more committee members, each representing a regional network they are
 * not a member of (so no conflict with `org` or `otherOrg`): `independent`, and `chair`.
 */
export async function buildNominationWorld() {
  const world = await buildWorld();
  const network = await createOrganization({ name: "Red Independiente de Movilidad", type: "REGIONAL_NETWORK", country: "CO" });
  const chairNetwork = await createOrganization({ name: "Red Caribeña de Apoyo", type: "REGIONAL_NETWORK", country: "DO" });
  const independentUser = await createUser({ name: "Independent Committee Member" });
  const chairUser = await createUser({ name: "Committee Chair" });
  await giveCommitteeTerm(independentUser.id, network.id);
  await giveCommitteeTerm(chairUser.id, chairNetwork.id, { isChair: true });
  const actors: Record<NominationRole, Actor | null> = {
    ...world.actors,
    independent: await actorFor(independentUser.id),
    chair: await actorFor(chairUser.id),
  };
  return { ...world, network, chairNetwork, users: { ...world.users, independent: independentUser, chair: chairUser }, actors };
}

/** What externalNomination() gives: the form's fields, some of which the tests read back. */
export type NominationFormInput = { idempotencyKey: string; sessionId: string; nomineeName: string; rationale: string; [field: string]: unknown };

/** A valid nomination of someone without an account, for `sessionId`. */
export function externalNomination(sessionId: string, overrides: Record<string, unknown> = {}): NominationFormInput {
  return {
    idempotencyKey: randomUUID(),
    sessionId,
    role: "PANELIST",
    nomineeType: "external",
    nomineeName: "María Fernanda López",
    nomineeEmail: `maria-${randomUUID().slice(0, 8)}@example.test`,
    nomineeOrganizationName: "Colectivo Mujeres en Tránsito",
    nomineeCountry: "GT",
    rationale: "Acompaña a mujeres migrantes en la frontera sur de México desde 2015.",
    gender: "WOMAN",
    languages: ["es", "en"],
    sendInvitation: "on",
    ...overrides,
  };
}

/** Row counts of every table the nominations commands write. */
export async function nominationRowCounts() {
  const [nominations, tokens, endorsements, votes, optOuts, audit, notifications, outbox] = await Promise.all([
    db.nomination.count(),
    db.nominationToken.count(),
    db.nominationEndorsement.count(),
    db.nominationSelectionVote.count(),
    db.nominationOptOut.count(),
    db.auditEntry.count(),
    db.notification.count(),
    // Mail the command queued (sent later by the worker).
    db.emailDelivery.count(),
  ]);
  return { nominations, tokens, endorsements, votes, optOuts, audit, notifications, outbox };
}

/** The personal link in the last email sent to `to` (the token is only ever in the email). */
export async function tokenFromOutbox(to: string): Promise<string> {
  await deliverQueuedMail();
  const mail = await db.outboxEmail.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = mail?.text.match(/\/nominations\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no personal link in the mail to ${to}`);
  return match[1];
}

export { appError, outcome, type Outcome } from "./outcomes";
