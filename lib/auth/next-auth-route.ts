import "server-only";
import { decodeSegment, publicUrl } from "@/lib/url";
import { sessionCookieName } from "./secret";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];
const MAX_CALLBACK_URL = 2048;

/** next-auth's own test of a callbackUrl (it answers 500 to anything else): a path, or an http(s) URL. */
export function isCallbackUrl(value: string): boolean {
  if (value.length > MAX_CALLBACK_URL) return false;
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? publicUrl() : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) {
      return decodeSegment(part.slice(at + 1).trim());
    }
  }
  return undefined;
}

/** A cookie that writes a session (not one that clears it): `name=<something>` or a chunk `name.0=…`. */
function writesSession(setCookie: string): boolean {
  const name = sessionCookieName();
  const [pair] = setCookie.split(";");
  const at = pair.indexOf("=");
  const key = pair.slice(0, at).trim();
  return (key === name || key.startsWith(`${name}.`)) && pair.slice(at + 1).trim() !== "";
}

/** The same response without any Set-Cookie that would write a session cookie (clearing ones stay). */
export function withoutSessionRenewal(response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (!cookies.some(writesSession)) return response;
  const headers = new Headers();
  response.headers.forEach((value, key) => {
    if (key.toLowerCase() !== "set-cookie") headers.append(key, value);
  });
  for (const cookie of cookies) if (!writesSession(cookie)) headers.append("set-cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Wraps next-auth's route handler:
 * - its base URL is PUBLIC_URL's (next-auth reads NEXTAUTH_URL, else assumes http://localhost:3000);
 * - a callbackUrl (query or cookie) that is not a URL is answered 400 (the bad cookie cleared)
 *   instead of next-auth's 500;
 * - /session never hands back a fresh cookie: a session lasts 30 days from sign-in, and an ended
 *   or expired one gets only the clearing cookie.
 */
export function portalNextAuth(handler: Handler): Handler {
  return async (request, context) => {
    process.env.NEXTAUTH_URL = `${publicUrl()}/api/auth`;
    const url = new URL(request.url);
    const param = url.searchParams.get("callbackUrl");
    if (param !== null && !isCallbackUrl(param)) return badRequest("callbackUrl is not a URL of this site");
    const badCookies = CALLBACK_COOKIES.filter((name) => {
      const value = cookieValue(request, name);
      return value !== undefined && !isCallbackUrl(value);
    });
    if (badCookies.length) return badRequest("the callback-url cookie is not a URL; it was cleared, try again", badCookies);
    const { nextauth = [] } = await context.params;
    const response = await handler(request, context);
    return nextauth[0] === "session" ? withoutSessionRenewal(response) : response;
  };
}

function badRequest(message: string, clearCookies: string[] = []): Response {
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
  for (const name of clearCookies) {
    headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
  }
  return new Response(JSON.stringify({ error: message }), { status: 400, headers });
}
