import type { Subregion } from "@/lib/generated/prisma/enums";

// The 33 countries of Latin America and the Caribbean by the sub-regions the review uses
// for balance. Any other country is the diaspora.
const SUBREGION_BY_COUNTRY: Record<string, Exclude<Subregion, "DIASPORA">> = {
  MX: "MEXICO_CENTRAL_AMERICA", GT: "MEXICO_CENTRAL_AMERICA", BZ: "MEXICO_CENTRAL_AMERICA", SV: "MEXICO_CENTRAL_AMERICA",
  HN: "MEXICO_CENTRAL_AMERICA", NI: "MEXICO_CENTRAL_AMERICA", CR: "MEXICO_CENTRAL_AMERICA", PA: "MEXICO_CENTRAL_AMERICA",
  CU: "CARIBBEAN", DO: "CARIBBEAN", HT: "CARIBBEAN", JM: "CARIBBEAN", TT: "CARIBBEAN", BS: "CARIBBEAN", BB: "CARIBBEAN",
  AG: "CARIBBEAN", DM: "CARIBBEAN", GD: "CARIBBEAN", KN: "CARIBBEAN", LC: "CARIBBEAN", VC: "CARIBBEAN", GY: "CARIBBEAN",
  SR: "CARIBBEAN",
  CO: "ANDEAN", VE: "ANDEAN", EC: "ANDEAN", PE: "ANDEAN", BO: "ANDEAN",
  BR: "SOUTHERN_CONE_BRAZIL", AR: "SOUTHERN_CONE_BRAZIL", CL: "SOUTHERN_CONE_BRAZIL", UY: "SOUTHERN_CONE_BRAZIL",
  PY: "SOUTHERN_CONE_BRAZIL",
};

export const LAC_COUNTRIES = Object.keys(SUBREGION_BY_COUNTRY);

export const SUBREGIONS: Subregion[] = ["MEXICO_CENTRAL_AMERICA", "CARIBBEAN", "ANDEAN", "SOUTHERN_CONE_BRAZIL", "DIASPORA"];

/** The sub-region of an organization based in `country`; `isDiaspora` overrides it. */
export function subregionFor(country: string, isDiaspora = false): Subregion {
  if (isDiaspora) return "DIASPORA";
  return SUBREGION_BY_COUNTRY[country.toUpperCase()] ?? "DIASPORA";
}
