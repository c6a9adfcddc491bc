/** The portal's public address (no trailing slash), for links that leave the site: emails, feeds, calendars. */
export function publicUrl(): string {
  return (process.env.PUBLIC_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** A path segment decoded once more, or as it came when it cannot be ("%E0"): never a thrown URIError (a 500). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
