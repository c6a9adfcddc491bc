import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

type Section = "sessions" | "proposals" | "report" | "champions";

/** A section that later issues build; the navigation already points here. */
export async function ComingSoon({ section }: { section: Section }) {
  const t = await getTranslations("common");
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <EmptyState title={t("comingSoon")} />
    </>
  );
}
