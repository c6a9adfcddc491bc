import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { onChanges, trackReads } from "../lib/cache/changes";
import { EVERYTHING } from "../lib/cache/listen";
import { UNWATCHED_TABLES } from "../lib/cache/watched";
import type { NextHandler } from "./handler";

/**
 * Rendered public pages kept in this server's memory for anonymous visitors, each dropped the
 * moment a table it read changes (lib/cache/changes.ts: reads tracked per request, changes
 * announced on commit here and by PostgreSQL's notices from every other server), and after
 * `ttlMs` at most, for what changes with the clock alone (a question becomes overdue, a
 * consultation closes). A request is served from here only when nothing about the visitor can
 * change the page: a plain GET of a page in a language, without a session or any other cookie
 * but the language's, and not Next's client-side navigation. Only a complete 200 HTML answer
 * that set no cookie, and whose every table is watched, is kept.
 *
 * Written here, not with Next's cached rendering: see the README, "Caching".
 */
export type PageCacheOptions = {
  /** All entries together, bodies and headers; the least recently used go first. */
  maxBytes?: number;
  ttlMs?: number;
  /** How long a request waits for the same page already being rendered before rendering it itself. */
  waitMs?: number;
  /** False while changes cannot be heard (the LISTEN connection is down): nothing is served or kept. */
  fresh?: () => boolean;
  now?: () => number;
};

type Entry = { key: string; headers: OutgoingHttpHeaders; body: Buffer; tables: string[]; storedAt: number; bytes: number };

const PAGE_PATH = /^\/(?:es|en|pt|fr)(?:\/|$)/;
// Pages that differ by person even for a visitor with no session are never served from here.
const PRIVATE_PATH = /^\/(?:es|en|pt|fr)\/(?:dashboard|account|admin|monitoring\/receipt|unsubscribe)(?:\/|$)/;
const ALLOWED_COOKIES = new Set(["NEXT_LOCALE"]);
const DROPPED_HEADERS = new Set(["set-cookie", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-request-id"]);

export function cacheKey(req: IncomingMessage): string | null {
  if (req.method !== "GET") return null;
  const url = req.url ?? "/";
  const path = url.split("?")[0];
  if (!PAGE_PATH.test(path) || PRIVATE_PATH.test(path)) return null;
  if (/[?&]_rsc=/.test(url)) return null;
  const headers = req.headers;
  if (headers["rsc"] !== undefined || headers["next-action"] !== undefined || headers["next-router-prefetch"] !== undefined || headers["next-router-state-tree"] !== undefined) return null;
  if (headers.authorization !== undefined) return null;
  for (const part of (headers.cookie ?? "").split(";")) {
    const name = part.split("=")[0].trim();
    if (name && !ALLOWED_COOKIES.has(name)) return null;
  }
  const gzip = /\bgzip\b/.test(String(headers["accept-encoding"] ?? ""));
  // Whatever a page could build a link from is part of the key, so a forged Host header can
  // only ever fill its own entry, never the one real visitors get.
  const origin = [headers.host, headers["x-forwarded-host"], headers["x-forwarded-proto"]].map((value) => String(value ?? "")).join("|");
  return `${gzip ? "gz" : "id"} ${origin} ${url}`;
}

export function createPageCache(options: PageCacheOptions = {}) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const ttlMs = options.ttlMs ?? 60_000;
  const fresh = options.fresh ?? (() => true);
  const now = options.now ?? Date.now;
  const waitMs = options.waitMs ?? 10_000;
  // A Map keeps insertion order: re-inserting on use makes it an LRU without a dependency that
  // would still need the table index below.
  const entries = new Map<string, Entry>();
  const byTable = new Map<string, Set<string>>();
  let bytes = 0;
  let sequence = 0;
  const changedAt = new Map<string, number>();
  const stats = { hits: 0, misses: 0, stored: 0, dropped: 0, waits: 0, waited: 0 };
  // Single flight: while a page renders, the same requests wait for it instead of rendering it
  // again (ten visitors arriving together on a page that takes a second would otherwise cost ten
  // seconds of the database). A page found unfit to keep is not waited for, for a TTL.
  const rendering = new Map<string, Promise<void>>();
  const unfit = new Map<string, number>();

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
    for (const table of entry.tables) byTable.get(table)?.delete(key);
  };

  const invalidate = (tables: readonly string[]) => {
    sequence += 1;
    if (tables.includes(EVERYTHING)) {
      changedAt.set(EVERYTHING, sequence);
      stats.dropped += entries.size;
      entries.clear();
      byTable.clear();
      bytes = 0;
      return;
    }
    for (const table of tables) {
      changedAt.set(table, sequence);
      for (const key of byTable.get(table) ?? []) {
        remove(key);
        stats.dropped += 1;
      }
    }
  };
  const unsubscribe = onChanges(invalidate);

  /** Keeps the page; "unfit" when this page can never be kept, "late" when a change overtook it. */
  const store = (key: string, res: ServerResponse, body: Buffer, tables: Set<string>, startedAt: number): "stored" | "unfit" | "late" => {
    if (res.statusCode !== 200 || res.getHeader("set-cookie") !== undefined) return "unfit";
    if (!String(res.getHeader("content-type") ?? "").startsWith("text/html")) return "unfit";
    for (const table of tables) if (UNWATCHED_TABLES.has(table)) return "unfit";
    // A change that landed while the page rendered: what it read may be older than the change.
    if ((changedAt.get(EVERYTHING) ?? 0) > startedAt) return "late";
    for (const table of tables) if ((changedAt.get(table) ?? 0) > startedAt) return "late";
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders())) if (!DROPPED_HEADERS.has(name) && value !== undefined) headers[name] = value;
    const size = body.length + JSON.stringify(headers).length + key.length;
    if (size > maxBytes / 8) return "unfit";
    remove(key);
    const entry: Entry = { key, headers, body, tables: [...tables], storedAt: now(), bytes: size };
    entries.set(key, entry);
    bytes += size;
    for (const table of entry.tables) {
      let keys = byTable.get(table);
      if (!keys) byTable.set(table, (keys = new Set()));
      keys.add(key);
    }
    stats.stored += 1;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      remove(oldest);
    }
    return "stored";
  };

  const serve = (key: string, res: ServerResponse): boolean => {
    const entry = entries.get(key);
    if (!entry) return false;
    if (now() - entry.storedAt > ttlMs) {
      remove(key);
      return false;
    }
    entries.delete(key);
    entries.set(key, entry);
    for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value as string | string[] | number);
    res.setHeader("content-length", entry.body.length);
    res.setHeader("x-puente-cache", "hit");
    res.writeHead(200);
    res.end(entry.body);
    return true;
  };

  const render = (key: string, req: IncomingMessage, res: ServerResponse, next: NextHandler) => {
    stats.misses += 1;
    const startedAt = sequence;
    const tables = new Set<string>();
    const chunks: Buffer[] = [];
    let tooBig = false;
    let size = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (tooBig || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      size += buffer.length;
      if (size > maxBytes / 8) tooBig = true;
      else chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => (keep(args[0], args[1]), write(...args))) as typeof res.write;
    res.end = ((...args: unknown[]) => (keep(args[0], args[1]), end(...args))) as typeof res.end;
    res.setHeader("x-puente-cache", "miss");
    let leading = false;
    let done = () => {};
    if (!rendering.has(key)) {
      leading = true;
      rendering.set(key, new Promise<void>((resolve) => (done = resolve)));
    }
    const settle = (verdict: "stored" | "unfit" | "late" | "lost") => {
      if (!leading) return;
      leading = false;
      if (verdict === "unfit") unfit.set(key, now());
      else unfit.delete(key);
      rendering.delete(key);
      done();
    };
    res.on("finish", () => settle(tooBig ? "unfit" : fresh() ? store(key, res, Buffer.concat(chunks), tables, startedAt) : "late"));
    // A visitor who leaves mid-render, or a render that throws: let the waiting ones go.
    res.on("close", () => settle("lost"));
    return trackReads(tables, () => next(req, res));
  };

  const wrap =
    (next: NextHandler): NextHandler =>
    async (req, res) => {
      const key = cacheKey(req);
      if (!key || !fresh()) return next(req, res);
      if (serve(key, res)) {
        stats.hits += 1;
        return;
      }
      const pending = rendering.get(key);
      const unfitAt = unfit.get(key);
      if (pending && !(unfitAt !== undefined && now() - unfitAt <= ttlMs)) {
        stats.waits += 1;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
        clearTimeout(timer);
        if (serve(key, res)) {
          stats.hits += 1;
          stats.waited += 1;
          return;
        }
      }
      return render(key, req, res, next);
    };

  return {
    wrap,
    invalidate,
    stats: () => ({ ...stats, entries: entries.size, bytes }),
    close: unsubscribe,
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
