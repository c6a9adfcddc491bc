import { describe, expect, it } from "vitest";
import { diffItems, elideUnchanged } from "@/components/report/diff-view";
import { parsePart, partStarts, reportParts } from "@/lib/report/parts";

const blocks = (n: number, headingEvery: number) => Array.from({ length: n }, (_, i) => ({ anchor: `p-${i}`, headingLevel: i % headingEvery === 0 ? 2 : null }));

describe("report parts", () => {
  it("a report of up to PART_MAX blocks is one part", () => {
    expect(partStarts(blocks(60, 15), 30, 60)).toEqual([0]);
    expect(reportParts(blocks(3, 15)).parts).toEqual([{ number: 1, start: 0, end: 3 }]);
  });

  it("a part starts at a heading once the part before holds the minimum, and never passes the maximum", () => {
    // Headings every 15: parts of 30 (two sections each).
    expect(partStarts(blocks(300, 15), 30, 60)).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240, 270]);
    // No heading at all: cut at the maximum.
    expect(partStarts(blocks(130, 1000).map((b, i) => ({ ...b, headingLevel: i === 0 ? 2 : null })), 30, 60)).toEqual([0, 60, 120]);
  });

  it("every anchor has its part, and the parts cover the text once", () => {
    const all = blocks(313, 15);
    const { parts, partOf } = reportParts(all);
    expect(parts[0].start).toBe(0);
    expect(parts.at(-1)!.end).toBe(313);
    for (let i = 1; i < parts.length; i++) expect(parts[i].start).toBe(parts[i - 1].end);
    expect(partOf.size).toBe(313);
    expect(partOf.get("p-0")).toBe(1);
    expect(partOf.get("p-312")).toBe(parts.length);
  });

  it("?part= is a number within the parts, or all", () => {
    expect(parsePart(undefined, 5)).toBe(1);
    expect(parsePart("3", 5)).toBe(3);
    expect(parsePart("99", 5)).toBe(5);
    expect(parsePart("0", 5)).toBe(1);
    expect(parsePart("x", 5)).toBe(1);
    expect(parsePart(["2", "3"], 5)).toBe(1);
    expect(parsePart("all", 5)).toBe("all");
  });
});

describe("the comparison cuts long unchanged stretches", () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(" ");

  it("keeps the words around a change and marks what it left out", () => {
    const parts = elideUnchanged(
      [
        { kind: "same", value: `${words(50)} ` },
        { kind: "removed", value: "viejo" },
        { kind: "added", value: "nuevo" },
        { kind: "same", value: ` ${words(50, 100)}` },
      ],
      5,
    );
    expect(parts[0].value.startsWith("[…] ")).toBe(true);
    expect(parts[0].value).toContain("w49");
    expect(parts[0].value).not.toContain("w30 ");
    expect(parts[1]).toEqual({ kind: "removed", value: "viejo" });
    expect(parts[3].value).toContain("w100");
    expect(parts[3].value).not.toContain("w140");
    expect(parts[3].value.endsWith(" […]")).toBe(true);
  });

  it("keeps short stretches and formatting-only changes whole", () => {
    const short = [{ kind: "same" as const, value: words(8) }, { kind: "added" as const, value: "x" }];
    expect(elideUnchanged(short, 5)).toEqual(short);
    const same = [{ kind: "same" as const, value: words(200) }];
    expect(elideUnchanged(same, 5)).toEqual(same);
  });
});

describe("the comparison's pages", () => {
  const row = (kind: "unchanged" | "changed", i: number) => ({ kind, anchor: `p-${i}` }) as unknown as Parameters<typeof diffItems>[0][number];

  it("counts only the paragraphs shown; a run of unchanged ones is one line on the page of the paragraph after it", () => {
    const rows = [row("unchanged", 0), row("unchanged", 1), row("changed", 2), row("changed", 3), row("unchanged", 4), row("changed", 5), row("unchanged", 6)];
    const items = diffItems(rows, false, 2);
    expect(items.map((item) => [item.row ? item.row.anchor : `run of ${item.run}`, item.page])).toEqual([
      ["run of 2", 1],
      ["p-2", 1],
      ["p-3", 1],
      ["run of 1", 2],
      ["p-5", 2],
      ["run of 1", 2],
    ]);
    expect(diffItems(rows, true, 2).map((item) => item.page)).toEqual([1, 1, 2, 2, 3, 3, 4]);
    expect(diffItems([row("unchanged", 0)], false, 2)).toEqual([{ row: null, run: 1, key: "same-end", page: 1 }]);
  });
});
