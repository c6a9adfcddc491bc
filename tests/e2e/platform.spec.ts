import { expect, test } from "@playwright/test";
import { expectAccessible, messages } from "./helpers";

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
  });

  test("health answers with a database ping", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ database: "up" });
  });

  test("pages fit a 360-pixel phone", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ["/es", "/es/organizations", "/es/transparency", "/es/sign-in"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
    await context.close();
  });

  test("admin and dashboard pages send visitors to sign in", async ({ page }) => {
    for (const path of ["/es/admin", "/en/dashboard", "/es/admin/organizations"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in\?next=/);
      await expectAccessible(page);
    }
  });
});
