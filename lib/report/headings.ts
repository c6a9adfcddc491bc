import { MARKDOWN_HEADING_OFFSET } from "@/lib/markdown";

// The report's own headings sit under the page's h1 and the "text of the report" h2. Authors
// start at # or ## and sometimes jump a level; readers of headings (screen readers, axe's
// heading-order) need h3, h4… in sequence, so each heading block is given its outline level.

/** The level the report's top heading gets on the pages (under h1 and a section h2). */
export const REPORT_HEADING_BASE = 3;

/**
 * The rendered level of each block (null for a block that is not a heading): the text's top
 * level becomes `base`, deeper ones follow their depth, and none is more than one below the
 * heading before it (so no level is skipped). At most h6.
 */
export function outlineLevels(levels: readonly (number | null)[], base = REPORT_HEADING_BASE): (number | null)[] {
  const headings = levels.filter((l): l is number => l !== null);
  if (headings.length === 0) return levels.map(() => null);
  const top = Math.min(...headings);
  let previous = base - 1;
  return levels.map((level) => {
    if (level === null) return null;
    const rendered = Math.min(6, base + (level - top), previous + 1);
    previous = rendered;
    return rendered;
  });
}

/** A heading block's Markdown rewritten as an ATX heading that renders at `level` (h`level`). */
export function atRenderedLevel(markdown: string, level: number): string {
  const source = Math.max(1, Math.min(6, level - MARKDOWN_HEADING_OFFSET));
  const lines = markdown.split("\n");
  const atx = /^ {0,3}#{1,6}(?=\s|$)/;
  let text: string;
  if (atx.test(lines[0])) {
    text = lines[0].replace(atx, "").replace(/\s+#+\s*$/, "").trim();
  } else {
    // Setext: the text lines, then a line of = or -.
    text = lines
      .filter((line) => !/^ {0,3}(=+|-+)\s*$/.test(line))
      .map((line) => line.trim())
      .join(" ");
  }
  return `${"#".repeat(source)} ${text}`;
}
