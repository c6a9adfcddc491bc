import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { announceChanges, recordRead } from "@/lib/cache/changes";
import { EVERYTHING } from "@/lib/cache/listen";
import { cacheKey, createPageCache, type PageCache, type PageCacheOptions } from "../../server/page-cache";

// The page cache in front of a stand-in for Next on a real HTTP server: each render says which
// tables it read and counts itself, so a test sees exactly when a page was rendered again.

type Render = { status?: number; tables?: string[]; cookie?: string; type?: string; body?: string; delayMs?: number };
let servers: http.Server[] = [];
let caches: PageCache[] = [];
afterEach(async () => {
  for (const cache of caches) cache.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
  caches = [];
});

async function start(render: (req: IncomingMessage) => Render, options: PageCacheOptions = {}) {
  const cache = createPageCache(options);
  caches.push(cache);
  let renders = 0;
  const next = async (req: IncomingMessage, res: ServerResponse) => {
    const answer = render(req);
    renders += 1;
    // As a page's queries would, after a tick.
    await new Promise((resolve) => setTimeout(resolve, answer.delayMs ?? 1));
    recordRead(answer.tables ?? ["Proposal"]);
    if (answer.cookie) res.setHeader("set-cookie", answer.cookie);
    res.writeHead(answer.status ?? 200, { "content-type": answer.type ?? "text/html; charset=utf-8" });
    res.write("<html>");
    res.end(`${answer.body ?? "page"} #${renders}</html>`);
  };
  const server = http.createServer(cache.wrap(next));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers });
    return { status: response.status, body: await response.text(), cache: response.headers.get("x-puente-cache") };
  };
  return { get, cache, renders: () => renders };
}

describe("which requests may be answered from the cache", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

  it.each([
    ["/es", {}, "GET", true],
    ["/fr/proposals?q=travail&page=2", {}, "GET", true],
    ["/es/proposals", { cookie: "NEXT_LOCALE=es" }, "GET", true],
    ["/es/proposals", { cookie: "next-auth.session-token=abc" }, "GET", false],
    ["/es/proposals", { cookie: "__Secure-next-auth.session-token=abc" }, "GET", false],
    ["/es/proposals", { cookie: "anything=1" }, "GET", false],
    ["/es/proposals", { rsc: "1" }, "GET", false],
    ["/es/proposals?_rsc=abc", {}, "GET", false],
    ["/es/proposals", { "next-router-prefetch": "1" }, "GET", false],
    ["/es/proposals", {}, "POST", false],
    ["/es/proposals", {}, "HEAD", false],
    ["/es/dashboard", {}, "GET", false],
    ["/en/account/notifications", {}, "GET", false],
    ["/es/admin", {}, "GET", false],
    ["/es/monitoring/receipt", {}, "GET", false],
    ["/pt/unsubscribe/token", {}, "GET", false],
    ["/api/health", {}, "GET", false],
    ["/open-data/proposals.csv", {}, "GET", false],
    ["/_next/static/chunk.js", {}, "GET", false],
    ["/de/proposals", {}, "GET", false],
  ] as const)("%s %j %s → %s", (url, headers, method, cacheable) => {
    expect(cacheKey(request(url, headers, method)) !== null).toBe(cacheable);
  });

  it("never lets a session cookie through, wherever it sits among other cookies", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("NEXT_LOCALE=es", "a=1", "next-auth.session-token=x", "__Secure-next-auth.session-token=y"), { maxLength: 4 }), (cookies) => {
        const key = cacheKey(request("/es", cookies.length ? { cookie: cookies.join("; ") } : {}));
        const onlyLocale = cookies.every((c) => c.startsWith("NEXT_LOCALE="));
        expect(key !== null).toBe(onlyLocale);
      }),
    );
  });

  it("keeps answers for another Host apart (a forged header cannot fill the real visitors' entry)", () => {
    expect(cacheKey(request("/es", { host: "evil.example" }))).not.toBe(cacheKey(request("/es", { host: "puente.example" })));
    expect(cacheKey(request("/es", { host: "puente.example", "x-forwarded-host": "evil.example" }))).not.toBe(cacheKey(request("/es", { host: "puente.example" })));
  });

  it("keeps compressed and plain answers apart", () => {
    expect(cacheKey(request("/es", { "accept-encoding": "gzip, br" }))).not.toBe(cacheKey(request("/es", {})));
  });
});

describe("what is kept, and for how long", () => {
  it("renders a page once, then answers from memory until a table it read changes", async () => {
    const site = await start(() => ({ tables: ["Proposal", "Organization"] }));
    expect(await site.get("/es/proposals")).toMatchObject({ body: "<html>page #1</html>", cache: "miss" });
    expect(await site.get("/es/proposals")).toMatchObject({ body: "<html>page #1</html>", cache: "hit" });
    announceChanges(["ReviewSession"]);
    expect((await site.get("/es/proposals")).cache).toBe("hit");
    announceChanges(["Organization"]);
    expect(await site.get("/es/proposals")).toMatchObject({ body: "<html>page #2</html>", cache: "miss" });
    expect(site.renders()).toBe(2);
  });

  it("drops everything when changes may have been missed", async () => {
    const site = await start(() => ({ tables: ["Proposal"] }));
    await site.get("/es");
    await site.get("/en");
    announceChanges([EVERYTHING]);
    expect((await site.get("/es")).cache).toBe("miss");
    expect((await site.get("/en")).cache).toBe("miss");
    expect(site.cache.stats().dropped).toBe(2);
  });

  it("keeps nothing while changes cannot be heard", async () => {
    let listening = false;
    const site = await start(() => ({}), { fresh: () => listening });
    await site.get("/es");
    expect((await site.get("/es")).cache).toBeNull();
    listening = true;
    await site.get("/es");
    expect((await site.get("/es")).cache).toBe("hit");
  });

  it("does not keep a page whose tables changed while it rendered", async () => {
    const site = await start(() => {
      announceChanges(["Proposal"]);
      return { tables: ["Proposal"] };
    });
    await site.get("/es");
    expect((await site.get("/es")).cache).toBe("miss");
    expect(site.renders()).toBe(2);
  });

  it.each([
    ["an error", { status: 500 }],
    ["a missing page", { status: 404 }],
    ["an answer that sets a cookie", { cookie: "x=1" }],
    ["something other than HTML", { type: "application/json" }],
    ["a page that read a table nobody announces", { tables: ["Proposal", "AuthSession"] }],
  ])("never keeps %s", async (_what, render) => {
    const site = await start(() => render as Render);
    await site.get("/es");
    await site.get("/es");
    expect(site.renders()).toBe(2);
  });

  it("forgets a page after its time, for what changes with the clock", async () => {
    let clock = 0;
    const site = await start(() => ({}), { now: () => clock, ttlMs: 60_000 });
    await site.get("/es");
    clock = 59_000;
    expect((await site.get("/es")).cache).toBe("hit");
    clock = 61_000;
    expect((await site.get("/es")).cache).toBe("miss");
  });

  it("holds to its size, letting the least recently used go", async () => {
    const site = await start((req) => ({ body: `${req.url} ${"x".repeat(300)}` }), { maxBytes: 8 * 1024 });
    for (let i = 0; i < 40; i++) await site.get(`/es/p${i}`);
    const { bytes, entries } = site.cache.stats();
    expect(bytes).toBeLessThanOrEqual(8 * 1024);
    expect(entries).toBeGreaterThan(5);
    expect(entries).toBeLessThan(40);
    expect((await site.get("/es/p39")).cache).toBe("hit");
    expect((await site.get("/es/p0")).cache).toBe("miss");
  });

  it("serves a visitor with a session a fresh page, never the cached one", async () => {
    const site = await start(() => ({}));
    await site.get("/es");
    const signedIn = await site.get("/es", { cookie: "next-auth.session-token=abc" });
    expect(signedIn.cache).toBeNull();
    expect(signedIn.body).toBe("<html>page #2</html>");
  });
});

describe("one render for many visitors at once", () => {
  it("renders a page once for ten visitors arriving together, and answers them all", async () => {
    const site = await start(() => ({ delayMs: 150 }));
    const answers = await Promise.all(Array.from({ length: 10 }, () => site.get("/es/open-data")));
    expect(site.renders()).toBe(1);
    expect(new Set(answers.map((answer) => answer.body))).toEqual(new Set(["<html>page #1</html>"]));
    expect(answers.filter((answer) => answer.cache === "miss")).toHaveLength(1);
    expect(site.cache.stats().waited).toBe(9);
  });

  it("does not make visitors wait, a second time, for a page it cannot keep", async () => {
    const site = await start(() => ({ delayMs: 100, cookie: "a=b" }));
    await Promise.all(Array.from({ length: 3 }, () => site.get("/es")));
    // The first time they waited for the one render, then each rendered: it set a cookie.
    expect(site.renders()).toBe(3);
    expect(site.cache.stats()).toMatchObject({ waits: 2, waited: 0 });
    await Promise.all(Array.from({ length: 3 }, () => site.get("/es")));
    expect(site.renders()).toBe(6);
    expect(site.cache.stats().waits).toBe(2);
  });

  it("waits no longer than its limit for a slow render", async () => {
    let slow = true;
    const site = await start(() => ({ delayMs: slow ? ((slow = false), 1_000) : 1 }), { waitMs: 50 });
    const first = site.get("/es");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    const second = await site.get("/es");
    // Rendered itself after 50 ms, long before the first render's second ended.
    expect(second.cache).toBe("miss");
    expect(performance.now() - started).toBeLessThan(600);
    expect(site.renders()).toBe(2);
    await first;
  });
});
