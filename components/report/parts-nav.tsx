import { getTranslations } from "next-intl/server";
import type { ReportPart } from "@/lib/report/parts";

type Block = { anchor: string; text: string; headingLevel: number | null };

/** A part's name: its number and its first heading, if it has one. */
export function partLabel(t: (key: string, values: Record<string, string | number>) => string, blocks: readonly Block[], part: ReportPart) {
  const heading = blocks.slice(part.start, part.end).find((b) => b.headingLevel !== null);
  return heading ? t("pages.parts.item", { number: part.number, heading: heading.text }) : t("pages.parts.itemPlain", { number: part.number });
}

/**
 * The parts of a long report (lib/report/parts.ts), the current one marked. Each other part's
 * entry holds an empty element per paragraph of that part, with the paragraph's anchor as id:
 * a link to `…#anchor` (from a notification, the public log, a proposal) whose paragraph is in
 * another part lands on that entry, which then says the paragraph is there (CSS :target).
 * `href(n)` is the address of part n; `all` the whole text on one page (for printing).
 */
export async function PartsNav({
  blocks,
  parts,
  current,
  href,
  all,
}: {
  blocks: readonly Block[];
  parts: readonly ReportPart[];
  current: number | "all";
  href: (part: number) => string;
  all: string;
}) {
  if (parts.length < 2) return null;
  const t = await getTranslations("report");
  return (
    <nav aria-labelledby="report-parts-heading" className="rparts">
      <h2 id="report-parts-heading" className="mb-2 text-xl font-semibold text-slate-950">
        {t("pages.parts.heading")}
      </h2>
      <p className="mb-2 text-slate-800">{t("pages.parts.lead", { count: parts.length })}</p>
      <ol>
        {parts.map((part) => (
          <li key={part.number}>
            {part.number === current ? (
              <span aria-current="page" className="font-semibold">
                {partLabel(t, blocks, part)}
              </span>
            ) : (
              <>
                {current === "all"
                  ? null
                  : blocks.slice(part.start, part.end).map((b) => <span key={b.anchor} id={b.anchor} />)}
                <span className="rhere">
                  {t("pages.parts.here")}
                </span>
                <a href={href(part.number)}>{partLabel(t, blocks, part)}</a>
              </>
            )}
          </li>
        ))}
      </ol>
      <p className="report-actions mt-3">
        {current === "all" ? <a href={href(1)}>{t("pages.parts.byParts")}</a> : <a href={all}>{t("pages.parts.all")}</a>}
      </p>
    </nav>
  );
}

/** Under the text of a part: the next part (and the one before), so a reader goes on without scrolling up. */
export async function PartsFooter({ blocks, parts, current, href }: { blocks: readonly Block[]; parts: readonly ReportPart[]; current: number | "all"; href: (part: number) => string }) {
  if (parts.length < 2 || current === "all") return null;
  const t = await getTranslations("report");
  const next = parts[current];
  const previous = parts[current - 2];
  return (
    <nav aria-label={t("pages.parts.footerLabel")} className="report-actions mt-6 flex flex-wrap justify-between gap-3">
      {previous ? <a href={href(previous.number)} rel="prev">{t("pages.parts.previous", { label: partLabel(t, blocks, previous) })}</a> : <span />}
      {next ? <a href={href(next.number)} rel="next">{t("pages.parts.next", { label: partLabel(t, blocks, next) })}</a> : <span />}
    </nav>
  );
}
