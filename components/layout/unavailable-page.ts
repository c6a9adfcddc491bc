import en from "@/messages/en/errors.json";
import es from "@/messages/es/errors.json";
import fr from "@/messages/fr/errors.json";
import pt from "@/messages/pt/errors.json";
import { defaultLocale, isLocale, type AppLocale } from "@/i18n/routing";

const catalogues: Record<AppLocale, { unavailable: { title: string; body: string; retry: string } }> = { es, en, pt, fr };
const RETRY_AFTER_SECONDS = 10;

const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * The page answered while the database is down: plain HTML in the language of the address, no
 * script, no query, so it always renders. 503 with Retry-After, never cached. The proxy sends it
 * as a Response; the production entry point (server/handler.ts) writes it to Node's response.
 */
export function unavailablePage(pathname: string): { status: 503; headers: Record<string, string>; body: string } {
  const segment = pathname.split("/")[1];
  const locale: AppLocale = isLocale(segment) ? segment : defaultLocale;
  const t = catalogues[locale].unavailable;
  const html = `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(t.title)} · Puente</title>
<style>body{margin:0;font-family:system-ui,sans-serif;color:#0f172a;background:#fff}main{max-width:36rem;margin:0 auto;padding:3rem 1rem;text-align:center}h1{font-size:1.5rem}a{color:#1e40af;font-weight:600}</style>
</head>
<body>
<main>
<p><strong>Puente</strong></p>
<h1>${escape(t.title)}</h1>
<p>${escape(t.body)}</p>
<p><a href="${escape(pathname.replace(/^\/+/, "/"))}">${escape(t.retry)}</a></p>
</main>
</body>
</html>
`;
  return {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) },
    body: html,
  };
}

export function unavailableResponse(pathname: string): Response {
  const page = unavailablePage(pathname);
  return new Response(page.body, { status: page.status, headers: page.headers });
}
