import { getTranslations } from "next-intl/server";

type Heading = { anchor: string; text: string; headingLevel: number | null };

/**
 * The report's headings as a list of links to their paragraphs: `#anchor`, or through `href`
 * (a heading in another part of a long report); nothing without headings.
 */
export async function TableOfContents({ paragraphs, lang, href }: { paragraphs: readonly Heading[]; lang?: string; href?: (anchor: string) => string }) {
  const headings = paragraphs.filter((p) => p.headingLevel !== null);
  if (headings.length === 0) return null;
  const t = await getTranslations("report");
  const top = Math.min(...headings.map((h) => h.headingLevel!));
  return (
    <nav aria-labelledby="report-toc-heading" className="report-toc rounded-lg border border-slate-300 bg-white p-5">
      <h2 id="report-toc-heading" className="mb-3 text-xl font-semibold text-slate-950">
        {t("toc.heading")}
      </h2>
      <ol className="space-y-1" lang={lang}>
        {headings.map((h) => (
          <li key={h.anchor} className={INDENT[Math.min(3, h.headingLevel! - top)]}>
            <a href={href ? href(h.anchor) : `#${h.anchor}`}>{h.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

const INDENT = [undefined, "pl-4", "pl-8", "pl-12"];
