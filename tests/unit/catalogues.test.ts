import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorCapabilities, namespaces } from "@/i18n/namespaces";
import { locales } from "@/i18n/routing";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function placeholders(message: string): string[] {
  // {name} or {name, plural, …}; the words inside plural branches are not placeholders.
  return [...message.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
}

const files = [...namespaces.map((ns) => `${ns}.json`), ...errorCapabilities.map((cap) => `errors.${cap}.json`)];

describe("message catalogues", () => {
  for (const file of files) {
    const catalogues = Object.fromEntries(
      locales.map((locale) => [locale, JSON.parse(readFileSync(path.join("messages", locale, file), "utf8"))]),
    );
    it(`${file} has the same keys in es, en, pt and fr`, () => {
      const reference = keys(catalogues.es).sort();
      for (const locale of locales) expect(keys(catalogues[locale]).sort(), `${locale}/${file}`).toEqual(reference);
    });
    it(`${file} uses the same placeholders in every language and no empty message`, () => {
      for (const key of keys(catalogues.es)) {
        if (!key) continue;
        const get = (obj: unknown) => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
        const expected = placeholders(String(get(catalogues.es)));
        for (const locale of locales) {
          const message = get(catalogues[locale]);
          expect(typeof message === "string" && message.trim().length > 0, `${locale}/${file}: ${key}`).toBe(true);
          expect(placeholders(String(message)), `${locale}/${file}: ${key}`).toEqual(expected);
        }
      }
    });
  }
});
