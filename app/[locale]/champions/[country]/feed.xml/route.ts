import { isLocale } from "@/i18n/routing";
import { getChampionCountry } from "@/lib/champions/queries";
import { feedNotFound } from "@/lib/feeds/response";
import { championFeedResponse } from "../../_components/feed-response";

export const dynamic = "force-dynamic";

/** One country's updates and new initiatives; a country that never was a champion is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; country: string }> }) {
  const { locale, country } = await params;
  if (!isLocale(locale) || country !== country.toLowerCase()) return feedNotFound();
  const champion = await getChampionCountry(country);
  if (!champion) return feedNotFound();
  return championFeedResponse(locale, champion.country);
}
