import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { followLiveQuestions, LIVE_QUESTIONS_POLL_MS, refreshLeanPage } from "../components/sessions/live-questions";
import { fillLocalTimes, localTimeLine } from "../components/sessions/local-time-line";
import { SESSION_DATE_TIME } from "../lib/sessions/date-time-format";
import type { NextHandler } from "./handler";
import { cacheKey } from "./page-cache";

/**
 * Public pages sent to anonymous visitors without Next's and React's scripts when nothing on
 * them needs a script: no hydration, so a phone downloads and runs no JavaScript (137 KB
 * gzipped otherwise, Next's and React's runtime, whatever the page) and the HTML loses the RSC
 * payload that repeats it for hydration (`/es`: 45 → 15 KB). Every page already works without
 * JavaScript; links become ordinary page loads, which the page cache answers in a millisecond.
 *
 * Next 16 cannot leave the runtime out of an App Router page, so the front does it, and fails
 * safe: the scripts go only when every client component the page's RSC payload names is
 * Next's own or listed below (complete as the server rendered it), and the page holds no inline
 * script of another kind. Any other client component keeps the page's scripts.
 */
export const COMPLETE_WITHOUT_SCRIPT: Readonly<Record<string, string>> = {
  "components/layout/language-switcher.tsx": "plain links, rendered with the page's path and query",
  "components/layout/client-texts.tsx": "words for the error page, which only a running script can reach",
  "app/[locale]/error.tsx": "the error boundary: a page already rendered has no script left to fail",
  "components/ui/action-form.tsx": "a form bound to a server action: without a script it posts, and the page comes back with its state (errors next to the fields, what was typed); every form is tested so",
  "app/[locale]/monitoring/_components/report-form.tsx": "the monitoring report form, as action-form.tsx: its receipt code comes in the answer to the POST, with or without a script",
  "components/ui/button.tsx": "a submit button; its pending state is a nicety the form does without",
  "components/ui/field.tsx": "a field's label, hint and errors, read from an action state a GET form has none of",
  "components/ui/select.tsx": "a select, as field.tsx",
  "components/ui/checkbox-group.tsx": "checkboxes, as field.tsx",
  "components/report/print-button.tsx": "shown only by a script; without one the page says to use the browser's Print",
  "components/sessions/local-time.tsx": "a placeholder that LOCAL_TIME_SCRIPT fills on a page without Next's scripts",
  "app/[locale]/sessions/[id]/_components/questions-live.tsx": "a live region; LIVE_QUESTIONS_SCRIPT keeps the list current on a page without Next's scripts",
};

/** Client module ids (as the RSC payload names them) → their file, relative to the project. */
export type ClientModules = ReadonlyMap<string, string>;

/** Every client module of the build, from the client reference manifests `next build` writes. */
export function readClientModules(distDir: string): ClientModules {
  const modules = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith("_client-reference-manifest.js")) {
        // `globalThis.__RSC_MANIFEST["/route"] = {...};`: JSON after the `=`.
        for (const match of readFileSync(file, "utf8").matchAll(/^globalThis\.__RSC_MANIFEST\[".*?"\] = (\{.*\});?$/gm)) {
          const manifest = JSON.parse(match[1]) as { clientModules?: Record<string, { id: string | number }> };
          for (const [name, { id }] of Object.entries(manifest.clientModules ?? {})) {
            modules.set(String(id), name.replace(/^\[project\]\//, "").replace(/ <[^>]*>$/, ""));
          }
        }
      }
    }
  };
  try {
    walk(path.join(distDir, "server", "app"));
  } catch {
    // No build to read: every page keeps its scripts.
  }
  return modules;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const PAYLOAD_CHUNK = /^\(?self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)\.push\(\[0\]\)$|^self\.__next_f\.push\((\[[\s\S]*\])\)$/;
// Turbopack's list of the chunks the runtime is to load.
const CHUNK_LIST = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(/;
const LINK = /<link\b[^>]*>/g;
const isScriptPreload = (tag: string) => /\brel="modulepreload"/.test(tag) || (/\brel="preload"/.test(tag) && /\bas="script"/.test(tag));

/** Whether a client module may stay unhydrated: Next's own, or complete as the server rendered it. */
const completeWithoutScript = (file: string) => file.startsWith("node_modules/next/") || Object.hasOwn(COMPLETE_WITHOUT_SCRIPT, file);

/**
 * Why a page needs its scripts: the client modules (or the inline script) that need one; empty
 * when it can go without. `html` is a whole document.
 */
export function scriptsNeededBy(html: string, modules: ClientModules): string[] {
  let payload = "";
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\bsrc=/.test(attributes)) continue;
    const content = body.trim();
    if (CHUNK_LIST.test(content)) continue;
    const chunk = PAYLOAD_CHUNK.exec(content);
    // An inline script of another kind (React's streaming of a late Suspense boundary, say):
    // the page may not be whole without it.
    if (!chunk) return [`an inline script: ${content.slice(0, 40)}`];
    if (chunk[1] === undefined) continue;
    let data: unknown;
    try {
      data = JSON.parse(chunk[1]);
    } catch {
      return ["an RSC chunk that is not JSON"];
    }
    if (Array.isArray(data) && data[0] === 1 && typeof data[1] === "string") payload += data[1];
  }
  if (!payload) return ["no RSC payload: not a page Next rendered"];
  // Client references in the payload: `<row>:I[<module id>,[<chunks>],"<export>"]`.
  const needed = new Set<string>();
  for (const [, reference] of payload.matchAll(/^[0-9a-f]+:I(\[.*\])$/gm)) {
    let id: unknown;
    try {
      id = (JSON.parse(reference) as unknown[])[0];
    } catch {
      needed.add(`an unreadable client reference`);
      continue;
    }
    const file = modules.get(String(id));
    if (!file) needed.add(`client module ${String(id)}, not in the build's manifests`);
    else if (!completeWithoutScript(file)) needed.add(file);
  }
  return [...needed];
}

/** The page without its scripts, or null when it needs them (scriptsNeededBy says why). */
export function withoutScripts(html: string, modules: ClientModules): string | null {
  if (scriptsNeededBy(html, modules).length > 0) return null;
  return html.replace(SCRIPT, "").replace(LINK, (tag) => (isScriptPreload(tag) ? "" : tag));
}

/**
 * A function's source as the server compiled it, to run in a browser: tsx (the server's loader)
 * compiles with esbuild's keepNames, which wraps inner functions in a `__name` helper that only
 * the server has, so the script brings a do-nothing one of its own.
 */
function browserScript(call: string): string {
  return /\b__name\(/.test(call) ? `(function(){var __name=function(f){return f};${call}})();` : call;
}

/**
 * What a page sent without Next's scripts still runs, inline where it is needed, each allowed by
 * its hash: the reader's local time, 1.3 KB (584 bytes gzipped), from
 * components/sessions/local-time-line.ts; a live session's questions kept current, from
 * components/sessions/live-questions.ts. Both are the functions the hydrated components use, sent
 * as their source.
 */
export const LOCAL_TIME_SCRIPT = browserScript(`(${fillLocalTimes.toString()})(document, ${localTimeLine.toString()}, ${JSON.stringify(SESSION_DATE_TIME)});`);
export const LIVE_QUESTIONS_SCRIPT = browserScript(`(${refreshLeanPage.toString()})(document, ${followLiveQuestions.toString()}, ${LIVE_QUESTIONS_POLL_MS});`);
const scriptHash = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
export const LOCAL_TIME_SCRIPT_HASH = scriptHash(LOCAL_TIME_SCRIPT);
export const LIVE_QUESTIONS_SCRIPT_HASH = scriptHash(LIVE_QUESTIONS_SCRIPT);

/** Each inline script, and the attribute that, in a page's markup, says the page needs it. */
const LEAN_PAGE_SCRIPTS = [
  { marker: "data-local-time=", script: LOCAL_TIME_SCRIPT, hash: LOCAL_TIME_SCRIPT_HASH },
  { marker: "data-live-questions=", script: LIVE_QUESTIONS_SCRIPT, hash: LIVE_QUESTIONS_SCRIPT_HASH },
];

/** The policy with only `sources` (or none) in place of its script sources. */
export function withoutScriptSources(policy: string, sources: string[] = []): string {
  const directives = policy.split(";").map((d) => d.trim()).filter((d) => d && !/^script-src(?:-elem|-attr)?\s/i.test(`${d} `));
  return [...directives, `script-src ${sources.length ? sources.join(" ") : "'none'"}`].join("; ");
}

const BUFFER_LIMIT = 8 * 1024 * 1024;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript))/;

/**
 * Next's handler, with the answers to anonymous page requests (those the page cache could keep)
 * held until complete, sent without scripts when `withoutScripts` allows, and gzipped here
 * (Next's compression is skipped for them: it would hand over compressed bytes). Placed under the
 * page cache, which then keeps what visitors get.
 */
export function serveWithoutScripts(next: NextHandler, modules: ClientModules): NextHandler {
  return (req, res) => {
    if (!cacheKey(req)) return next(req, res);
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    delete req.headers["accept-encoding"];
    return hold(req, res, next, modules, gzip);
  };
}

type Callback = (error?: Error | null) => void;

function hold(req: IncomingMessage, res: ServerResponse, next: NextHandler, modules: ClientModules, gzip: boolean) {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const flushHeaders = res.flushHeaders.bind(res);
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const chunks: Buffer[] = [];
  let size = 0;
  let held = true;
  const restore = () => {
    held = false;
    res.write = write as typeof res.write;
    res.end = end as typeof res.end;
    res.flushHeaders = flushHeaders;
    res.writeHead = writeHead as typeof res.writeHead;
  };
  const toBuffer = (chunk: unknown, encoding: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  // A body too big to hold (none of ours is) goes out as it comes, untouched.
  const letGo = () => {
    restore();
    for (const chunk of chunks.splice(0)) write(chunk);
  };

  // Headers go out with the body, once it is known. (Next's compression, even when it has
  // nothing to compress, writes the head before the first chunk.)
  res.flushHeaders = () => {};
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (!held) return write(chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
      const buffer = toBuffer(chunk, encoding);
      chunks.push(buffer);
      size += buffer.length;
    }
    const done = [encoding, callback].find((arg): arg is Callback => typeof arg === "function");
    if (size > BUFFER_LIMIT) letGo();
    done?.();
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    const done = [chunk, encoding, callback].find((arg): arg is Callback => typeof arg === "function");
    const data = typeof chunk === "function" ? undefined : chunk;
    if (!held) return end(data ?? "", typeof encoding === "string" ? encoding : undefined, done);
    if (data !== undefined && data !== null) chunks.push(toBuffer(data, encoding));
    restore();
    let body = Buffer.concat(chunks);
    if (res.headersSent) return end(body, done);
    const type = String(res.getHeader("content-type") ?? "");
    if (res.statusCode === 200 && type.startsWith("text/html")) {
      let lean = withoutScripts(body.toString("utf8"), modules);
      if (lean !== null) {
        const bodyEnd = lean.lastIndexOf("</body>");
        const needed = bodyEnd >= 0 ? LEAN_PAGE_SCRIPTS.filter(({ marker }) => lean!.includes(marker)) : [];
        if (needed.length) lean = `${lean.slice(0, bodyEnd)}${needed.map(({ script }) => `<script>${script}</script>`).join("")}${lean.slice(bodyEnd)}`;
        body = Buffer.from(lean, "utf8");
        res.setHeader("x-puente-scripts", "none");
        // A page without Next's scripts allows no other (but its own inline scripts, by hash):
        // markup slipped in somewhere could not run one.
        const policy = res.getHeader("content-security-policy");
        if (typeof policy === "string") res.setHeader("content-security-policy", withoutScriptSources(policy, needed.map(({ hash }) => hash)));
      }
    }
    if (gzip && COMPRESSIBLE.test(type) && body.length > 1024) {
      body = gzipSync(body);
      res.setHeader("content-encoding", "gzip");
    }
    const vary = String(res.getHeader("vary") ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.removeHeader("transfer-encoding");
    res.setHeader("content-length", body.length);
    return end(body, done);
  }) as typeof res.end;
  return next(req, res);
}
