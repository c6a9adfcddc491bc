import { stringify } from "csv-stringify/sync";
import { ZipFile } from "yazl";
import type { AppLocale } from "@/i18n/routing";
import { catalogueTranslator } from "@/lib/i18n/translator";
import en from "@/messages/en/accountData.json";
import es from "@/messages/es/accountData.json";
import fr from "@/messages/fr/accountData.json";
import pt from "@/messages/pt/accountData.json";
import type { ArchiveRow, Dataset } from "./archive-data";

// The archive is written outside any request (a job), so the catalogues are read directly.
const translator = catalogueTranslator({ es, en, pt, fr });

/** A list inside one CSV cell: "a; b" reads in any spreadsheet; the JSON keeps the list. */
const cell = (value: ArchiveRow[string]) => (Array.isArray(value) ? value.join("; ") : value);

/** CSV (RFC 4180: CRLF, a header row of the columns the rows have), with a BOM so spreadsheet programs read UTF-8 as such. */
function toCsv(rows: ArchiveRow[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const body = stringify(rows.map((row) => columns.map((c) => cell(row[c] ?? null))), { record_delimiter: "windows", cast: { boolean: (b) => (b ? "true" : "false") } });
  return `\uFEFF${columns.length ? stringify([columns], { record_delimiter: "windows" }) : ""}${body}`;
}

/** The README in the person's language: what each file holds, and what it does not. */
export function archiveReadme(locale: AppLocale, datasets: readonly Dataset[], generatedAt: Date): string {
  const t = translator(locale);
  const lines = [
    t("archive.readme.title"),
    "",
    t("archive.readme.intro", { date: generatedAt.toISOString().slice(0, 10) }),
    "",
    t("archive.readme.formats"),
    "",
    ...datasets.map((d) => `- ${d.name}.json / ${d.name}.csv (${d.rows.length}): ${t(`archive.files.${d.name}`)}`),
    "",
    t("archive.readme.notIncluded"),
    "",
  ];
  return lines.join("\r\n");
}

/**
 * A plain zip (deflate, no encryption, UTF-8 names) that the tools built into every operating
 * system open: README.txt, then <name>.json and <name>.csv for each dataset.
 */
export function buildArchiveZip(locale: AppLocale, datasets: readonly Dataset[], generatedAt: Date): Promise<Buffer> {
  const zip = new ZipFile();
  const options = { mtime: generatedAt, mode: 0o100644 };
  zip.addBuffer(Buffer.from(archiveReadme(locale, datasets, generatedAt), "utf8"), "README.txt", options);
  for (const d of datasets) {
    zip.addBuffer(Buffer.from(`${JSON.stringify(d.rows, null, 2)}\n`, "utf8"), `${d.name}.json`, options);
    zip.addBuffer(Buffer.from(toCsv(d.rows), "utf8"), `${d.name}.csv`, options);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}
