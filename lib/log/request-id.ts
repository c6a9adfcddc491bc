import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The id of the HTTP request being served, for every log line written while serving it.
 * Next gives no hook that wraps a whole request (the proxy sees only unprefixed paths), so
 * Node's own "http.server.request.start" channel opens the scope: it runs synchronously just
 * before the server hands the request to Next, and everything Next does for that request
 * (pages, server actions, route handlers, after-commit work) inherits it. Scripts and tests
 * have no request: their lines carry no id.
 */

type Scope = { requestId: string };

// Next bundles instrumentation.ts and the app separately: one store per process, not per bundle.
const STORE = Symbol.for("puente.log.requestScope");
const TRACKING = Symbol.for("puente.log.tracking");
const shared = globalThis as typeof globalThis & { [STORE]?: AsyncLocalStorage<Scope>; [TRACKING]?: boolean };
const scope = (shared[STORE] ??= new AsyncLocalStorage<Scope>());

// A front proxy's id is kept so its logs and ours join up; anything else is replaced.
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** Runs `work` as if serving a request with this id (tests, or a job that continues a request). */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

/** Called once per server process (instrumentation.ts): every request gets an id, echoed as `x-request-id`. */
export function trackRequestIds() {
  if (shared[TRACKING]) return;
  shared[TRACKING] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const forwarded = request.headers["x-request-id"];
    const requestId = typeof forwarded === "string" && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
    scope.enterWith({ requestId });
    if (!response.headersSent) response.setHeader("x-request-id", requestId);
  });
}
