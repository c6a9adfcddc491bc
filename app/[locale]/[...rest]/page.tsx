import { notFound } from "next/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";

// Unknown paths under a language render that language's not-found page.
export default async function CatchAll({ params }: { params: Promise<{ locale: string }> }) {
  await resolvePageLocale(params);
  notFound();
}
