/** What a paragraph anchor looks like ("p-" + base36 as lib/report/paragraphs.ts makes them): the one pattern every reader checks. */
export const ANCHOR_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
