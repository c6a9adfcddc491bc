import type { ReactNode } from "react";
import { Markdown } from "@/components/ui/markdown";
import { atRenderedLevel, outlineLevels } from "@/lib/report/headings";

type Paragraph = { id: string; anchor: string; markdown: string; headingLevel: number | null };

/**
 * The paragraphs of a version, each in an element whose id is its stable anchor (links to a
 * paragraph keep working from one version to the next), with whatever goes under it (comments).
 * Markdown is rendered safely by lib/markdown.ts (no raw HTML, safe links only);
 * headings get their outline level (lib/report/headings.ts) so the page skips none.
 */
export function ReportText({ paragraphs, lang, after }: { paragraphs: readonly Paragraph[]; lang?: string; after?: (p: Paragraph) => ReactNode }) {
  const levels = outlineLevels(paragraphs.map((p) => p.headingLevel));
  return (
    <div className="space-y-1">
      {paragraphs.map((p, i) => {
        const level = levels[i];
        return (
          <div key={p.id} id={p.anchor} className="report-paragraph scroll-mt-4" data-anchor={p.anchor}>
            <Markdown source={level === null ? p.markdown : atRenderedLevel(p.markdown, level)} lang={lang} />
            {after?.(p)}
          </div>
        );
      })}
    </div>
  );
}
