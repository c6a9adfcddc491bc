/** The keys of messages/<locale>/errors.request.json. */
export type RefusalReason = "tooLarge" | "foreignOrigin" | "malformed" | "badAddress";
export type RequestMessages = Record<RefusalReason, { title: string; body: string }> & { back: string };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** A page that reads well on a phone with no script and no stylesheet from the app. */
export function refusalPage(reason: RefusalReason, locale: string, messages: RequestMessages): string {
  const { title, body } = messages[reason];
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Puente</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2937;overflow-wrap:anywhere}a{color:#1d4ed8}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
<p><a href="/${escapeHtml(locale)}">${escapeHtml(messages.back)}</a></p>
</main>
</body>
</html>
`;
}
