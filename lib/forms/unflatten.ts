// Forms post lists and per-language texts as flat names ("milestones.0.label",
// "texts.es.title"): FormData has no nesting. Schemas that take nested input run this first, so
// the same schema reads a form post and a plain object from code or tests.

/** Names that would reach what every object inherits: never a key of ours. */
const UNSAFE = new Set(["__proto__", "prototype", "constructor"]);
const INDEX = /^\d{1,3}$/;

type Tree = Map<string, unknown>;

function toPlain(tree: Tree): unknown {
  const keys = [...tree.keys()];
  const entries = keys.map((key) => [key, tree.get(key) instanceof Map ? toPlain(tree.get(key) as Tree) : tree.get(key)] as const);
  // Indexed rows become a list in index order; a skipped index (a row removed in the page) leaves no hole.
  if (keys.length > 0 && keys.every((key) => INDEX.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, value]) => value);
  }
  return Object.fromEntries(entries);
}

/**
 * A plain object whose dotted keys become nested objects, and all-number segments lists. Keys
 * without a dot, and anything that is not a plain object, pass as they are; a dotted key never
 * overwrites a plain value of the same name (the plain value wins).
 */
export function unflatten(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const entries = Object.entries(value);
  if (!entries.some(([key]) => key.includes("."))) return value;
  const root: Tree = new Map();
  for (const [key, v] of entries) {
    if (!key.includes(".")) root.set(key, v);
  }
  for (const [key, v] of entries) {
    if (!key.includes(".")) continue;
    const parts = key.split(".");
    if (parts.some((part) => part === "" || UNSAFE.has(part))) continue;
    let node = root;
    let ok = true;
    for (const part of parts.slice(0, -1)) {
      const next = node.get(part);
      if (next === undefined) node.set(part, new Map());
      else if (!(next instanceof Map)) {
        ok = false;
        break;
      }
      node = node.get(part) as Tree;
    }
    const last = parts[parts.length - 1];
    if (ok && !node.has(last)) node.set(last, v);
  }
  return toPlain(root);
}
