/** Structured log lines; callers pass context, never passwords, tokens or report contents. */
export function logError(context: string, error: unknown, extra: Record<string, unknown> = {}) {
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  console.error(JSON.stringify({ level: "error", at: new Date().toISOString(), context, ...extra, error: err }));
}

export function logInfo(context: string, extra: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: "info", at: new Date().toISOString(), context, ...extra }));
}
