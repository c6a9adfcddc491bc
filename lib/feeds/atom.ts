import { Feed } from "feed";

export type AtomEntry = {
  /** A URI that never changes for this entry. */
  id: string;
  /** Plain text. */
  title: string;
  /** Absolute URL of the entry's page. */
  link: string;
  updated: Date;
  published?: Date;
  /** Plain text. */
  summary?: string;
  /** HTML, already safe to show (it is sent as is). */
  content?: string;
  author?: string;
  /** Absolute URL of the author's public page (Atom's <uri>), e.g. a vouching organization a pseudonymous author chose to name. */
  authorUri?: string;
  /** Machine terms (letters, digits, `.`, `_`, `:`, `-`); anything else is left out. */
  categories?: string[];
};

export type AtomFeedInput = {
  /** A URI that never changes for this feed. */
  id: string;
  /** Plain text. */
  title: string;
  /** Plain text. */
  subtitle?: string;
  /** The feed's own absolute URL (rel="self"). */
  link: string;
  /** The HTML page the feed follows (rel="alternate"). */
  alternate: string;
  updated: Date;
  /** BCP 47 tag, written as xml:lang on the feed. */
  language: string;
  author?: string;
  entries: AtomEntry[];
};

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

// Characters XML 1.0 does not allow at all: the library would write them and break the feed.
const xmlSafe = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

// The library sends entry titles and summaries as type="html"; plain text must not become markup.
const asHtml = (text: string) =>
  xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

// The library escapes only `&` in a category's attribute; a quote would break the XML.
const safeTerm = (term: string) => /^[\w.:-]+$/.test(term);

/** An Atom 1.0 document, written by the `feed` package. */
export function atomFeed(input: AtomFeedInput): string {
  const feed = new Feed({
    id: xmlSafe(input.id),
    title: xmlSafe(input.title),
    description: input.subtitle === undefined ? undefined : xmlSafe(input.subtitle),
    link: input.alternate,
    feed: input.link,
    updated: input.updated,
    language: input.language,
    author: input.author === undefined ? undefined : { name: xmlSafe(input.author) },
    // No <generator>: the feed says what it is about, not what wrote it.
    generator: false,
  });
  for (const entry of input.entries) {
    feed.addItem({
      id: entry.id,
      title: asHtml(entry.title),
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      description: entry.summary === undefined ? undefined : asHtml(entry.summary),
      content: entry.content === undefined ? undefined : xmlSafe(entry.content),
      author: entry.author === undefined ? undefined : [{ name: xmlSafe(entry.author), link: entry.authorUri }],
      category: entry.categories?.filter(safeTerm).map((term) => ({ term })),
    });
  }
  const xml = feed.atom1();
  // The library's atom1() ignores the language; Atom carries it as xml:lang on the root.
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.language) || !xml.includes(ATOM_ROOT)) {
    throw new Error(`atomFeed: cannot mark the language "${input.language}"`);
  }
  return xml.replace(ATOM_ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${input.language}">`);
}
