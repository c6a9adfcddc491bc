/** The portal's public address (no trailing slash), for links that leave the site: emails, feeds, calendars. */
export function publicUrl(): string {
  return (process.env.PUBLIC_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
