/**
 * Words cut at a word boundary, for lists that link to the whole text (a list of hundreds of
 * rows must not carry every summary or comment whole: each character is sent twice, in the HTML
 * and in the payload Next inlines for hydration).
 */
export function excerpt(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
