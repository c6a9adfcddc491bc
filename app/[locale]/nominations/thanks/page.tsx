import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";

const RESULTS = ["accepted", "declined", "withdrawn"] as const;
type Result = (typeof RESULTS)[number];

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "nominee.thanks" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Where the nominee lands after answering through their link (which then no longer works). Says nothing about any nomination. */
export default async function NomineeThanksPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await resolvePageLocale(params);
  const { r } = await searchParams;
  const result = typeof r === "string" && (RESULTS as readonly string[]).includes(r) ? (r as Result) : null;
  const t = await getTranslations("nominee.thanks");
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t("title")} />
      <Alert tone="success">{result ? t(result) : t("done")}</Alert>
      <p>
        <Link href="/sessions" className="text-blue-800 underline underline-offset-2">
          {t("sessions")}
        </Link>
      </p>
    </div>
  );
}
