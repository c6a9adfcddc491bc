import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReportText } from "@/components/report/report-text";
import { atRenderedLevel, outlineLevels } from "@/lib/report/headings";
import { splitMarkdown } from "@/lib/report/paragraphs";
import { demoReportBodies } from "@/prisma/seed/demo-report";

// The public report pages put the report's text under h1 (its title) and h2 ("the text"): its
// own headings must go on from h3 without skipping a level (axe's heading-order, issue 9).

const levelsIn = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));

function render(markdown: string) {
  const paragraphs = splitMarkdown(markdown).map((b, i) => ({ ...b, id: String(i), anchor: `p-${i}` }));
  return levelsIn(renderToStaticMarkup(createElement(ReportText, { paragraphs })));
}

/** Each heading at most one level below the one before it, starting under the page's h2. */
function skips(levels: number[], previous = 2) {
  const out: string[] = [];
  for (const level of levels) {
    if (level > previous + 1) out.push(`h${previous} → h${level}`);
    previous = level;
  }
  return out;
}

describe("the report's headings on the page", () => {
  it("start at h3 under the page's h2 and skip no level, for the demo report (## and ###)", () => {
    const { v2 } = demoReportBodies();
    const levels = render(v2);
    expect(levels[0]).toBe(3);
    expect(levels).toContain(4);
    expect(skips(levels)).toEqual([]);
  });

  it("keep their depth from # as from ##, and close a jump the author made (# then ###)", () => {
    expect(render("# A\n\nTexto.\n\n## B\n\nTexto.\n\n### C")).toEqual([3, 4, 5]);
    expect(render("## A\n\n#### B\n\nTexto.\n\n## C\n\n### D")).toEqual([3, 4, 3, 4]);
    expect(render("Setext\n======\n\nTexto.\n\nOtro\n------")).toEqual([3, 4]);
  });

  it("outlineLevels and atRenderedLevel", () => {
    expect(outlineLevels([2, null, 3, 5, 2, 6])).toEqual([3, null, 4, 5, 3, 4]);
    expect(outlineLevels([null, null])).toEqual([null, null]);
    expect(outlineLevels([1, 2, 3, 4, 5, 6])).toEqual([3, 4, 5, 6, 6, 6]);
    expect(atRenderedLevel("## 1. Introducción ##", 3)).toBe("# 1. Introducción");
    expect(atRenderedLevel("Título\nen dos líneas\n---", 4)).toBe("## Título en dos líneas");
  });
});
