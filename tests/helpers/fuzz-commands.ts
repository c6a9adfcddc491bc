import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isCommand, type Command } from "@/lib/commands/run";
import { onChanges } from "@/lib/cache/changes";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { GENDERS } from "@/lib/nominations/schemas";
import { SESSION_TIME_ZONES } from "@/lib/sessions/time";
import { actorFor, buildWorld, resetDatabase, type RoleName } from "./factories";
import { createSession, insertNomination } from "./nomination-fixtures";
import { createProposal } from "./proposal-fixtures";
import { createComment, createVersion } from "./report-comment-fixtures";
import { fileReport } from "@/lib/monitoring/commands";
import { finalVersion, foundingTerms, insertAssessment, insertCommitment, insertSuggestion } from "./champion-fixtures";
import { insertReport } from "./monitoring-fixtures";

// Issue 11: no input gives a server error. Every command gets generated inputs (hostile strings,
// wrong types, missing and extra fields, other people's real ids) as every kind of actor, against
// the real database. A command may succeed or refuse with an AppError; anything else is a bug,
// and a refusal changes no row (a trigger counts every row written, rate-limit counters aside).
// FUZZ_SEED and FUZZ_RUNS override the fixed seed and the runs per command; FUZZ_ONLY (a part of
// a command's name, e.g. "proposals.") narrows the run to replay one failure.
// The capabilities are fuzzed in groups, one test file each (tests/integration/fuzz-commands-*),
// so the suite's workers share the work: as one file it was the suite's last 80 to 128 seconds.

const SEED = Number(process.env.FUZZ_SEED ?? 11_2025);
// 1,000 per command, as the hardening issue asks: about 0.6 ms an input on average, more for one
// that gets past the schema into a real transaction; each file prints its counts and times.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
/** Written on a refused attempt on purpose (rate limits count attempts). */
const UNCOUNTED_TABLES = new Set(["_prisma_migrations", "RateLimitCounter", "fuzz_changes"]);

const MEGABYTE = "x".repeat(1_000_000);
const HOSTILE = [
  "a\u0000b",
  "\u0000",
  "\u202Eevil\u202C",
  "\u2066isolated\u2069",
  "\u0007\u001B[31mred\u001B[0m",
  "\uD800",
  "\uDFFFlone",
  "🧕🏽👨‍👩‍👧‍👦🏳️‍🌈",
  "💥".repeat(3000),
  MEGABYTE,
  "   ",
  "\r\n\r\n",
  "'; DROP TABLE \"User\"; --",
  "<script>alert(1)</script>",
  "%00",
  "NaN",
  "Infinity",
  "1e308",
  "-1",
  "9".repeat(400),
  "00000000-0000-0000-0000-000000000000",
  "------------------------------------",
  "__proto__",
];

const ENUMS: Record<string, readonly string[]> = {
  language: ["es", "en", "pt", "fr"],
  preferredLocale: ["es", "en", "pt", "fr"],
  locale: ["es", "en", "pt", "fr"],
  summaryLanguage: ["es", "en", "pt", "fr"],
  decision: ["accept", "notRetain"],
  role: ["PANELIST", "RAPPORTEUR", "MODERATOR", "MEMBER", "ADMIN", "STAFF"],
  nomineeType: ["member", "external"],
  response: ["accept", "decline"],
  mode: ["CHAIR", "TWO_MEMBERS"],
  disposition: ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"],
  type: ["REGIONAL_NETWORK", "CSO", "MIGRANT_LED", "DIASPORA", "ACADEMIA", "OTHER"],
  format: ["IN_PERSON", "VIRTUAL", "HYBRID"],
  gender: GENDERS,
  timeZone: SESSION_TIME_ZONES.map((z) => z.id),
  country: ["MX", "GT", "CO", "BR", "ES", "US"],
  nomineeCountry: ["MX", "GT", "CO"],
  status: ["ANNOUNCED", "IN_PROGRESS", "COMPLETED", "STALLED", "ABANDONED", "UNDER_REVIEW", "VERIFIED", "NOT_VERIFIED", "DUPLICATE"],
  progress: ["ANNOUNCED", "IN_PROGRESS", "STALLED"],
  inclusion: ["NOT_INCLUDED", "INFORMED", "CONSULTED", "INVOLVED", "CO_LED"],
  rightsCentred: ["YES", "PARTLY", "NO"],
  addressee: ["STATES", "IOM", "ECLAC", "ALL"],
  subject: ["COUNTRY", "COMMITMENT", "PROPOSAL", "SESSION", "CONSULTATION"],
  // Monitoring review: the case statuses a reviewer sets and the risk checklist's answers.
  risk_identifiesPerson: ["yes", "no"],
  risk_identifiesReporter: ["yes", "no"],
  risk_placeTooPrecise: ["yes", "no"],
  risk_dateTooPrecise: ["yes", "no"],
  risk_retaliationRisk: ["yes", "no"],
  perpetrator: ["STATE_AGENTS", "PRIVATE_ACTORS", "UNKNOWN", "NEIGHBOURS"],
  // Evaluations: what is evaluated and the kind of a question (with moderation's kinds of post).
  scope: ["session", "review", "everything"],
  kind: ["SCALE", "TEXT", "CHOICE", "PROPOSAL_COMMENT", "REPORT_COMMENT", "EVALUATION"],
  // Session questions: what the moderator does with one.
  action: ["takeUp", "answer", "setAside", "reopen", "delete"],
  // Dialogue: who a post speaks as, and the institution a DELEGATE is given with.
  voice: ["self", "pseudonym", "anonymous"],
  institution: ["IOM", "ECLAC", "STATE", "UN"],
  // Moderation: the reasons (one unknown).
  category: ["SPAM", "ABUSIVE", "PERSONAL_DATA", "OFF_TOPIC", "MISLEADING", "OTHER", "BORING"],
  // Email notices: a cadence per category (one unknown), and a digest's cadence.
  proposals: ["IMMEDIATELY", "DAILY", "WEEKLY", "NEVER", "HOURLY"],
  sessions: ["IMMEDIATELY", "DAILY", "WEEKLY", "NEVER"],
  nominations: ["IMMEDIATELY", "NEVER"],
  report: ["WEEKLY", "NEVER"],
  champions: ["DAILY", "NEVER"],
  dialogue: ["IMMEDIATELY", "WEEKLY"],
  monitoring: ["IMMEDIATELY", "NEVER"],
  cadence: ["DAILY", "WEEKLY", "HOURLY"],
};
const LISTS: Record<string, readonly string[]> = {
  objectives: ["1", "7", "23", "24"],
  countries: ["MX", "GT", "XX"],
  languages: ["es", "en", "pt", "fr"],
  workingLanguages: ["es", "en"],
  interpretation: ["pt", "fr"],
  accessNeeds: ["INTERPRETATION", "SIGN_LANGUAGE", "CAPTIONS", "OTHER"],
  categories: ["DETENTION", "DEPORTATION", "CIVIC_SPACE", "OTHER", "TORTURE"],
  languagesSpoken: ["es", "en", "qu", "xx"],
};
const CHECKBOXES = ["isChair", "isDiaspora", "concernsChildren", "concernsGender", "concernsIrregular", "sendInvitation", "publishName", "publishOrganization", "publishBio", "optOut", "acknowledgeImbalance", "listed", "consentPublish", "consentContact", "consentRefer", "linkAccount", "drawnOn", "showOrganization"];
const NUMBERS = ["panelistSeats", "rapporteurSeats", "moderatorSeats"];
const DATES: Record<string, readonly string[]> = {
  startsAt: ["2031-05-01T10:00", "2031-05-01T09:00"],
  endsAt: ["2031-05-01T12:00", "2031-04-01T12:00"],
  nominationDeadline: ["2031-04-20T18:00", "2031-06-01T18:00"],
  commentDeadline: ["2031-04-20T18:00", "2020-01-01T00:00"],
  startsOn: ["2026-01-01", "2099-12-31"],
  endsOn: ["2027-12-31", "2000-01-01"],
  reportedOn: ["2026-01-10", "2099-01-01"],
  month: ["2025-03", "2025-13", "1999-01"],
  occurredFrom: ["2026-01-10", "2099-01-01"],
  occurredTo: ["2026-01-12", "2025-01-01"],
  opensOn: ["2026-01-01", "2099-12-31"],
  closesOn: ["2099-12-31", "2000-01-01"],
};
const EMAILS = ["email", "contactEmail", "nomineeEmail"];
/** Every field name any command reads: extra fields come from here too. */
const TEXT_FIELDS = ["title", "summary", "body", "name", "reason", "rationale", "answer", "answerEs", "answerEn", "answerPt", "answerFr", "incorporatedNote", "nomineeName", "nomineeOrganizationName", "genderDescription", "bio", "balanceReason", "acronym", "description", "internalNote", "proposedText", "accessNote", "place", "titleEs", "titleEn", "titlePt", "titleFr", "descriptionEs", "descriptionEn", "descriptionPt", "descriptionFr", "anchor", "proposal", "password", "token", "website", "link", "member", "expectedSuperseded", "publicBody", "inclusionEvidence", "progressNote", "inclusionNote", "rightsNote", "evidence", "sourceUrl", "key", "texts", "milestones", "sources", "links", "expectedRevision", "texts.es.title", "texts.es.description", "milestones.0.label", "milestones.0.plannedOn", "sources.0.url", "links.0.url", "narrative", "affected", "evidenceLinks", "evidenceText", "contact", "receipt", "referredTo", "region", "texts.es.intro", "texts.es.text", "texts.es.low", "texts.es.high", "answers", "addressee", "displayName", "portfolioEs", "portfolioEn", "note", "texts.es.background", "questions.0.es", "synthesis.es"];
const ID_FIELDS = ["proposalId", "sessionId", "organizationId", "nominationId", "versionId", "commentId", "paragraphId", "parentId", "membershipId", "invitationId", "termId", "userId", "idempotencyKey", "nomineeUserId", "nomineeOrganizationId", "ids", "commitmentId", "assessmentId", "suggestionId", "reportId", "summaryId", "assigneeId", "evaluationId", "questionId", "mergeIds", "pseudonymId", "postId", "consultationId", "contributionId", "sourceContributionId", "citedIds", "keyId", "requestId"];
const ALL_FIELDS = [...TEXT_FIELDS, ...ID_FIELDS, ...Object.keys(ENUMS), ...Object.keys(LISTS), ...CHECKBOXES, ...NUMBERS, ...Object.keys(DATES), ...EMAILS];

const ROLES: RoleName[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin"];

let actors: Record<RoleName, Actor | null>;
/** Ids of real rows of every table: a command must refuse someone else's as cleanly as a made-up one. */
let realIds: string[];
/** The same by the field that names them, so a generated input often names a row of the right kind. */
let idsByField: Record<string, string[]>;
let changes: pg.Client;
/** Whether the app's pool announced a committed write since the flag was last cleared. */
let announced = false;
let stopListening: (() => void) | undefined;
/** A real monitoring receipt code, so reading, answering and erasing also succeed. */
let receipt = "";
// The state above is the running file's: files in one worker run one after another, and each
// file's beforeAll sets it again.

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.bigInt(),
);
const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }));

function plausible(field: string): fc.Arbitrary<unknown> {
  if (ID_FIELDS.includes(field)) {
    const own = idsByField[field] ?? [];
    return fc.oneof(
      { weight: own.length ? 6 : 0, arbitrary: fc.constantFrom(...(own.length ? own : realIds)) },
      { weight: 2, arbitrary: fc.constantFrom(...realIds) },
      { weight: 1, arbitrary: fc.uuid() },
    );
  }
  if (ENUMS[field]) return fc.constantFrom(...ENUMS[field]);
  if (LISTS[field]) return fc.subarray([...LISTS[field]], { minLength: 1 });
  if (CHECKBOXES.includes(field)) return fc.constantFrom("on", "true", true, false, "");
  if (NUMBERS.includes(field)) return fc.constantFrom("0", "2", "3", 1);
  if (DATES[field]) return fc.constantFrom(...DATES[field]);
  if (EMAILS.includes(field)) return fc.constantFrom("nueva.persona@example.org", "fuzz+1@example.org", "not-an-email");
  if (field === "password") return fc.constantFrom("una contraseña larga", "short");
  if (field === "website" || field === "link") return fc.constantFrom("https://example.org", "www.example.org", "javascript:alert(1)");
  if (field === "anchor") return fc.constantFrom("p-intro", "p-avances", ...(idsByField.anchor ?? []));
  if (field === "sourceUrl") return fc.constantFrom("https://example.org/nota", "javascript:alert(1)", "");
  if (field === "key") return fc.constantFrom("MX", "XX", ...(idsByField.commitmentId ?? []), ...(idsByField.proposalId ?? []), ...(idsByField.sessionId ?? []), ...(idsByField.consultationId ?? []));
  if (field === "narrative") return fc.constantFrom("Un relato de prueba suficientemente largo.", "Corto", "Con NUL\u0000 dentro de un relato bastante largo");
  if (field === "receipt") return fc.constantFrom(receipt, receipt.toLowerCase(), "0000-0000", "");
  if (field === "evidenceLinks") return fc.constantFrom("https://example.org/a\nwww.example.org/b", "javascript:alert(1)", "");
  if (field === "addressee") return fc.constantFrom(...(idsByField.addressee ?? []), "institution:00000000-0000-0000-0000-000000000000", "delegate:x");
  if (field === "expectedRevision") return fc.constantFrom("1", "2", 1, "x");
  // Champions' nested fields, as objects (a form's flat names come as extra keys below).
  if (field === "texts") return fc.constantFrom({ es: { title: "Título", description: "Descripción" } }, { fr: { title: "", description: "" } }, {}, { es: { title: "Evaluación", intro: "Cuéntanos." } }, { en: { text: "Useful?", low: "No", high: "Yes" } });
  // Evaluation answers: to real questions (scores and words), to made-up ones, of the wrong kind.
  if (field === "answers") {
    const questions = idsByField.questionId ?? [];
    return fc.oneof(
      fc.constant({}),
      fc.constantFrom(...questions).map((q) => ({ [q]: { score: "4" } })),
      fc.constantFrom(...questions).map((q) => ({ [q]: { text: "Más tiempo." } })),
      fc.constantFrom(...questions).map((q) => ({ [q]: { score: "9", text: "x" } })),
      fc.uuid().map((q) => ({ [q]: { score: 3 } })),
    );
  }
  if (field === "milestones") return fc.constantFrom([], [{ label: "Hito", plannedOn: "2026-02-01", doneOn: "2026-01-01" }], [{ label: "Hito", plannedOn: "2026-02-01" }]);
  if (field === "sources" || field === "links") return fc.constantFrom([], [{ title: "Fuente", url: "javascript:alert(1)" }], [{ title: "Fuente", url: "https://example.org" }], ["https://example.org"]);
  // Text of a valid length that still carries what must never be stored: NUL, controls, overrides.
  return fc.oneof(
    fc.constantFrom("Texto de prueba", "Una línea\ncon otra", "Con NUL\u0000dentro", "\u202Egnitirw\u202C título", "Tab\tand\u0007bell", "Emoji 🧕🏽 ok", "Lone \uD800 half"),
    fc.string({ minLength: 1, maxLength: 60 }),
  );
}

const valueFor = (field: string) =>
  fc.oneof({ weight: 12, arbitrary: plausible(field) }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: wrongType });

/** The fields a command reports as required when sent nothing: the ones generated inputs always start from. */
async function requiredFields(command: Command<unknown>): Promise<string[]> {
  try {
    await command(actors.admin, {});
  } catch (error) {
    if (error instanceof AppError) return Object.keys(error.fieldErrors).filter((f) => f !== "_form");
  }
  return [];
}

function inputFor(required: string[]): fc.Arbitrary<unknown> {
  const shaped = fc
    .tuple(
      fc.record(Object.fromEntries(required.map((f) => [f, valueFor(f)]))),
      fc.subarray(required, { maxLength: Math.min(1, required.length) }),
      fc.array(fc.constantFrom(...ALL_FIELDS).chain((f) => fc.tuple(fc.constant(f), valueFor(f))), { maxLength: 4 }),
    )
    .map(([base, missing, extra]) => {
      const input: Record<string, unknown> = { ...base };
      for (const [field, value] of extra) input[field] = value;
      for (const field of missing) delete input[field];
      return input;
    });
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything() }, { weight: 1, arbitrary: hostile });
}

async function rowsWritten(): Promise<number> {
  const { rows } = await changes.query<{ n: string }>("SELECT n FROM fuzz_changes");
  return Number(rows[0].n);
}

/** A short, printable picture of an input (a megabyte of text is not printed). */
const describeInput = (input: unknown) =>
  JSON.stringify(input, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : typeof v === "string" && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v));

/** Fuzzes every command of these capabilities (a file's whole test). */
export function fuzzCommandsOf(capabilities: readonly string[]) {
  const commands: [string, Command<unknown>][] = [];

  beforeAll(async () => {
    await resetDatabase();
    const world = await buildWorld();
    actors = world.actors;
    const { org, otherOrg, users } = world;
    const draft = await createProposal(org.id, { status: "DRAFT", authorId: users.orgMember.id });
    await createProposal(org.id, { status: "SUBMITTED", authorId: users.orgAdmin.id });
    await createProposal(otherOrg.id, { status: "UNDER_REVIEW" });
    await createProposal(otherOrg.id, { status: "ACCEPTED" });
    await db.proposalComment.create({ data: { proposalId: draft.id, authorId: users.orgMember.id, body: "Un comentario." } }).catch(() => undefined);
    const session = await createSession();
    await createSession({ status: "DRAFT" });
    await insertNomination(session.id, { status: "ACCEPTED" });
    await insertNomination(session.id, { status: "INVITED", nomineeUserId: users.participant.id });
    const version = await createVersion({ status: "OPEN" });
    await createVersion({ status: "DRAFT" });
    await createComment(version, { authorId: users.orgMember.id, organizationId: org.id });
    await db.notification.create({ data: { userId: users.participant.id, kind: "PROPOSAL_ANSWERED", data: {} } }).catch(() => undefined);
    await foundingTerms();
    const initiative = await insertCommitment();
    const final = await finalVersion(9);
    const recommendation = await insertCommitment({ kind: "RECOMMENDATION", reportVersionId: final.version.id, anchor: final.paragraphs[0].anchor });
    await insertAssessment(initiative.id, org.id);
    await insertAssessment(recommendation.id, otherOrg.id, { hidden: true });
    await insertSuggestion(org.id);
    await insertSuggestion(otherOrg.id, "DECLINED");
    // Session questions: a live session the participant and a member registered for, staff may mark.
    const live = await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: new Date(Date.now() - 30 * 60_000) });
    await db.sessionRegistration.createMany({ data: [users.participant.id, users.orgMember.id].map((userId) => ({ sessionId: live.id, userId, language: "es" as const })) });
    await db.sessionQuestion.create({ data: { sessionId: live.id, askerId: users.orgMember.id, language: "es", body: "¿Una pregunta?" } });
    // Dialogue: an institution with a delegate (the staff member), a question to it and a pseudonym.
    const eclac = await db.dialogueInstitution.create({ data: { slug: "eclac", kind: "ECLAC" } });
    await db.roleAssignment.create({ data: { userId: users.staff.id, role: "DELEGATE" } });
    await db.delegateProfile.create({ data: { userId: users.staff.id, institutionId: eclac.id, displayName: "Delegada", languagesSpoken: ["es"] } });
    const pseudonym = await db.pseudonym.create({ data: { name: "Ceiba 1234", userId: users.orgMember.id, organizationId: org.id } });
    // A question to the live session's panel under that pseudonym (support, marks and flags read its person).
    await db.sessionQuestion.create({ data: { sessionId: live.id, pseudonymId: pseudonym.id, showOrganization: true, language: "en", body: "A question under a pseudonym?" } });
    const asked = await db.dialogueQuestion.create({
      data: { institutionId: eclac.id, pseudonymId: pseudonym.id, language: "es", title: "Pregunta", body: "Una pregunta de prueba.", objectives: [1], deadlineAt: new Date(Date.now() + 86_400_000) },
    });
    await db.dialogueQuestion.create({ data: { institutionId: eclac.id, askerId: users.participant.id, language: "en", title: "Question", body: "A test question.", objectives: [], deadlineAt: new Date() } });
    // Consultations: a draft, an open and a closed one run by the staff member (a delegate here), with a contribution and a reply in the open one.
    for (const status of ["DRAFT", "OPEN", "CLOSED"] as const) {
      const c = await db.consultation.create({
        data: { ownerId: users.staff.id, title: { es: "Consulta" }, background: {}, languages: ["es", "en"], objectives: [7], status, opensOn: new Date("2020-01-01"), closesOn: new Date("2099-12-31"), questions: { create: [{ position: 1, text: { es: "¿Qué?" } }] } },
        select: { id: true, questions: { select: { id: true } } },
      });
      const top = await db.consultationContribution.create({ data: { consultationId: c.id, questionId: c.questions[0].id, askerId: users.orgMember.id, language: "es", body: "Un aporte de prueba." } });
      await db.consultationContribution.create({ data: { consultationId: c.id, questionId: c.questions[0].id, parentId: top.id, pseudonymId: pseudonym.id, language: "es", body: "Una respuesta de prueba." } });
    }
    // Monitoring: the committee member and staff hold MONITORING_REVIEWER here, so generated inputs
    // reach the reviewers' commands past the policy (the role changes nothing elsewhere).
    await db.roleAssignment.createMany({ data: [{ userId: users.committee.id, role: "MONITORING_REVIEWER" }, { userId: users.staff.id, role: "MONITORING_REVIEWER" }] });
    actors.committee = await actorFor(users.committee.id);
    actors.staff = await actorFor(users.staff.id);
    for (const status of ["RECEIVED", "UNDER_REVIEW", "VERIFIED", "NOT_VERIFIED"] as const) await insertReport({ status, closedAt: status === "NOT_VERIFIED" ? new Date("2020-01-01") : null });
    const verified = await db.monitoringReport.findFirstOrThrow({ where: { status: "VERIFIED" } });
    await db.monitoringSummary.create({
      data: { reportId: verified.id, language: "es", title: "Resumen", body: "Texto", country: "GT", month: new Date("2025-03-01"), categories: ["DETENTION"], riskChecklist: {}, status: "AWAITING_APPROVAL", writerId: users.staff.id },
    });
    // Evaluations: a draft, an open one of the review and one closed, with one scale and one open question each.
    for (const status of ["DRAFT", "OPEN", "CLOSED"] as const) {
      await db.evaluation.create({
        data: {
          title: { es: "Evaluación" },
          intro: {},
          status,
          opensOn: new Date("2020-01-01"),
          closesOn: new Date("2099-12-31"),
          questions: { create: [{ position: 1, kind: "SCALE", text: { es: "¿Útil?" }, lowLabel: { es: "No" }, highLabel: { es: "Sí" } }, { position: 2, kind: "TEXT", text: { es: "¿Por qué?" } }] },
        },
      });
    }
    ({ receipt } = await fileReport(null, {
      language: "es",
      country: "GT",
      occurredFrom: "2026-01-10",
      categories: ["DETENTION"],
      affected: "Un grupo de personas",
      perpetrator: "UNKNOWN",
      narrative: "Un relato de prueba suficientemente largo.",
      contact: "fuzz@example.org",
    }));

    const ids = await Promise.all([
      db.user.findMany({ select: { id: true } }),
      db.organization.findMany({ select: { id: true } }),
      db.membership.findMany({ select: { id: true } }),
      db.committeeTerm.findMany({ select: { id: true } }),
      db.proposal.findMany({ select: { id: true } }),
      db.proposalComment.findMany({ select: { id: true } }),
      db.reviewSession.findMany({ select: { id: true } }),
      db.nomination.findMany({ select: { id: true } }),
      db.reportVersion.findMany({ select: { id: true } }),
      db.reportParagraph.findMany({ select: { id: true } }),
      db.reportComment.findMany({ select: { id: true } }),
      db.notification.findMany({ select: { id: true } }),
      db.commitment.findMany({ select: { id: true } }),
      db.assessment.findMany({ select: { id: true } }),
      db.initiativeSuggestion.findMany({ select: { id: true } }),
      db.championTerm.findMany({ select: { id: true } }),
      db.monitoringReport.findMany({ select: { id: true } }),
      db.monitoringSummary.findMany({ select: { id: true } }),
      db.evaluation.findMany({ select: { id: true } }),
      // Evaluation questions and session questions share the `questionId` field.
      db.evaluationQuestion.findMany({ select: { id: true } }),
      db.sessionQuestion.findMany({ select: { id: true } }),
      db.dialogueQuestion.findMany({ select: { id: true } }),
      db.pseudonym.findMany({ select: { id: true } }),
      db.consultation.findMany({ select: { id: true } }),
      db.consultationQuestion.findMany({ select: { id: true } }),
      db.consultationContribution.findMany({ select: { id: true } }),
    ]);
    realIds = ids.flat().map((row) => row.id);
    const [userIds, orgIds, membershipIds, termIds, proposalIds, commentIds, sessionIds, nominationIds, versionIds, paragraphIds, reportCommentIds, notificationIds, commitmentIds, assessmentIds, suggestionIds, championTermIds, reportIds, summaryIds, evaluationIds, evaluationQuestionIds, sessionQuestionIds, dialogueQuestionIds, pseudonymIds, consultationIds, consultationQuestionIds, contributionIds] = ids.map((rows) => rows.map((r) => r.id));
    idsByField = {
      userId: userIds,
      nomineeUserId: userIds,
      organizationId: orgIds,
      nomineeOrganizationId: orgIds,
      membershipId: membershipIds,
      termId: [...termIds, ...championTermIds],
      proposalId: proposalIds,
      parentId: [...commentIds, ...contributionIds],
      commentId: [...commentIds, ...reportCommentIds],
      sessionId: sessionIds,
      nominationId: nominationIds,
      versionId: versionIds,
      paragraphId: paragraphIds,
      ids: notificationIds,
      commitmentId: commitmentIds,
      assessmentId: assessmentIds,
      suggestionId: suggestionIds,
      anchor: final.paragraphs.map((p) => p.anchor),
      reportId: reportIds,
      summaryId: summaryIds,
      assigneeId: userIds,
      evaluationId: evaluationIds,
      // Evaluation, session and dialogue questions share the `questionId` field.
      questionId: [...evaluationQuestionIds, ...sessionQuestionIds, ...dialogueQuestionIds, ...consultationQuestionIds],
      mergeIds: dialogueQuestionIds,
      pseudonymId: pseudonymIds,
      consultationId: consultationIds,
      contributionId: contributionIds,
      sourceContributionId: contributionIds,
      citedIds: contributionIds,
      addressee: [`institution:${eclac.id}`, `delegate:${users.staff.id}`, `institution:${asked.id}`],
      postId: [...commentIds, ...reportCommentIds],
    };
    // Open data (issue 15): a partner's key to revoke.
    await db.apiKey.create({ data: { partner: "Fuzz partner", prefix: "pk_fuzz", hash: "0".repeat(64) } });
    idsByField.keyId = (await db.apiKey.findMany({ select: { id: true } })).map((k) => k.id);

    // Every row any statement writes bumps one counter, in the writer's transaction: a rolled-back
    // refusal leaves it as it was.
    changes = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await changes.connect();
    const { rows } = await changes.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    await changes.query(`CREATE TABLE IF NOT EXISTS fuzz_changes (n bigint NOT NULL); TRUNCATE fuzz_changes; INSERT INTO fuzz_changes VALUES (0);
      CREATE OR REPLACE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE fuzz_changes SET n = n + 1; RETURN NULL; END $$;`);
    for (const { tablename } of rows.filter((r) => !UNCOUNTED_TABLES.has(r.tablename))) {
      await changes.query(`CREATE OR REPLACE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION fuzz_count()`);
    }

    // The test skips reading the counter after an input nothing was announced for: a committed
    // write through the app's client must be both counted and announced.
    stopListening = onChanges(() => (announced = true));
    const before = await rowsWritten();
    announced = false;
    await db.$transaction((tx) => tx.$executeRawUnsafe(`UPDATE "User" SET "name" = "name" WHERE id = $1`, users.participant.id));
    expect(announced, "a committed write is announced").toBe(true);
    expect(await rowsWritten(), "a committed write is counted").toBe(before + 1);

    for (const cap of capabilities) {
      const exports: Record<string, unknown> = await import(`@/lib/${cap}/commands/index.ts`);
      for (const [name, value] of Object.entries(exports)) {
        if (isCommand(value) && `${cap}.${name}`.includes(process.env.FUZZ_ONLY ?? "")) commands.push([`${cap}.${name}`, value]);
      }
    }
  }, 120_000);

  afterAll(async () => {
    stopListening?.();
    if (!changes) return;
    const { rows } = await changes.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'fuzz_changes'`);
    for (const { tablename } of rows) await changes.query(`DROP TRIGGER IF EXISTS fuzz_count ON "${tablename}"`);
    await changes.query("DROP TABLE IF EXISTS fuzz_changes; DROP FUNCTION IF EXISTS fuzz_count()");
    await changes.end();
  });

  describe(`every command of ${capabilities.join(", ")}, fuzzed`, () => {
    it("succeeds or refuses with an expected error, and a refusal changes no row", async () => {
      if (!process.env.FUZZ_ONLY) for (const cap of capabilities) expect(commands.some(([name]) => name.startsWith(`${cap}.`)), `${cap} has commands`).toBe(true);
      console.log(`fuzz-commands: seed ${SEED}, ${RUNS} inputs per command, ${commands.length} commands`);
      const started = Date.now();
      const tally: string[] = [];
      for (const [name, command] of commands) {
        const required = await requiredFields(command);
        const counts = { ok: 0, refused: 0 };
        const t0 = Date.now();
        // The counter as the last input left it, read again only after an input whose command
        // committed a write: the app's pool announces every one (lib/db/instrument-pool.ts; the
        // check in beforeAll proves it still does). Most inputs stop at the schema, and a read
        // after each was half of this test's time (25.5 s against 12.9 s for one group, measured).
        let written = await rowsWritten();
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...ROLES), inputFor(required), fc.ipV4(), async (role, input, address) => {
            const before = written;
            announced = false;
            try {
              await command(actors[role], input, { address });
              counts.ok++;
              if (announced) written = await rowsWritten();
            } catch (error) {
              if (announced) written = await rowsWritten();
              if (!(error instanceof AppError)) {
                throw new Error(`${name} as ${role} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\ninput: ${describeInput(input)}`, { cause: error });
              }
              counts.refused++;
              if (written !== before) throw new Error(`${name} as ${role} refused (${error.kind}) but wrote ${written - before} rows\ninput: ${describeInput(input)}`);
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        ).catch((error: unknown) => {
          // fast-check's report names the seed and the path to replay; say which command too.
          throw new Error(`fuzz-commands failed on ${name} (seed ${SEED}, FUZZ_SEED=${SEED} to replay)\n${error instanceof Error ? error.message : String(error)}`);
        });
        tally.push(`${name}: ${counts.ok + counts.refused} (${counts.ok} ok, ${counts.refused} refused) ${Date.now() - t0} ms`);
      }
      console.log(`fuzz-commands: ${tally.length} commands in ${Date.now() - started} ms\n  ${tally.join("\n  ")}`);
    }, 1_200_000);
  });
}
