import { getTranslations } from "next-intl/server";
import { cx } from "@/components/ui/cx";

type Heading = { anchor: string; text: string; headingLevel: number | null };

/** The report's headings as a list of links to their paragraphs (#anchor); nothing without headings. */
export async function TableOfContents({ paragraphs, lang }: { paragraphs: readonly Heading[]; lang?: string }) {
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
          <li key={h.anchor} className={cx(INDENT[Math.min(3, h.headingLevel! - top)])}>
            <a href={`#${h.anchor}`} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

const INDENT = ["", "pl-4", "pl-8", "pl-12"];
