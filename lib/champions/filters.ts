import { z } from "zod";
import { Addressee, CommitmentStatus, InclusionLevel } from "@/lib/generated/prisma/enums";
import { isCountryCode } from "@/lib/i18n/countries";
import { queryInt } from "@/lib/validation/text";

// The filters of the champion pages and the follow-up list, read from the URL. A bad value is
// dropped rather than refused: a shared link with a stale filter still shows a list.

// Ten a page, like the other public lists: the champions page stays under 60 KB of HTML (issue 16).
export const COMMITMENTS_PAGE_SIZE = 10;
// Deep pages cost an OFFSET scan; the lists are small, so a low bound is no loss.
export const MAX_COMMITMENTS_PAGE = 200;

const enumValues = <T extends Record<string, string>>(values: T) => Object.values(values) as [T[keyof T], ...T[keyof T][]];
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(values).optional().catch(undefined));

const countryParam = z
  .string()
  .trim()
  .toUpperCase()
  .optional()
  .catch(undefined)
  .transform((v) => (v && isCountryCode(v) ? v : undefined));

export const initiativeFiltersSchema = z.object({
  country: countryParam,
  objective: queryInt({ min: 1, max: 23 }),
  status: optionalEnum(enumValues(CommitmentStatus)),
  inclusion: optionalEnum(enumValues(InclusionLevel)),
  page: queryInt({ min: 1, max: MAX_COMMITMENTS_PAGE }),
});
export type InitiativeFilters = z.output<typeof initiativeFiltersSchema>;

export const recommendationFiltersSchema = z.object({
  addressee: optionalEnum(enumValues(Addressee)),
  status: optionalEnum(enumValues(CommitmentStatus)),
  page: queryInt({ min: 1, max: MAX_COMMITMENTS_PAGE }),
});
export type RecommendationFilters = z.output<typeof recommendationFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;
const firstValues = (params: SearchParams) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

/** Never throws: every unknown or malformed value reads as "no filter". */
export const parseInitiativeFilters = (params: SearchParams): InitiativeFilters => initiativeFiltersSchema.parse(firstValues(params));
export const parseRecommendationFilters = (params: SearchParams): RecommendationFilters => recommendationFiltersSchema.parse(firstValues(params));

/** The filters as URL query values, so pagination and language links keep them. */
export function filtersToQuery(filters: InitiativeFilters | RecommendationFilters): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([key]) => key !== "page")
      .map(([key, value]) => [key, value === undefined ? undefined : key === "country" ? String(value).toLowerCase() : String(value)]),
  );
}
