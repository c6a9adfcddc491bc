import { getTranslations } from "next-intl/server";
import { DispositionBadge } from "@/components/report/comments";
import type { CSSProperties } from "react";
import { Pagination } from "@/components/ui/pagination";
import { reportParts } from "@/lib/report/parts";
import type { WordPart } from "@/lib/report/diff";
import type { CompareComment, CompareData } from "@/lib/report/queries";

/** Words kept on each side of a change; a longer unchanged stretch is cut to these, "[…]" between. */
export const CONTEXT_WORDS = 12;

/**
 * The parts of a changed paragraph with long unchanged stretches cut to CONTEXT_WORDS words
 * around each change (the whole paragraph is one link away, in either version): a small edit in
 * a long paragraph no longer repeats the whole paragraph. A paragraph with no marked word (a
 * change of formatting only) is kept whole.
 */
export function elideUnchanged(words: readonly WordPart[], context = CONTEXT_WORDS): WordPart[] {
  if (words.every((w) => w.kind === "same")) return [...words];
  return words.map((w, i) => {
    if (w.kind !== "same") return w;
    const tokens = w.value.split(/(\s+)/);
    const count = tokens.filter((x) => x && !/^\s+$/.test(x)).length;
    const first = i === 0;
    const last = i === words.length - 1;
    const keep = (first || last ? 1 : 2) * context;
    if (count <= keep + 4) return w;
    // tokens alternate word, space, word…: 2 tokens per word.
    const head = first ? "" : tokens.slice(0, 2 * context).join("");
    const tail = last ? "" : tokens.slice(-2 * context).join("");
    return { kind: "same", value: `${first ? "" : `${head.trimEnd()} `}[…]${last ? "" : ` ${tail.trimStart()}`}` };
  });
}

/**
 * Words of a changed paragraph: removed ones struck through in <del>, added ones underlined in
 * <ins>, each announced in words for screen readers (colour is never the only sign) by the CSS
 * of .rdiff (app/globals.css), whose words DiffView sets once for the list.
 */
export function MarkedWords({ words, lang }: { words: readonly WordPart[]; lang?: string }) {
  return (
    <p className="rwords" lang={lang}>
      {words.map((w, i) => (w.kind === "same" ? w.value : w.kind === "removed" ? <del key={i}>{w.value}</del> : <ins key={i}>{w.value}</ins>))}
    </p>
  );
}

// The kinds take the colours of the dispositions (.rdisp): green added, red removed, amber changed.
const KIND_TONE = { added: "ACCEPTED", removed: "NOT_ACCEPTED", changed: "waiting", unchanged: "NOTED" } as const;

/** Paragraphs shown per page of the comparison (a run of unchanged ones, collapsed, does not count). */
export const COMPARE_PAGE = 40;

type DiffItem = { row: CompareData["rows"][number] | null; run: number; key: string; page: number };

/**
 * The items of the comparison in reading order, each with its page: a paragraph added, removed
 * or changed (every one when `showUnchanged`), and for each run of unchanged ones, unless shown,
 * one item saying how many (on the page of the paragraph after it).
 */
export function diffItems(rows: CompareData["rows"], showUnchanged: boolean, perPage = COMPARE_PAGE): DiffItem[] {
  const items: DiffItem[] = [];
  let run = 0;
  let shown = 0;
  for (const row of rows) {
    if (row.kind === "unchanged" && !showUnchanged) {
      run++;
      continue;
    }
    const page = Math.floor(shown / perPage) + 1;
    if (run) items.push({ row: null, run, key: `same-${row.anchor}`, page });
    run = 0;
    items.push({ row, run: 0, key: `${row.kind}-${row.anchor}`, page });
    shown++;
  }
  if (run) items.push({ row: null, run, key: "same-end", page: Math.max(1, Math.ceil(shown / perPage)) });
  return items;
}

/**
 * The comparison, a page at a time (COMPARE_PAGE paragraphs): one item per paragraph added,
 * removed or changed, and either every unchanged one too (`showUnchanged`) or, for each run of
 * them, one line saying how many. `query` is the page's address without `page`.
 */
export async function DiffView({
  data,
  showUnchanged,
  locale,
  page,
  query,
}: {
  data: CompareData;
  showUnchanged: boolean;
  locale: string;
  page: number;
  query: Record<string, string>;
}) {
  const t = await getTranslations("report");
  const lang = data.to.language;
  const all = diffItems(data.rows, showUnchanged);
  if (!all.some((item) => item.row)) return <p className="text-slate-800">{t("compare.noChanges")}</p>;
  const pageCount = all[all.length - 1].page;
  const current = Math.min(Math.max(page, 1), pageCount);
  const items = all.filter((item) => item.page === current);
  // A paragraph in its version, in the part it is in (lib/report/parts.ts).
  const partsOf = (blocks: { anchor: string; headingLevel: number | null; position: number }[]) =>
    reportParts([...blocks].sort((x, y) => x.position - y.position)).partOf;
  const toParts = partsOf(data.rows.flatMap((r) => (r.kind === "removed" ? [] : [r.to])));
  const fromParts = partsOf(data.rows.flatMap((r) => (r.kind === "added" ? [] : [r.from])));
  const at = (number: number, anchor: string) => {
    const part = (number === data.to.number ? toParts : fromParts).get(anchor) ?? 1;
    return `/${locale}/report/versions/${number}${part > 1 ? `?part=${part}` : ""}#${anchor}`;
  };
  const words = {
    "--rdel-start": JSON.stringify(t("compare.removedStart")),
    "--rdel-end": JSON.stringify(t("compare.removedEnd")),
    "--rins-start": JSON.stringify(t("compare.addedStart")),
    "--rins-end": JSON.stringify(t("compare.addedEnd")),
  } as CSSProperties;
  return (
    <>
      <ol className="rdiff space-y-4" style={words}>
        {items.map(({ row, run: same, key }) => {
          if (!row) return <li key={key} className="rsame">{t("pages.compare.unchangedRun", { count: same })}</li>;
          const reasons = row.kind === "changed" || row.kind === "removed" ? (data.reasons.get(row.anchor) ?? []) : [];
          const heading = (row.kind === "removed" ? row.from : row.to).headingLevel !== null;
          return (
            <li key={key} data-diff={row.kind} data-anchor={row.anchor}>
              <p className="rhead">
                <span className="rdisp" data-d={KIND_TONE[row.kind]}>{t(`compare.kind.${row.kind}`)}</span>
                {heading ? <span className="text-slate-700">{t("compare.heading")}</span> : null}
                {row.kind !== "removed" ? <a href={at(data.to.number, row.anchor)}>{t("compare.inVersion", { number: data.to.number })}</a> : null}
                {row.kind !== "added" ? <a href={at(data.from.number, row.anchor)}>{t("compare.inVersion", { number: data.from.number })}</a> : null}
              </p>
              <div className={heading ? "font-semibold" : undefined}>
                {row.kind === "changed" ? (
                  <MarkedWords words={elideUnchanged(row.words)} lang={lang} />
                ) : row.kind === "added" ? (
                  <MarkedWords words={[{ value: row.to.text, kind: "added" }]} lang={lang} />
                ) : row.kind === "removed" ? (
                  <MarkedWords words={[{ value: row.from.text, kind: "removed" }]} lang={data.from.language} />
                ) : (
                  <p className="text-slate-800" lang={lang}>
                    {row.to.text}
                  </p>
                )}
              </div>
              {row.kind === "changed" && row.words.every((w) => w.kind === "same") ? (
                <p className="mt-1 text-sm text-slate-700">{t("compare.formattingOnly")}</p>
              ) : null}
              {reasons.length > 0 ? <Reasons comments={reasons} /> : null}
            </li>
          );
        })}
      </ol>
      <Pagination page={current} pageCount={pageCount} pathname="/report/compare" query={query} />
    </>
  );
}

async function Reasons({ comments }: { comments: CompareComment[] }) {
  const t = await getTranslations("report");
  const tc = await getTranslations("reportComments");
  return (
    <div className="mt-3 border-l-4 border-green-700 pl-4">
      <h3 className="font-semibold text-slate-950">{t("compare.reasons", { count: comments.length })}</h3>
      <ul className="mt-2 space-y-3">
        {comments.map((c) => (
          <li key={c.id} className="space-y-1">
            <p className="flex flex-wrap items-center gap-2 text-slate-900">
              <span className="font-medium">{c.organizationName ?? tc(c.signedBySecretariat ? "signature.secretariat" : "signature.committee")}</span>
              <span className="text-sm text-slate-700">{t("compare.onVersion", { number: c.versionNumber })}</span>
              <DispositionBadge disposition={c.disposition} />
            </p>
            <p className="whitespace-pre-line text-slate-900" lang={c.language ?? undefined}>
              {c.body}
            </p>
            {c.proposedText ? (
              <div>
                <p className="text-sm font-medium text-slate-800">{t("compare.proposedText")}</p>
                <blockquote className="whitespace-pre-line border-l-4 border-slate-300 pl-3 text-slate-900" lang={c.language ?? undefined}>
                  {c.proposedText}
                </blockquote>
              </div>
            ) : null}
            {c.answer ? (
              <p className="text-slate-900">
                <span className="font-medium">{t("compare.answer")}</span> {c.answer}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
