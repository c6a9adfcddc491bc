import { describe, expect, it } from "vitest";
import {
  benchJson,
  COLUMNS,
  formatTable,
  GOALS,
  parseBenchArgs,
  resultsFileName,
  scriptSources,
  verdicts,
  type BenchRun,
  type PageFigures,
} from "../../scripts/lib/bench-format";

const BASE = "http://127.0.0.1:3400/es/proposals?q=x";

describe("scriptSources: the first-load scripts a page's HTML references", () => {
  it("finds every <script src>, whatever the quoting and attribute order, once each, resolved against the page", () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>
      <script src="/_next/static/chunks/webpack-1.js" async=""></script>
      <script async src='/_next/static/chunks/main-app-2.js'></script>
      <SCRIPT defer SRC=/_next/static/chunks/app/page-3.js></SCRIPT>
      <script src="/_next/static/chunks/webpack-1.js" async=""></script>
      <script src="https://cdn.example/other.js?a=1&amp;b=2"></script>
      <script src="chunks/relative.js"></script>
    </head></html>`;
    expect(scriptSources(html, BASE)).toEqual([
      "http://127.0.0.1:3400/_next/static/chunks/webpack-1.js",
      "http://127.0.0.1:3400/_next/static/chunks/main-app-2.js",
      "http://127.0.0.1:3400/_next/static/chunks/app/page-3.js",
      "https://cdn.example/other.js?a=1&b=2",
      "http://127.0.0.1:3400/es/chunks/relative.js",
    ]);
  });

  it("leaves out inline scripts, data scripts without src, preload links and nomodule polyfills", () => {
    const html = `<script>self.__next_f.push([1,"src=\\"/x.js\\""])</script>
      <script type="application/ld+json">{"src":"/y.js"}</script>
      <link rel="modulepreload" href="/z.js">
      <script src="/_next/static/chunks/polyfills-4.js" noModule=""></script>
      <script nomodule src="/legacy.js"></script>
      <script data-src="/lazy.js"></script>
      <script src="/kept.js"></script>`;
    expect(scriptSources(html, BASE)).toEqual(["http://127.0.0.1:3400/kept.js"]);
  });

  it("finds nothing in a page without scripts", () => {
    expect(scriptSources("<html><body>hola</body></html>", BASE)).toEqual([]);
  });
});

describe("parseBenchArgs", () => {
  it("defaults to 5 seconds, 10 connections, one server, the large data set", () => {
    expect(parseBenchArgs([])).toEqual({ duration: 5, connections: 10, servers: 1, quick: false, port: null, only: null, keep: false });
  });

  it("reads every flag, with a space or an equals sign", () => {
    expect(parseBenchArgs(["--duration", "10", "--servers=2", "--quick", "--port", "3400", "--connections=20", "--only", "proposals", "--keep"])).toEqual({
      duration: 10,
      connections: 20,
      servers: 2,
      quick: true,
      port: 3400,
      only: "proposals",
      keep: true,
    });
  });

  it.each([[["--duration", "0"]], [["--duration", "abc"]], [["--servers", "3"]], [["--duration"]], [["--fast"]], [["--only"]]])("refuses %j with the usage line", (argv) => {
    expect(() => parseBenchArgs(argv)).toThrow(/usage: npm run bench/);
  });
});

const page = (over: Partial<PageFigures>): PageFigures => ({
  name: "proposals",
  path: "/es/proposals",
  status: 200,
  requestsPerSecond: 24.44,
  p50Ms: 411,
  p99Ms: 603,
  errors: 0,
  non2xx: 0,
  sqlPerRequest: 4.2,
  htmlBytes: 161 * 1024,
  htmlGzipBytes: 26 * 1024,
  jsGzipBytes: 194 * 1024,
  scripts: 9,
  ratioToStatic: 0.006,
  list: true,
  ...over,
});

describe("verdicts against issue 16's goals", () => {
  it("marks today's list page over every budget", () => {
    expect(verdicts(page({}))).toEqual({ js: false, html: false, speed: false });
  });

  it("passes a page exactly at the budgets", () => {
    expect(verdicts(page({ jsGzipBytes: GOALS.jsGzipBytes, htmlBytes: GOALS.listHtmlBytes, ratioToStatic: 0.5, p99Ms: 100 }))).toEqual({ js: true, html: true, speed: true });
  });

  it("needs both the throughput and the p99 for the speed goal", () => {
    expect(verdicts(page({ ratioToStatic: 0.9, p99Ms: 101 })).speed).toBe(false);
    expect(verdicts(page({ ratioToStatic: 0.49, p99Ms: 20 })).speed).toBe(false);
    // Not one response within the run: no latency, and the goal is missed rather than unknown.
    expect(verdicts(page({ ratioToStatic: 0, p50Ms: undefined, p99Ms: undefined })).speed).toBe(false);
  });

  it("holds only list pages to the HTML budget, and a skipped page to none", () => {
    expect(verdicts(page({ list: false })).html).toBeNull();
    expect(verdicts(page({ jsGzipBytes: undefined })).js).toBeNull();
    expect(verdicts({ name: "open data", path: "/es/open-data", skipped: "404" })).toEqual({ js: null, html: null, speed: null });
  });
});

describe("formatTable", () => {
  const table = formatTable([page({}), page({ name: "a proposal", path: "/es/proposals/1", list: false, jsGzipBytes: 90 * 1024, sqlPerRequest: null }), { name: "open data", path: "/es/open-data", skipped: "404, no such route" }]);
  const lines = table.split("\n");

  it("is a Markdown table: a header, a rule with right-aligned numbers, a line per page", () => {
    expect(lines).toHaveLength(5);
    expect(lines[0].split("|").slice(1, -1).map((cell) => cell.trim())).toEqual([...COLUMNS]);
    expect(lines[1]).toMatch(/^\|-+\|-+:\|/);
    expect(new Set(lines.slice(0, 4).map((line) => line.length)).size).toBe(1);
  });

  it("shows each figure rounded, sizes in KB, and the budget verdicts", () => {
    const cells = lines[2].split("|").slice(1, -1).map((cell) => cell.trim());
    expect(cells).toEqual(["proposals", "24.4", "411", "603", "0", "0", "4.2", "161.0 (>60)", "26.0", "194.0", "OVER", "0.006", "missed"]);
    const second = lines[3].split("|").slice(1, -1).map((cell) => cell.trim());
    expect(second[6]).toBe("n/a");
    expect(second[10]).toBe("ok");
  });

  it("says why a page was skipped", () => {
    expect(lines[4]).toMatch(/^\| open data +\| skipped: 404, no such route \|$/);
  });
});

describe("the JSON file", () => {
  const run: BenchRun = {
    startedAt: "2026-12-06T18:04:05.123Z",
    machine: { cpus: 2, cpuModel: "AMD EPYC", memoryGb: 23, node: "v20.19.0", platform: "linux 6.1", loadAverage: [1.5, 2] },
    options: parseBenchArgs([]),
    data: { proposals: 100_000 },
    seedSeconds: 61.5,
    sqlCounting: "pg_stat_statements",
    static: [page({ name: "static", path: "/robots.txt", list: false }), page({ name: "static, again", path: "/robots.txt", list: false })],
    pages: [page({})],
    signedIn: [],
  };

  it("holds every figure, the goals and each page's verdicts, and reads back", () => {
    const parsed = JSON.parse(benchJson(run)) as { goals: typeof GOALS; pages: (PageFigures & { verdicts: unknown })[]; data: unknown };
    expect(parsed.goals).toEqual(GOALS);
    expect(parsed.data).toEqual({ proposals: 100_000 });
    expect(parsed.pages[0]).toMatchObject({ name: "proposals", requestsPerSecond: 24.44, verdicts: { js: false, html: false, speed: false } });
  });

  it("is named by the run's start, sortable and without colons", () => {
    expect(resultsFileName(new Date("2026-12-06T18:04:05.123Z"))).toBe("2026-12-06T18-04-05Z.json");
  });
});
