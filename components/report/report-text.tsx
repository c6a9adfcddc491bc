import type { ReactNode } from "react";
import { renderMarkdown } from "@/lib/markdown";
import { atRenderedLevel, outlineLevels } from "@/lib/report/headings";

type Paragraph = { id: string; anchor: string; markdown: string; headingLevel: number | null };

/**
 * The paragraphs of a version (or those from `start` to `end`: one part of it), each in an
 * element whose id is its stable anchor (links to a paragraph keep working from one version to
 * the next), with whatever goes under it (comments). Markdown is rendered safely by
 * lib/markdown.ts (no raw HTML, safe links only); headings get their outline level over the
 * whole text (lib/report/headings.ts), so no part skips one. The typography is one class
 * (.rtext in app/globals.css) on the whole text, not a long class list on every paragraph.
 */
export function ReportText({
  paragraphs,
  lang,
  after,
  start = 0,
  end = paragraphs.length,
}: {
  paragraphs: readonly Paragraph[];
  lang?: string;
  after?: (p: Paragraph) => ReactNode;
  start?: number;
  end?: number;
}) {
  const levels = outlineLevels(paragraphs.map((p) => p.headingLevel));
  return (
    <div className="rtext" lang={lang}>
      {paragraphs.slice(start, end).map((p, i) => {
        const level = levels[start + i];
        const html = renderMarkdown(level === null ? p.markdown : atRenderedLevel(p.markdown, level));
        const below = after?.(p);
        return below ? (
          <div key={p.id} id={p.anchor} className="report-paragraph">
            <div dangerouslySetInnerHTML={{ __html: html }} />
            {below}
          </div>
        ) : (
          <div key={p.id} id={p.anchor} className="report-paragraph" dangerouslySetInnerHTML={{ __html: html }} />
        );
      })}
    </div>
  );
}
