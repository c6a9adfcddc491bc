import { beforeEach, describe, expect, it, vi } from "vitest";

// Outside Next there is no request config: the route's translations come from the real
// catalogues through next-intl's own translator and formatter.
vi.mock("next-intl/server", () => import("../helpers/next-intl-server"));

const { GET } = await import("@/app/[locale]/transparency/feed/route");
const { db } = await import("@/lib/db/client");
const { recordAudit } = await import("@/lib/audit/record");
const { grantSiteRole, revokeSiteRole } = await import("@/lib/roles/commands");
const { buildWorld, resetDatabase } = await import("../helpers/factories");
const { htmlText, parseAtom, text } = await import("../helpers/atom");

const feed = (locale: string) => GET(new Request(`http://localhost:3000/${locale}/transparency/feed`), { params: Promise.resolve({ locale }) });

describe("the transparency log's Atom feed", () => {
  beforeEach(resetDatabase);

  it("lists the public entries, newest first, with the page's URLs, and nothing private", async () => {
    const { actors, users, otherOrg } = await buildWorld();
    await grantSiteRole(actors.admin, { email: users.participant.email, role: "STAFF" });
    await revokeSiteRole(actors.admin, { userId: users.participant.id, role: "STAFF" });
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: users.admin.id,
        action: "organization.rejected",
        entityType: "Organization",
        entityId: otherOrg.id,
        isPublic: false,
        data: { organizationName: "Secretly Rejected", organizationSlug: "secretly-rejected", reason: "private-reason@example.org" },
      }),
    );

    const response = await feed("en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const body = await response.text();
    for (const secret of ["Secretly Rejected", "secretly-rejected", "private-reason", "@", users.participant.email]) expect(body).not.toContain(secret);

    const { feed: atom } = parseAtom(body);
    expect(atom["@_xml:lang"]).toBe("en");
    expect(atom.id).toBe("http://localhost:3000/en/transparency");
    expect(atom.link).toEqual([
      { "@_rel": "alternate", "@_href": "http://localhost:3000/en/transparency" },
      { "@_rel": "self", "@_href": "http://localhost:3000/en/transparency/feed" },
    ]);
    expect(text(atom.title)).toBeTruthy();
    expect(atom.author?.name).toBe("Puente");

    const entries = atom.entry ?? [];
    expect(entries.map((e) => e.category?.[0]["@_term"])).toEqual(["role.revoked", "role.granted"]);
    expect(atom.updated).toBe(entries[0].updated);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^http:\/\/localhost:3000\/transparency\/entries\/[\w-]+$/);
      expect(entry.link[0]["@_href"]).toMatch(/^http:\/\/localhost:3000\/en\/transparency#entry-[\w-]+$/);
      expect(entry.published).toBe(entry.updated);
      expect(entry.author?.name).toBe("Admin");
      const title = htmlText(entry.title);
      expect(title.length).toBeGreaterThan(0);
      expect(htmlText(entry.summary)).toContain(title);
      expect(htmlText(entry.summary)).toContain("Admin");
    }
  });

  it("speaks the language of its URL, and answers 404 for any other", async () => {
    const { actors, users } = await buildWorld();
    await grantSiteRole(actors.admin, { email: users.participant.email, role: "STAFF" });
    const titles = new Set<string>();
    for (const locale of ["es", "en", "pt", "fr"]) {
      const { feed: atom } = parseAtom(await (await feed(locale)).text());
      expect(atom["@_xml:lang"]).toBe(locale);
      titles.add(htmlText(atom.entry?.[0].title));
    }
    expect(titles.size).toBe(4);
    expect((await feed("de")).status).toBe(404);
  });

  it("is a valid empty feed when nothing is public yet", async () => {
    const { feed: atom } = parseAtom(await (await feed("es")).text());
    expect(atom.entry).toBeUndefined();
    expect(atom.updated).toBe("1970-01-01T00:00:00.000Z");
  });
});
