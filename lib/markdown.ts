import MarkdownIt from "markdown-it";

/**
 * The one Markdown configuration of the site: proposals, session summaries and the report.
 * Markdown written by users, rendered for everyone. Safe by construction:
 * - `html: false`: raw HTML in the source is escaped, never passed through;
 * - links only to http(s), mailto or the same site (no javascript:, data:, vbscript:…),
 *   marked rel="nofollow ugc noopener" (user content);
 * - no images (they would load from anywhere and have no reliable text alternative);
 * - headings start at level 3, under the page's own h1 and h2.
 */
export const MARKDOWN_OPTIONS = { html: false, linkify: true, typographer: false, breaks: false } as const;

/**
 * A parser with the site's options and without images. lib/report/paragraphs.ts splits the
 * report into blocks with one (parsing only); rendering adds the link rules below.
 */
export function markdownParser() {
  return new MarkdownIt(MARKDOWN_OPTIONS).disable("image");
}

const md = markdownParser();

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

md.validateLink = (url: string) => {
  const trimmed = url.trim();
  const scheme = SCHEME.exec(trimmed);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1].toLowerCase());
  // No scheme: a path or a fragment on this site, but never protocol-relative ("//other.site").
  return !/^[\\/]{2}/.test(trimmed);
};

/** How many levels rendered headings move down: the page has the h1 and section h2s. */
export const MARKDOWN_HEADING_OFFSET = 2;

md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const level = Number(tokens[idx].tag.slice(1));
  tokens[idx].tag = `h${Math.min(6, level + MARKDOWN_HEADING_OFFSET)}`;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
  const level = Number(tokens[idx].tag.slice(1));
  tokens[idx].tag = `h${Math.min(6, level + MARKDOWN_HEADING_OFFSET)}`;
  return self.renderToken(tokens, idx, options);
};

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx].attrSet("rel", "nofollow ugc noopener");
  return self.renderToken(tokens, idx, options);
};

/** HTML for a Markdown text written by a user; safe to put in the page as is. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
