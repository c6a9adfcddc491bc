import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collator, dateTimeFormat, numberFormat } from "@/lib/i18n/intl-cache";

const locales = ["es", "en", "pt", "fr"] as const;
const zones = ["America/Tegucigalpa", "America/Mexico_City", "UTC", "Europe/Madrid", "America/New_York"];

describe("kept Intl formatters", () => {
  it("builds one formatter per locale and options, and formats as a new one would", () => {
    fc.assert(
      fc.property(fc.constantFrom(...locales), fc.constantFrom(...zones), fc.date({ min: new Date(2000, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true }), (locale, zone, date) => {
        const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", hour: "numeric", minute: "2-digit", timeZone: zone };
        const kept = dateTimeFormat(locale, options);
        expect(dateTimeFormat(locale, { ...options })).toBe(kept);
        expect(kept.format(date)).toBe(new Intl.DateTimeFormat(locale, options).format(date));
      }),
    );
  });

  it("keeps options apart: another zone or field is another formatter", () => {
    const date = new Date("2026-03-10T16:00:00Z");
    expect(dateTimeFormat("es", { hour: "numeric", timeZone: "UTC" })).not.toBe(dateTimeFormat("es", { hour: "numeric", timeZone: "America/Tegucigalpa" }));
    expect(dateTimeFormat("es", { hour: "numeric", timeZone: "UTC" }).format(date)).not.toBe(dateTimeFormat("es", { hour: "numeric", timeZone: "America/Tegucigalpa" }).format(date));
  });

  it("sorts and counts in the reader's language", () => {
    expect(collator("es")).toBe(collator("es"));
    expect(["Perú", "Panamá", "Paraguay"].sort(collator("es").compare)).toEqual(["Panamá", "Paraguay", "Perú"]);
    expect(numberFormat("fr").format(12345)).toBe(new Intl.NumberFormat("fr").format(12345));
    expect(numberFormat("en").format(12345)).toBe("12,345");
  });
});
