import { unsubscribe } from "@/lib/email-preferences/commands";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the URL in
 * the List-Unsubscribe header, without cookies. The token (an HMAC of the person and the
 * category) is the authority; that category becomes NEVER. Only POST: a GET (a scanner
 * following links) changes nothing and gets 405. The token is never logged.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    await unsubscribe(null, { token });
    return new Response("Unsubscribed.\n", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return new Response("This unsubscribe link is not valid.\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    logError("emailPreferences.unsubscribe", error);
    return new Response("Please try again later.\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "10" } });
  }
}
