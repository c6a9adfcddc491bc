// The shape of a public dataset. Each is defined once (lib/open-data/datasets/) and every outlet
// reads it: the CSV and JSON files, the data package, the API and its OpenAPI document.

/** Frictionless Table Schema types; arrays and objects are written as JSON in a CSV cell. */
export type FieldType = "string" | "integer" | "number" | "boolean" | "datetime" | "date" | "array" | "object";

export type FieldDef = {
  name: string;
  type: FieldType;
  /** The type of an array's items. */
  items?: "string" | "integer";
  /** May be null (an empty CSV cell). */
  nullable?: boolean;
};

export type Value = string | number | boolean | null | readonly string[] | readonly number[] | { readonly [key: string]: string };

/** One row: every field of the dataset, always with an `id` that orders the rows (the keyset). */
export type Row = { id: string } & { [field: string]: Value };

export type Dataset = {
  /** The stable name in every URL: /open-data/<name>.csv, /api/v1/<name>. */
  name: string;
  fields: readonly FieldDef[];
  /** What a row's id looks like; a cursor naming anything else is refused before any query. */
  idPattern: RegExp;
  /** Up to `limit` rows whose id comes after `after` (null: from the start), in id order. */
  page(after: string | null, limit: number): Promise<Row[]>;
  count(): Promise<number>;
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A Prisma keyset condition on a uuid id. */
export const afterId = (after: string | null) => (after ? { id: { gt: after } } : {});

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
export const isoDay = (date: Date | null | undefined): string | null => (date ? date.toISOString().slice(0, 10) : null);

/** A field list written compactly: "name:type", "name:type?" (nullable), "name:array<string>". */
export function fields(...specs: string[]): FieldDef[] {
  return specs.map((spec) => {
    const match = /^([a-zA-Z]+):(string|integer|number|boolean|datetime|date|object|array<(string|integer)>)(\?)?$/.exec(spec);
    if (!match) throw new Error(`Bad field spec: ${spec}`);
    const [, name, type, items, nullable] = match;
    return { name, type: items ? "array" : (type as FieldType), ...(items ? { items: items as "string" | "integer" } : {}), ...(nullable ? { nullable: true } : {}) };
  });
}

/** Only the dataset's fields, in its order: nothing a row source read beyond them goes out. */
export function project(dataset: Pick<Dataset, "fields">, row: Row): Row {
  const out: Row = { id: row.id };
  for (const field of dataset.fields) out[field.name] = row[field.name] ?? null;
  return out;
}
