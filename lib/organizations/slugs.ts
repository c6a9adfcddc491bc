/** Path segments under /organizations that are pages, so no organization may take them as its slug. */
export const RESERVED_SLUGS = new Set(["new"]);
const SLUG_BASE_MAX = 100; // the column holds 120: room for "-NNN"

/** An ASCII slug from a name: accents stripped, lower case, words joined by "-". */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[œ]/g, "oe")
    .replace(/[ø]/g, "o")
    .replace(/[đð]/g, "d")
    .replace(/[ł]/g, "l")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, SLUG_BASE_MAX)
    .replace(/-+$/, "");
  return base || "organizacion";
}
