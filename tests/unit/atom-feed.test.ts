import { describe, expect, it } from "vitest";
import { atomFeed, type AtomFeedInput } from "@/lib/feeds/atom";
import { htmlText, parseAtom, text } from "../helpers/atom";

const base: AtomFeedInput = {
  id: "https://puente.example/es/transparency",
  title: "Registro público & decisiones",
  subtitle: "Quién decidió qué <y por qué>",
  link: "https://puente.example/es/transparency/feed",
  alternate: "https://puente.example/es/transparency",
  updated: new Date("2030-05-01T12:00:00Z"),
  language: "es",
  author: "Puente",
  entries: [],
};

describe("atomFeed", () => {
  it("writes the feed's id, title, links, language and date", () => {
    const { feed } = parseAtom(atomFeed(base));
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed["@_xml:lang"]).toBe("es");
    expect(feed.id).toBe(base.id);
    expect(text(feed.title)).toBe("Registro público & decisiones");
    expect(text(feed.subtitle)).toBe("Quién decidió qué <y por qué>");
    expect(feed.updated).toBe("2030-05-01T12:00:00.000Z");
    expect(feed.author?.name).toBe("Puente");
    expect(feed.link).toEqual([
      { "@_rel": "alternate", "@_href": base.alternate },
      { "@_rel": "self", "@_href": base.link },
    ]);
    expect(feed.entry).toBeUndefined();
  });

  it("keeps plain text plain: markup, ampersands, quotes and CDATA ends come out as written", () => {
    const tricky = `Red "Sin Fronteras" & <b>Caribe</b> ]]> fin`;
    const { feed } = parseAtom(
      atomFeed({
        ...base,
        entries: [
          {
            id: "https://puente.example/transparency/entries/1",
            title: tricky,
            summary: `${tricky} por Ana`,
            content: "<p>Un <em>párrafo</em></p>",
            link: "https://puente.example/es/organizations/red?x=1&y=2",
            updated: new Date("2030-04-30T08:00:00Z"),
            published: new Date("2030-04-30T08:00:00Z"),
            author: "Ana & Co",
            categories: ["organization.verified", 'bad"term'],
          },
        ],
      }),
    );
    const [entry] = feed.entry ?? [];
    expect(entry.id).toBe("https://puente.example/transparency/entries/1");
    expect(htmlText(entry.title)).toBe(tricky);
    expect(htmlText(entry.summary)).toBe(`${tricky} por Ana`);
    expect(text(entry.content)).toBe("<p>Un <em>párrafo</em></p>");
    expect(entry.link[0]["@_href"]).toBe("https://puente.example/es/organizations/red?x=1&y=2");
    expect(entry.updated).toBe("2030-04-30T08:00:00.000Z");
    expect(entry.published).toBe("2030-04-30T08:00:00.000Z");
    expect(entry.author?.name).toBe("Ana & Co");
    // A term that could break the attribute is left out rather than written.
    expect(entry.category).toEqual([{ "@_term": "organization.verified" }]);
  });

  it("drops characters XML cannot carry instead of writing a broken document", () => {
    const xml = atomFeed({
      ...base,
      title: "Bell\u0007 and escape\u001B",
      entries: [{ id: "https://puente.example/e/2", title: "Nul\u0000", link: "https://puente.example/e/2", updated: new Date(0) }],
    });
    const { feed } = parseAtom(xml);
    expect(text(feed.title)).toBe("Bell and escape");
    expect(htmlText(feed.entry?.[0].title)).toBe("Nul");
  });

  it("refuses a language tag it cannot write safely", () => {
    expect(() => atomFeed({ ...base, language: 'es" onload="x' })).toThrow(/language/);
  });
});
