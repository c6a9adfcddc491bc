import { diffWordsWithSpace } from "diff";

// What changed between two versions, paragraph by paragraph. Paragraphs are paired by anchor
// (anchors survive edits: lib/report/paragraphs.ts), so a paragraph that moved or changed a
// little is "changed", not "removed + added". Within a changed paragraph, words are marked.

export type DiffParagraph = { id: string; anchor: string; position: number; markdown: string; text: string; headingLevel: number | null };

export type WordPart = { value: string; kind: "same" | "added" | "removed" };

export type DiffRow<P extends DiffParagraph = DiffParagraph> =
  | { kind: "unchanged"; anchor: string; from: P; to: P }
  | { kind: "changed"; anchor: string; from: P; to: P; words: WordPart[] }
  | { kind: "added"; anchor: string; to: P }
  | { kind: "removed"; anchor: string; from: P };

/** Past this many edits, a paragraph is shown as wholly replaced (the word diff would not help). */
const MAX_EDIT_LENGTH = 4000;

/** The words of `from` and `to` marked as kept, removed or added (whitespace kept as written). */
export function wordDiff(from: string, to: string): WordPart[] {
  const changes = diffWordsWithSpace(from, to, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    return [
      ...(from ? [{ value: from, kind: "removed" as const }] : []),
      ...(to ? [{ value: to, kind: "added" as const }] : []),
    ];
  }
  return changes.map((c) => ({ value: c.value, kind: c.added ? "added" : c.removed ? "removed" : "same" }));
}

/**
 * The rows of the comparison in reading order: the `to` version's paragraphs in order, each
 * preceded by the `from` paragraphs removed before it (in their order). A paragraph whose
 * Markdown differs is "changed" (its words marked on the plain text; a change of formatting
 * only marks no word).
 */
export function compareParagraphs<P extends DiffParagraph>(from: readonly P[], to: readonly P[]): DiffRow<P>[] {
  const fromSorted = [...from].sort((a, b) => a.position - b.position);
  const toSorted = [...to].sort((a, b) => a.position - b.position);
  const fromIndex = new Map(fromSorted.map((p, i) => [p.anchor, i]));
  const toAnchors = new Set(toSorted.map((p) => p.anchor));
  const rows: DiffRow<P>[] = [];
  let nextRemoved = 0;
  const flushRemovedBefore = (limit: number) => {
    for (; nextRemoved < limit; nextRemoved++) {
      const p = fromSorted[nextRemoved];
      if (!toAnchors.has(p.anchor)) rows.push({ kind: "removed", anchor: p.anchor, from: p });
    }
  };
  for (const p of toSorted) {
    const i = fromIndex.get(p.anchor);
    if (i === undefined) {
      rows.push({ kind: "added", anchor: p.anchor, to: p });
      continue;
    }
    flushRemovedBefore(i);
    const old = fromSorted[i];
    if (old.markdown === p.markdown && old.headingLevel === p.headingLevel) rows.push({ kind: "unchanged", anchor: p.anchor, from: old, to: p });
    else rows.push({ kind: "changed", anchor: p.anchor, from: old, to: p, words: wordDiff(old.text, p.text) });
  }
  flushRemovedBefore(fromSorted.length);
  return rows;
}

export type DiffSummary = { added: number; removed: number; changed: number; unchanged: number };

export function summarize(rows: readonly DiffRow<DiffParagraph>[]): DiffSummary {
  const summary: DiffSummary = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const row of rows) summary[row.kind]++;
  return summary;
}
