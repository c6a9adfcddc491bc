import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientTexts } from "@/i18n/client-texts";
import { localizedHref } from "@/i18n/navigation";
import { locales } from "@/i18n/routing";

// Issue 16: only what client components use goes to the browser. There is no
// NextIntlClientProvider: forms get their messages translated by the action (runFormAction),
// client components their words as props, the error page three sentences (ClientTexts). So a
// client component reaching for next-intl would crash in the browser, or ship a catalogue: these
// tests read every "use client" file, and every file it imports, and fail first.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const read = (file: string) => readFileSync(file, "utf8");
const isClient = (file: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(read(file));
const clientFiles = ["app", "components", "lib"].flatMap(filesUnder).filter(isClient);

const specifiers = (source: string) => [...source.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);

/** A project file an import names, or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return path.normalize(candidate);
  }
  return null;
}

/** What would put the i18n runtime or a catalogue into the browser's code. */
function forbidden(specifier: string): string | null {
  if (specifier === "next-intl" || specifier.startsWith("next-intl/") || specifier === "use-intl" || specifier.startsWith("use-intl/")) return "next-intl (there is no NextIntlClientProvider)";
  if (/(^|\/)messages\/.*\.json$/.test(specifier) || specifier === "@/i18n/messages") return "a message catalogue";
  if (specifier === "@/i18n/navigation") return "next-intl's navigation (server-only: use next/link with a localized href from the server)";
  return null;
}

/** Every project file the browser code of `entry` imports, type-only imports left out. */
function browserGraph(entry: string): { files: string[]; problems: string[] } {
  const seen = new Set<string>();
  const problems: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = read(file).replace(/^import type [^;]+;$/gm, "");
    for (const specifier of specifiers(source)) {
      const why = forbidden(specifier);
      if (why) problems.push(`${file} imports ${specifier}: ${why}`);
      const next = resolveImport(file, specifier);
      if (next) visit(next);
    }
  };
  visit(entry);
  return { files: [...seen], problems };
}

describe("what client components take from the catalogues", () => {
  it("finds the client components (the scan works)", () => {
    expect(clientFiles.length).toBeGreaterThanOrEqual(10);
    expect(clientFiles).toContain(path.normalize("components/ui/action-form.tsx"));
    expect(clientFiles).toContain(path.normalize("app/[locale]/error.tsx"));
  });

  it("is nothing from next-intl or a catalogue, in any client file or anything it imports", () => {
    const problems = clientFiles.flatMap((file) => browserGraph(file).problems);
    expect([...new Set(problems)]).toEqual([]);
  });

  it("would catch a client component that used useTranslations, directly or through a helper", () => {
    expect(forbidden("next-intl")).not.toBeNull();
    expect(forbidden("@/i18n/navigation")).not.toBeNull();
    expect(forbidden("../../messages/es/errors.json")).not.toBeNull();
    expect(forbidden("next/navigation")).toBeNull();
    // The scan follows imports: field.tsx reaches action-form.tsx and lib/forms/state.ts.
    expect(browserGraph(path.normalize("components/ui/field.tsx")).files).toEqual(
      expect.arrayContaining([path.normalize("components/ui/action-form.tsx"), path.normalize("lib/forms/state.ts")]),
    );
  });

  it("never hands a catalogue over in a provider, nor imports next-intl's navigation even on the server", () => {
    const everywhere = ["app", "components", "lib", "i18n"].flatMap(filesUnder);
    const withProvider = everywhere.filter((file) => /<NextIntlClientProvider\b|\bgetMessages\(/.test(read(file)));
    expect(withProvider).toEqual([]);
    // Its server createNavigation imports its client Link: the build then ships it, and use-intl
    // with it (13 KB gzipped, measured), on every page that imports the module, rendered or not.
    const withNavigation = everywhere.filter((file) => specifiers(read(file)).some((s) => s === "next-intl/navigation" || s === "next-intl/react-client"));
    expect(withNavigation).toEqual([]);
  });

  it("localizes a link's path on the server the way next-intl's Link did", () => {
    expect(localizedHref("/", "en")).toBe("/en");
    expect(localizedHref("/proposals", "pt")).toBe("/pt/proposals");
    expect(localizedHref("/proposals?page=2", "es")).toBe("/es/proposals?page=2");
    expect(localizedHref({ pathname: "/sign-in", query: { next: "/es/invitations/a b", skip: undefined, ids: ["1", "2"] } }, "fr")).toBe(
      "/fr/sign-in?next=%2Fes%2Finvitations%2Fa+b&ids=1&ids=2",
    );
    expect(localizedHref("https://www.un.org/", "es")).toBe("https://www.un.org/");
    expect(localizedHref("//cdn.example/x", "es")).toBe("//cdn.example/x");
    expect(localizedHref("#main", "es")).toBe("#main");
  });

  it("posts the page's language with every form that shows an action's answer, so the action can translate it", () => {
    const forms = clientFiles.filter((file) => /useActionState\(/.test(read(file)));
    expect(forms.length).toBeGreaterThanOrEqual(4);
    for (const file of forms) expect(read(file), `${file} has a form with an action state but no <FormLocale />`).toMatch(/<FormLocale \/>/);
  });

  it("gives the error page its three sentences in each language, and nothing more (a few hundred bytes)", async () => {
    const all = await Promise.all(locales.map(clientTexts));
    for (const texts of all) {
      expect(Object.keys(texts)).toEqual(["errorPage"]);
      for (const text of Object.values(texts.errorPage)) expect(text.trim().length).toBeGreaterThan(0);
      expect(Buffer.byteLength(JSON.stringify(texts))).toBeLessThanOrEqual(400);
    }
    expect(new Set(all.map((texts) => texts.errorPage.title)).size).toBe(locales.length);
  }, 60_000); // loads every catalogue of the four languages: slow on a busy machine
});
