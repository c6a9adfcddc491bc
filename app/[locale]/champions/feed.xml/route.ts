import { isLocale } from "@/i18n/routing";
import { championFeedResponse } from "../_components/feed-response";

export const dynamic = "force-dynamic";

/** Updates and new initiatives of every champion country, in the language of the URL. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return championFeedResponse(request, locale);
}
