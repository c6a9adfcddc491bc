import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, messages, signIn } from "./helpers";

// Its tests share no state with one another: any worker may take any of them.
test.describe.configure({ mode: "parallel" });

test.describe("languages", () => {
  test("/ sends each reader to their language, Spanish when unsure", async ({ browser }) => {
    for (const [acceptLanguage, expected] of [
      ["pt-BR,pt;q=0.9", "pt"],
      ["fr-CA,fr;q=0.8,en;q=0.5", "fr"],
      ["en-US,en;q=0.9", "en"],
      ["de-DE,de;q=0.9", "es"],
    ]) {
      const context = await browser.newContext({ locale: acceptLanguage.split(",")[0] });
      const page = await context.newPage();
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`/${expected}$`));
      await expect(page.locator("html")).toHaveAttribute("lang", expected);
      await context.close();
    }
  });

  test("the home page reads well in every language and the switcher keeps the page", async ({ page }) => {
    for (const locale of ["es", "en", "pt", "fr"] as const) {
      await page.goto(`/${locale}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages(locale)("home.title"));
      await expectAccessible(page);
    }
    await page.goto("/es/organizations?type=CSO");
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(/\/fr\/organizations\?type=CSO$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });

  test("an unknown page answers 404 in the reader's language", async ({ page }) => {
    const response = await page.goto("/pt/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages("pt")("common.notFound.title"));
    await expect(page).toHaveTitle(`${messages("pt")("common.notFound.title")} · ${messages("pt")("common.siteName")}`);
    await expectAccessible(page);
  });
});

test.describe("platform", () => {
  test("security headers are sent", async ({ request }) => {
    const response = await request.get("/es");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["x-powered-by"]).toBeUndefined();
    // A visitor's page sent without scripts allows none (server/hydration.ts); one that keeps them, its own.
    expect(headers["x-puente-scripts"]).toBe("none");
    expect(headers["content-security-policy"]).toContain("script-src 'none'");
    // The receipt page is never sent lean (what it shows is one reporter's: server/page-cache.ts).
    const withScripts = (await request.get("/es/monitoring/receipt")).headers();
    expect(withScripts["x-puente-scripts"]).toBeUndefined();
    expect(withScripts["content-security-policy"]).toContain("script-src 'self'");
  });

  test("every page with a feed announces it, and the feed answers Atom", async ({ page }) => {
    const pages = ["/pt/proposals?objective=7", "/en/sessions", "/fr/report", "/es/transparency", "/es/monitoring", "/en/champions", "/fr/dialogue/questions", "/pt/dialogue/consultations"];
    for (const path of pages) {
      await page.goto(path);
      const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').first().getAttribute("href");
      expect(href, path).toMatch(/\/(feed\.xml|feed)(\?|$)/);
      const feed = await page.request.get(href!);
      expect(feed.headers()["content-type"], href!).toBe("application/atom+xml; charset=utf-8");
      expect(await feed.text(), href!).toContain(`xml:lang="${path.slice(1, 3)}"`);
    }
    await page.goto("/pt/proposals?objective=7");
    // The list's feed keeps the list's filters.
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", "/pt/proposals/feed.xml?objective=7");
  });

  test("a visitor's pages may be kept for back and forward; a signed-in person's never are", async ({ request, browser }) => {
    for (const path of ["/es", "/pt/proposals", "/fr/sessions", "/en/organizations", "/es/transparency"]) {
      const cacheControl = (await request.get(path)).headers()["cache-control"] ?? "";
      expect(cacheControl, path).not.toContain("no-store");
      expect(cacheControl, path).toContain("no-cache");
      expect(cacheControl, path).toContain("private");
    }
    // Feeds and calendars keep their own caching.
    expect((await request.get("/es/transparency/feed")).headers()["cache-control"]).toContain("max-age=300");
    expect((await request.get("/es/sessions/calendar.ics")).headers()["cache-control"]).toContain("max-age=300");
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "es", "participante@puente.example", DEMO_PASSWORD);
    for (const path of ["/es", "/es/dashboard"]) {
      expect((await page.request.get(path)).headers()["cache-control"], path).toContain("no-store");
    }
    await context.close();
  });

  test("the portal has its icons, a web manifest and robots.txt", async ({ request, page }) => {
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/icon/);
    const manifest = await request.get("/manifest.webmanifest");
    expect(manifest.status()).toBe(200);
    const webManifest = await manifest.json();
    expect(webManifest).toMatchObject({ name: "Puente", theme_color: "#1e3a8a" });
    for (const icon of webManifest.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain("Disallow: /*/nominations/");
    // Every page declares them, and nothing the page asks for is missing.
    const missing: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    await page.goto("/es");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico|icon\.svg/);
    await page.waitForLoadState("networkidle");
    expect(missing).toEqual([]);
  });

  test("health answers with a database ping", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ database: "up" });
  });

  test("every section of the menu is in sight on a 360-pixel phone, with and without JavaScript", async ({ browser }) => {
    const t = messages("es");
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/es/organizations");
      const menu = page.getByRole("navigation", { name: t("common.nav.label") });
      for (const key of ["home", "sessions", "proposals", "organizations", "report", "transparency"]) {
        const link = menu.getByRole("link", { name: t(`common.nav.${key}`), exact: true });
        await expect(link).toBeVisible();
        const box = await link.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 360, `${key} is cut off at 360 px`).toBe(true);
      }
      // The menu never hides what it cannot fit behind a sideways scroll.
      expect(await menu.locator("ul").evaluate((ul) => ul.scrollWidth <= ul.clientWidth)).toBe(true);
      await context.close();
    }
  });

  test("no menu item leads to a page that is not built yet", async ({ page }) => {
    await page.goto("/es");
    const menu = page.getByRole("navigation", { name: messages("es")("common.nav.label") });
    await expect(menu.getByRole("link", { name: messages("es")("common.nav.champions") })).toHaveCount(1);
    const hrefs = await menu.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200);
  });

  test("admin and dashboard pages send visitors to sign in", async ({ page }) => {
    for (const path of ["/es/admin", "/en/dashboard", "/es/admin/organizations"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in\?next=/);
      await expectAccessible(page);
    }
  });
});
