import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  COMPLETE_WITHOUT_SCRIPT,
  LIVE_QUESTIONS_SCRIPT,
  LIVE_QUESTIONS_SCRIPT_HASH,
  LOCAL_TIME_SCRIPT,
  LOCAL_TIME_SCRIPT_HASH,
  readClientModules,
  serveWithoutScripts,
  withoutScriptSources,
  withoutScripts,
  type ClientModules,
} from "../../server/hydration";

// A visitor's page goes without Next's scripts only when nothing on it needs one. The documents
// below are built the way Next 16 writes them: chunk scripts, the RSC payload pushed in inline
// scripts (client components named by module id), Turbopack's chunk list, script preloads.

const MODULES: ClientModules = new Map([
  ["101", "node_modules/next/dist/esm/client/components/layout-router.js"],
  ["102", "node_modules/next/dist/client/app-dir/link.js"],
  ["201", "components/layout/language-switcher.tsx"],
  ["301", "app/[locale]/sessions/[id]/_components/questions-live.tsx"],
  ["302", "components/ui/action-form.tsx"],
  ["303", "components/example/needs-its-script.tsx"],
]);

const push = (text: string) => `<script>self.__next_f.push(${JSON.stringify([1, text]).replace(/</g, "\\u003c")})</script>`;
function page({ clientIds = ["101", "102", "201"], extraScript = "", text = "Propuestas" }: { clientIds?: string[]; extraScript?: string; text?: string } = {}) {
  const rows = clientIds.map((id, i) => `${i + 1}:I[${Number(id)},["/_next/static/chunks/a${i}.js"],"default"]`).join("\n");
  return [
    `<!DOCTYPE html><html lang="es"><head><meta charSet="utf-8"/>`,
    `<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>`,
    `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>`,
    `<link rel="modulepreload" href="/_next/static/chunks/m.js"/>`,
    `<link rel="icon" href="/icon.svg" type="image/svg+xml"/>`,
    `<script src="/_next/static/chunks/w.js" async=""></script><script src="/_next/static/chunks/p.js" noModule=""></script>`,
    `</head><body><main><h1>${text}</h1><a href="/en/proposals">English</a></main><p>${"Una propuesta. ".repeat(100)}</p>`,
    `<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["x.js"]});</script>`,
    `<script>(self.__next_f=self.__next_f||[]).push([0])</script>`,
    push(`${rows}\n0:["$","main",null,{"children":"${text}"}]\n`),
    extraScript,
    `</body></html>`,
  ].join("");
}

describe("which pages go without scripts", () => {
  it("strips every script and script preload of a page whose client components are Next's and listed ones, and keeps the rest", () => {
    const lean = withoutScripts(page(), MODULES);
    expect(lean).not.toBeNull();
    expect(lean).not.toMatch(/<script/);
    expect(lean).not.toMatch(/as="script"|modulepreload/);
    expect(lean).toContain(`<link rel="stylesheet" href="/_next/static/chunks/site.css"`);
    expect(lean).toContain(`<link rel="icon" href="/icon.svg"`);
    expect(lean).toContain(`<main><h1>Propuestas</h1><a href="/en/proposals">English</a></main>`);
  });

  it("strips them from a page with a form bound to a server action, which posts without a script", () => {
    const lean = withoutScripts(page({ clientIds: ["101", "201", "302"] }), MODULES);
    expect(lean).not.toBeNull();
    expect(lean).not.toMatch(/<script/);
  });

  it.each([
    ["a client component not listed as complete without its script", page({ clientIds: ["101", "303"] })],
    ["such a component beside a form with an action state", page({ clientIds: ["201", "302", "303"] })],
    ["a client module the build does not list", page({ clientIds: ["101", "999"] })],
    ["React's completion of a boundary sent late", page({ extraScript: `<script>$RC("B:0","S:0")</script>` })],
    ["an inline script of any other kind", page({ extraScript: `<script>document.title = "x"</script>` })],
    ["an RSC chunk it cannot read", page({ extraScript: `<script>self.__next_f.push([1,"unterminated])</script>` })],
  ])("keeps them on a page with %s", (_, html) => {
    expect(withoutScripts(html, MODULES)).toBeNull();
  });

  it("leaves a document that is not a Next page alone", () => {
    expect(withoutScripts(`<!DOCTYPE html><html><body><p>Hola</p></body></html>`, MODULES)).toBeNull();
  });

  it("what a page shows can only ever keep its scripts, never strip a page that needs them", () => {
    // Text that looks like a client reference, as a proposal's title or a comment might carry it.
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("101", "201", "302", "303", "999"), (noise, id) => {
        const text = `${noise}\n9:I[${id},[],"x"]\n${noise}`;
        const needsScript = page({ clientIds: ["101", "303"], text });
        expect(withoutScripts(needsScript, MODULES)).toBeNull();
        const lean = withoutScripts(page({ text }), MODULES);
        if (lean !== null) expect(lean).not.toMatch(/<script/);
      }),
      { numRuns: 200 },
    );
  });

  it("lists only client files that exist, each with its reason", () => {
    for (const [file, reason] of Object.entries(COMPLETE_WITHOUT_SCRIPT)) {
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8")).toMatch(/^["']use client["']/);
      expect(reason.length, file).toBeGreaterThan(20);
    }
  });
});

describe("the build's client modules", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("are read from every client reference manifest, by id, relative to the project", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "puente-manifest-"));
    const route = path.join(dir, "server", "app", "[locale]", "proposals");
    mkdirSync(route, { recursive: true });
    const manifest = {
      clientModules: {
        "[project]/components/layout/language-switcher.tsx <module evaluation>": { id: 30571, name: "*", chunks: [] },
        "[project]/node_modules/next/dist/client/app-dir/link.js": { id: "22016", name: "*", chunks: [] },
      },
    };
    writeFileSync(
      path.join(route, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/[locale]/proposals/page"] = ${JSON.stringify(manifest)};\n`,
    );
    const modules = readClientModules(dir);
    expect(modules.get("30571")).toBe("components/layout/language-switcher.tsx");
    expect(modules.get("22016")).toBe("node_modules/next/dist/client/app-dir/link.js");
  });

  it("are none without a build: every page keeps its scripts", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "puente-manifest-"));
    const modules = readClientModules(path.join(dir, "missing"));
    expect(modules.size).toBe(0);
    expect(withoutScripts(page(), modules)).toBeNull();
  });
});

const POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

describe("the front that sends them", () => {
  it("allows no script on a page sent without one", () => {
    expect(withoutScriptSources(POLICY)).toBe("default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; script-src 'none'");
    expect(withoutScriptSources("default-src 'self'; script-src-elem 'self'; script-src-attr 'unsafe-inline'")).toBe("default-src 'self'; script-src 'none'");
  });

  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for Next: like its compression, it sends the head before the first chunk. */
  async function start(answer: { status?: number; html?: string; type?: string; earlyHead?: boolean } = {}) {
    const seen: { acceptEncoding?: string }[] = [];
    const next = async (req: IncomingMessage, res: ServerResponse) => {
      seen.push({ acceptEncoding: req.headers["accept-encoding"] });
      res.statusCode = answer.status ?? 200;
      res.setHeader("content-type", answer.type ?? "text/html; charset=utf-8");
      res.setHeader("vary", "rsc");
      res.setHeader("content-security-policy", POLICY);
      if (answer.earlyHead) res.writeHead(res.statusCode);
      res.flushHeaders();
      const html = answer.html ?? page();
      res.write(html.slice(0, 100));
      await new Promise((resolve) => setTimeout(resolve, 2));
      res.end(html.slice(100));
    };
    server = http.createServer(serveWithoutScripts(next, MODULES));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = (pathname: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        http
          .get(base + pathname, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => {
              const raw = Buffer.concat(chunks);
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8") });
            });
          })
          .on("error", reject);
      });
    return { get, seen };
  }

  it("sends a visitor's page whole, without scripts, gzipped when asked, with its length", async () => {
    const site = await start({ earlyHead: true });
    const answer = await site.get("/es/proposals", { "accept-encoding": "gzip, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["x-puente-scripts"]).toBe("none");
    expect(answer.headers.vary).toBe("rsc, Accept-Encoding");
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(answer.headers["content-length"])).toBeGreaterThan(0);
    expect(answer.body).toContain("<h1>Propuestas</h1>");
    expect(answer.body).not.toContain("<script");
    expect(answer.headers["content-security-policy"]).toBe(withoutScriptSources(POLICY));
    // Next was asked for plain bytes, which the front compresses itself.
    expect(site.seen[0].acceptEncoding).toBeUndefined();
  });

  it("sends the page as it is to anyone signed in, and keeps what a page needs", async () => {
    const site = await start();
    const signedIn = await site.get("/es/proposals", { cookie: "next-auth.session-token=abc", "accept-encoding": "gzip" });
    expect(signedIn.body).toBe(page());
    expect(signedIn.headers["x-puente-scripts"]).toBeUndefined();
    expect(signedIn.headers["content-security-policy"]).toBe(POLICY);
    expect(site.seen[0].acceptEncoding).toBe("gzip");
  });

  it.each<[string, { status?: number; html?: string; type?: string }]>([
    ["a page that needs a script", { html: page({ clientIds: ["303"] }) }],
    ["a missing page", { status: 404 }],
    ["a feed", { type: "application/atom+xml" }],
  ])("leaves %s whole", async (_, answer) => {
    const site = await start(answer);
    const result = await site.get("/es/sessions/1");
    expect(result.body).toBe(answer.html ?? page());
    expect(result.headers["x-puente-scripts"]).toBeUndefined();
  });
});

describe("the reader's local time on a page without Next's scripts", () => {
  type FakeElement = { dataset: Record<string, string>; hidden: boolean; children: unknown[]; replaceChildren: (...nodes: unknown[]) => void };
  const placeholder = (zone: string): FakeElement => {
    const element: FakeElement = {
      dataset: { localTime: "", start: "2026-12-08T16:00:00.000Z", end: "2026-12-08T18:00:00.000Z", zone, locale: "en", label: "Your time ({zone}):" },
      hidden: true,
      children: [],
      replaceChildren: (...nodes) => (element.children = nodes),
    };
    return element;
  };
  /** The inline script, run as a browser in `readerZone` would run it, on a page with these placeholders. */
  function runScript(readerZone: string, places: FakeElement[]) {
    const document = { querySelectorAll: () => places, createElement: () => ({ className: "", textContent: "" }) };
    const DateTimeFormat = function (locale?: string, options?: Intl.DateTimeFormatOptions) {
      return locale === undefined && options === undefined ? { resolvedOptions: () => ({ timeZone: readerZone }) } : new Intl.DateTimeFormat(locale, options);
    };
    vm.runInNewContext(LOCAL_TIME_SCRIPT, { document, Intl: { DateTimeFormat }, Date });
  }

  it("fills a time shown in another zone with the reader's, and leaves one in the reader's zone hidden", () => {
    const elsewhere = placeholder("America/Mexico_City");
    const here = placeholder("America/New_York");
    runScript("America/New_York", [elsewhere, here]);
    expect(elsewhere.hidden).toBe(false);
    expect(elsewhere.children[0]).toMatchObject({ className: "font-medium", textContent: "Your time (America/New York):" });
    // 16:00–18:00 UTC is 11:00–13:00 in New York (10:00–12:00 in Mexico City).
    expect(String(elsewhere.children[1])).toMatch(/^ Tuesday, December 8, 2026, 11:00\sAM\s–\s1:00\sPM$/);
    expect(here.hidden).toBe(true);
    expect(here.children).toEqual([]);
  });

  it("is sent, allowed by its hash alone, where a page without Next's scripts shows a time", async () => {
    expect(LOCAL_TIME_SCRIPT_HASH).toBe(`'sha256-${createHash("sha256").update(LOCAL_TIME_SCRIPT).digest("base64")}'`);
    const withTime = page({ text: "Sesión" }).replace("<main>", `<main><p hidden data-local-time="" data-start="x"></p>`);
    const server = http.createServer(
      serveWithoutScripts((req, res) => {
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("content-security-policy", POLICY);
        res.end(req.url === "/es/with-time" ? withTime : page());
      }, MODULES),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const timed = await fetch(`${base}/es/with-time`);
      const html = await timed.text();
      expect(html.match(/<script>/g)).toHaveLength(1);
      expect(html).toContain(`<script>${LOCAL_TIME_SCRIPT}</script></body>`);
      expect(timed.headers.get("content-security-policy")).toBe(withoutScriptSources(POLICY, [LOCAL_TIME_SCRIPT_HASH]));
      const plain = await fetch(`${base}/es/plain`);
      expect(await plain.text()).not.toContain("<script");
      expect(plain.headers.get("content-security-policy")).toContain("script-src 'none'");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("a live session's questions on a page without Next's scripts", () => {
  type FakePart = { dataset: { livePart: string }; replacedWith?: unknown };
  /** The inline script, run as a browser would on a live session's page, with the network and the timer in the test's hands. */
  function runScript(answers: { signature: string; live: boolean; ids: string[] }[], script = LIVE_QUESTIONS_SCRIPT) {
    const place = { dataset: { liveQuestions: "s-1", signature: "sig-a", ids: "q-1", announceOne: "Una pregunta nueva.", announceMany: "{count} preguntas nuevas." }, textContent: "" };
    const parts: FakePart[] = [{ dataset: { livePart: "status" } }, { dataset: { livePart: "list" } }];
    const requested: string[] = [];
    let pending: (() => void) | null = null;
    let answer = 0;
    const document = {
      visibilityState: "visible",
      location: { pathname: "/es/sessions/s-1", search: "" },
      querySelector: (selector: string) => (selector === "[data-live-questions]" ? place : null),
      querySelectorAll: () => parts,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      importNode: (node: unknown) => ({ imported: node }),
    };
    for (const part of parts) Object.assign(part, { replaceWith: (node: unknown) => (part.replacedWith = node) });
    const current = () => answers[Math.min(answer, answers.length - 1)];
    const fetch = async (url: string) => {
      requested.push(url);
      if (url.startsWith("/api/")) {
        const { signature, live, ids } = current();
        return { ok: true, json: async () => ({ signature, live, questions: ids.map((id) => ({ id })) }) };
      }
      return { ok: true, text: async () => "<html>the page again</html>" };
    };
    class DOMParser {
      parseFromString() {
        return { querySelector: (selector: string) => (selector.startsWith("[data-live-part=") ? { fresh: selector } : { dataset: { signature: current().signature } }) };
      }
    }
    const setTimeout = (callback: () => void) => ((pending = callback), 1);
    vm.runInNewContext(script, { document, fetch, DOMParser, setTimeout, clearTimeout: () => undefined });
    /** Lets the timer fire once and the poll it starts finish. */
    const tick = async () => {
      const callback = pending;
      pending = null;
      if (!callback) return false;
      callback();
      await new Promise((resolve) => globalThis.setTimeout(resolve, 0));
      answer++;
      return true;
    };
    return { place, parts, requested, tick, waiting: () => pending !== null };
  }

  /** The script as the server's own loader (tsx) compiles it, which differs from this runner's (keepNames). */
  const asTheServerCompilesIt = () =>
    execFileSync(process.execPath, ["--import", "tsx", "-e", `import("./server/hydration.ts").then((m) => process.stdout.write(m.LIVE_QUESTIONS_SCRIPT))`], { encoding: "utf8" });

  it.each([
    ["as this runner compiles it", () => LIVE_QUESTIONS_SCRIPT],
    ["as the server compiles it", asTheServerCompilesIt],
  ])("asks for the questions' JSON, and only when they changed fetches the page again and swaps the marked parts, announcing what is new (%s)", async (_, script) => {
    const page = runScript([
      { signature: "sig-a", live: true, ids: ["q-1"] },
      { signature: "sig-b", live: true, ids: ["q-1", "q-2"] },
      { signature: "sig-c", live: true, ids: ["q-1", "q-2", "q-3", "q-4"] },
    ], script());
    expect(await page.tick()).toBe(true);
    expect(page.requested).toEqual(["/api/sessions/s-1/questions"]);
    expect(page.parts.map((p) => p.replacedWith)).toEqual([undefined, undefined]);
    expect(page.place.textContent).toBe("");

    expect(await page.tick()).toBe(true);
    expect(page.requested.slice(1)).toEqual(["/api/sessions/s-1/questions", "/es/sessions/s-1"]);
    expect(page.parts.map((p) => p.replacedWith)).toEqual([{ imported: { fresh: '[data-live-part="status"]' } }, { imported: { fresh: '[data-live-part="list"]' } }]);
    expect(page.place.textContent).toBe("Una pregunta nueva.");

    expect(await page.tick()).toBe(true);
    expect(page.place.textContent).toBe("2 preguntas nuevas.");
    expect(page.waiting()).toBe(true);
  });

  it("once the session is no longer live, swaps the marked parts one last time (its status, the hint) and stops, and does nothing on a page without the region", async () => {
    const page = runScript([{ signature: "sig-a", live: false, ids: ["q-1"] }]);
    expect(await page.tick()).toBe(true);
    // The same questions, so nothing to announce; but the page is fetched again for its closed state.
    expect(page.requested).toEqual(["/api/sessions/s-1/questions", "/es/sessions/s-1"]);
    expect(page.parts.map((p) => p.replacedWith)).toEqual([{ imported: { fresh: '[data-live-part="status"]' } }, { imported: { fresh: '[data-live-part="list"]' } }]);
    expect(page.place.textContent).toBe("");
    expect(page.waiting()).toBe(false);
    expect(() => vm.runInNewContext(LIVE_QUESTIONS_SCRIPT, { document: { querySelector: () => null } })).not.toThrow();
  });

  it("is sent, allowed by its hash, where a visitor's page shows a live session's questions", async () => {
    expect(LIVE_QUESTIONS_SCRIPT_HASH).toBe(`'sha256-${createHash("sha256").update(LIVE_QUESTIONS_SCRIPT).digest("base64")}'`);
    const live = page({ clientIds: ["101", "301"], text: "Sesión" }).replace("<main>", `<main><p aria-live="polite" data-live-questions="s-1" data-signature="x"></p><p hidden data-local-time="" data-start="x"></p>`);
    const server = http.createServer(
      serveWithoutScripts((_req, res) => {
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("content-security-policy", POLICY);
        res.end(live);
      }, MODULES),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/es/sessions/s-1`);
      const html = await response.text();
      expect(response.headers.get("x-puente-scripts")).toBe("none");
      expect(html.match(/<script>/g)).toHaveLength(2);
      expect(html).toContain(`<script>${LOCAL_TIME_SCRIPT}</script><script>${LIVE_QUESTIONS_SCRIPT}</script></body>`);
      expect(response.headers.get("content-security-policy")).toBe(withoutScriptSources(POLICY, [LOCAL_TIME_SCRIPT_HASH, LIVE_QUESTIONS_SCRIPT_HASH]));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
