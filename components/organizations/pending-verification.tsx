import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import type { OwnPendingOrganization } from "@/lib/organizations/queries";

/**
 * What a member of an organization waiting for verification may do now and what waits: shown
 * on the proposal form and the dashboard, so both tell the same story.
 */
export async function PendingVerificationNotice({ organizations }: { organizations: OwnPendingOrganization[] }) {
  if (organizations.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("organizations.pendingNotice"), getFormatter()]);
  return (
    <Alert tone="info" title={t("title")}>
      <ul className="space-y-1">
        {organizations.map((o) => (
          <li key={o.id}>
            <Link href={`/organizations/${o.slug}`} className="font-medium underline">
              {o.name}
            </Link>
            {": "}
            {t("since", { date: format.dateTime(o.createdAt, { day: "numeric", month: "long", year: "numeric" }) })}
          </li>
        ))}
      </ul>
      <p className="mt-2">{t("next")}</p>
      <p className="mt-2">{t("now")}</p>
      <p className="mt-2">{t("waits")}</p>
    </Alert>
  );
}
