import { createHash } from "node:crypto";
import { z } from "zod";
import { addressFromHeader, CLIENT_ADDRESS_HEADER } from "@/lib/rate-limit/client-address";
import { currentCount, recordHit, type RateLimitRule } from "@/lib/rate-limit/consume";
import { findActiveApiKey } from "./api-keys";
import { findDataset } from "./registry";
import { project, type Dataset } from "./types";

// The read-only API: /api/v1/<dataset>?limit=&cursor=. The same rows as the files (the same
// registry), a page at a time, with an opaque cursor, an ETag, rate limits and errors as
// problem details (RFC 9457). Every input is checked before any query, so no input reaches
// the database unchecked.

export const API_MAX_LIMIT = 100;
export const API_DEFAULT_LIMIT = 50;
/** Requests a minute: per address without a key, per key with one. */
export const API_LIMITS = { anonymous: 60, key: 600 } as const;
const WINDOW_SECONDS = 60;

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };

export type Problem = { type: string; title: string; status: number; detail: string };

export function problem(status: number, title: string, detail: string, headers: Record<string, string> = {}): Response {
  const body: Problem = { type: "about:blank", title, status, detail };
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

/** The cursor: the dataset and the last id read, base64url JSON, so clients treat it as opaque. */
export const encodeCursor = (dataset: string, after: string): string => Buffer.from(JSON.stringify([dataset, after])).toString("base64url");

export function decodeCursor(dataset: Dataset, cursor: string): string | null {
  if (cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const parsed = z.tuple([z.literal(dataset.name), z.string().max(200)]).safeParse(value);
    return parsed.success && dataset.idPattern.test(parsed.data[1]) ? parsed.data[1] : null;
  } catch {
    return null;
  }
}

const limitSchema = z.string().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().int().min(1).max(API_MAX_LIMIT));

/** The key a partner sends: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
function sentKey(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return bearer?.[1] ?? request.headers.get("x-api-key");
}

async function rateLimit(request: Request): Promise<Response | { headers: Record<string, string> }> {
  const key = sentKey(request);
  let rule: RateLimitRule;
  if (key !== null) {
    const keyId = await findActiveApiKey(key.trim());
    if (!keyId) return problem(401, "Unauthorized", "This API key is not valid or was revoked. Requests without a key are welcome, with lower limits.");
    rule = { key: `api:key:${keyId}`, limit: API_LIMITS.key, windowSeconds: WINDOW_SECONDS };
  } else {
    // The address the entry point resolved from the socket, as every rate limit of the app.
    rule = { key: `api:ip:${addressFromHeader(request.headers.get(CLIENT_ADDRESS_HEADER))}`, limit: API_LIMITS.anonymous, windowSeconds: WINDOW_SECONDS };
  }
  const used = await currentCount(rule);
  const headers = { "RateLimit-Limit": String(rule.limit), "RateLimit-Remaining": String(Math.max(0, rule.limit - used - 1)) };
  if (used >= rule.limit) return problem(429, "Too Many Requests", `At most ${rule.limit} requests a minute.`, { ...headers, "Retry-After": String(WINDOW_SECONDS) });
  await recordHit([rule]);
  return { headers };
}

export const etagOf = (body: string): string => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** If-None-Match names this ETag (a list, weak or strong, or *). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** GET /api/v1/<name>. `base` is the absolute URL of the API (the `next` link is built on it). */
export async function answerDatasetRequest(request: Request, name: string): Promise<Response> {
  const dataset = findDataset(name);
  if (!dataset) return problem(404, "Not Found", "There is no dataset of that name. /api/v1/openapi.json lists them.");
  const url = new URL(request.url);
  const rawLimit = url.searchParams.get("limit");
  const limit = rawLimit === null ? { success: true as const, data: API_DEFAULT_LIMIT } : limitSchema.safeParse(rawLimit);
  if (!limit.success) return problem(400, "Bad Request", `limit must be a whole number from 1 to ${API_MAX_LIMIT}.`);
  const rawCursor = url.searchParams.get("cursor");
  const after = rawCursor === null ? null : decodeCursor(dataset, rawCursor);
  if (rawCursor !== null && after === null) return problem(400, "Bad Request", "cursor is not one this API gave (use the next link of the previous page).");

  const limited = await rateLimit(request);
  if (limited instanceof Response) return limited;

  // One more row than asked tells whether a next page exists.
  const rows = await dataset.page(after, limit.data + 1);
  const page = rows.slice(0, limit.data);
  let next: string | null = null;
  if (rows.length > limit.data) {
    const nextUrl = new URL(`/api/v1/${dataset.name}`, url);
    nextUrl.searchParams.set("limit", String(limit.data));
    nextUrl.searchParams.set("cursor", encodeCursor(dataset.name, page[page.length - 1].id));
    next = nextUrl.pathname + nextUrl.search;
  }
  const body = JSON.stringify({ data: page.map((row) => project(dataset, row)), next });
  const etag = etagOf(body);
  const headers = { ...limited.headers, ETag: etag, "Cache-Control": "public, max-age=60" };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...JSON_HEADERS, ...headers } });
}
