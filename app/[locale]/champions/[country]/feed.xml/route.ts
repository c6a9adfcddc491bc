import { isLocale } from "@/i18n/routing";
import { getChampionCountry } from "@/lib/champions/queries";
import { championFeedResponse } from "../../_components/feed-response";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** One country's updates and new initiatives; a country that never was a champion is not found. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; country: string }> }) {
  const { locale, country } = await params;
  if (!isLocale(locale) || country !== country.toLowerCase()) return notFound();
  const champion = await getChampionCountry(country);
  if (!champion) return notFound();
  return championFeedResponse(request, locale, champion.country);
}
