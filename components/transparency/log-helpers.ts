import { getFormatter, getTranslations } from "next-intl/server";
import { momentInZoneFormatter } from "@/components/sessions/session-time";
import type { AppLocale } from "@/i18n/routing";
import { catalogueHelpers, DAY_FORMAT, INSTANT_FORMAT } from "./entries";

/** What the page and the feed need to turn log entries into sentences in `locale`: one source, so both say the same. */
export async function logHelpers(locale: AppLocale) {
  const [t, tc, format, inZone] = await Promise.all([
    getTranslations({ locale, namespace: "transparency" }),
    getTranslations({ locale, namespace: "common" }),
    getFormatter({ locale }),
    momentInZoneFormatter(locale),
  ]);
  const helpers = catalogueHelpers(t, (date) => format.dateTime(date, DAY_FORMAT), {
    locale,
    speakerRoleLabel: (role) => tc(`speakerRoles.${role}`),
    formatInstant: (date, zone) => (zone ? inZone(date, zone) : null) ?? format.dateTime(date, INSTANT_FORMAT),
  });
  return { t, helpers };
}
