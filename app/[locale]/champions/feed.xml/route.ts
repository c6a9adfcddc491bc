import { isLocale } from "@/i18n/routing";
import { feedNotFound } from "@/lib/feeds/response";
import { championFeedResponse } from "../_components/feed-response";

export const dynamic = "force-dynamic";

/** Updates and new initiatives of every champion country, in the language of the URL. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  return championFeedResponse(locale);
}
