// The pure parts of `npm run bench` (scripts/bench.ts): its options, which scripts a page loads
// first, the verdicts against the goals of issue 16, the printed table and the JSON file.

export type BenchOptions = { duration: number; connections: number; servers: number; quick: boolean; port: number | null; only: string | null; keep: boolean };

const USAGE = "usage: npm run bench -- [--duration SECONDS] [--connections N] [--servers 1|2] [--quick] [--port FIRST_PORT] [--only TEXT] [--keep]";

/** The flags after `npm run bench --`; throws with the usage line on anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { duration: 5, connections: 10, servers: 1, quick: false, port: null, only: null, keep: false };
  const number = (flag: string, value: string | undefined, min: number, max: number) => {
    const parsed = Number(value);
    if (!value || !Number.isInteger(parsed) || parsed < min || parsed > max) throw new Error(`${flag} takes a whole number from ${min} to ${max}. ${USAGE}`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--duration") options.duration = number(flag, value(), 1, 600);
    else if (flag === "--connections") options.connections = number(flag, value(), 1, 1000);
    else if (flag === "--servers") options.servers = number(flag, value(), 1, 2);
    else if (flag === "--port") options.port = number(flag, value(), 1024, 65_000);
    else if (flag === "--quick") options.quick = true;
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--only") {
      const text = value();
      if (!text) throw new Error(`--only takes part of a page's name or path. ${USAGE}`);
      options.only = text;
    } else throw new Error(`Unknown option ${argv[i]}. ${USAGE}`);
  }
  return options;
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", "#39": "'", "#x27": "'", "#38": "&" };

/**
 * The scripts a browser downloads when it first loads the page: every `<script src>` in the
 * HTML, once each, in order. `nomodule` scripts (the legacy polyfills) are left out: a modern
 * browser skips them. Relative paths are resolved against `base`.
 */
export function scriptSources(html: string, base: string): string[] {
  const seen = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attributes = match[1];
    if (/(?:^|\s)nomodule(?:[\s=]|$)/i.test(attributes)) continue;
    const src = /(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
    const raw = src?.[1] ?? src?.[2] ?? src?.[3];
    if (!raw) continue;
    const decoded = raw.replace(/&(amp|quot|apos|lt|gt|#39|#x27|#38);/g, (_, name: string) => ENTITIES[name]);
    seen.add(new URL(decoded, base).href);
  }
  return [...seen];
}

/** Issue 16's goals, checked per page. */
export const GOALS = { jsGzipBytes: 100 * 1024, listHtmlBytes: 60 * 1024, ratioToStatic: 0.5, p99Ms: 100 } as const;

export type PageFigures = {
  name: string;
  path: string;
  /** Why the page was not measured (a route that does not exist yet), else absent. */
  skipped?: string;
  status?: number;
  requestsPerSecond?: number;
  p50Ms?: number;
  p99Ms?: number;
  /** Connection errors and timeouts. */
  errors?: number;
  non2xx?: number;
  sqlPerRequest?: number | null;
  /** Median time of one request with nothing else running (the SQL sample), in the JSON and the progress lines. */
  sequentialMs?: number;
  htmlBytes?: number;
  htmlGzipBytes?: number;
  jsGzipBytes?: number;
  scripts?: number;
  ratioToStatic?: number;
  /** A list page: its HTML is held to GOALS.listHtmlBytes. */
  list?: boolean;
};

export type Verdicts = { js: boolean | null; html: boolean | null; speed: boolean | null };

/** Each goal met (true), missed (false) or not applicable (null). */
export function verdicts(page: PageFigures): Verdicts {
  if (page.skipped) return { js: null, html: null, speed: null };
  return {
    js: page.jsGzipBytes === undefined ? null : page.jsGzipBytes <= GOALS.jsGzipBytes,
    html: page.list && page.htmlBytes !== undefined ? page.htmlBytes <= GOALS.listHtmlBytes : null,
    // No response within the run (no p99) misses the goal.
    speed: page.ratioToStatic === undefined ? null : page.ratioToStatic >= GOALS.ratioToStatic && page.p99Ms !== undefined && page.p99Ms <= GOALS.p99Ms,
  };
}

const kb = (bytes: number | undefined) => (bytes === undefined ? "" : (bytes / 1024).toFixed(1));
const fixed = (value: number | undefined | null, digits: number) => (value === undefined || value === null ? "" : value.toFixed(digits));
const mark = (ok: boolean | null) => (ok === null ? "" : ok ? "ok" : "OVER");

export const COLUMNS = ["page", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "SQL/req", "HTML KB", "HTML gz KB", "JS gz KB", "JS ≤100KB", "× static", "goal"] as const;

/** One row of the printed table, as text cells. */
export function tableRow(page: PageFigures): string[] {
  if (page.skipped) return [page.name, `skipped: ${page.skipped}`, ...Array<string>(COLUMNS.length - 2).fill("")];
  const verdict = verdicts(page);
  return [
    page.name,
    fixed(page.requestsPerSecond, 1),
    fixed(page.p50Ms, 0),
    fixed(page.p99Ms, 0),
    String(page.errors ?? ""),
    String(page.non2xx ?? ""),
    page.sqlPerRequest === null ? "n/a" : fixed(page.sqlPerRequest, 1),
    kb(page.htmlBytes) + (verdict.html === false ? " (>60)" : ""),
    kb(page.htmlGzipBytes),
    kb(page.jsGzipBytes),
    mark(verdict.js),
    fixed(page.ratioToStatic, 3),
    verdict.speed === null ? "" : verdict.speed ? "met" : "missed",
  ];
}

/** A plain-text table (a Markdown table too): numbers right-aligned, names left-aligned. */
export function formatTable(pages: readonly PageFigures[]): string {
  const rows = pages.map(tableRow);
  const widths = COLUMNS.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[1].startsWith("skipped") && column > 0 ? 0 : row[column].length))));
  const line = (cells: readonly string[]) => {
    if (cells[1]?.startsWith("skipped")) return `| ${cells[0].padEnd(widths[0])} | ${cells[1]} |`;
    return `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  };
  const rule = `|${widths.map((width, i) => (i === 0 ? "-".repeat(width + 2) : `${"-".repeat(width + 1)}:`)).join("|")}|`;
  return [line(COLUMNS), rule, ...rows.map(line)].join("\n");
}

export type BenchRun = {
  startedAt: string;
  /** loadAverage: the 1-minute load before and after (other work on a shared machine skews the figures). */
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; loadAverage: [number, number] };
  options: BenchOptions;
  data: Record<string, number>;
  seedSeconds: number;
  sqlCounting: string;
  /** The static file, measured first and last. */
  static: [PageFigures, PageFigures];
  pages: PageFigures[];
  signedIn: PageFigures[];
};

/** The JSON written to bench-results/: everything measured, with the verdicts, for comparing runs. */
export function benchJson(run: BenchRun): string {
  const withVerdicts = (pages: PageFigures[]) => pages.map((page) => ({ ...page, verdicts: verdicts(page) }));
  return JSON.stringify({ ...run, goals: GOALS, pages: withVerdicts(run.pages), signedIn: withVerdicts(run.signedIn) }, null, 2) + "\n";
}

/** bench-results/2026-12-06T18-04-05Z.json: sorts by time, and no colons for other file systems. */
export function resultsFileName(date: Date): string {
  return `${date.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll(":", "-")}.json`;
}
