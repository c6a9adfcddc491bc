import type { OrganizationStatus } from "@/lib/generated/prisma/enums";
import { countryOptions } from "@/lib/i18n/countries";
import type { AppLocale } from "@/i18n/routing";
import { LAC_COUNTRIES } from "./subregions";

/** Countries for a select: Latin America and the Caribbean first, then the rest, each by name. */
export function countrySelectOptions(locale: AppLocale) {
  const lac = new Set(LAC_COUNTRIES);
  return [...countryOptions(locale, LAC_COUNTRIES), ...countryOptions(locale).filter((o) => !lac.has(o.value))];
}

/** The colour of a status badge (the text always says the status too). */
export const STATUS_TONE: Record<OrganizationStatus, "warning" | "success" | "danger"> = {
  PENDING: "warning",
  VERIFIED: "success",
  REJECTED: "danger",
  SUSPENDED: "danger",
};
