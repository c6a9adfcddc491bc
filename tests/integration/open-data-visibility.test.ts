import { randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Issue 15, one visibility rule: private and hidden data, each marked with a unique word, reaches
// no dataset (CSV and JSON), no API answer (every page), no data package, README or OpenAPI
// document, and no Atom feed (every feed.xml route under app/[locale] and the transparency feed,
// called as route handlers). Public rows of the same tables are the control: they are found.

vi.mock("next-intl/server", () => import("../helpers/next-intl-server"));

const { db } = await import("@/lib/db/client");
const { createApiKey } = await import("@/lib/open-data/commands");
const { dataPackage, openApiDocument, readme } = await import("@/lib/open-data/describe");
const { DATASETS } = await import("@/lib/open-data/registry");
const { resultsArePublic } = await import("@/lib/evaluations/policy");
const { publicSessionQuestionWhere } = await import("@/lib/session-questions/visibility");
const { listPublicQuestions } = await import("@/lib/session-questions/queries");
const { seedDemo } = await import("@/prisma/seed/demo");
const { actorFor, resetDatabase } = await import("../helpers/factories");
const { insertReport } = await import("../helpers/monitoring-fixtures");
const { crawlApi, fileText } = await import("../helpers/open-data");

const run = randomBytes(4).toString("hex");
const markers = new Map<string, string>();
/** A unique word for one kind of private data; the test names the kind when it leaks. */
const mark = (kind: string) => {
  const word = `leak${kind.replace(/[^a-z]/gi, "")}${run}`;
  markers.set(word, kind);
  return word;
};
const lang = (word: string) => ({ es: word, en: word, pt: word, fr: word });

let controls: string[] = [];
let forbiddenIds: { kind: string; ids: string[] }[] = [];
let emails: string[] = [];
let headers: Record<string, string> = {};

async function markPrivateData() {
  // Organizations: anything not verified; everyone's contact email and status reason.
  const pending = mark("pendingOrganization");
  await db.organization.updateMany({ where: { status: { not: "VERIFIED" } }, data: { name: pending, description: pending, website: `https://${pending}.example` } });
  await db.$executeRaw`UPDATE "Organization" SET "contactEmail" = ${mark("contactEmail")} || id::text || '@example.org', "statusReason" = ${mark("statusReason")}`;
  // Proposals: drafts, and anything of an organization not verified now.
  const draft = mark("draftProposal");
  await db.proposal.updateMany({ where: { status: "DRAFT" }, data: { title: draft, summary: draft, body: draft } });
  await db.proposal.updateMany({ where: { organization: { status: { not: "VERIFIED" } } }, data: { title: mark("unverifiedProposal") } });
  // Comments: hidden ones, and those on proposals nobody else reads.
  await db.proposalComment.updateMany({ where: { hiddenAt: { not: null } }, data: { body: mark("hiddenComment") } });
  await db.proposalComment.updateMany({ where: { proposal: { OR: [{ status: "DRAFT" }, { organization: { status: { not: "VERIFIED" } } }] } }, data: { body: mark("commentOnPrivateProposal") } });
  // Nominations: everyone's email and rationale; who is not a public speaker; what a speaker kept back.
  await db.nomination.updateMany({ data: { nomineeEmail: `${mark("nomineeEmail")}@example.org`, rationale: mark("nominationRationale"), selectionRationale: mark("selectionRationale"), nomineeGenderDescription: mark("gender") } });
  const notSpeaker = mark("notASpeaker");
  await db.nomination.updateMany({ where: { NOT: { status: "SELECTED", session: { status: { in: ["SPEAKERS_CONFIRMED", "HELD", "REPORT_PUBLISHED"] } } } }, data: { nomineeName: notSpeaker, bio: notSpeaker, nomineeOrganizationName: notSpeaker } });
  const declined = await db.nomination.count({ where: { status: "DECLINED" } });
  expect(declined).toBeGreaterThan(0);
  const speaker = await db.nomination.findFirstOrThrow({ where: { status: "SELECTED", session: { status: { in: ["HELD", "REPORT_PUBLISHED"] } } }, select: { id: true, nomineeOrganizationId: true } });
  await db.nomination.update({ where: { id: speaker.id }, data: { publishName: false, nomineeName: mark("unpublishedSpeakerName"), publishBio: false, bio: mark("unpublishedBio"), publishOrganization: false, nomineeOrganizationName: mark("unpublishedSpeakerOrg"), nomineeOrganizationId: null } });
  // Sessions: drafts, every meeting link, summaries before the session was held.
  await db.reviewSession.updateMany({ where: { status: "DRAFT" }, data: { title: lang(mark("draftSession")), description: lang(mark("draftSessionDescription")) } });
  await db.reviewSession.updateMany({ data: { link: `https://${mark("sessionLink")}.example` } });
  await db.reviewSession.updateMany({ where: { status: { notIn: ["HELD", "REPORT_PUBLISHED"] } }, data: { summary: mark("earlySummary") } });
  // The report: drafts, their paragraphs and comments, every internal note, hidden comments.
  const draftVersion = mark("draftReport");
  await db.reportVersion.updateMany({ where: { status: "DRAFT" }, data: { title: draftVersion, body: draftVersion } });
  await db.reportVersion.updateMany({ data: { internalNote: mark("internalNote") } });
  await db.reportParagraph.updateMany({ where: { version: { status: "DRAFT" } }, data: { markdown: mark("draftParagraph"), text: mark("draftParagraphText") } });
  await db.reportComment.updateMany({ where: { OR: [{ hiddenAt: { not: null } }, { version: { status: "DRAFT" } }] }, data: { body: mark("hiddenReportComment"), proposedText: mark("hiddenProposedText") } });
  // Champions: hidden assessments, and declined suggestions.
  const hiddenAssessment = await db.assessment.findFirstOrThrow({ select: { id: true } });
  await db.assessment.update({ where: { id: hiddenAssessment.id }, data: { hiddenAt: new Date(), hiddenReason: "Control reason", rightsNote: mark("hiddenAssessment"), progressNote: mark("hiddenAssessmentProgress"), evidence: mark("hiddenAssessmentEvidence") } });
  await db.initiativeSuggestion.updateMany({ data: { title: mark("suggestion") } }).catch(() => undefined);
  // Monitoring: sealed reports with a marker in every sealed field, summaries not published or
  // without consent, and one published summary whose reporter withdrew consent.
  await insertReport({ content: { narrative: mark("narrative"), place: mark("place"), affected: mark("affected"), contact: mark("contact"), evidence: { links: [], text: mark("evidence") } }, consentPublish: true, status: "VERIFIED" });
  await db.$executeRaw`UPDATE "MonitoringSummary" s SET title = ${mark("unpublishedSummary")}, body = ${mark("unpublishedSummaryBody")}, region = ${mark("unpublishedRegion")}
    FROM "MonitoringReport" r WHERE r.id = s."reportId" AND (s.status <> 'PUBLISHED' OR r."consentPublish" = false OR r.status = 'DUPLICATE')`;
  const published = await db.monitoringSummary.findFirstOrThrow({ where: { status: "PUBLISHED", report: { consentPublish: true } }, select: { id: true, reportId: true } });
  await db.monitoringReport.update({ where: { id: published.reportId }, data: { consentPublish: false, referredTo: mark("referredTo") } });
  await db.monitoringSummary.update({ where: { id: published.id }, data: { title: mark("consentWithdrawn") } });
  // Dialogue: hidden questions; draft consultations and their questions.
  const answered = await db.dialogueQuestion.findFirstOrThrow({ where: { answeredAt: { not: null }, mergedIntoId: null }, select: { id: true } });
  await db.dialogueQuestion.update({ where: { id: answered.id }, data: { hiddenAt: new Date(), hiddenReason: "Control reason" } });
  await db.dialogueQuestion.updateMany({ where: { hiddenAt: { not: null } }, data: { title: mark("hiddenQuestion"), body: mark("hiddenQuestionBody"), answerBody: mark("hiddenAnswer") } });
  const draftConsultation = await db.consultation.findFirst({ where: { status: "DRAFT" }, select: { id: true } });
  const consultationId = draftConsultation?.id ?? (await db.consultation.findFirstOrThrow({ select: { id: true } })).id;
  await db.consultation.update({ where: { id: consultationId }, data: { status: "DRAFT", title: lang(mark("draftConsultation")), background: lang(mark("draftConsultationBackground")) } });
  await db.consultationQuestion.updateMany({ where: { consultationId }, data: { text: lang(mark("draftConsultationQuestion")) } });
  await db.consultationContribution.updateMany({ where: { consultationId }, data: { body: mark("draftConsultationContribution") } });
  await db.consultation.updateMany({ where: { status: { not: "SYNTHESIZED" } }, data: { synthesis: lang(mark("unpublishedSynthesis")) } });
  await db.consultationUpdate.create({ data: { consultationId, language: "es", body: mark("draftConsultationUpdate") } });
  // A hidden contribution (of a public consultation) keeps only its reason.
  const contribution = await db.consultationContribution.findFirstOrThrow({ where: { consultation: { status: { not: "DRAFT" } } }, select: { id: true } });
  await db.consultationContribution.update({ where: { id: contribution.id }, data: { hiddenAt: new Date(), hiddenReason: "Control reason", body: mark("hiddenContribution") } });
  // Questions to a session's panel: a hidden one, one of a session not public, and the reason of
  // one not set aside (the page shows a reason only while it is).
  const sessionQuestion = await db.sessionQuestion.findFirstOrThrow({ where: { hiddenAt: null }, select: { id: true } });
  await db.sessionQuestion.update({ where: { id: sessionQuestion.id }, data: { hiddenAt: new Date(), hiddenReason: "Control reason", body: mark("hiddenSessionQuestion") } });
  const draftSession = await db.reviewSession.findFirstOrThrow({ where: { status: "DRAFT" }, select: { id: true } });
  await db.sessionQuestion.create({ data: { sessionId: draftSession.id, language: "es", body: mark("questionOfDraftSession") } });
  await db.sessionQuestion.updateMany({ where: { state: { not: "SET_ASIDE" } }, data: { setAsideReason: mark("staleSetAsideReason") } });
  // Evaluations: every open answer's words, and drafts.
  expect(await db.evaluationAnswer.count({ where: { text: { not: null } } })).toBeGreaterThan(0);
  await db.evaluationAnswer.updateMany({ where: { text: { not: null } }, data: { text: mark("openAnswer") } });
  await db.evaluation.updateMany({ where: { status: "DRAFT" }, data: { title: lang(mark("draftEvaluation")) } });
  // Sources: those of the hidden assessment go with it.
  await db.commitmentSource.create({ data: { assessmentId: hiddenAssessment.id, title: mark("hiddenAssessmentSource"), url: `https://${mark("hiddenAssessmentUrl")}.example` } });
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemo();
  await markPrivateData();
  const [users, pseudonyms, reports, evaluations] = await Promise.all([
    db.user.findMany({ select: { id: true, email: true } }),
    db.pseudonym.findMany({ select: { id: true, userId: true } }),
    db.monitoringReport.findMany({ select: { id: true } }),
    db.evaluation.findMany({ select: { id: true, status: true, opensOn: true, closesOn: true } }),
  ]);
  expect(pseudonyms.length).toBeGreaterThan(0);
  emails = users.map((u) => u.email);
  forbiddenIds = [
    { kind: "user id", ids: users.map((u) => u.id) },
    { kind: "pseudonym", ids: pseudonyms.map((p) => p.id) },
    { kind: "monitoring report id", ids: reports.map((r) => r.id) },
    // Results of an evaluation not closed (or a draft) are in no dataset, not even as a row.
    { kind: "evaluation not closed", ids: evaluations.filter((e) => !resultsArePublic(e, new Date())).map((e) => e.id) },
  ];
  expect(forbiddenIds.at(-1)?.ids.length).toBeGreaterThan(0);
  controls = [
    (await db.organization.findFirstOrThrow({ where: { status: "VERIFIED" }, select: { name: true } })).name,
    (await db.proposal.findFirstOrThrow({ where: { status: "SUBMITTED", organization: { status: "VERIFIED" } }, select: { title: true } })).title,
    (await db.monitoringSummary.findFirstOrThrow({ where: { status: "PUBLISHED", report: { consentPublish: true } }, select: { title: true } })).title,
    (await db.sessionQuestion.findFirstOrThrow({ where: publicSessionQuestionWhere, select: { body: true } })).body,
    // Every consultation with updates may have become the draft above: one public update of our own.
    (
      await db.consultationUpdate.create({
        data: { consultationId: (await db.consultation.findFirstOrThrow({ where: { status: { not: "DRAFT" } }, select: { id: true } })).id, language: "es", body: `Control update ${run}` },
        select: { body: true },
      })
    ).body,
    (await db.commitmentSource.findFirstOrThrow({ where: { commitmentId: { not: null } }, select: { title: true } })).title,
  ];
  const admin = await db.user.findFirstOrThrow({ where: { roles: { some: { role: "ADMIN" } } }, select: { id: true } });
  headers = { authorization: `Bearer ${(await createApiKey(await actorFor(admin.id), { partner: "Visibility test" })).key}` };
}, 180_000);

/** Each leak found in `text`, named by its kind. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const [word, kind] of markers) if (text.includes(word)) found.push(kind);
  for (const email of emails) if (text.toLowerCase().includes(email.toLowerCase())) found.push(`email ${email}`);
  for (const { kind, ids } of forbiddenIds) for (const id of ids) if (text.includes(id)) found.push(`${kind} ${id}`);
  return found;
}

/** Every route.ts of a feed under app/[locale]: feed.xml routes and the transparency feed. */
function feedRoutes(dir = path.join(process.cwd(), "app/[locale]")): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...feedRoutes(full));
    else if (entry === "route.ts" && /(feed\.xml|transparency[\\/]feed)[\\/]route\.ts$/.test(full)) found.push(full);
  }
  return found;
}

describe("one visibility rule", () => {
  it("marks private data in every table the datasets read, and the public rows are still there (the control)", async () => {
    expect(markers.size).toBeGreaterThan(30);
    const all = (await Promise.all(DATASETS.map((d) => fileText(`${d.name}.json`)))).map((f) => f.text).join("\n");
    for (const control of controls) expect(all).toContain(control);
    // The crawl can find a leak: a private word put into a public row is found.
    expect(leaks(`x ${[...markers.keys()][0]} x`)).toHaveLength(1);
  });

  it("no marker, email, user id, pseudonym or report id in any dataset, as CSV or JSON", async () => {
    for (const dataset of DATASETS) {
      for (const file of [`${dataset.name}.csv`, `${dataset.name}.json`]) {
        const { status, text } = await fileText(file);
        expect(status).toBe(200);
        expect(leaks(text), file).toEqual([]);
      }
    }
  }, 60_000);

  it("none in any API answer, every page, nor in the data package, the README or the OpenAPI document", async () => {
    for (const dataset of DATASETS) {
      for (const limit of [100, 3]) {
        const { texts } = await crawlApi(dataset.name, headers, limit);
        expect(leaks(texts.join("\n")), `/api/v1/${dataset.name}?limit=${limit}`).toEqual([]);
      }
    }
    const now = new Date();
    expect(leaks(JSON.stringify(dataPackage(now)) + readme(now) + JSON.stringify(openApiDocument()))).toEqual([]);
  }, 120_000);

  it("questions to a panel name no asker, and evaluations give only the public aggregates of closed ones", async () => {
    const questions = JSON.parse((await fileText("session-questions.json")).text) as { rows: Record<string, unknown>[] };
    expect(questions.rows.length).toBeGreaterThan(0);
    const askers = await db.user.findMany({ where: { sessionQuestions: { some: {} } }, select: { name: true } });
    expect(askers.length).toBeGreaterThan(0);
    const text = JSON.stringify(questions);
    for (const { name } of askers) expect(text, name).not.toContain(name);
    for (const row of questions.rows) expect(Object.keys(row).some((k) => /asker|user|pseudonym|author/i.test(k))).toBe(false);
    // The same questions as the session pages' public list (the one the page polls), hidden ones aside.
    const sessions = await db.reviewSession.findMany({ select: { id: true } });
    const fromPages = (await Promise.all(sessions.map((x) => listPublicQuestions(x.id)))).flatMap((l) => l?.questions.filter((q) => !q.hidden).map((q) => q.id) ?? []);
    expect(questions.rows.map((r) => r.id as string).sort()).toEqual(fromPages.sort());

    const results = JSON.parse((await fileText("evaluation-results.json")).text) as { rows: { evaluationId: string; questionKind: string; distribution: number[] | null; respondents: number | null }[] };
    expect(results.rows.length).toBeGreaterThan(0);
    for (const row of results.rows) {
      const evaluation = await db.evaluation.findUniqueOrThrow({ where: { id: row.evaluationId }, select: { status: true, opensOn: true, closesOn: true } });
      expect(resultsArePublic(evaluation, new Date())).toBe(true);
      if (row.questionKind === "TEXT") expect(row.distribution).toBeNull();
    }
  });

  it("none in any Atom feed, in any language", async () => {
    const routes = feedRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(5);
    const country = (await db.commitment.findFirstOrThrow({ where: { country: { not: null } }, select: { country: true } })).country!.toLowerCase();
    let read = 0;
    for (const file of routes) {
      const { GET } = (await import(/* @vite-ignore */ file)) as { GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> };
      for (const locale of ["es", "en", "pt", "fr"]) {
        const response = await GET(new Request(`http://localhost/${locale}/feed`), { params: Promise.resolve({ locale, country }) });
        const body = await response.text();
        expect(response.status, `${file} ${locale}`).toBe(200);
        expect(leaks(body), `${path.relative(process.cwd(), file)} (${locale})`).toEqual([]);
        read++;
      }
    }
    expect(read).toBe(routes.length * 4);
  }, 120_000);
});
