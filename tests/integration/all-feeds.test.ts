import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Every Atom feed in the app, found on disk (a route.ts in a folder named feed.xml or feed), so a
// new feed is never left out: each is fetched on the demo data in every language and read with a
// real XML parser, and its Atom structure checked. Then what must never be in a feed: a hidden
// question, a draft consultation (even one with an update), the person behind a pseudonym.

vi.mock("next-intl/server", () => import("../helpers/next-intl-server"));

const { db } = await import("@/lib/db/client");
const { locales } = await import("@/i18n/routing");
const { seedDemo } = await import("@/prisma/seed/demo");
const { resetDatabase } = await import("../helpers/factories");
const { insertConsultation } = await import("../helpers/consultation-fixtures");
const { parseAtom, htmlText, text } = await import("../helpers/atom");

const PUBLIC = "https://puente.example.org";
const APP = path.resolve("app");
const ATOM_NS = "http://www.w3.org/2005/Atom";

type Route = { GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> };

/** Every route handler whose folder is a feed (`…/feed.xml/route.ts`, `…/feed/route.ts`), as a path below app/. */
function feedRoutes(dir = APP): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return feedRoutes(full);
    return name === "route.ts" && /^feed(\.xml)?$/.test(path.basename(dir)) ? [path.relative(APP, dir)] : [];
  });
}
const ROUTES = feedRoutes().sort();

// What each dynamic segment is filled with; a new one fails the test until it is given here.
let championCountry = "";
function urlPath(route: string, locale: string): { pathname: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments = route.split(path.sep).map((segment) => {
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (!name) return segment;
    const value = name === "locale" ? locale : name === "country" ? championCountry : null;
    if (value === null) throw new Error(`all-feeds.test: say what [${name}] is in ${route}`);
    params[name] = value;
    return value;
  });
  return { pathname: `/${segments.join("/")}`, params };
}

async function fetchFeed(route: string, locale: string) {
  const { GET } = (await import(path.join(APP, route, "route.ts"))) as Route;
  const { pathname, params } = urlPath(route, locale);
  // The Host header is anyone's: links must come from PUBLIC_URL.
  const response = await GET(new Request(`http://evil.example${pathname}`), { params: Promise.resolve(params) });
  const body = await response.text();
  return { response, body, pathname };
}

const MARK = { hiddenQuestion: "Pregunta-oculta-Zq81", hiddenAnswer: "Respuesta-de-pregunta-oculta-Zq81", draft: "Consulta-borrador-Zq81", draftUpdate: "Aviso-de-borrador-Zq81" };

const previousUrl = process.env.PUBLIC_URL;
let pseudonymous: { questionId: string; pseudonym: string; person: { name: string; email: string } };

beforeAll(async () => {
  process.env.PUBLIC_URL = PUBLIC;
  await resetDatabase();
  await seedDemo();
  championCountry = (await db.championTerm.findFirstOrThrow({ orderBy: { country: "asc" }, select: { country: true } })).country.toLowerCase();
  // An answered question hidden by moderators: neither it nor its answer may reach a feed.
  const answered = await db.dialogueQuestion.findFirstOrThrow({ where: { answerBody: { not: null }, hiddenAt: null }, orderBy: { answeredAt: "desc" } });
  await db.dialogueQuestion.update({
    where: { id: answered.id },
    data: { title: MARK.hiddenQuestion, body: MARK.hiddenQuestion, answerBody: MARK.hiddenAnswer, hiddenAt: new Date(), hiddenReason: "Datos personales", hiddenCategory: "PERSONAL_DATA" },
  });
  // A draft consultation, with every date a published one has, and an update: still private.
  const draft = await insertConsultation(null, "DRAFT");
  await db.consultation.update({ where: { id: draft.id }, data: { title: { es: MARK.draft, en: MARK.draft }, openedAt: new Date(), synthesis: { es: MARK.draft }, synthesizedAt: new Date() } });
  await db.consultationUpdate.create({ data: { consultationId: draft.id, language: "es", body: MARK.draftUpdate } });
  const q = await db.dialogueQuestion.findFirstOrThrow({
    where: { pseudonymId: { not: null }, hiddenAt: null, mergedIntoId: null },
    select: { id: true, pseudonym: { select: { name: true, user: { select: { name: true, email: true } } } } },
  });
  pseudonymous = { questionId: q.id, pseudonym: q.pseudonym!.name, person: q.pseudonym!.user! };
}, 120_000);

afterAll(() => {
  process.env.PUBLIC_URL = previousUrl;
});

describe("every Atom feed of the app", () => {
  it("is found on disk: the known feeds and the new ones", () => {
    const expected = [
      "[locale]/champions/[country]/feed.xml",
      "[locale]/champions/feed.xml",
      "[locale]/dialogue/consultations/feed.xml",
      "[locale]/dialogue/questions/feed.xml",
      "[locale]/monitoring/feed.xml",
      "[locale]/proposals/feed.xml",
      "[locale]/report/feed.xml",
      "[locale]/sessions/feed.xml",
      "[locale]/transparency/feed",
    ];
    expect(ROUTES.map((r) => r.split(path.sep).join("/"))).toEqual(expect.arrayContaining(expected));
  });

  describe.each(ROUTES.map((r) => [r.split(path.sep).join("/"), r]))("%s", (_label, route) => {
    it.each([...locales])("is valid Atom in %s, with links on the public address", async (locale) => {
      const { response, body, pathname } = await fetchFeed(route, locale);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      expect(body).not.toContain("evil.example");
      const { feed } = parseAtom(body);
      expect(feed["@_xmlns"]).toBe(ATOM_NS);
      expect(feed["@_xml:lang"]).toBe(locale);
      expect(feed.id).toMatch(/^https:\/\/puente\.example\.org\//);
      expect(text(feed.title)?.trim()).toBeTruthy();
      expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
      expect(feed.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${PUBLIC}${pathname}`);
      expect(feed.link.find((l) => l["@_rel"] === "alternate")?.["@_href"]).toMatch(/^https:\/\/puente\.example\.org\//);
      // The demo has something in every feed: an empty one would prove nothing below.
      const entries = feed.entry ?? [];
      expect(entries.length).toBeGreaterThan(0);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      for (const entry of entries) {
        expect(entry.id).toMatch(/^https:\/\/puente\.example\.org\//);
        expect(htmlText(entry.title).trim()).toBeTruthy();
        expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
        expect(entry.link[0]["@_href"]).toMatch(new RegExp(`^https://puente\\.example\\.org/${locale}/`));
      }
    });
  });

  it("answers 404 to a language the portal does not have", async () => {
    for (const route of ROUTES) {
      const { GET } = (await import(path.join(APP, route, "route.ts"))) as Route;
      const { params } = urlPath(route, "de");
      expect((await GET(new Request(`${PUBLIC}/de/feed`), { params: Promise.resolve(params) })).status, route).toBe(404);
    }
  });
});

describe("what never reaches a feed", () => {
  it("a hidden question and its answer, a draft consultation and its update, in any feed or language", async () => {
    for (const route of ROUTES) {
      for (const locale of locales) {
        const { body } = await fetchFeed(route, locale);
        for (const secret of Object.values(MARK)) expect(body, `${route} ${locale}`).not.toContain(secret);
      }
    }
  });

  it("the questions feed has new questions and answers, and names a pseudonymous asker by the pseudonym only", async () => {
    const { body } = await fetchFeed(path.join("[locale]", "dialogue", "questions", "feed.xml"), "en");
    const entries = parseAtom(body).feed.entry ?? [];
    expect(entries.some((e) => e.category?.some((c) => c["@_term"] === "answered"))).toBe(true);
    const asked = entries.find((e) => e.id === `${PUBLIC}/dialogue/questions/${pseudonymous.questionId}/asked`);
    expect(asked?.author?.name).toContain(pseudonymous.pseudonym);
    expect(asked?.author?.name).not.toContain(pseudonymous.person.name);
    expect(body).not.toContain(pseudonymous.person.email);
  });

  it("the questions feed links a vouching organization a pseudonymous asker chose to name to its public page, and no other", async () => {
    const { body } = await fetchFeed(path.join("[locale]", "dialogue", "questions", "feed.xml"), "fr");
    const entries = parseAtom(body).feed.entry ?? [];
    const named = await db.dialogueQuestion.findMany({ where: { pseudonymId: { not: null }, hiddenAt: null }, select: { id: true, showOrganization: true, pseudonym: { select: { organization: { select: { slug: true } } } } } });
    expect(named.some((q) => q.showOrganization) && named.some((q) => !q.showOrganization)).toBe(true);
    for (const q of named) {
      const asked = entries.find((e) => e.id === `${PUBLIC}/dialogue/questions/${q.id}/asked`);
      if (!asked) continue;
      expect(asked.author?.uri, q.id).toBe(q.showOrganization ? `${PUBLIC}/fr/organizations/${q.pseudonym!.organization.slug}` : undefined);
    }
    expect(entries.filter((e) => e.author?.uri).length).toBeGreaterThan(0);
  });

  it("the consultations feed has openings, updates and syntheses", async () => {
    const { body } = await fetchFeed(path.join("[locale]", "dialogue", "consultations", "feed.xml"), "es");
    const kinds = new Set((parseAtom(body).feed.entry ?? []).flatMap((e) => e.category?.map((c) => c["@_term"]) ?? []));
    for (const kind of ["opened", "update", "synthesis"]) expect(kinds.has(kind), kind).toBe(true);
  });

  it("the champions feed has both dated updates and new initiatives", async () => {
    const { body } = await fetchFeed(path.join("[locale]", "champions", "feed.xml"), "en");
    const links = (parseAtom(body).feed.entry ?? []).map((e) => e.id);
    expect(links.some((id) => id.includes("/champions/update/"))).toBe(true);
    expect(links.some((id) => id.includes("/champions/initiative/"))).toBe(true);
  });
});
