import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { Actor } from "@/lib/auth/actor";
import { canManageChampions, canSuggestInitiative, verifiedMemberships } from "@/lib/champions/policy";

/** The header's per-viewer links: staff's desk, or suggesting an initiative. */
export async function ChampionTools({ actor, locale }: { actor: Actor | null; locale: AppLocale }) {
  const t = await getTranslations("champions");
  const links = [
    ...(canManageChampions(actor)
      ? [
          { href: "/champions/new", label: t("tools.new"), primary: true },
          { href: "/champions/manage", label: t("tools.manage"), primary: false },
        ]
      : []),
    ...(canSuggestInitiative(actor, verifiedMemberships(actor).length > 0) ? [{ href: "/champions/suggest", label: t("tools.suggest"), primary: false }] : []),
    ...(!actor ? [{ href: `/sign-in?next=/${locale}/champions`, label: t("tools.signIn"), primary: false }] : []),
  ];
  return (
    <>
      {links.map((l) => (
        <Link key={l.href} href={l.href} className={buttonClass(l.primary ? "primary" : "secondary") + " no-underline"}>
          {l.label}
        </Link>
      ))}
    </>
  );
}
