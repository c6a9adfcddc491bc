import { logger } from "./log/logger";

/**
 * Structured log lines (JSON, one per line). Whatever callers pass is redacted before it is
 * written (lib/log/redact.ts: passwords, tokens, cookies, report text… at any depth), and a
 * line written while serving a request carries its `requestId`.
 */

// The line's own fields: a caller's `extra` cannot overwrite them.
const RESERVED = new Set(["level", "at", "context", "requestId", "error", "msg"]);

function fields(extra: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(extra).filter(([key]) => !RESERVED.has(key)));
}

export function logError(context: string, error: unknown, extra: Record<string, unknown> = {}) {
  logger.error({ context, ...fields(extra), error: error instanceof Error ? error : { value: error } });
}

export function logInfo(context: string, extra: Record<string, unknown> = {}) {
  logger.info({ context, ...fields(extra) });
}
