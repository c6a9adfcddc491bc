// What changed between two revisions of a commitment. Each revision keeps the whole commitment
// as it stood (a JSON snapshot written by the commands), so the change is found by comparing a
// snapshot with the one before it, field by field. Nothing here knows the snapshot's exact
// shape: a field the commands add later shows up as changed without touching this file.

export type Scalar = string | number | boolean | null;

/** One changed field: its name, and the values before and after when they are plain values. */
export type FieldChange = { field: string; before?: Scalar; after?: Scalar };

// Kept with every revision but never news to a reader (it changes every time by definition).
// `change` names the revision itself; `previousStatus` and `updateId` only say where it came from.
const BOOKKEEPING = new Set(["revision", "updatedAt", "lastUpdatedAt", "createdAt", "id", "change", "previousStatus", "updateId"]);

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);
const isScalar = (value: unknown): value is Scalar => value === null || ["string", "number", "boolean"].includes(typeof value);

/** JSON with its object keys sorted, so {a,b} and {b,a} compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields that differ, in the order the newer snapshot lists them (then the removed ones). */
export function diffSnapshots(previous: unknown, next: unknown): FieldChange[] {
  const before = isRecord(previous) ? previous : {};
  const after = isRecord(next) ? next : {};
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((field) => !BOOKKEEPING.has(field));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (canonical(before[field]) === canonical(after[field])) continue;
    const change: FieldChange = { field };
    if (isScalar(before[field] ?? null) && isScalar(after[field] ?? null)) {
      change.before = (before[field] ?? null) as Scalar;
      change.after = (after[field] ?? null) as Scalar;
    }
    changes.push(change);
  }
  return changes;
}

export type RevisionRow = { revision: number; snapshot: unknown; createdAt: Date; authorName: string | null };
export type RevisionView = {
  revision: number;
  createdAt: Date;
  authorName: string | null;
  /** What kind of change the snapshot says it was ("created", "edited", "update_posted"…), if it says. */
  change: string | null;
  changes: FieldChange[];
  isFirst: boolean;
};

const changeOf = (snapshot: unknown) => (isRecord(snapshot) && typeof snapshot.change === "string" ? snapshot.change : null);

/** The history newest first: each revision with what it changed from the one before it. */
export function revisionHistory(rows: readonly RevisionRow[]): RevisionView[] {
  const ascending = [...rows].sort((a, b) => a.revision - b.revision);
  return ascending
    .map((row, index) => ({
      revision: row.revision,
      createdAt: row.createdAt,
      authorName: row.authorName,
      change: changeOf(row.snapshot),
      isFirst: index === 0,
      changes: index === 0 ? [] : diffSnapshots(ascending[index - 1].snapshot, row.snapshot),
    }))
    .reverse();
}
