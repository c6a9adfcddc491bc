import { isLocale } from "@/i18n/routing";
import { listPublicLog } from "@/lib/audit/queries";
import { describeEntry, publicSignature } from "@/components/transparency/entries";
import { logHelpers } from "@/components/transparency/log-helpers";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

const escapeXml = (value: string) =>
  value
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** The public log as an Atom feed: the 50 newest public entries, in the language of the URL. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { t, helpers } = await logHelpers(locale);
  const { entries } = await listPublicLog(1, FEED_SIZE);

  const origin = new URL(request.url).origin;
  const pageUrl = `${origin}/${locale}/transparency`;
  const selfUrl = `${pageUrl}/feed`;
  const updated = (entries[0]?.createdAt ?? new Date(0)).toISOString();

  const items = entries.map((entry) => {
    const sentence = describeEntry(entry, helpers);
    const title =
      sentence.kind === "known"
        ? t.markup(`actions.${sentence.key}`, { ...sentence.values, org: (chunks) => chunks, session: (chunks) => chunks, report: (chunks) => chunks })
        : t("genericAction", { action: sentence.action });
    const link =
      sentence.kind === "known" && sentence.organizationSlug
        ? `${origin}/${locale}/organizations/${sentence.organizationSlug}`
        : sentence.kind === "known" && sentence.session?.id
          ? `${origin}/${locale}/sessions/${sentence.session.id}`
          : sentence.kind === "known" && sentence.report
            ? `${origin}/${locale}${sentence.report.href}`
            : `${pageUrl}#entry-${entry.id}`;
    const author = publicSignature(entry) ?? t("bySystem");
    const when = entry.createdAt.toISOString();
    return [
      "  <entry>",
      `    <id>${escapeXml(`${origin}/transparency/entries/${entry.id}`)}</id>`,
      `    <title type="text">${escapeXml(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <published>${when}</published>`,
      `    <updated>${when}</updated>`,
      `    <author><name>${escapeXml(author)}</name></author>`,
      `    <category term="${escapeXml(entry.action)}"/>`,
      `    <summary type="text">${escapeXml(`${title} ${t("byActor", { name: author })}`)}</summary>`,
      "  </entry>",
    ].join("\n");
  });

  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${escapeXml(pageUrl)}</id>`,
    `  <title type="text">${escapeXml(t("feedTitle"))}</title>`,
    `  <subtitle type="text">${escapeXml(t("feedSubtitle"))}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>`,
    "  <author><name>Puente</name></author>",
    ...items,
    "</feed>",
    "",
  ].join("\n");

  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
