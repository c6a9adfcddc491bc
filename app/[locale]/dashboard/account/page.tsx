import { redirect } from "next/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";

/** The account page moved to /account (issue 15); old links and bookmarks land there. */
export default async function MovedAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const { ended } = await searchParams;
  redirect(`/${locale}/account${ended === "one" || ended === "others" ? `?ended=${ended}` : ""}`);
}
