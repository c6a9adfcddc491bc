import type { IncomingMessage, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "../lib/rate-limit/client-address";
import { refusalPage, type RefusalReason, type RequestMessages } from "./pages";

/** next.config.ts serverActions.bodySizeLimit ("1mb" is 1 MiB to Next). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export type HandlerOptions = {
  next: NextHandler;
  trusted: BlockList;
  /** PUBLIC_URL: its host may post actions besides the request's own Host. */
  publicUrl?: string;
  messages: Record<string, RequestMessages>;
  defaultLocale: string;
  bodyLimit?: number;
  /** Probes the database now: a 5xx while it is down becomes the readable 503 below. */
  databaseUp?: () => Promise<boolean>;
  unavailablePage?: (pathname: string) => { status: number; headers: Record<string, string>; body: string };
};

const STATUS: Record<RefusalReason, number> = { tooLarge: 413, foreignOrigin: 403, malformed: 400, badAddress: 400 };

/** A path Next cannot decode ("/es/sessions/%J") makes it throw a 500 in route handlers. */
function undecodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

/** Next's own test (server-action-request-meta.js): a POST to a page that may be a server action. */
function isPossibleAction(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const path = (req.url ?? "/").split("?")[0];
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  const type = req.headers["content-type"] ?? "";
  return req.headers["next-action"] !== undefined || type === "application/x-www-form-urlencoded" || type.startsWith("multipart/form-data");
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** An Origin naming another site ("null" too). No Origin at all passes, as in Next: browsers send one on every POST. */
function isForeignOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const originHost = origin === "null" ? null : hostOf(origin);
  if (!originHost) return true;
  const own = [req.headers.host?.toLowerCase(), hostOf(publicUrl)].filter(Boolean);
  return !own.includes(originHost);
}

/** What can be told from the headers alone: an action id that cannot be one, a multipart body without boundary. */
function malformedHeaders(req: IncomingMessage): boolean {
  const actionId = req.headers["next-action"];
  if (actionId !== undefined && (Array.isArray(actionId) || !/^[0-9a-f]{1,128}$/i.test(actionId))) return true;
  const type = req.headers["content-type"] ?? "";
  return type.startsWith("multipart/form-data") && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type);
}

/**
 * Watches the body as it arrives from the socket, without reading it (Next reads it, every
 * byte): counts it, and for a multipart body checks it opens and closes with its boundary.
 * Wrapping push() leaves the stream's flow exactly as Next expects it.
 */
function watchBody(req: IncomingMessage, limit: number) {
  const seen = { size: 0, head: Buffer.alloc(0), tail: Buffer.alloc(0), ended: false };
  const type = req.headers["content-type"] ?? "";
  const boundary = /;\s*boundary="?([^";\s]+)"?/i.exec(type)?.[1];
  // A fetch action's plain body is JSON (React's encodeReply); kept whole, it is at most the limit.
  const json = req.headers["next-action"] !== undefined && type.startsWith("text/plain") ? ([] as Buffer[]) : null;
  const push = req.push.bind(req);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk === null) seen.ended = true;
    else {
      seen.size += chunk.length;
      if (seen.head.length < 256) seen.head = Buffer.concat([seen.head, chunk]).subarray(0, 256);
      seen.tail = Buffer.concat([seen.tail, chunk]).subarray(-256);
      if (json && seen.size <= limit) json.push(chunk);
    }
    return push(chunk, encoding);
  };
  return {
    reason(): RefusalReason | null {
      if (seen.size > limit) return "tooLarge";
      if (!seen.ended) return null;
      if (json) return parsesAsJson(Buffer.concat(json)) ? null : "malformed";
      if (!boundary) return null;
      const opens = seen.head.toString("latin1").startsWith(`--${boundary}`);
      const closes = seen.tail.toString("latin1").trimEnd().endsWith(`--${boundary}--`);
      return opens && closes ? null : "malformed";
    },
  };
}

function parsesAsJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString("utf8"));
    return true;
  } catch {
    return false;
  }
}

function localeOf(req: IncomingMessage, options: HandlerOptions): string {
  const first = (req.url ?? "/").split(/[/?#]/)[1] ?? "";
  return first in options.messages ? first : options.defaultLocale;
}

function send(res: ServerResponse, reason: RefusalReason, locale: string, options: HandlerOptions, write = { head: res.writeHead.bind(res), end: res.end.bind(res) }) {
  const body = refusalPage(reason, locale, options.messages[locale]);
  write.head(STATUS[reason], {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
  });
  write.end(body);
  // Read and drop what the client is still sending: closing on it would show a reset, not this page.
  res.req.resume();
}

/**
 * Next answers a body it could not take (too big, cut, not the form it says) with a 500. When the
 * watcher saw why, the answer becomes ours; any other error stays Next's.
 */
function replaceBodyErrors(res: ServerResponse, watcher: ReturnType<typeof watchBody>, locale: string, options: HandlerOptions) {
  const original = { head: res.writeHead.bind(res), write: res.write.bind(res), end: res.end.bind(res) };
  let replaced = false;
  const replace = (status: number) => {
    if (replaced) return true;
    if (res.headersSent || status < 500) return false;
    const reason = watcher.reason();
    if (!reason) return false;
    replaced = true;
    res.removeHeader("content-type");
    send(res, reason, locale, options, { head: original.head, end: original.end });
    return true;
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => (replace(status) ? res : (original.head as (...args: unknown[]) => ServerResponse)(status, ...rest))) as typeof res.writeHead;
  res.write = ((...args: unknown[]) => (replace(res.statusCode) ? true : (original.write as (...a: unknown[]) => boolean)(...args))) as typeof res.write;
  res.end = ((...args: unknown[]) => (replace(res.statusCode) ? res : (original.end as (...a: unknown[]) => ServerResponse)(...args))) as typeof res.end;
}

type Chunk = { chunk: unknown; encoding?: BufferEncoding };

/**
 * A page caught mid-query when PostgreSQL stops fails with Next's 500 before the proxy can know.
 * Such an answer is held back (error pages are small), the database probed, and the reader gets
 * the readable 503 if it is down; otherwise Next's answer goes out as it was.
 */
function replaceOutageErrors(req: IncomingMessage, res: ServerResponse, databaseUp: () => Promise<boolean>, page: NonNullable<HandlerOptions["unavailablePage"]>) {
  const original = { head: res.writeHead.bind(res), write: res.write.bind(res), end: res.end.bind(res), flush: res.flushHeaders.bind(res) };
  const isError = (status: number) => status >= 500 && status !== 503;
  let holding = false;
  let head: unknown[] | null = null;
  const chunks: Chunk[] = [];
  const hold = (status: number) => (holding ||= !res.headersSent && isError(status));

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (hold(status)) {
      head = [status, ...rest];
      return res;
    }
    return (original.head as (...args: unknown[]) => ServerResponse)(status, ...rest);
  }) as typeof res.writeHead;
  res.flushHeaders = () => {
    if (!hold(res.statusCode)) original.flush();
  };
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (!hold(res.statusCode)) return (original.write as (...args: unknown[]) => boolean)(chunk, encoding, callback);
    chunks.push({ chunk, encoding: typeof encoding === "string" ? (encoding as BufferEncoding) : undefined });
    if (typeof encoding === "function") (encoding as () => void)();
    if (typeof callback === "function") (callback as () => void)();
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (!hold(res.statusCode)) return (original.end as (...args: unknown[]) => ServerResponse)(chunk, encoding, callback);
    if (typeof chunk === "function") callback = chunk;
    else if (chunk !== undefined && chunk !== null) chunks.push({ chunk, encoding: typeof encoding === "string" ? (encoding as BufferEncoding) : undefined });
    if (typeof encoding === "function") callback = encoding;
    void databaseUp()
      .catch(() => false)
      .then((up) => {
        // Node's own write and end call res.writeHead: the originals go back before anything is sent.
        Object.assign(res, { writeHead: original.head, write: original.write, end: original.end, flushHeaders: original.flush });
        if (!up) {
          const answer = page((req.url ?? "/").split("?")[0]);
          for (const name of res.getHeaderNames()) res.removeHeader(name);
          original.head(answer.status, { ...answer.headers, "Content-Length": String(Buffer.byteLength(answer.body)) });
          original.end(answer.body);
        } else {
          if (head) (original.head as (...args: unknown[]) => ServerResponse)(...head);
          for (const { chunk: c, encoding: e } of chunks) (original.write as (...args: unknown[]) => boolean)(c, e);
          original.end();
        }
        if (typeof callback === "function") (callback as () => void)();
      });
    return res;
  }) as typeof res.end;
}

/**
 * The production server's front: resolves the client's address from the socket and trusted
 * proxies into CLIENT_ADDRESS_HEADER (dropping any copy the client sent), and answers what Next
 * would turn into a 500 for a server action: a body over the limit (413), another site's Origin
 * (403), a malformed request (400), each with a short page in the URL's language.
 */
export function createRequestHandler(options: HandlerOptions) {
  const limit = options.bodyLimit ?? ACTION_BODY_LIMIT;
  return (req: IncomingMessage, res: ServerResponse) => {
    const address = resolveClientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], trusted: options.trusted });
    delete req.headers[CLIENT_ADDRESS_HEADER];
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    // Next builds some headers from the raw list: no client copy may survive there either.
    for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
      if (req.rawHeaders[i].toLowerCase() === CLIENT_ADDRESS_HEADER) req.rawHeaders.splice(i, 2);
    }
    req.rawHeaders.push(CLIENT_ADDRESS_HEADER, address);

    if (undecodablePath(req.url)) return send(res, "badAddress", localeOf(req, options), options);
    if (isPossibleAction(req)) {
      const locale = localeOf(req, options);
      if (isForeignOrigin(req, options.publicUrl)) return send(res, "foreignOrigin", locale, options);
      const length = Number(req.headers["content-length"]);
      if (Number.isFinite(length) && length > limit) return send(res, "tooLarge", locale, options);
      if (malformedHeaders(req)) return send(res, "malformed", locale, options);
      replaceBodyErrors(res, watchBody(req, limit), locale, options);
    }
    if (options.databaseUp && options.unavailablePage && !(req.url ?? "").startsWith("/_next/")) {
      replaceOutageErrors(req, res, options.databaseUp, options.unavailablePage);
    }
    return options.next(req, res);
  };
}
