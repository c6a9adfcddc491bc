import { randomInt } from "node:crypto";
import { markdownParser } from "@/lib/markdown";

// A report version is stored as Markdown and as its top-level blocks ("paragraphs": a paragraph,
// a heading, a list, a quote, a code block, a table, a rule…), each with a stable anchor.
//
// THE MATCHING RULE (how a paragraph keeps its anchor from one version to the next)
// (1) Equal text: a block whose normalized plain text (whitespace collapsed, Unicode NFC) equals a
//     previous block's keeps that block's anchor: the first unused equal one, in document order.
// (2) Similar text: the blocks still unmatched are paired with the previous blocks still unmatched
//     by word similarity, the Dice coefficient on word bigrams (on single words when a block has
//     fewer than two), case- and punctuation-insensitive. Pairs scoring ≥ 0.5 are taken best
//     first (ties: the pair closest in position, then the earlier one), one to one.
// (3) Anything else gets a new anchor, "p-" + 8 random base36 characters, unique within the
//     version and distinct from every previous anchor.
// Headings only match headings, and other blocks only other blocks (at both steps). A previous
// block whose kind is not known (no `headingLevel` given) may match either kind.

export type Block = { markdown: string; text: string; headingLevel: number | null };
export type AnchoredBlock = Block & { anchor: string; position: number };

/** The similarity at or above which a changed block keeps its anchor (step 2). */
export const SIMILARITY_THRESHOLD = 0.5;

const parser = markdownParser();

type Token = ReturnType<typeof parser.parse>[number];

/** Whitespace collapsed and Unicode-normalized: what step (1) compares. */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** The plain text of the tokens of one top-level block. */
function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") parts.push(child.content);
        else if (child.type === "softbreak" || child.type === "hardbreak") parts.push(" ");
      }
      parts.push(" ");
    } else if (token.type === "fence" || token.type === "code_block") {
      parts.push(token.content, " ");
    } else if (token.type === "hr") {
      parts.push("—");
    } else if (token.type.endsWith("_close") || token.type.endsWith("_open")) {
      parts.push(" ");
    }
  }
  return normalizeText(parts.join(""));
}

/**
 * The top-level blocks of a Markdown text, in order, from markdown-it's token stream: each
 * block's Markdown source (its lines, trimmed of blank lines at the ends), its plain text and,
 * for a heading, its level. Blank input gives no blocks. Reference-style link definitions are
 * not blocks (a block that uses one should write its link inline).
 */
export function splitMarkdown(markdown: string): Block[] {
  const source = markdown.replace(/\r\n?/g, "\n");
  const lines = source.split("\n");
  const tokens = parser.parse(source, {});
  const blocks: Block[] = [];
  let i = 0;
  while (i < tokens.length) {
    const open = tokens[i];
    // Find where this top-level block ends: its matching close token (or itself).
    let end = i;
    if (open.nesting === 1) {
      let depth = 0;
      for (let j = i; j < tokens.length; j++) {
        if (tokens[j].level === open.level && tokens[j].nesting !== 0) depth += tokens[j].nesting;
        if (depth === 0) {
          end = j;
          break;
        }
      }
    }
    const group = tokens.slice(i, end + 1);
    i = end + 1;
    if (!open.map) continue;
    const [from, to] = open.map;
    const blockSource = lines.slice(from, to).join("\n").replace(/^\s*\n/, "").replace(/\s+$/, "");
    if (!blockSource.trim()) continue;
    const headingLevel = open.type === "heading_open" ? Number(open.tag.slice(1)) : null;
    blocks.push({ markdown: blockSource, text: plainText(group), headingLevel });
  }
  return blocks;
}

// ─── Similarity ───────────────────────────────────────────────────────────────────────────

function words(text: string): string[] {
  return text.toLowerCase().normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Word bigrams (single words when there are fewer than two) as a multiset. */
function shingles(text: string): Map<string, number> {
  const list = words(text);
  const grams = list.length < 2 ? list : list.slice(1).map((w, k) => `${list[k]} ${w}`);
  const counts = new Map<string, number>();
  for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  return counts;
}

function size(counts: Map<string, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

function diceOf(a: Map<string, number>, sizeA: number, b: Map<string, number>, sizeB: number): number {
  if (sizeA === 0 && sizeB === 0) return 1;
  if (sizeA === 0 || sizeB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, count] of small) {
    const other = large.get(gram);
    if (other) shared += Math.min(count, other);
  }
  return (2 * shared) / (sizeA + sizeB);
}

/** The Dice coefficient of two texts on word bigrams (0 … 1). */
export function similarity(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  return diceOf(sa, size(sa), sb, size(sb));
}

// ─── Matching ─────────────────────────────────────────────────────────────────────────────

type Matchable = { text: string; headingLevel?: number | null };

const kindOf = (block: Matchable): "heading" | "block" | "any" =>
  block.headingLevel === undefined ? "any" : block.headingLevel === null ? "block" : "heading";
const sameKind = (a: Matchable, b: Matchable) => {
  const ka = kindOf(a);
  const kb = kindOf(b);
  return ka === "any" || kb === "any" || ka === kb;
};

/**
 * For each block of `next`, the index of the block of `previous` it continues (the rule above),
 * or null for a new block.
 */
export function matchParagraphs(previous: readonly Matchable[], next: readonly Matchable[]): (number | null)[] {
  const result: (number | null)[] = next.map(() => null);
  const used = new Set<number>();

  // (1) Equal normalized text, first unused equal one in order.
  const byText = new Map<string, number[]>();
  previous.forEach((block, index) => {
    const key = normalizeText(block.text);
    const list = byText.get(key);
    if (list) list.push(index);
    else byText.set(key, [index]);
  });
  next.forEach((block, index) => {
    const candidates = byText.get(normalizeText(block.text));
    if (!candidates) return;
    const found = candidates.find((p) => !used.has(p) && sameKind(previous[p], block));
    if (found === undefined) return;
    used.add(found);
    result[index] = found;
  });

  // (2) Word-bigram Dice ≥ threshold, best pairs first, one to one.
  const prevLeft = previous.map((_, p) => p).filter((p) => !used.has(p));
  const nextLeft = next.map((_, n) => n).filter((n) => result[n] === null);
  if (prevLeft.length === 0 || nextLeft.length === 0) return result;
  const prevGrams = new Map(prevLeft.map((p) => {
    const g = shingles(previous[p].text);
    return [p, { g, n: size(g) }] as const;
  }));
  const pairs: { p: number; n: number; score: number }[] = [];
  for (const n of nextLeft) {
    const g = shingles(next[n].text);
    const sn = size(g);
    for (const p of prevLeft) {
      if (!sameKind(previous[p], next[n])) continue;
      const pg = prevGrams.get(p)!;
      // Quick bound: Dice can never exceed 2·min/(a+b).
      if ((2 * Math.min(pg.n, sn)) / (pg.n + sn || 1) < SIMILARITY_THRESHOLD) continue;
      const score = diceOf(pg.g, pg.n, g, sn);
      if (score >= SIMILARITY_THRESHOLD) pairs.push({ p, n, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || Math.abs(a.p - a.n) - Math.abs(b.p - b.n) || a.n - b.n || a.p - b.p);
  for (const pair of pairs) {
    if (used.has(pair.p) || result[pair.n] !== null) continue;
    used.add(pair.p);
    result[pair.n] = pair.p;
  }
  return result;
}

const ANCHOR_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A fresh anchor: "p-" + 8 random base36 characters. */
export function newAnchor(): string {
  let out = "p-";
  for (let k = 0; k < 8; k++) out += ANCHOR_ALPHABET[randomInt(36)];
  return out;
}

export { ANCHOR_PATTERN } from "./anchors";

/**
 * The blocks of a new version with their anchors and positions (0, 1, 2…): anchors of the
 * previous version's blocks they continue (the rule above), new ones for the rest.
 * `previous` is null for a first version.
 */
export function assignAnchors(
  previous: { anchor: string; text: string; headingLevel?: number | null }[] | null,
  blocks: Block[],
): AnchoredBlock[] {
  const prev = previous ?? [];
  const matches = matchParagraphs(prev, blocks);
  const taken = new Set(prev.map((p) => p.anchor));
  return blocks.map((block, position) => {
    const match = matches[position];
    if (match !== null) return { ...block, anchor: prev[match].anchor, position };
    let anchor = newAnchor();
    while (taken.has(anchor)) anchor = newAnchor();
    taken.add(anchor);
    return { ...block, anchor, position };
  });
}
