import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InclusionChart } from "@/components/champions/inclusion-chart";
import { INCLUSION_LEVELS as INCLUSION_RUNGS, type InclusionLevelName as InclusionRung } from "@/lib/champions/schemas";
import { RegionMap, type RegionMapCountry } from "@/components/champions/region-map";
import { regionGeometry, regionSpriteSvg } from "@/components/champions/region-geometry";
import { LAC_COUNTRIES } from "@/lib/organizations/subregions";

const champions: RegionMapCountry[] = [
  { code: "MX", name: "México", href: "/es/champions/mx", highlighted: true, label: "3 iniciativas" },
  { code: "SV", name: "El Salvador", href: "/es/champions/sv", highlighted: true, label: "1 iniciativa" },
  { code: "EC", name: "Ecuador", href: "/es/champions/ec", highlighted: true },
  { code: "hn", name: "Honduras", href: "/es/champions/hn", highlighted: true, label: "2 iniciativas" },
  { code: "LC", name: "Santa Lucía", href: "/es/champions/lc", highlighted: true },
  { code: "BR", name: "Brasil", highlighted: false },
  { code: "AR", name: "Argentina", href: "/es/countries/ar", highlighted: false },
];

const render = (countries: RegionMapCountry[], sprite?: string) =>
  renderToStaticMarkup(createElement(RegionMap, { countries, title: "Países campeones", description: "Mapa de América Latina y el Caribe.", sprite }));

/** Each <a>…</a> of the map, with its href and accessible name. */
function links(svg: string) {
  return [...svg.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map(([, href, name, body]) => ({ href, name, body }));
}

// Measured: 19.7 KB with no champion, 20.1 KB with four, 23.4 KB with all 33 linked (1:110m
// outlines, 0.1-unit coordinates); the budget leaves a little room, far below 1:50m's ~90 KB.
const SIZE_BUDGET = 28 * 1024;

describe("the region map", () => {
  it("draws a shape or a dot for each of the 33 countries of the region, once per process", () => {
    const geometry = regionGeometry();
    expect([...geometry.shapes.keys()].sort()).toEqual([...LAC_COUNTRIES].sort());
    for (const shape of geometry.shapes.values()) expect(shape.d ?? shape.dot, shape.code).toBeTruthy();
    expect(regionGeometry()).toBe(geometry);
  });

  it("links champion countries with their names and labels, and no other country", () => {
    const svg = render(champions);
    const found = links(svg);
    expect(found.map((l) => l.href).sort()).toEqual(["/es/champions/ec", "/es/champions/hn", "/es/champions/lc", "/es/champions/mx", "/es/champions/sv"]);
    const byHref = new Map(found.map((l) => [l.href, l]));
    expect(byHref.get("/es/champions/mx")?.name).toBe("México: 3 iniciativas");
    expect(byHref.get("/es/champions/ec")?.name).toBe("Ecuador");
    for (const code of ["MX", "SV", "EC", "HN"]) {
      const link = found.find((l) => l.body.includes(`data-country="${code}"`));
      expect(link?.body, code).toMatch(/<path d="M[^"]+"/);
    }
    // Saint Lucia is too small for the 1:110m atlas: it is a dot, still a link.
    expect(byHref.get("/es/champions/lc")?.body).toContain("<circle");
    // Brazil (not a champion) and Argentina (not highlighted, even with an href) are not links.
    expect(svg).not.toContain("/es/countries/ar");
    for (const code of ["BR", "AR", "CO"]) {
      expect(found.some((l) => l.body.includes(`data-country="${code}"`)), code).toBe(false);
      expect(svg).toContain(`data-country="${code}"`);
    }
  });

  it("keeps links out of the aria-hidden drawing and names the map", () => {
    const svg = render(champions);
    const hidden = svg.match(/<g aria-hidden="true">([\s\S]*?)<\/g>/)?.[1] ?? "";
    expect(hidden).not.toContain("<a ");
    expect(svg).toMatch(/^<svg viewBox="0 0 400 \d+" width="100%"[^>]*role="group" aria-labelledby="[^"]+-title" aria-describedby="[^"]+-desc"/);
    expect(svg).toContain("<title");
    expect(svg).toContain("Países campeones</title>");
    expect(svg).toContain("Mapa de América Latina y el Caribe.</desc>");
  });

  it("ignores unknown codes and countries outside the region without throwing", () => {
    const svg = render([
      { code: "ZZ", name: "Nowhere", href: "/x", highlighted: true },
      { code: "", name: "Empty", href: "/y", highlighted: true },
      { code: "ES", name: "España", href: "/es/champions/es", highlighted: true },
      { code: "SV", name: "El Salvador", href: "/es/champions/sv", highlighted: true },
    ]);
    expect(links(svg).map((l) => l.href)).toEqual(["/es/champions/sv"]);
  });

  it("stays small: under the measured budget with every country a link", () => {
    const all = LAC_COUNTRIES.map((code) => ({ code, name: `Country ${code}`, href: `/es/champions/${code.toLowerCase()}`, highlighted: true, label: "12 initiatives" }));
    const bytes = Buffer.byteLength(render(all));
    expect(bytes).toBeLessThan(SIZE_BUDGET);
    expect(Buffer.byteLength(render([]))).toBeLessThan(SIZE_BUDGET);
  });
});

describe("the region map with its outlines in a separate file", () => {
  const sprite = "/es/champions/map.svg";

  it("uses each outline from the file, links the same countries, and draws no outline inline", () => {
    const svg = render(champions, sprite);
    expect(svg).not.toMatch(/<path d=/);
    const found = links(svg);
    expect(found.map((l) => l.href).sort()).toEqual(["/es/champions/ec", "/es/champions/hn", "/es/champions/lc", "/es/champions/mx", "/es/champions/sv"]);
    expect(found.find((l) => l.href === "/es/champions/mx")?.body).toContain(`<use href="${sprite}#MX"`);
    // Saint Lucia has no outline in the atlas: still its dot, inline.
    expect(found.find((l) => l.href === "/es/champions/lc")?.body).toContain("<circle");
    const hidden = svg.match(/<g aria-hidden="true"[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? "";
    expect(hidden).toContain(`<use href="${sprite}#context"`);
    // All the land at once; a country of no other colour is not drawn again.
    expect(hidden).toContain(`<use href="${sprite}#land"`);
    expect(hidden).not.toContain(`#BR"`);
    expect(hidden).not.toContain("<a ");
    // A shaded country that is not a link is drawn on top in its shade.
    const shaded = render([{ code: "BR", name: "Brasil", highlighted: false, shade: 3 }], sprite);
    expect(shaded).toMatch(new RegExp(`<use href="${sprite}#BR" class="fill-blue-700"`));
  });

  it("the file holds every outline the map uses, uncoloured, and the map itself stays a few KB", () => {
    const file = regionSpriteSvg();
    const geometry = regionGeometry();
    for (const shape of geometry.shapes.values()) {
      if (shape.d) expect(file, shape.code).toContain(`<path id="${shape.code}" d="${shape.d}"/>`);
    }
    expect(file).toContain('<path id="context" d="M');
    expect(file.match(/<circle /g)?.length).toBe([...geometry.shapes.values()].filter((shape) => shape.dot).length);
    expect(file).not.toMatch(/fill|stroke|class=/);
    const all = LAC_COUNTRIES.map((code) => ({ code, name: `Country ${code}`, href: `/es/champions/${code.toLowerCase()}`, highlighted: true, label: "12 initiatives" }));
    expect(Buffer.byteLength(render(all, sprite))).toBeLessThan(6 * 1024);
  });
});

describe("the inclusion chart", () => {
  const labels: Record<InclusionRung, string> = {
    NOT_INCLUDED: "No incluida",
    INFORMED: "Informada",
    CONSULTED: "Consultada",
    INVOLVED: "Involucrada",
    CO_LED: "Codirigida",
  };

  it("writes each rung with its count, in ladder order, as text", () => {
    const counts: Record<InclusionRung, number> = { NOT_INCLUDED: 4, INFORMED: 0, CONSULTED: 7, INVOLVED: 2, CO_LED: 1 };
    const html = renderToStaticMarkup(createElement(InclusionChart, { counts, labels, caption: "Inclusión de la sociedad civil" }));
    const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
    expect(text).toBe("Inclusión de la sociedad civil No incluida 4 Informada 0 Consultada 7 Involucrada 2 Codirigida 1");
    expect(html).toContain("<ol");
    expect(html).toContain('style="width:100%"');
    expect(html).toContain('style="width:0%"');
    expect(INCLUSION_RUNGS).toHaveLength(5);
  });

  it("draws no bar when every count is zero", () => {
    const zero: Record<InclusionRung, number> = { NOT_INCLUDED: 0, INFORMED: 0, CONSULTED: 0, INVOLVED: 0, CO_LED: 0 };
    const html = renderToStaticMarkup(createElement(InclusionChart, { counts: zero, labels, caption: "Vacía" }));
    expect(html.match(/style="width:0%"/g)).toHaveLength(5);
  });
});
