import { XMLParser, XMLValidator } from "fast-xml-parser";

type Link = { "@_rel"?: string; "@_href": string };
type Text = string | { "#text": string; "@_type"?: string };
type Entry = {
  id: string;
  title: Text;
  summary?: Text;
  content?: Text;
  link: Link[];
  updated: string;
  published?: string;
  author?: { name: string; uri?: string };
  category?: { "@_term": string }[];
};
type Parsed = {
  feed: {
    "@_xmlns": string;
    "@_xml:lang": string;
    id: string;
    title: Text;
    subtitle?: Text;
    updated: string;
    author?: { name: string };
    link: Link[];
    entry?: Entry[];
  };
};

/** Parses an Atom document the way a reader would: entities decoded, CDATA as text. */
export function parseAtom(xml: string): Parsed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    isArray: (name) => ["entry", "link", "category"].includes(name),
  });
  return parser.parse(xml) as Parsed;
}

export const text = (value: Text | undefined) => (typeof value === "object" ? value["#text"] : value);

/** Entry titles and summaries travel as type="html": what a reader shows is the HTML's text. */
export const htmlText = (value: Text | undefined) =>
  (text(value) ?? "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
