import { regionSpriteSvg } from "@/components/champions/region-geometry";
import { isLocale } from "@/i18n/routing";

/**
 * The region's outlines as one SVG file that the champions' and monitoring maps <use>: the
 * browser fetches it once and keeps it, instead of every map page carrying ~40 KB of outlines.
 * The same in every language (the locale is only part of the path). A day of browser caching:
 * the outlines change only with a new atlas.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  if (!isLocale((await params).locale)) return new Response("Not found", { status: 404 });
  return new Response(regionSpriteSvg(), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
