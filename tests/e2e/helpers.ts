import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";
import pg from "pg";
import { errorCapabilities, namespaces } from "../../i18n/namespaces";
import type { AppLocale } from "../../i18n/routing";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { e2eDatabaseFile, e2eServerPort } from "../../scripts/lib/e2e-log";

export { DEMO_PASSWORD };

/** The port of the server the running test's worker uses (see ./test.ts). */
export const e2ePort = () => e2eServerPort(test.info().parallelIndex);

/** The address of the worker's throwaway database (scripts/e2e-server.ts writes it). */
export const e2eDatabaseUrl = () => readFileSync(e2eDatabaseFile(e2ePort()), "utf8").trim();

/**
 * One statement on this run's database: to read what a page cannot show (a pseudonym behind a
 * person) or to give shared demo data back after a spec changed it.
 */
export async function e2eSql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

type Catalogue = Record<string, unknown>;

/** The catalogue of a language, so tests find labels by the words a reader sees. */
export function messages(locale: AppLocale) {
  const read = (file: string) => JSON.parse(readFileSync(path.join("messages", locale, file), "utf8")) as Catalogue;
  const all: Catalogue = Object.fromEntries(namespaces.map((ns) => [ns, read(`${ns}.json`)]));
  all.errors = { ...(all.errors as Catalogue), ...Object.fromEntries(errorCapabilities.map((c) => [c, read(`errors.${c}.json`)])) };
  return (key: string, values: Record<string, string | number> = {}): string => {
    const message = key.split(".").reduce<unknown>((node, part) => (node as Catalogue | undefined)?.[part], all);
    if (typeof message !== "string") throw new Error(`No message ${locale}:${key}`);
    return message.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? `{${name}}`));
  };
}

export const PHONE_WIDTH = 360;

// The axe-core that @axe-core/playwright depends on (and report.spec.ts runs through it).
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(createRequire(require.resolve("@axe-core/playwright")).resolve("axe-core/axe.min.js"), "utf8");
// Every rule still runs; only violations are gathered in full (passes and inapplicable rules
// are not listed node by node), about a tenth of each check.
const AXE_OPTIONS: RunOptions = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"] };

/**
 * axe-core's own `axe.run` on the page, injected once per document. @axe-core/playwright's
 * analyze() injects it twice and finishes in a new blank page, for cross-origin frames we do
 * not have: 1.45 s a check against 0.44 s (0.13 s on a document already injected), measured.
 */
async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate((options) => (window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }).axe.run(document, options), AXE_OPTIONS);
}

/**
 * axe on the page as it is now (WCAG 2.x A and AA rules, no violation allowed), then the same
 * page at a 360-pixel phone width: it must not scroll sideways.
 */
export async function expectAccessible(page: Page) {
  // Every page has a title; after a client-side navigation it arrives with the streamed metadata.
  await expect(page).toHaveTitle(/\S/);
  const document = await documentFingerprint(page);
  if (documentsPassed.has(document)) return;
  const results = await runAxe(page);
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  await expectFitsPhone(page);
  documentsPassed.add(document);
}

/**
 * Documents this worker already found accessible and fitting a phone. The same markup at the same
 * width gives the same result (its stylesheets are named in it by content hash), and a fifth of
 * the suite's checks were repeats: the sign-in page and the dashboard before and after each flow.
 */
const documentsPassed = new Set<string>();

async function documentFingerprint(page: Page): Promise<string> {
  const markup = await page.evaluate(() => `${window.innerWidth}\n${document.documentElement.outerHTML}`);
  return createHash("sha256").update(markup).digest("hex");
}

/**
 * At 360 px, `document.documentElement.scrollWidth` must not exceed the viewport. On failure it
 * names the widest elements that stick out, so the fix is easy to find. The viewport is put back.
 */
export async function expectFitsPhone(page: Page) {
  const original = page.viewportSize();
  if (original?.width !== PHONE_WIDTH) await page.setViewportSize({ width: PHONE_WIDTH, height: original?.height ?? 740 });
  const { scrollWidth, viewport, culprits } = await page.evaluate(() => {
    const viewport = window.innerWidth;
    const culprits = [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).slice(0, 4).join(".") : ""} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, viewport, culprits };
  });
  if (original && original.width !== PHONE_WIDTH) await page.setViewportSize(original);
  expect(scrollWidth, `${page.url()} scrolls sideways at ${PHONE_WIDTH} px: ${culprits.join(", ")}`).toBeLessThanOrEqual(viewport);
}

/**
 * axe needs JavaScript: for a page opened with it turned off, check the same address in a
 * context that has it, carrying over the cookies.
 */
export async function expectAccessibleWithJsOff(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const context = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
  const twin = await context.newPage();
  await twin.goto(page.url());
  await expectAccessible(twin);
  await context.close();
}

export async function signIn(page: Page, locale: AppLocale, email: string, password: string) {
  const t = messages(locale);
  await page.goto(`/${locale}/sign-in`);
  await expectAccessible(page);
  await page.getByLabel(t("auth.signIn.email")).fill(email);
  await page.getByLabel(t("auth.signIn.password")).fill(password);
  await page.getByRole("button", { name: t("auth.signIn.submit") }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await expectAccessible(page);
}

/** A new context without JavaScript, signed in through the plain form (axe needs JavaScript: check with expectAccessibleWithJsOff). */
export async function signInWithoutJavaScript(browser: Browser, locale: AppLocale, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const t = messages(locale);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(t("auth.signIn.email")).fill(email);
  await page.getByLabel(t("auth.signIn.password")).fill(password);
  await page.getByRole("button", { name: t("auth.signIn.submit") }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  return page;
}

export async function signOut(page: Page, locale: AppLocale) {
  const t = messages(locale);
  await page.getByRole("button", { name: new RegExp(t("common.signOut")) }).click();
  await page.waitForURL(`**/${locale}`);
}
