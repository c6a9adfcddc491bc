import type { Instrumentation } from "next";

// Runs once when a server starts: every request gets an id for its log lines; in production,
// console errors are redacted too and a server without its settings must not serve.
export async function register() {
  // The Node runtime check keeps what follows out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { trackRequestIds } = await import("./lib/log/request-id");
  trackRequestIds();

  if (process.env.NODE_ENV !== "production") return;
  // What Next and libraries print goes through the same redaction as our own lines.
  const { guardConsole } = await import("./lib/log/console");
  guardConsole();
  const missing = [
    !process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET && "AUTH_SECRET",
    !process.env.DATABASE_URL && "DATABASE_URL",
  ].filter(Boolean);
  if (missing.length) {
    console.error(`${missing.join(" and ")} must be set in production. Refusing to start.`);
    globalThis.process.exit(1);
  }
}

// What Next itself caught (a page, route or action that threw) gets a redacted line with the request's id.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logError } = await import("./lib/log");
  logError("next.request", error, { method: request.method, path: request.path, route: context.routePath, routeType: context.routeType });
};
