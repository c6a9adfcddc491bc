import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listPublicLog } from "@/lib/audit/queries";
import { describeEntry, publicSignature } from "@/components/transparency/entries";
import { db } from "@/lib/db/client";
import { answerQuestion, askQuestion, requestDisclosure, supportQuestion } from "@/lib/dialogue/commands";
import { countDisclosures, listOwnDisclosures, listPseudonymNames, listVouchedPseudonyms } from "@/lib/dialogue/pseudonym-queries";
import { getQuestion, listDelegates, listInstitutions, listQuestions, responsiveness } from "@/lib/dialogue/queries";
import { QUESTION_SORTS, QUESTION_STATUSES, questionListSchema } from "@/lib/dialogue/schemas";
import { DATASETS } from "@/lib/open-data/registry";
import { askSessionQuestion, drawOnQuestion, moveQuestion, supportSessionQuestion } from "@/lib/session-questions/commands";
import { getSessionQuestionsForPage, listPublicQuestions, listSessionQuestions } from "@/lib/session-questions/queries";
import { getSessionForPage } from "@/lib/sessions/queries";
import { GET as sessionQuestionsApi } from "@/app/api/sessions/[id]/questions/route";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { answerInput, dialogueWorld, questionInput } from "../helpers/dialogue-fixtures";
import { crawlApi, fileText } from "../helpers/open-data";
import { liveSession } from "./session-questions-fixtures";

// The feeds are route handlers that translate on the server.
vi.mock("next-intl/server", () => import("../helpers/next-intl-server"));

// Issue 14, a protected voice: no public read (lists, question pages, delegates, institutions,
// the public log and its sentences) carries the name, email or user id of a person who posted
// under a pseudonym. The named asker is the control: the same crawl finds their name, so the
// check can fail. The same person also asks a session's panel under the pseudonym: the session's
// page reads (as every viewer), its public JSON poll, every open dataset (files and API pages)
// and every Atom feed, in every language, must not lead to them either, nor to their support of
// another panel question under the pseudonym.

const SECRET = { name: "Marisol Secreta Quispe", email: "marisol.secreta@hidden.example" };
const NAMED = "Nadia Nombrada";
let world: Awaited<ReturnType<typeof dialogueWorld>>;
let secretId = "";
let pseudonymousQuestion = "";
let namedQuestion = "";
let sessionId = "";
const PANEL_QUESTION = "Protected panel question about raids at the border";
const NAMED_PANEL_QUESTION = "Named panel question about consular fees";

beforeAll(async () => {
  await resetDatabase();
  world = await dialogueWorld();
  const secret = await createUser(SECRET);
  secretId = secret.id;
  await db.membership.create({ data: { userId: secret.id, organizationId: world.org.id, role: "MEMBER" } });
  const secretActor = await actorFor(secret.id);
  const named = await actorFor((await createUser({ name: NAMED })).id);
  pseudonymousQuestion = (await askQuestion(secretActor, questionInput(world.eclac.id, { voice: "pseudonym", organizationId: world.org.id, title: "Protected question about detention" }))).id;
  namedQuestion = (await askQuestion(named, questionInput(world.eclac.id, { title: "Named question about visas" }))).id;
  await supportQuestion(secretActor, { questionId: namedQuestion, voice: "pseudonym", organizationId: world.org.id });
  await answerQuestion(world.delegates.eclac, answerInput(pseudonymousQuestion, { mergeIds: [namedQuestion] }));
  const pseudonym = await db.pseudonym.findFirstOrThrow({ where: { userId: secret.id } });
  await requestDisclosure(world.actors.admin, { pseudonymId: pseudonym.id, reason: "A court order about a threat made from this account." });
  // A live session: both registered (written directly: registering is not what is tested), the
  // person at risk unlisted, the named one listed (signed-in readers see their organization).
  const session = await liveSession();
  sessionId = session.id;
  const namedUser = named.userId;
  await db.membership.create({ data: { userId: namedUser, organizationId: world.otherOrg.id, role: "MEMBER" } });
  await db.sessionRegistration.createMany({ data: [{ sessionId, userId: secretId, language: "en", listed: false }, { sessionId, userId: namedUser, language: "es", listed: true }] });
  const panel = await askSessionQuestion(secretActor, { sessionId, body: PANEL_QUESTION, language: "en", voice: "pseudonym", organizationId: world.org.id });
  const namedPanel = await askSessionQuestion(await actorFor(namedUser), { sessionId, body: NAMED_PANEL_QUESTION, language: "en" });
  // The person at risk supports the named question under the pseudonym: who supports is never shown.
  await supportSessionQuestion(secretActor, { questionId: namedPanel.questionId, voice: "pseudonym", organizationId: world.org.id });
  await moveQuestion(world.actors.staff, { questionId: panel.questionId, action: "takeUp" });
  await drawOnQuestion(world.actors.staff, { questionId: panel.questionId, drawnOn: "on" });
});

/** Every feed.xml route under app/[locale] and the transparency feed. */
function feedRoutes(dir = path.join(process.cwd(), "app/[locale]")): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return feedRoutes(full);
    return entry === "route.ts" && /(feed\.xml|transparency[\\/]feed)[\\/]route\.ts$/.test(full) ? [full] : [];
  });
}

/** Everything the session's page, its JSON poll, the open data (files and API) and the feeds give out, as one text. */
async function sessionOutput(): Promise<string> {
  const parts: unknown[] = [];
  const session = await db.reviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { id: true, status: true, startsAt: true, endsAt: true } });
  for (const viewer of [null, world.actors.participant, world.actors.orgMember, world.actors.staff, world.actors.admin, world.delegates.eclac, world.actors.orgAdmin]) {
    parts.push(await getSessionForPage(viewer, sessionId), await getSessionQuestionsForPage(viewer, session), await listSessionQuestions(viewer, session));
  }
  parts.push(await listPublicQuestions(sessionId));
  parts.push(await (await sessionQuestionsApi(new Request(`http://localhost/api/sessions/${sessionId}/questions`), { params: Promise.resolve({ id: sessionId }) })).text());
  for (const dataset of DATASETS) {
    parts.push((await fileText(`${dataset.name}.csv`)).text, (await fileText(`${dataset.name}.json`)).text, (await crawlApi(dataset.name, {}, 100)).texts);
  }
  const routes = feedRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(5);
  for (const file of routes) {
    const { GET } = (await import(/* @vite-ignore */ file)) as { GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> };
    for (const locale of ["es", "en", "pt", "fr"]) {
      const response = await GET(new Request(`http://localhost/${locale}/feed`), { params: Promise.resolve({ locale, country: "mx" }) });
      // A country with no champion has no feed (404): there is nothing in it to leak.
      expect(response.status === 200 || (file.includes("[country]") && response.status === 404), file).toBe(true);
      parts.push(await response.text());
    }
  }
  return JSON.stringify(parts);
}

/** Everything every public read returns, as one text. */
async function publicOutput(): Promise<string> {
  const now = new Date();
  const parts: unknown[] = [];
  for (const sort of QUESTION_SORTS) parts.push(await listQuestions(questionListSchema.parse({ sort }), now));
  for (const status of QUESTION_STATUSES) parts.push(await listQuestions(questionListSchema.parse({ status }), now));
  for (const viewer of [null, world.actors.participant, world.actors.admin, world.delegates.eclac, world.actors.orgAdmin]) {
    parts.push(await getQuestion(pseudonymousQuestion, viewer, now), await getQuestion(namedQuestion, viewer, now));
  }
  parts.push(await listDelegates(), await listInstitutions(), await responsiveness(null, now), await responsiveness(world.eclac.id, now), await countDisclosures());
  const log = await listPublicLog(1, 500);
  parts.push(log);
  const helpers = { roleLabel: (r: string) => r, formatDay: (d: string) => d, rawMessage: () => null, locale: "en" as const };
  for (const entry of log.entries) parts.push(describeEntry(entry, helpers), publicSignature(entry));
  return JSON.stringify(parts);
}

describe("a pseudonym never leads to its person in public", () => {
  it("appears nowhere in public reads: not the name, the email or the user id (while the named asker does)", async () => {
    const text = await publicOutput();
    expect(text).toContain("Protected question about detention");
    expect(text).toContain(NAMED);
    for (const marker of [SECRET.name, SECRET.email, secretId]) expect(text).not.toContain(marker);
  });

  it("writes no audit entry that names the person for what they posted under the pseudonym", async () => {
    const entries = await db.auditEntry.findMany({ where: { OR: [{ actorId: secretId }, { entityId: secretId }] } });
    expect(entries).toEqual([]);
    const all = JSON.stringify(await db.auditEntry.findMany({ select: { data: true } }));
    for (const marker of [SECRET.name, SECRET.email, secretId]) expect(all).not.toContain(marker);
    const disclosure = await db.auditEntry.findFirstOrThrow({ where: { action: "pseudonym.disclosure_requested" } });
    expect(disclosure).toMatchObject({ isPublic: true, data: {} });
  });

  it("shows the link to the vouching organization's admins only, and to a site admin only through their recorded request", async () => {
    expect((await listVouchedPseudonyms(world.actors.orgAdmin)).map((p) => p.user?.name)).toEqual([SECRET.name]);
    for (const other of [null, world.actors.participant, world.actors.orgMember, world.actors.otherOrgMember, world.actors.staff, world.actors.admin, world.delegates.eclac]) {
      expect(await listVouchedPseudonyms(other)).toEqual([]);
    }
    expect(JSON.stringify(await listPseudonymNames(world.actors.admin))).not.toContain(SECRET.name);
    expect(await listPseudonymNames(world.actors.staff)).toEqual([]);
    expect((await listOwnDisclosures(world.actors.admin)).map((d) => d.pseudonym.user?.name)).toEqual([SECRET.name]);
    const otherAdmin = await actorFor((await createUser({ name: "Other Admin", roles: ["ADMIN"] })).id);
    expect(await listOwnDisclosures(otherAdmin)).toEqual([]);
    expect(await countDisclosures()).toBe(1);
  });

  it("a question to a session's panel under the pseudonym: not on the session's page as any viewer, its JSON poll, any dataset, API page or feed", async () => {
    const text = await sessionOutput();
    expect(text).toContain(PANEL_QUESTION);
    expect(text).toContain(NAMED_PANEL_QUESTION);
    // The control: the named asker chose to be listed, so signed-in readers see their organization.
    expect(text).toContain(world.otherOrg.name);
    const pseudonym = await db.pseudonym.findFirstOrThrow({ where: { userId: secretId }, select: { id: true, name: true } });
    expect(text).toContain(pseudonym.name);
    for (const marker of [SECRET.name, SECRET.email, secretId, pseudonym.id]) expect(text).not.toContain(marker);
    const question = await db.sessionQuestion.findFirstOrThrow({ where: { body: PANEL_QUESTION }, select: { askerId: true, pseudonymId: true } });
    expect(question).toEqual({ askerId: null, pseudonymId: pseudonym.id });
    // The pseudonymous support is there (it counts), and nothing above said whose it is.
    const support = await db.sessionQuestionSupport.findFirstOrThrow({ where: { question: { body: NAMED_PANEL_QUESTION } }, select: { userId: true, pseudonymId: true } });
    expect(support).toEqual({ userId: secretId, pseudonymId: pseudonym.id });
    const named = (await listPublicQuestions(sessionId))!.questions.find((q) => q.body === NAMED_PANEL_QUESTION)!;
    expect(named.supportCount).toBe(1);
  }, 120_000);

  it("still tells the person behind the pseudonym, privately, that their question was answered", async () => {
    expect(await db.notification.count({ where: { userId: secretId, kind: "dialogue.answered" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: secretId, kind: "session_question.taken_up" } })).toBe(1);
  });
});
