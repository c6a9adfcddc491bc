import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { PublicSpeaker } from "@/lib/sessions/queries";

/**
 * The confirmed speakers with their role, and their name, organization and short bio where they
 * allowed it to be published. Nothing else about them is ever loaded for this page.
 */
export async function SessionSpeakers({ speakers }: { speakers: PublicSpeaker[] }) {
  const [t, tc] = await Promise.all([getTranslations("sessions"), getTranslations("common")]);
  return (
    <section aria-labelledby="speakers-heading">
      <h2 id="speakers-heading" className="mb-3 text-xl font-semibold text-slate-950">
        {t("speakers.heading")}
      </h2>
      {speakers.length === 0 ? (
        <p className="text-slate-800">{t("speakers.none")}</p>
      ) : (
        <ul className="space-y-4">
          {speakers.map((s) => (
            <li key={s.id} className="rounded-lg border border-slate-300 bg-white p-4">
              <h3 className="font-semibold text-slate-950">
                {s.name ?? <span className="italic text-slate-800">{t("speakers.nameWithheld")}</span>}
              </h3>
              <p className="text-sm font-medium text-slate-700">{tc(`speakerRoles.${s.role}`)}</p>
              {s.organizationName ? (
                <p className="text-slate-900">
                  {s.organizationSlug ? <Link href={`/organizations/${s.organizationSlug}`}>{s.organizationName}</Link> : s.organizationName}
                </p>
              ) : null}
              {s.bio ? <p className="mt-2 whitespace-pre-line text-slate-900">{s.bio}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
