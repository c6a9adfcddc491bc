// Review sessions (and nominations in them) written straight to the database, for the sessions
// tests and the nominations tests (read-only for them). The commands are tested on their own.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Gender, Locale, NominationStatus, SessionFormat, SessionStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import { dateToLocalInput, isSessionTimeZone } from "@/lib/sessions/time";

export const ALL_SESSION_STATUSES: SessionStatus[] = ["DRAFT", "OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED", "HELD", "REPORT_PUBLISHED"];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Now plus (or minus) whole days, to the minute, for times relative to the test's run. */
export const daysFromNow = (days: number, hours = 0) => new Date(Math.floor((Date.now() + days * DAY + hours * HOUR) / 60_000) * 60_000);

export type SessionOptions = {
  status?: SessionStatus;
  title?: Record<string, string>;
  description?: Record<string, string>;
  startsAt?: Date;
  endsAt?: Date;
  timeZone?: string;
  format?: SessionFormat;
  place?: string | null;
  link?: string | null;
  workingLanguages?: Locale[];
  interpretation?: Locale[];
  objectives?: number[];
  panelistSeats?: number;
  rapporteurSeats?: number;
  moderatorSeats?: number;
  nominationDeadline?: Date | null;
  summary?: string | null;
  summaryLanguage?: Locale | null;
  createdById?: string | null;
};

/**
 * A session in `status`. By default it starts in 30 days (2 hours long) with a nomination
 * deadline in 10 days; held and published ones took place 10 days ago.
 */
export async function createSession(options: SessionOptions = {}) {
  const status = options.status ?? "OPEN_FOR_NOMINATIONS";
  const past = status === "HELD" || status === "REPORT_PUBLISHED";
  const startsAt = options.startsAt ?? (past ? daysFromNow(-10) : daysFromNow(30));
  const endsAt = options.endsAt ?? new Date(startsAt.getTime() + 2 * HOUR);
  const id = randomUUID();
  return db.reviewSession.create({
    data: {
      id,
      title: options.title ?? { es: `Sesión ${id.slice(0, 8)}`, en: `Session ${id.slice(0, 8)}` },
      description: options.description ?? { es: "Descripción de la sesión.", en: "Description of the session." },
      startsAt,
      endsAt,
      timeZone: options.timeZone ?? "America/Tegucigalpa",
      format: options.format ?? "HYBRID",
      place: options.place !== undefined ? options.place : "Centro de Convenciones, Tegucigalpa",
      link: options.link !== undefined ? options.link : "https://meet.example.org/sesion-secreta",
      workingLanguages: options.workingLanguages ?? ["es", "en"],
      interpretation: options.interpretation ?? ["pt"],
      objectives: options.objectives ?? [7, 15],
      panelistSeats: options.panelistSeats ?? 3,
      rapporteurSeats: options.rapporteurSeats ?? 1,
      moderatorSeats: options.moderatorSeats ?? 1,
      status,
      nominationDeadline:
        options.nominationDeadline !== undefined ? options.nominationDeadline : new Date(startsAt.getTime() - 20 * DAY),
      summary: options.summary !== undefined ? options.summary : status === "REPORT_PUBLISHED" ? "## Conclusiones\n\nSe acordó seguir." : null,
      summaryLanguage: options.summaryLanguage !== undefined ? options.summaryLanguage : status === "REPORT_PUBLISHED" ? "es" : null,
      createdById: options.createdById ?? null,
    },
  });
}

export type NominationOptions = {
  role?: SpeakerRole;
  status?: NominationStatus;
  nomineeName?: string;
  nomineeEmail?: string;
  nomineeUserId?: string | null;
  nomineeOrganizationId?: string | null;
  nomineeOrganizationName?: string | null;
  nomineeCountry?: string;
  nomineeGender?: Gender | null;
  nomineeGenderDescription?: string | null;
  rationale?: string;
  bio?: string | null;
  publishName?: boolean;
  publishOrganization?: boolean;
  publishBio?: boolean;
  selectionRationale?: string | null;
  languages?: Locale[];
};

/** A nomination in `status` (SELECTED counts against the seats: the database trigger checks it). */
export async function insertNomination(sessionId: string, options: NominationOptions = {}) {
  const id = randomUUID();
  const status = options.status ?? "SELECTED";
  return db.nomination.create({
    data: {
      id,
      sessionId,
      role: options.role ?? "PANELIST",
      status,
      nomineeUserId: options.nomineeUserId ?? null,
      nomineeName: options.nomineeName ?? `Nominee ${id.slice(0, 6)}`,
      nomineeEmail: options.nomineeEmail ?? `nominee-${id}@example.test`,
      nomineeOrganizationId: options.nomineeOrganizationId ?? null,
      nomineeOrganizationName: options.nomineeOrganizationName !== undefined ? options.nomineeOrganizationName : "Colectivo Migrante",
      nomineeCountry: options.nomineeCountry ?? "HN",
      nomineeGender: options.nomineeGender !== undefined ? options.nomineeGender : "WOMAN",
      nomineeGenderDescription: options.nomineeGenderDescription ?? null,
      languages: options.languages ?? ["es"],
      rationale: options.rationale ?? "Razón interna del comité.",
      bio: options.bio !== undefined ? options.bio : "Defensora de derechos de personas migrantes.",
      publishName: options.publishName ?? true,
      publishOrganization: options.publishOrganization ?? true,
      publishBio: options.publishBio ?? true,
      selectedAt: status === "SELECTED" || status === "NOT_SELECTED" ? new Date() : null,
      selectionRationale: options.selectionRationale ?? null,
    },
  });
}

/** A complete, valid form for a new session: 10:00–12:00 in Tegucigalpa, 30 days ahead. */
export function validSessionInput<T extends Record<string, unknown>>(overrides: T = {} as T) {
  const zone = isSessionTimeZone(overrides.timeZone) ? overrides.timeZone : "America/Tegucigalpa";
  const day = dateToLocalInput(daysFromNow(30), zone).slice(0, 10);
  const base = {
    titleEs: "Movilidad humana y cambio climático",
    titleEn: "Human mobility and climate change",
    descriptionEs: "Sesión sobre desplazamiento por desastres.",
    startsAt: `${day}T10:00`,
    endsAt: `${day}T12:00`,
    timeZone: "America/Tegucigalpa",
    format: "HYBRID",
    place: "Centro de Convenciones",
    link: "https://meet.example.org/sesion",
    workingLanguages: ["es", "en"],
    interpretation: "pt",
    objectives: ["2", "5"],
    panelistSeats: "3",
    rapporteurSeats: "1",
    moderatorSeats: "1",
    nominationDeadline: `${dateToLocalInput(daysFromNow(10), zone).slice(0, 10)}T18:00`,
  };
  return { ...base, ...overrides };
}

/** A complete, valid registration form. */
export function validRegistrationInput<T extends Record<string, unknown>>(sessionId: string, overrides: T = {} as T) {
  return { sessionId, language: "es", accessNeeds: ["INTERPRETATION"], accessNote: "", listed: "on", ...overrides };
}

/** Row counts of every table the sessions commands write. */
export async function sessionRowCounts() {
  const [sessions, registrations, audit] = await Promise.all([db.reviewSession.count(), db.sessionRegistration.count(), db.auditEntry.count()]);
  return { sessions, registrations, audit };
}
