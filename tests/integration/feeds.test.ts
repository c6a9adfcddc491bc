import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The Atom feeds of proposals, sessions and report versions, read as a feed reader would (parsed
// by a real XML parser), each beside what must never be in it. Links are built from PUBLIC_URL,
// never from the request's Host header, which anyone can write.

vi.mock("next-intl/server", () => import("../helpers/next-intl-server"));

const proposalsFeed = (await import("@/app/[locale]/proposals/feed.xml/route")).GET;
const sessionsFeed = (await import("@/app/[locale]/sessions/feed.xml/route")).GET;
const reportFeed = (await import("@/app/[locale]/report/feed.xml/route")).GET;
const { db } = await import("@/lib/db/client");
const { createOrganization, resetDatabase } = await import("../helpers/factories");
const { createProposal } = await import("../helpers/proposal-fixtures");
const { createSession } = await import("../helpers/session-fixtures");
const { insertVersion } = await import("../helpers/report-fixtures");
const { parseAtom, text } = await import("../helpers/atom");

const PUBLIC = "https://puente.example.org";
// What an attacker would put in the Host header to have feed links point at their site.
const HOSTILE = "http://evil.example";

type Route = (request: Request, context: { params: Promise<{ locale: string }> }) => Promise<Response>;
async function read(route: Route, locale: string, path: string) {
  const response = await route(new Request(`${HOSTILE}/${locale}/${path}`), { params: Promise.resolve({ locale }) });
  const body = await response.text();
  return { response, body, atom: response.status === 200 ? parseAtom(body).feed : null };
}

const previousUrl = process.env.PUBLIC_URL;
beforeAll(() => {
  process.env.PUBLIC_URL = PUBLIC;
});
afterAll(() => {
  process.env.PUBLIC_URL = previousUrl;
});
beforeEach(resetDatabase);

describe("the proposals feed", () => {
  it("lists public proposals of verified organizations, newest first, narrowed by objective and country like the list", async () => {
    const verified = await createOrganization({ name: "Red Verificada" });
    const pending = await createOrganization({ name: "Org Pendiente", status: "PENDING" });
    const old = await createProposal(verified.id, { title: "Trabajo decente MX", objectives: [6], countries: ["MX"], submittedAt: new Date("2026-01-10T00:00:00Z") });
    const recent = await createProposal(verified.id, { title: "Salud para migrantes GT", objectives: [15], countries: ["GT"], submittedAt: new Date("2026-03-10T00:00:00Z") });
    await createProposal(verified.id, { title: "Borrador secreto", status: "DRAFT" });
    await createProposal(pending.id, { title: "Propuesta de org no verificada" });

    const { response, body, atom } = await read(proposalsFeed, "en", "proposals/feed.xml");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(atom!["@_xml:lang"]).toBe("en");
    expect(atom!.entry!.map((e) => text(e.title))).toEqual([recent.title, old.title]);
    for (const secret of ["Borrador secreto", "no verificada", "evil.example"]) expect(body).not.toContain(secret);
    const entry = atom!.entry![0];
    expect(entry.link[0]["@_href"]).toBe(`${PUBLIC}/en/proposals/${recent.id}`);
    expect(entry.author?.name).toBe("Red Verificada");
    expect(entry.category!.map((c) => c["@_term"])).toEqual(["objective-15", "country-GT"]);

    const { atom: byObjective } = await read(proposalsFeed, "es", "proposals/feed.xml?objective=6");
    // The route reads the filters from the request's query string.
    const narrowed = await proposalsFeed(new Request(`${HOSTILE}/es/proposals/feed.xml?objective=6&country=MX`), { params: Promise.resolve({ locale: "es" }) });
    const narrowedFeed = parseAtom(await narrowed.text()).feed;
    expect(narrowedFeed.entry!.map((e) => text(e.title))).toEqual([old.title]);
    expect(text(narrowedFeed.title)).toContain("Objetivo 6");
    expect(text(narrowedFeed.title)).toContain("México");
    expect(narrowedFeed.link.find((l) => l["@_rel"] === "self")!["@_href"]).toBe(`${PUBLIC}/es/proposals/feed.xml?objective=6&country=MX`);
    expect(byObjective!.entry!.map((e) => text(e.title))).toEqual([old.title]);

    const none = await proposalsFeed(new Request(`${HOSTILE}/es/proposals/feed.xml?country=BR`), { params: Promise.resolve({ locale: "es" }) });
    expect(parseAtom(await none.text()).feed.entry ?? []).toEqual([]);
  });

  it("answers 404 to a language the portal does not have, and survives hostile filters", async () => {
    expect((await read(proposalsFeed, "de", "proposals/feed.xml")).response.status).toBe(404);
    const hostile = await proposalsFeed(new Request(`${HOSTILE}/es/proposals/feed.xml?q=a%00b&objective=99&country=%3Cx%3E&page=-1`), { params: Promise.resolve({ locale: "es" }) });
    expect(hostile.status).toBe(200);
    expect(parseAtom(await hostile.text()).feed["@_xml:lang"]).toBe("es");
  });
});

describe("the sessions feed", () => {
  it("lists public sessions, the latest changed first, and never a draft", async () => {
    const first = await createSession({ status: "SPEAKERS_CONFIRMED", title: { es: "Sesión sobre trabajo", en: "Session on work" } });
    const second = await createSession({ status: "OPEN_FOR_NOMINATIONS", title: { es: "Sesión sobre salud" } });
    await createSession({ status: "DRAFT", title: { es: "Borrador de sesión secreta" } });
    await db.reviewSession.update({ where: { id: first.id }, data: { place: "Otra sede" } });

    const { body, atom } = await read(sessionsFeed, "en", "sessions/feed.xml");
    expect(body).not.toContain("secreta");
    expect(body).not.toContain("meet.example.org");
    // English where it was written in English, else the Spanish it was written in.
    expect(atom!.entry!.map((e) => text(e.title))).toEqual(["Session on work", "Sesión sobre salud"]);
    expect(atom!.entry![1].link[0]["@_href"]).toBe(`${PUBLIC}/en/sessions/${second.id}`);
    expect(text(atom!.entry![0].summary!)).toContain("Speakers confirmed");
  });
});

describe("the report feed", () => {
  it("lists the public versions with their status, and never a draft", async () => {
    await insertVersion({ number: 1, status: "CLOSED", title: "Versión uno" });
    await insertVersion({ number: 2, status: "OPEN", title: "Versión dos" });
    await insertVersion({ number: 3, status: "DRAFT", title: "Versión borrador interna" });

    const { body, atom } = await read(reportFeed, "pt", "report/feed.xml");
    expect(body).not.toContain("borrador interna");
    expect(atom!.entry!.map((e) => text(e.title) ?? "").sort()).toEqual(["Versão 1: Versión uno", "Versão 2: Versión dos"]);
    const two = atom!.entry!.find((e) => text(e.title)?.includes("dos"))!;
    expect(two.link[0]["@_href"]).toBe(`${PUBLIC}/pt/report/versions/2`);
    expect(text(two.summary!)).toBe("Aberta a comentários");
  });
});
