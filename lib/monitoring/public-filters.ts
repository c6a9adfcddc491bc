import { z } from "zod";
import { MonitoringCategory } from "@/lib/generated/prisma/enums";
import { isCountryCode } from "@/lib/i18n/countries";
import { queryInt } from "@/lib/validation/text";

// The public monitoring page's filters, read from the URL. A bad value is dropped, never refused:
// a shared link with a stale filter still shows a list.

export const MONITORING_CATEGORIES = Object.values(MonitoringCategory) as [MonitoringCategory, ...MonitoringCategory[]];
// Each summary is shown whole (it has no page of its own): eight keep the page under 60 KB.
export const SUMMARIES_PAGE_SIZE = 8;
export const MAX_SUMMARIES_PAGE = 250;

/** A year ("2026") or a quarter ("2026-Q2"), years 2000–2100. */
const PERIOD = /^(20\d{2}|2100)(?:-Q([1-4]))?$/;

export const monitoringFiltersSchema = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .catch(undefined)
    .transform((v) => (v && isCountryCode(v) ? v : undefined)),
  category: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(MONITORING_CATEGORIES).optional().catch(undefined)),
  period: z
    .string()
    .trim()
    .toUpperCase()
    .max(7)
    .optional()
    .catch(undefined)
    .transform((v) => (v && PERIOD.test(v) ? v : undefined)),
  page: queryInt({ min: 1, max: MAX_SUMMARIES_PAGE }),
});
export type MonitoringFilters = z.output<typeof monitoringFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

/** Never throws: every unknown or malformed value reads as "no filter". */
export function parseMonitoringFilters(params: SearchParams): MonitoringFilters {
  return monitoringFiltersSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
}

/** The first day of the period and the first day after it (UTC dates). */
export function periodRange(period: string): { from: Date; to: Date } | null {
  const match = PERIOD.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (!match[2]) return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
  const q = Number(match[2]);
  return { from: new Date(Date.UTC(year, (q - 1) * 3, 1)), to: new Date(Date.UTC(year, q * 3, 1)) };
}

/** "2026-Q2" for a date. */
export const quarterOf = (date: Date) => `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;

/** Every quarter from `first` to `last` inclusive, in order. */
export function quarterRange(first: string, last: string): string[] {
  const index = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(-1)) - 1;
  const out: string[] = [];
  for (let i = index(first); i <= index(last); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

/** The filters as URL query values, so pagination and language links keep them. */
export function monitoringFiltersToQuery(filters: MonitoringFilters): Record<string, string | undefined> {
  return { country: filters.country?.toLowerCase(), category: filters.category, period: filters.period };
}
