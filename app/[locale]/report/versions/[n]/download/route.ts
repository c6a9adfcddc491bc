import { isLocale } from "@/i18n/routing";
import { getCurrentActor } from "@/lib/auth/session";
import { getVersionSource } from "@/lib/report/queries";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A version's text as a Markdown file (?lang= for an attached translation). A draft exists only
 * for staff and the committee: for anyone else it is not found, like its page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; n: string }> }) {
  const { locale, n } = await params;
  if (!isLocale(locale) || !/^\d{1,7}$/.test(n)) return notFound();
  const lang = new URL(request.url).searchParams.get("lang");
  if (lang !== null && !isLocale(lang)) return notFound();
  const actor = await getCurrentActor();
  const source = await getVersionSource(actor, Number(n), lang);
  if (!source) return notFound();
  const filename = `informe-v${source.number}-${source.language}.md`;
  // The title on top, unless the text starts with its own heading.
  const body = source.body.trimEnd();
  const text = /^#{1,6}\s/.test(body) ? `${body}\n` : `# ${source.title}\n\n${body}\n`;
  return new Response(text, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Drafts and signed-in readers must not be cached by anyone in between.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
