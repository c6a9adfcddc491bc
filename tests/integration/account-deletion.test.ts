import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";

// THE test of issue 15: a demo participant with content in every capability deletes their
// account; then their name and email are in no table (so in no page, dataset or API answer, which
// only read tables), in no feed, in no page query, in the audit log and in no notification.

vi.mock("next-intl/server", () => import("../helpers/next-intl-server"));

const { db } = await import("@/lib/db/client");
const { seedDemo } = await import("@/prisma/seed/demo");
const { deleteOwnAccount } = await import("@/lib/account-data/commands");
const { collectAccountData } = await import("@/lib/account-data/archive-data");
const { TOMBSTONE_USER_ID } = await import("@/lib/account-data/tombstone");
const { listPublicLog } = await import("@/lib/audit/queries");
const { getProposalForPage, listComments } = await import("@/lib/proposals/queries");
const { getSessionForPage, listPublicSessions } = await import("@/lib/sessions/queries");
const { listQuestions, getQuestion, listDelegates } = await import("@/lib/dialogue/queries");
const { questionListSchema } = await import("@/lib/dialogue/schemas");
const { getConsultation, listConsultations } = await import("@/lib/consultations/queries");
const { actorFor, resetDatabase } = await import("../helpers/factories");

const EMAIL = "participante@puente.example";
const PASSWORD = "puente-demo-2026";
let name = "";
let userId = "";
const authored = { proposals: [] as string[], questions: [] as string[], consultations: [] as string[], sessions: [] as string[], pseudonym: "" };

/** Every route handler of a feed: app/[locale]/**\/feed.xml and the transparency feed, found on disk so a new feed is searched too. */
function feedRoutes(dir = "app/[locale]"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (!statSync(full).isDirectory()) return [];
    if ((entry === "feed.xml" || full === path.join("app/[locale]", "transparency", "feed")) && statSync(path.join(full, "route.ts"), { throwIfNoEntry: false })) return [full, ...feedRoutes(full)];
    return feedRoutes(full);
  });
}

/** Adds to the demo participant what they do not have yet, so every capability holds something of theirs, and makes others quote them. */
async function enrich() {
  const me = await db.user.findUniqueOrThrow({ where: { email: EMAIL }, select: { id: true, name: true, memberships: { select: { organizationId: true } } } });
  const org = me.memberships[0].organizationId;
  const otherOrg = await db.organization.findFirstOrThrow({ where: { status: "VERIFIED", id: { not: org } } });
  const proposal = await db.proposal.create({
    data: { organizationId: org, authorId: me.id, title: "Propuesta firmada por la organización", summary: "Resumen.", body: "Texto.", language: "es", objectives: [7], countries: ["SV"], status: "SUBMITTED", submittedAt: new Date() },
  });
  authored.proposals = (await db.proposal.findMany({ where: { authorId: me.id }, select: { id: true } })).map((p) => p.id);
  await db.proposalComment.create({ data: { proposalId: proposal.id, authorId: me.id, organizationId: org, body: "Un comentario mío." } });
  const othersProposal = await db.proposal.findFirstOrThrow({ where: { organizationId: otherOrg.id, status: "SUBMITTED", cosponsors: { none: { organizationId: org } } } });
  await db.proposalCosponsor.create({ data: { proposalId: othersProposal.id, organizationId: org, userId: me.id } });
  const session = await db.reviewSession.findFirstOrThrow({ where: { status: { not: "DRAFT" } }, orderBy: { startsAt: "asc" } });
  authored.sessions = (await db.reviewSession.findMany({ where: { status: { not: "DRAFT" } }, select: { id: true } })).map((s) => s.id);
  await db.sessionRegistration.upsert({ where: { sessionId_userId: { sessionId: session.id, userId: me.id } }, update: { listed: true }, create: { sessionId: session.id, userId: me.id, language: "es", listed: true } });
  await db.nomination.create({
    data: { sessionId: session.id, role: "PANELIST", nomineeUserId: me.id, nomineeName: me.name, nomineeEmail: EMAIL, nomineeCountry: "SV", languages: ["es"], rationale: "Por su experiencia.", status: "ACCEPTED", bio: `Bio de ${me.name}.`, publishName: true },
  });
  const version = await db.reportVersion.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true, paragraphs: { select: { id: true }, take: 1 } } });
  await db.reportComment.create({ data: { versionId: version.id, paragraphId: version.paragraphs[0].id, authorId: me.id, organizationId: org, body: "Mi comentario al informe.", language: "es" } });
  await db.sessionQuestion.create({ data: { sessionId: session.id, askerId: me.id, language: "es", body: "¿Mi pregunta al panel?" } });
  const institution = await db.dialogueInstitution.findFirstOrThrow({ where: { kind: "IOM" } });
  const named = await db.dialogueQuestion.create({ data: { institutionId: institution.id, askerId: me.id, language: "es", title: "Mi pregunta con nombre", body: "Texto.", objectives: [1], deadlineAt: new Date(Date.now() + 86_400_000) } });
  const pseudonym = await db.pseudonym.upsert({ where: { userId_organizationId: { userId: me.id, organizationId: org } }, update: {}, create: { name: "Guayacán 7788", userId: me.id, organizationId: org } });
  const underPseudonym = await db.dialogueQuestion.create({ data: { institutionId: institution.id, pseudonymId: pseudonym.id, language: "es", title: "Mi pregunta con seudónimo", body: "Texto.", objectives: [1], deadlineAt: new Date(Date.now() + 86_400_000) } });
  authored.questions = [named.id, underPseudonym.id];
  authored.pseudonym = pseudonym.name;
  const consultation = await db.consultation.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true, questions: { select: { id: true }, take: 1 } } });
  authored.consultations = (await db.consultation.findMany({ select: { id: true } })).map((c) => c.id);
  await db.consultationContribution.create({ data: { consultationId: consultation.id, questionId: consultation.questions[0].id, askerId: me.id, language: "es", body: "Mi aporte." } });
  await db.consultationContribution.create({ data: { consultationId: consultation.id, questionId: consultation.questions[0].id, pseudonymId: pseudonym.id, language: "es", body: "Mi aporte con seudónimo." } });
  const commitment = await db.commitment.findFirstOrThrow({ where: { kind: "INITIATIVE", assessments: { none: { organizationId: org } } } });
  await db.assessment.create({ data: { commitmentId: commitment.id, organizationId: org, authorId: me.id, language: "es", progress: "IN_PROGRESS", inclusion: "CONSULTED", rightsCentred: "PARTLY", rightsNote: "Mi valoración." } });
  await db.follow.upsert({ where: { userId_subject_key: { userId: me.id, subject: "COUNTRY", key: "SV" } }, update: {}, create: { userId: me.id, subject: "COUNTRY", key: "SV" } });
  await db.notification.create({ data: { userId: me.id, kind: "session.changed", data: { sessionId: session.id, sessionTitle: "Sesión" } } });
  await db.authSession.create({ data: { userId: me.id, expiresAt: new Date(Date.now() + 86_400_000), browser: "Firefox", os: "Android" } });
  await db.accountArchive.create({ data: { userId: me.id, expiresAt: new Date(Date.now() + 86_400_000) } });
  await db.passwordResetToken.create({ data: { userId: me.id, tokenHash: "a".repeat(64), expiresAt: new Date(Date.now() + 3_600_000) } });
  // What others hold that quotes them: an invitation, mail, someone else's notice, log entries.
  await db.organizationInvitation.create({ data: { organizationId: otherOrg.id, email: EMAIL, tokenHash: "b".repeat(64), expiresAt: new Date(Date.now() + 86_400_000) } });
  await db.outboxEmail.create({ data: { to: EMAIL, subject: "Bienvenida", text: `Hola ${me.name}` } });
  const admin = await db.user.findUniqueOrThrow({ where: { email: "ana@sinfronteras.example" } });
  await db.outboxEmail.create({ data: { to: admin.email, subject: `Nuevo comentario de ${me.name}`, text: `${me.name} (${EMAIL}) comentó.` } });
  await db.notification.create({ data: { userId: admin.id, kind: "proposal.commented", data: { proposalId: proposal.id, proposalTitle: proposal.title, authorName: me.name } } });
  await db.auditEntry.create({ data: { actorId: admin.id, action: "committee_term.ended", entityType: "CommitteeTerm", entityId: proposal.id, isPublic: true, data: { userName: me.name } } });
  await db.auditEntry.create({ data: { actorId: me.id, action: "proposal.submitted", entityType: "Proposal", entityId: proposal.id, isPublic: true, data: { proposalTitle: proposal.title, organizationName: "Org", organizationSlug: "org", status: "SUBMITTED" } } });
  return me;
}

/** Rows of every table whose text (every column, JSON included) contains a needle, by table. */
async function tablesMentioning(needles: string[]): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const found: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${tablename}" t WHERE t::text ILIKE ANY ($1::text[])`,
      needles.map((s) => `%${s}%`),
    );
    if (n > 0) found[tablename] = n;
  }
  return found;
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemo();
  const me = await enrich();
  name = me.name;
  userId = me.id;
}, 120_000);

describe("deleting a demo participant with content everywhere", () => {
  it("has something of theirs in every capability before, and is found in tables before", async () => {
    const datasets = await db.$transaction((tx) => collectAccountData(tx, userId));
    expect(datasets.filter((d) => d.rows.length === 0).map((d) => d.name)).toEqual([]);
    expect(Object.keys(await tablesMentioning([name, EMAIL])).length).toBeGreaterThan(5);
  });

  it("leaves their name and email nowhere: no table, no feed, no page query, no log entry, no notice", async () => {
    const actor = await actorFor(userId);
    await deleteOwnAccount(actor, { password: PASSWORD });
    expect(await db.user.findUnique({ where: { id: userId } })).toBeNull();
    const needles = [name, EMAIL];

    expect(await tablesMentioning(needles)).toEqual({});

    const routes = feedRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const route of routes) {
      const { GET } = (await import(/* @vite-ignore */ path.resolve(route, "route.ts"))) as { GET: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response> };
      for (const locale of ["es", "en"]) {
        const url = `http://localhost/${route.replace("app/[locale]", locale).replace("[country]", "sv")}`;
        const response = await GET(new Request(url), { params: Promise.resolve({ locale, country: "sv" }) });
        const body = await response.text();
        for (const needle of needles) expect(body.toLowerCase(), `${route} (${locale})`).not.toContain(needle.toLowerCase());
      }
    }

    const admin = await actorFor((await db.user.findUniqueOrThrow({ where: { email: "admin@puente.example" } })).id);
    const now = new Date();
    const log = await listPublicLog(1, 10_000);
    const pages: unknown[] = [log];
    for (const viewer of [null, admin]) {
      for (const id of authored.proposals) pages.push(await getProposalForPage(viewer, id), await listComments(id, viewer));
      for (const id of authored.sessions) pages.push(await getSessionForPage(viewer, id, now));
      for (const id of authored.questions) pages.push(await getQuestion(id, viewer, now));
      for (const id of authored.consultations) pages.push(await getConsultation(id, viewer, now));
      pages.push(await listConsultations(viewer, now));
    }
    pages.push(await listPublicSessions(now), await listQuestions(questionListSchema.parse({}), now), await listDelegates());
    const text = JSON.stringify(pages, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)).toLowerCase();
    for (const needle of needles) expect(text).not.toContain(needle.toLowerCase());

    // The log keeps its entries, by the tombstone; their proposals stay under the organization.
    expect(await db.auditEntry.count({ where: { actorId: TOMBSTONE_USER_ID } })).toBeGreaterThan(1);
    expect(await db.proposal.count({ where: { id: { in: authored.proposals }, authorId: null } })).toBe(authored.proposals.length);
    // Their pseudonymous question stays under its pseudonym, linked to no one.
    const pseudonymous = await db.dialogueQuestion.findUniqueOrThrow({ where: { id: authored.questions[1] }, select: { pseudonym: { select: { name: true, userId: true } } } });
    expect(pseudonymous.pseudonym).toEqual({ name: authored.pseudonym, userId: null });
  });
});
