import { createHash, randomInt } from "node:crypto";

// The receipt code is the reporter's only key to their case: no account, no email needed.
// Crockford's base32 (no I, L, O, U: nothing to confuse when read aloud or copied by hand),
// six groups of four: 24 × 5 = 120 bits from the system's CSPRNG, so guessing one is hopeless
// and a plain SHA-256 (no slow hash) is enough to store it.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 6;
const GROUP_LENGTH = 4;
export const RECEIPT_BITS = GROUPS * GROUP_LENGTH * 5;
/** Longer input is cut before any work: a megabyte typed in the box costs nothing. */
const MAX_INPUT = 100;

/** A new code, e.g. "7KQ2-M9XD-4HBT-0RZC-E5WN-P8GA". */
export function newReceiptCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/**
 * What the person typed, as the code it means: any case, spaces and dashes ignored, and the
 * letters Crockford reads as digits (I and L as 1, O as 0). Anything else is kept, so a
 * malformed code is simply a code that matches no report.
 */
export function normalizeReceiptCode(raw: string): string {
  return raw
    .slice(0, MAX_INPUT)
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

/** What the database keeps: the SHA-256 of the normalized code, in hex. */
export function receiptHash(raw: string): string {
  return createHash("sha256").update(normalizeReceiptCode(raw)).digest("hex");
}
