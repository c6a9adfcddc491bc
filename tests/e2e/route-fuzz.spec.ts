import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "./test";

// Issue 11: no input gives a server error. Every public GET route (found by walking app/, so a
// new route is fuzzed without being listed here) is driven over HTTP as a visitor with generated
// path segments and query parameters; no answer may be a 5xx. Real ids and parameter names come
// from crawling the public pages, so generated requests also reach the deep branches.
// ROUTE_FUZZ_SEED and ROUTE_FUZZ_RUNS override the fixed seed and the number of requests.

const SEED = Number(process.env.ROUTE_FUZZ_SEED ?? 11_2026);
const RUNS = Number(process.env.ROUTE_FUZZ_RUNS ?? 600);
const LOCALES = ["es", "en", "pt", "fr"];
const CRAWL_LIMIT = 120;

/** Route patterns from the app directory: "/[locale]/proposals/[id]", "/api/health"… */
function routePatterns(dir = "app", prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue; // route-private UI, never a route
      // Route groups, "(auth)", do not appear in the URL.
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
      found.push(...routePatterns(path.join(dir, entry.name), prefix + segment));
    } else if (entry.name === "page.tsx" || entry.name === "route.ts") {
      found.push(prefix || "/");
    }
  }
  return found;
}

/** Signed-in areas answer a redirect to sign-in to a visitor; they are fuzzed all the same. */
const PATTERNS = routePatterns()
  .filter((p) => !p.startsWith("/api/auth/[...nextauth]"))
  .concat(["/api/auth/signin", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/error"]);

const HOSTILE = [
  "a\u0000b",
  "%00",
  "\u202Eevil",
  "'; DROP TABLE \"User\"; --",
  "<script>alert(1)</script>",
  "Infinity",
  "-Infinity",
  "NaN",
  "1e308",
  "-1",
  "0",
  "99999999999999999999999",
  "0x10",
  "1.5",
  "",
  " ",
  "..",
  "../../etc/passwd",
  "00000000-0000-0000-0000-000000000000",
  "notaurl",
  "//evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "🧕🏽",
  "x".repeat(3000),
  "__proto__",
  "constructor",
  "[object Object]",
  "%E0%A4%A",
  "\uD800",
];

const segmentValues = new Map<string, Set<string>>();
const parameterNames = new Set(["q", "page", "objective", "country", "status", "type", "subregion", "sort", "language", "lang", "from", "to", "a", "b", "user", "callbackUrl", "error", "kind", "inclusion", "addressee", "version", "tab", "next"]);
const parameterValues = new Map<string, Set<string>>();

function remember<K>(map: Map<K, Set<string>>, key: K, value: string) {
  if (!map.has(key)) map.set(key, new Set());
  map.get(key)!.add(value);
}

/** Which pattern a concrete path is, with the values it gives each dynamic segment. */
function matchPattern(pathname: string): { pattern: string; values: Record<string, string> } | null {
  const parts = pathname.split("/").filter(Boolean);
  for (const pattern of PATTERNS) {
    const names = pattern.split("/").filter(Boolean);
    if (names.length !== parts.length && !names.at(-1)?.startsWith("[...")) continue;
    const values: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < names.length && ok; i++) {
      const name = names[i];
      if (name.startsWith("[...")) values[name] = parts.slice(i).join("/");
      else if (name.startsWith("[")) values[name] = decodeURIComponent(parts[i] ?? "");
      else ok = name === parts[i];
    }
    if (ok) return { pattern, values };
  }
  return null;
}

/** Follows same-origin links from the home pages: real ids, real parameter names and values. */
async function crawl(request: APIRequestContext) {
  const queue = LOCALES.map((l) => `/${l}`);
  const seen = new Set(queue);
  let visited = 0;
  while (queue.length && visited < CRAWL_LIMIT) {
    const target = queue.shift()!;
    visited++;
    const response = await request.get(target, { maxRedirects: 0 });
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    const html = await response.text();
    for (const [, name] of html.matchAll(/<(?:input|select)[^>]*\sname="([^"$]+)"/g)) parameterNames.add(name);
    for (const [, href] of html.matchAll(/href="([^"#]+)"/g)) {
      const url = new URL(href.replaceAll("&amp;", "&"), "http://puente.test");
      if (url.origin !== "http://puente.test" || url.pathname.startsWith("/_next")) continue;
      for (const [name, value] of url.searchParams) {
        parameterNames.add(name);
        remember(parameterValues, name, value);
      }
      const matched = matchPattern(url.pathname);
      if (!matched) continue;
      for (const [name, value] of Object.entries(matched.values)) remember(segmentValues, name, value);
      const key = url.pathname + url.search;
      // One language is enough to find ids; the others would only repeat them.
      if (!seen.has(key) && url.pathname.startsWith("/es")) {
        seen.add(key);
        queue.push(key);
      }
    }
  }
  return visited;
}

/** Percent-encoded as a browser would; "%…" values go as they are, malformed escapes included. */
function encodeSegment(part: string): string {
  if (part.startsWith("%")) return part;
  const wellFormed = part.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return encodeURIComponent(wellFormed).replaceAll("%2F", "/");
}

test("every public GET route, with generated segments and parameters, never answers 5xx", async ({ request }) => {
  test.setTimeout(300_000);
  const crawled = await crawl(request);

  const segment = (name: string) => {
    const real = [...(segmentValues.get(name) ?? [])];
    if (name === "[locale]") return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...LOCALES) }, { weight: 1, arbitrary: fc.constantFrom("de", "ES", "xx") });
    return fc.oneof(
      { weight: real.length ? 5 : 0, arbitrary: fc.constantFrom(...(real.length ? real : ["x"])) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    );
  };
  const value = (name: string) => {
    const real = [...(parameterValues.get(name) ?? [])];
    return fc.oneof(
      { weight: real.length ? 4 : 0, arbitrary: fc.constantFrom(...(real.length ? real : ["x"])) },
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
      { weight: 1, arbitrary: fc.integer().map(String) },
    );
  };
  const names = [...parameterNames];
  const requestArbitrary = fc
    .constantFrom(...PATTERNS)
    .chain((pattern) =>
      fc.tuple(
        fc.constant(pattern),
        fc.tuple(...pattern.split("/").filter(Boolean).map((part) => (part.startsWith("[") ? segment(part) : fc.constant(part)))),
        // Repeated names too: ?page=1&page=x arrives as an array.
        fc.array(fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), value(name))), { maxLength: 4 }),
      ),
    );

  const statuses = new Map<number, number>();
  const patternsSent = new Set<string>();
  let sent = 0;
  let failure = "";
  const started = Date.now();
  // First every route once, with real segment values where the crawl found some: with close to
  // a hundred routes, the random draws alone would leave one or two untried.
  for (const pattern of PATTERNS) {
    const pathname = pattern.replace(/\[[^\]]+\]/g, (name) => encodeSegment(name === "[locale]" ? "es" : ([...(segmentValues.get(name) ?? [])][0] ?? "x")));
    sent++;
    patternsSent.add(pattern);
    const response = await request.get(pathname, { maxRedirects: 0, failOnStatusCode: false });
    statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
    expect(response.status(), `GET ${pathname}`).toBeLessThan(500);
  }
  try {
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async ([pattern, parts, query]) => {
        const pathname = "/" + parts.map(encodeSegment).join("/");
        const search = new URLSearchParams(query).toString();
        const url = search ? `${pathname}?${search}` : pathname;
        sent++;
        patternsSent.add(pattern);
        const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
        statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
        if (response.status() >= 500) {
          failure = `${response.status()} on GET ${url}`;
          return false;
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  } catch (error) {
    throw new Error(`${failure} (seed ${SEED}; ROUTE_FUZZ_SEED=${SEED} to replay)\n${error instanceof Error ? error.message.split("\n").slice(0, 6).join("\n") : String(error)}`);
  } finally {
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n}×${s}`).join(", ");
    console.log(
      `route-fuzz: seed ${SEED}, ${crawled} pages crawled, ${sent} requests over ${patternsSent.size}/${PATTERNS.length} routes (${byStatus}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  // Every route was tried at least once: a route nobody reaches would go unfuzzed.
  expect(PATTERNS.filter((p) => !patternsSent.has(p))).toEqual([]);
});
