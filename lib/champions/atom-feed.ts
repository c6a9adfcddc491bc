// A minimal Atom writer behind the signature of lib/feeds/atom.ts (the `feed` package, on the map
// branch): once that lands, the feed routes import atomFeed from there and this file goes.

export type AtomEntry = { id: string; title: string; link: string; updated: Date; summary?: string; content?: string; author?: string };
export type AtomFeedInput = { id: string; title: string; link: string; alternate: string; updated: Date; language: string; entries: AtomEntry[] };

const escapeXml = (value: string) =>
  value
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** `link` is the feed's own address (rel=self), `alternate` the page it mirrors. */
export function atomFeed(feed: AtomFeedInput): string {
  const entries = feed.entries.map((e) =>
    [
      "  <entry>",
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title type="text">${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      e.author ? `    <author><name>${escapeXml(e.author)}</name></author>` : null,
      e.summary ? `    <summary type="text">${escapeXml(e.summary)}</summary>` : null,
      e.content ? `    <content type="text">${escapeXml(e.content)}</content>` : null,
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.link)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    "  <author><name>Puente</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
