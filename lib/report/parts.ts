// A long report is read in parts: each page carries its text twice (the HTML and the payload Next
// inlines for hydration), so a 300-paragraph version on one page weighs over a megabyte. A part
// starts at a heading once the part before holds PART_MIN blocks, and never holds more than
// PART_MAX; a report of up to PART_MAX blocks is one part, as before.

export const PART_MIN = 30;
export const PART_MAX = 60;

type Block = { anchor: string; headingLevel: number | null };

/** The index of the first block of each part (always starts with 0; [0] for a short report). */
export function partStarts(blocks: readonly Block[], min = PART_MIN, max = PART_MAX): number[] {
  if (blocks.length <= max) return [0];
  const starts = [0];
  for (let i = 1; i < blocks.length; i++) {
    const size = i - starts[starts.length - 1];
    if (size >= max || (size >= min && blocks[i].headingLevel !== null)) starts.push(i);
  }
  return starts;
}

export type ReportPart = { number: number; start: number; end: number };

/** The parts (1-based numbers, [start, end) block indexes) and the part of each anchor. */
export function reportParts(blocks: readonly Block[], min = PART_MIN, max = PART_MAX) {
  const starts = partStarts(blocks, min, max);
  const parts: ReportPart[] = starts.map((start, i) => ({ number: i + 1, start, end: starts[i + 1] ?? blocks.length }));
  const partOf = new Map<string, number>();
  for (const part of parts) for (let i = part.start; i < part.end; i++) partOf.set(blocks[i].anchor, part.number);
  return { parts, partOf };
}

/** ?part=N as a part number within 1…count (1 when absent or not a number), or "all". */
export function parsePart(value: string | string[] | undefined, count: number): number | "all" {
  if (value === "all") return "all";
  const n = typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), Math.max(count, 1));
}
