import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";
import { assignAnchors, matchParagraphs, similarity, splitMarkdown, type Block } from "@/lib/report/paragraphs";

const SOURCE = `# Informe regional

La migración en América Latina   y el Caribe
continúa creciendo.

## Avances

- Objetivo 1: datos
- Objetivo 2: documentos

> Una cita de la sociedad civil.

\`\`\`
código
\`\`\`

| a | b |
|---|---|
| 1 | 2 |

---

Último párrafo con **negritas** y \`código\`.
`;

describe("splitMarkdown", () => {
  it("splits the top-level blocks with their source, plain text and heading level", () => {
    const blocks = splitMarkdown(SOURCE);
    expect(blocks.map((b) => b.headingLevel)).toEqual([1, null, 2, null, null, null, null, null, null]);
    expect(blocks[0]).toEqual({ markdown: "# Informe regional", text: "Informe regional", headingLevel: 1 });
    expect(blocks[1].markdown).toBe("La migración en América Latina   y el Caribe\ncontinúa creciendo.");
    expect(blocks[1].text).toBe("La migración en América Latina y el Caribe continúa creciendo.");
    expect(blocks[3].markdown).toBe("- Objetivo 1: datos\n- Objetivo 2: documentos");
    expect(blocks[3].text).toBe("Objetivo 1: datos Objetivo 2: documentos");
    expect(blocks[4].text).toBe("Una cita de la sociedad civil.");
    expect(blocks[5].text).toBe("código");
    expect(blocks[6].text).toBe("a b 1 2");
    expect(blocks[8].text).toBe("Último párrafo con negritas y código.");
  });

  it("gives nothing for blank text and handles CRLF", () => {
    expect(splitMarkdown("")).toEqual([]);
    expect(splitMarkdown("  \n\n ")).toEqual([]);
    expect(splitMarkdown("Uno\r\n\r\nDos").map((b) => b.text)).toEqual(["Uno", "Dos"]);
  });

  it("keeps raw HTML as text, never as markup", () => {
    const [block] = splitMarkdown('Hola <script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(block.text).toContain("<script>");
    expect(block.headingLevel).toBeNull();
    // Rendered (as the report pages render each block): escaped, never markup; no javascript: links.
    const html = renderMarkdown(block.markdown) + renderMarkdown("[clic](javascript:alert(3))");
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });
});

const b = (text: string, headingLevel: number | null = null): Block => ({ markdown: text, text, headingLevel });

describe("similarity", () => {
  it("is 1 for the same words, 0 for none shared, ignoring case and punctuation", () => {
    expect(similarity("Hola, mundo grande", "hola mundo grande")).toBe(1);
    expect(similarity("uno dos tres", "cuatro cinco seis")).toBe(0);
    expect(similarity("uno", "uno")).toBe(1);
  });
});

describe("assignAnchors (the matching rule)", () => {
  const v1 = assignAnchors(null, [
    b("Introducción", 1),
    b("Los Estados avanzaron en la regularización de personas migrantes en la región durante el período."),
    b("La sociedad civil pidió participar en la preparación del informe regional."),
    b("Un párrafo que desaparecerá por completo en la próxima versión del texto."),
    b("Igual"),
    b("Igual"),
  ]);

  it("gives a first version new unique anchors and positions", () => {
    expect(v1.map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(v1.map((p) => p.anchor)).size).toBe(6);
    for (const p of v1) expect(p.anchor).toMatch(/^p-[0-9a-z]{8}$/);
  });

  it("(1) keeps anchors of equal text even when moved, first unused equal one in order", () => {
    const v2 = assignAnchors(v1, [b("Igual"), b("La sociedad civil pidió participar en la preparación del informe regional."), b("Igual")]);
    expect(v2[0].anchor).toBe(v1[4].anchor);
    expect(v2[1].anchor).toBe(v1[2].anchor);
    expect(v2[2].anchor).toBe(v1[5].anchor);
  });

  it("(1) ignores differences of whitespace only", () => {
    const [p] = assignAnchors(v1, [b("La sociedad   civil pidió participar\nen la preparación del informe regional.")]);
    expect(p.anchor).toBe(v1[2].anchor);
  });

  it("(2) keeps the anchor of a paragraph changed a little, and gives a new one to a rewritten paragraph", () => {
    const v2 = assignAnchors(v1, [
      b("Introducción", 1),
      b("Los Estados avanzaron mucho en la regularización de personas migrantes en la región durante el último período."),
      b("Texto enteramente nuevo sobre otra cuestión."),
    ]);
    expect(v2[0].anchor).toBe(v1[0].anchor);
    expect(v2[1].anchor).toBe(v1[1].anchor);
    expect(v1.map((p) => p.anchor)).not.toContain(v2[2].anchor);
  });

  it("(2) matches one to one, best pair first", () => {
    const prev = [
      { anchor: "p-a", text: "uno dos tres cuatro cinco seis", headingLevel: null },
      { anchor: "p-b", text: "uno dos tres cuatro cinco siete", headingLevel: null },
    ];
    const next = [b("uno dos tres cuatro cinco siete ocho"), b("uno dos tres cuatro cinco seis nueve")];
    const anchored = assignAnchors(prev, next);
    expect(anchored.map((p) => p.anchor)).toEqual(["p-b", "p-a"]);
    // A third similar block finds no partner left: new anchor.
    const three = assignAnchors(prev, [...next, b("uno dos tres cuatro cinco")]);
    expect(["p-a", "p-b"]).not.toContain(three[2].anchor);
  });

  it("below the 0.5 threshold, a changed paragraph gets a new anchor", () => {
    expect(similarity("uno dos tres cuatro", "uno dos cinco seis")).toBeLessThan(0.5);
    const [p] = assignAnchors([{ anchor: "p-x", text: "uno dos tres cuatro", headingLevel: null }], [b("uno dos cinco seis")]);
    expect(p.anchor).not.toBe("p-x");
  });

  it("headings match headings only", () => {
    const prev = [{ anchor: "p-h", text: "Recomendaciones", headingLevel: 2 }];
    expect(assignAnchors(prev, [b("Recomendaciones")])[0].anchor).not.toBe("p-h");
    expect(assignAnchors(prev, [b("Recomendaciones", 3)])[0].anchor).toBe("p-h");
    // Without the kind of the previous block, either kind may match.
    expect(assignAnchors([{ anchor: "p-h", text: "Recomendaciones" }], [b("Recomendaciones")])[0].anchor).toBe("p-h");
  });

  it("matchParagraphs returns the previous index for each next block", () => {
    expect(matchParagraphs([b("a b c"), b("x y z")], [b("x y z"), b("nuevo del todo"), b("a b c")])).toEqual([1, null, 0]);
  });
});
