import { stringify } from "csv-stringify/sync";
import { EXPORT_BATCH, LICENSE } from "./registry";
import { project, type Dataset, type Row, type Value } from "./types";

// Whole files, written batch by batch into a ReadableStream: each pull reads one keyset page
// (EXPORT_BATCH rows) and writes it, so a large table never sits whole in memory and a slow
// reader slows the reads down instead of piling rows up.

/** A CSV cell: arrays and objects as JSON, null as an empty cell. */
function cell(value: Value): string | number {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

function batches(dataset: Dataset, batchSize: number) {
  let after: string | null = null;
  let done = false;
  return async (): Promise<Row[] | null> => {
    if (done) return null;
    const rows = await dataset.page(after, batchSize);
    if (rows.length < batchSize) done = true;
    if (rows.length > 0) after = rows[rows.length - 1].id;
    return rows;
  };
}

function streamOf(chunks: () => Promise<string | null>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await chunks();
      if (chunk === null) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}

/**
 * The dataset as CSV (RFC 4180, UTF-8, a header row). A cell that a spreadsheet would run as a
 * formula (=, +, -, @ first) is prefixed with a quote; the JSON file has the exact text.
 */
export function csvStream(dataset: Dataset, batchSize = EXPORT_BATCH): ReadableStream<Uint8Array> {
  const next = batches(dataset, batchSize);
  const columns = dataset.fields.map((f) => f.name);
  let header = true;
  return streamOf(async () => {
    const rows = await next();
    if (rows === null) return null;
    const text = stringify(
      rows.map((row) => columns.map((c) => cell(row[c] ?? null))),
      { header, columns, escape_formulas: true, record_delimiter: "\r\n" },
    );
    header = false;
    return text;
  });
}

/** The dataset as one JSON document: what it is, when it was made, its licence, then its rows. */
export function jsonStream(dataset: Dataset, generatedAt: Date, batchSize = EXPORT_BATCH): ReadableStream<Uint8Array> {
  const next = batches(dataset, batchSize);
  let state: "head" | "rows" | "end" = "head";
  let first = true;
  return streamOf(async () => {
    if (state === "head") {
      state = "rows";
      return `{"name":${JSON.stringify(dataset.name)},"generatedAt":"${generatedAt.toISOString()}","license":${JSON.stringify(LICENSE)},"rows":[`;
    }
    if (state === "end") return null;
    const rows = await next();
    if (rows === null) {
      state = "end";
      return "]}\n";
    }
    if (rows.length === 0) return "";
    const text = (first ? "" : ",") + rows.map((row) => JSON.stringify(project(dataset, row))).join(",");
    first = false;
    return text;
  });
}
