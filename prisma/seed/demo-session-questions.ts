// Questions to the panel (issue 14): the past session's questions in four languages, taken up,
// answered and set aside, some drawn on by its summary; and a session live at seeding time (it
// started 30 minutes before and lasts 8 hours), so questions can be tried at once and the e2e
// test finds a live session. One of the past session's questions, and one support, are under a
// pseudonym vouched for by a verified organization (recorded with no actor, as the commands do).
import { randomUUID } from "node:crypto";
import { auditRow, type AuditInput } from "../../lib/audit/record";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Locale, SessionQuestionState, SpeakerRole } from "../../lib/generated/prisma/enums";
import { DEMO_SESSION_TITLES } from "./demo-sessions";

type Tx = Prisma.TransactionClient;

/** The live session's title, so tests and guides find it (its id is random). */
export const DEMO_LIVE_SESSION_TITLE = {
  es: "Diálogo abierto con el panel: trabajo decente, remesas y diáspora",
  en: "Open dialogue with the panel: decent work, remittances and the diaspora",
  pt: "Diálogo aberto com o painel: trabalho decente, remessas e diáspora",
  fr: "Dialogue ouvert avec le panel : travail décent, transferts de fonds et diaspora",
} as const;

/** Demo people of the live session: the moderator and two registered participants (one listed, one not). */
export const DEMO_LIVE_PEOPLE = {
  moderator: { key: "liveModerator", name: "Marisol Vega", email: "marisol@cdhpm.example", org: "centro-de-derechos-el-salvador", locale: "es" },
  listed: { key: "liveListed", name: "Tomás Rivas", email: "tomas@sinfronteras.example", org: "red-sin-fronteras", locale: "es" },
  unlisted: { key: "liveUnlisted", name: "Amara Joseph", email: "amara@diaspora-mtl.example", org: "haitian-diaspora-montreal", locale: "en" },
} as const satisfies Record<string, { key: string; name: string; email: string; org: string; locale: Locale }>;

export type QuestionSeedContext = {
  people: Record<string, { id: string; name: string }>;
  organizations: Record<string, { id: string }>;
  now: number;
};

type DemoQuestion = {
  by: string;
  language: Locale;
  body: string;
  state: SessionQuestionState;
  reason?: string;
  drawnOn?: boolean;
  supporters: string[];
  minute: number;
  /** Asked under the pseudonym this organization (slug) vouches for; named on the question when `show`. */
  pseudonymOf?: string;
  show?: boolean;
  /** Supporters under a pseudonym: [person, organization slug]. */
  pseudonymSupporters?: [string, string][];
};

/** The past session's questions (its registrants asked them): every state, four languages. */
const PAST_QUESTIONS: DemoQuestion[] = [
  { by: "participant", language: "es", body: "¿Qué datos publicarán los Estados sobre las personas migrantes detenidas, desagregados por edad y sexo?", state: "ANSWERED", drawnOn: true, supporters: ["orgAdmin", "committeeHt", "roraimaAdmin"], minute: 25 },
  { by: "roraimaAdmin", language: "pt", body: "Como garantir que a informação sobre vias regulares chegue em português às pessoas venezuelanas em Roraima?", state: "ANSWERED", drawnOn: true, supporters: ["participant", "jamaicaAdmin"], minute: 40 },
  { by: "committeeHt", language: "fr", body: "Les familles de migrants disparus auront-elles accès aux bases de données consulaires ?", state: "TAKEN_UP", drawnOn: true, supporters: ["participant", "orgAdmin"], minute: 55 },
  { by: "jamaicaAdmin", language: "en", body: "Will returnees be counted separately from people deported, so that reintegration support can be planned?", state: "ANSWERED", supporters: ["committeeHt"], minute: 70 },
  { by: "orgAdmin", language: "es", body: "¿Puede el panel comprometerse a una fecha para la próxima consulta nacional en México?", state: "SET_ASIDE", reason: "Corresponde a la sesión sobre cooperación, no a esta.", supporters: [], minute: 90 },
  { by: "orgAdmin", pseudonymOf: "red-sin-fronteras", show: true, language: "es", body: "¿Cómo pueden denunciar extorsiones en la ruta las personas sin documentos sin que su denuncia llegue a migración?", state: "ANSWERED", supporters: ["participant", "committeeHt"], minute: 100 },
  { by: "participant", language: "es", body: "¿Habrá intérpretes en lenguas indígenas en los consulados?", state: "OPEN", supporters: ["roraimaAdmin"], pseudonymSupporters: [["orgAdmin", "red-sin-fronteras"]], minute: 120 },
];

/** The demo's pseudonyms for session questions (the dialogue's demo makes its own, with other names). */
const PSEUDONYM_NAMES = ["Araucaria 7392"];

/** The live session's questions so far. */
const LIVE_QUESTIONS: DemoQuestion[] = [
  { by: "academiaAdmin", language: "es", body: "¿Cómo se reducirá el costo de enviar remesas desde los Estados Unidos hacia Centroamérica?", state: "TAKEN_UP", supporters: ["caminosAdmin", "liveListed"], minute: 5 },
  { by: "caminosAdmin", language: "es", body: "¿Qué protección laboral tienen las trabajadoras domésticas migrantes en el Caribe?", state: "OPEN", supporters: ["academiaAdmin"], minute: 12 },
  { by: "liveUnlisted", language: "en", body: "How can diaspora organizations take part in the national follow-up plans?", state: "OPEN", supporters: [], minute: 18 },
];

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Writes the questions of the past session and the live session, inside the demo's transaction. */
export async function seedSessionQuestions(tx: Tx, ctx: QuestionSeedContext, passwordHash: string): Promise<void> {
  const people = { ...ctx.people };
  for (const p of Object.values(DEMO_LIVE_PEOPLE)) {
    const user = await tx.user.create({
      data: { name: p.name, email: p.email, passwordHash, preferredLocale: p.locale, memberships: { create: [{ organizationId: ctx.organizations[p.org].id, role: "MEMBER" }] } },
    });
    people[p.key] = { id: user.id, name: user.name };
  }
  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  // A null actor: what was done under a pseudonym names no one in the log.
  const log = (when: Date, actor: string | null, entry: Omit<AuditInput, "actorId">) => audit.push(auditRow({ ...entry, actorId: actor ? people[actor].id : null } as AuditInput, when));
  const pseudonyms = new Map<string, string>();
  const pseudonymFor = async (person: string, orgSlug: string, when: Date) => {
    const key = `${person}:${orgSlug}`;
    if (!pseudonyms.has(key)) {
      const p = await tx.pseudonym.create({ data: { name: PSEUDONYM_NAMES[pseudonyms.size], userId: people[person].id, organizationId: ctx.organizations[orgSlug].id, createdAt: when }, select: { id: true } });
      pseudonyms.set(key, p.id);
      log(when, null, { action: "pseudonym.created", entityType: "Pseudonym", entityId: p.id, isPublic: false, data: {} });
    }
    return pseudonyms.get(key)!;
  };

  // The past session (its summary draws on three of them).
  const past = await tx.reviewSession.findFirstOrThrow({ where: { title: { path: ["es"], equals: DEMO_SESSION_TITLES.past.es } }, select: { id: true, title: true, startsAt: true } });
  const pastModerator = await tx.nomination.findFirst({ where: { sessionId: past.id, role: "MODERATOR", status: "SELECTED", nomineeUserId: { not: null } }, select: { nomineeUserId: true } });
  const moderatorId = pastModerator?.nomineeUserId ?? people.staffIom.id;
  await writeQuestions(tx, past, PAST_QUESTIONS, people, moderatorId, log, pseudonymFor);

  // The live session: confirmed speakers with accounts, registrations, questions under way.
  const startsAt = new Date(Math.floor((ctx.now - 30 * MINUTE) / MINUTE) * MINUTE);
  const live = await tx.reviewSession.create({
    data: {
      title: DEMO_LIVE_SESSION_TITLE,
      description: {
        es: "Sesión virtual de un día, abierta a las preguntas de las personas inscritas: trabajo decente, costo de las remesas y participación de la diáspora (objetivos 6, 19 y 20).",
        en: "A day-long virtual session open to registered participants' questions: decent work, the cost of remittances and diaspora participation (objectives 6, 19 and 20).",
        pt: "Sessão virtual de um dia, aberta às perguntas das pessoas inscritas: trabalho decente, custo das remessas e participação da diáspora (objetivos 6, 19 e 20).",
        fr: "Session virtuelle d’une journée ouverte aux questions des personnes inscrites : travail décent, coût des transferts de fonds et participation de la diaspora (objectifs 6, 19 et 20).",
      },
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 60 * MINUTE),
      timeZone: "America/Mexico_City",
      format: "VIRTUAL",
      link: "https://reuniones.example/puente/dialogo-abierto",
      workingLanguages: ["es", "en", "pt", "fr"],
      interpretation: ["es", "en", "pt", "fr"],
      objectives: [6, 19, 20],
      panelistSeats: 2,
      status: "SPEAKERS_CONFIRMED",
      nominationDeadline: new Date(ctx.now - 10 * DAY),
      statusChangedAt: new Date(ctx.now - 5 * DAY),
      createdById: people.staffIom.id,
      createdAt: new Date(ctx.now - 30 * DAY),
    },
    select: { id: true, title: true, startsAt: true },
  });
  const sessionData = { sessionId: live.id, sessionTitle: DEMO_LIVE_SESSION_TITLE };
  log(new Date(ctx.now - 25 * DAY), "staffIom", { action: "session.opened", entityType: "ReviewSession", entityId: live.id, isPublic: true, data: { ...sessionData, nominationDeadline: new Date(ctx.now - 10 * DAY).toISOString(), timeZone: "America/Mexico_City" } });
  const speakers: [string, SpeakerRole, string][] = [
    ["liveModerator", "MODERATOR", "Modera diálogos entre sociedad civil y gobiernos desde hace diez años."],
    ["jamaicaAdmin", "RAPPORTEUR", "Writes the returnees' network's public reports."],
    ["montrealAdmin", "PANELIST", "Voix de la diaspora haïtienne au Canada."],
    ["roraimaAdmin", "PANELIST", "Experiência direta com trabalhadoras venezuelanas em Roraima."],
  ];
  for (const [key, role, rationale] of speakers) {
    const id = randomUUID();
    await tx.nomination.create({
      data: {
        id,
        sessionId: live.id,
        role,
        nomineeUserId: people[key].id,
        nomineeName: people[key].name,
        nomineeEmail: `${key}@speakers.example`,
        nomineeCountry: "MX",
        languages: ["es", "en"],
        rationale,
        status: "SELECTED",
        respondedAt: new Date(ctx.now - 12 * DAY),
        selectedAt: new Date(ctx.now - 8 * DAY),
        selectedById: people.chair.id,
        selectionRationale: rationale,
        createdAt: new Date(ctx.now - 20 * DAY),
      },
    });
    log(new Date(ctx.now - 5 * DAY), "staffEclac", {
      action: "nomination.confirmed",
      entityType: "Nomination",
      entityId: id,
      isPublic: true,
      data: { ...sessionData, role, speakerName: people[key].name, organizationName: null, selectedBy: people.chair.name, rationale },
    });
  }
  log(new Date(ctx.now - 5 * DAY + 1), "staffEclac", { action: "session.speakers_confirmed", entityType: "ReviewSession", entityId: live.id, isPublic: true, data: { ...sessionData, speakerCount: speakers.length } });
  const registrants: [string, Locale, boolean][] = [
    ["liveListed", "es", true],
    ["liveUnlisted", "en", false],
    ["academiaAdmin", "es", true],
    ["caminosAdmin", "es", false],
  ];
  await tx.sessionRegistration.createMany({
    data: registrants.map(([key, language, listed]) => ({ sessionId: live.id, userId: people[key].id, language, listed, createdAt: new Date(ctx.now - 3 * DAY) })),
  });
  await writeQuestions(tx, live, LIVE_QUESTIONS, people, people.liveModerator.id, log, pseudonymFor);

  await tx.auditEntry.createMany({ data: audit });
}

const MOVE_ACTION: Partial<Record<SessionQuestionState, "session_question.taken_up" | "session_question.answered">> = {
  TAKEN_UP: "session_question.taken_up",
  ANSWERED: "session_question.answered",
};

/** The questions, their supports and what the commands would have logged, dated during the session. */
async function writeQuestions(
  tx: Tx,
  session: { id: string; title: Prisma.JsonValue; startsAt: Date },
  questions: DemoQuestion[],
  people: Record<string, { id: string }>,
  moderatorId: string,
  log: (when: Date, actor: string | null, entry: Omit<AuditInput, "actorId">) => void,
  pseudonymFor: (person: string, orgSlug: string, when: Date) => Promise<string>,
) {
  const byId = Object.fromEntries(Object.entries(people).map(([key, p]) => [p.id, key]));
  for (const q of questions) {
    const askedAt = new Date(session.startsAt.getTime() + q.minute * MINUTE);
    const movedAt = new Date(askedAt.getTime() + 10 * MINUTE);
    const pseudonymId = q.pseudonymOf ? await pseudonymFor(q.by, q.pseudonymOf, askedAt) : null;
    const row = await tx.sessionQuestion.create({
      data: {
        sessionId: session.id,
        askerId: pseudonymId ? null : people[q.by].id,
        pseudonymId,
        showOrganization: !!(pseudonymId && q.show),
        language: q.language,
        body: q.body,
        state: q.state,
        setAsideReason: q.reason ?? null,
        stateChangedAt: q.state === "OPEN" ? null : movedAt,
        stateChangedById: q.state === "OPEN" ? null : moderatorId,
        drawnOnAt: q.drawnOn ? new Date(movedAt.getTime() + DAY) : null,
        createdAt: askedAt,
      },
      select: { id: true },
    });
    if (q.supporters.length) {
      await tx.sessionQuestionSupport.createMany({ data: q.supporters.map((key, i) => ({ questionId: row.id, userId: people[key].id, createdAt: new Date(askedAt.getTime() + (i + 1) * MINUTE) })) });
    }
    const data = { sessionId: session.id, sessionTitle: session.title as Prisma.JsonObject, questionId: row.id, language: q.language };
    // Under a pseudonym the person stays on the support (one each) and the log entry names no one.
    for (const [i, [key, orgSlug]] of (q.pseudonymSupporters ?? []).entries()) {
      const supportedAt = new Date(askedAt.getTime() + (q.supporters.length + i + 1) * MINUTE);
      await tx.sessionQuestionSupport.create({ data: { questionId: row.id, userId: people[key].id, pseudonymId: await pseudonymFor(key, orgSlug, supportedAt), createdAt: supportedAt } });
      log(supportedAt, null, { action: "session_question.supported", entityType: "SessionQuestion", entityId: row.id, isPublic: false, data } as Omit<AuditInput, "actorId">);
    }
    log(askedAt, pseudonymId ? null : q.by, { action: "session_question.asked", entityType: "SessionQuestion", entityId: row.id, isPublic: false, data } as Omit<AuditInput, "actorId">);
    const moderator = byId[moderatorId];
    if (moderator) {
      const action = MOVE_ACTION[q.state];
      if (action) log(movedAt, moderator, { action, entityType: "SessionQuestion", entityId: row.id, isPublic: true, data } as Omit<AuditInput, "actorId">);
      if (q.state === "SET_ASIDE") {
        log(movedAt, moderator, { action: "session_question.set_aside", entityType: "SessionQuestion", entityId: row.id, isPublic: true, data: { ...data, reason: q.reason ?? null } } as Omit<AuditInput, "actorId">);
      }
    }
    if (q.drawnOn) log(new Date(movedAt.getTime() + DAY), "staffIom", { action: "session_question.drawn_on", entityType: "SessionQuestion", entityId: row.id, isPublic: true, data: { ...data, drawnOn: true } } as Omit<AuditInput, "actorId">);
  }
}
