import type { ReactNode } from "react";
import { Markdown } from "@/components/proposals/markdown";

type Paragraph = { id: string; anchor: string; markdown: string };

/**
 * The paragraphs of a version, each in an element whose id is its stable anchor (links to a
 * paragraph keep working from one version to the next), with whatever goes under it (comments).
 * Markdown is rendered safely by lib/proposals/markdown.ts (no raw HTML, safe links only).
 */
export function ReportText({ paragraphs, lang, after }: { paragraphs: readonly Paragraph[]; lang?: string; after?: (p: Paragraph) => ReactNode }) {
  return (
    <div className="space-y-1">
      {paragraphs.map((p) => (
        <div key={p.id} id={p.anchor} className="report-paragraph scroll-mt-4" data-anchor={p.anchor}>
          <Markdown source={p.markdown} lang={lang} />
          {after?.(p)}
        </div>
      ))}
    </div>
  );
}
