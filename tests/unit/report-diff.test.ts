import { describe, expect, it } from "vitest";
import { compareParagraphs, summarize, wordDiff, type DiffParagraph } from "@/lib/report/diff";

const p = (anchor: string, position: number, text: string, headingLevel: number | null = null): DiffParagraph => ({
  id: `${anchor}-${position}`,
  anchor,
  position,
  markdown: text,
  text,
  headingLevel,
});

describe("wordDiff", () => {
  it("marks removed and added words and keeps the rest", () => {
    const parts = wordDiff("Los Estados avanzaron poco", "Los Estados avanzaron mucho");
    expect(parts.filter((w) => w.kind === "removed").map((w) => w.value)).toEqual(["poco"]);
    expect(parts.filter((w) => w.kind === "added").map((w) => w.value)).toEqual(["mucho"]);
    expect(parts.filter((w) => w.kind !== "added").map((w) => w.value).join("")).toBe("Los Estados avanzaron poco");
    expect(parts.filter((w) => w.kind !== "removed").map((w) => w.value).join("")).toBe("Los Estados avanzaron mucho");
  });
});

describe("compareParagraphs", () => {
  it("pairs paragraphs by anchor, in the new version's order, with removed ones where they were", () => {
    const from = [p("a", 0, "Uno"), p("b", 1, "Dos"), p("c", 2, "Tres"), p("d", 3, "Cuatro")];
    const to = [p("a", 0, "Uno"), p("c", 1, "Tres y más"), p("n", 2, "Nuevo"), p("d", 3, "Cuatro")];
    const rows = compareParagraphs(from, to);
    expect(rows.map((r) => `${r.kind}:${r.anchor}`)).toEqual(["unchanged:a", "removed:b", "changed:c", "added:n", "unchanged:d"]);
    expect(summarize(rows)).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 2 });
  });

  it("puts paragraphs removed at the end last, and treats a change of heading level or formatting as a change", () => {
    const from = [p("a", 0, "Título", 1), { ...p("b", 1, "Texto"), markdown: "Texto" }, p("z", 2, "Final")];
    const to = [p("a", 0, "Título", 2), { ...p("b", 1, "Texto"), markdown: "**Texto**" }];
    const rows = compareParagraphs(from, to);
    expect(rows.map((r) => `${r.kind}:${r.anchor}`)).toEqual(["changed:a", "changed:b", "removed:z"]);
    const b = rows[1];
    expect(b.kind === "changed" && b.words.every((w) => w.kind === "same")).toBe(true);
  });

  it("compares two 300-paragraph versions, a third of them changed", () => {
    const words = (i: number) => Array.from({ length: 80 }, (_, k) => `palabra${(i * 31 + k) % 500}`).join(" ");
    const from = Array.from({ length: 300 }, (_, i) => p(`p${i}`, i, words(i)));
    const to = from.map((q, i) => (i % 3 === 0 ? { ...q, text: q.text.replace(/palabra1\d/g, "cambio"), markdown: q.markdown + " x" } : q));
    const rows = compareParagraphs(from, to);
    expect(rows).toHaveLength(300);
    expect(summarize(rows).changed).toBe(100);
    // The time is printed by `npm run bench:report`, not asserted here.
  });
});
