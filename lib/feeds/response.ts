/** The answer for a feed: Atom, cacheable for five minutes by browsers and proxies. */
export function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}

/** A feed or calendar asked for in a language the portal does not have. */
export function feedNotFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
