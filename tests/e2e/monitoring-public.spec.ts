import { expect, test } from "./test";
import { expectAccessible, messages } from "./helpers";

// The public monitoring pages as a visitor reads them, in three languages, with axe and at a
// 360-pixel phone width. They must work whether or not anything has been published yet.

const es = messages("es");
const en = messages("en");
const fr = messages("fr");

test("a visitor finds how to report, the summaries, the figures and the methodology", async ({ page }) => {
  await page.goto("/es");
  await page.getByRole("navigation", { name: es("common.nav.label") }).getByRole("link", { name: es("common.nav.monitoring") }).click();
  await expect(page).toHaveURL(/\/es\/monitoring$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es("monitoringPublic.title"));
  await expect(page.getByRole("link", { name: es("monitoringPublic.report.cta") })).toHaveAttribute("href", "/es/monitoring/report");
  await expect(page.getByRole("link", { name: es("monitoringPublic.report.receipt") })).toHaveAttribute("href", "/es/monitoring/receipt");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/es\/monitoring\/feed\.xml$/);
  await expectAccessible(page);

  const feed = await page.request.get("/es/monitoring/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain('xml:lang="es"');

  // A filtered link, as the map and the champion pages make it; a bad parameter is dropped.
  await page.goto("/en/monitoring?country=mx&period=not-a-period&page=-3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("monitoringPublic.title"));
  // Exact labels: once cases are published, the map and tables are named "… by country" too.
  await expect(page.getByLabel(en("monitoringPublic.filters.country"), { exact: true })).toHaveValue("mx");
  await expect(page.getByLabel(en("monitoringPublic.filters.period"), { exact: true })).toHaveValue("");
  await expectAccessible(page);

  await page.goto("/fr/monitoring/methodology");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr("monitoringPublic.methodology.title"));
  await expect(page.getByRole("heading", { level: 2, name: fr("monitoringPublic.methodology.icebergHeading") })).toBeVisible();
  await expectAccessible(page);
});

test("a champion country's page shows its monitoring section, linking to its summaries", async ({ page }) => {
  await page.goto("/es/champions/mx");
  const section = page.locator("section", { has: page.getByRole("heading", { level: 2, name: es("monitoringPublic.champion.heading") }) });
  await expect(section).toBeVisible();
  await section.getByRole("link").last().click();
  await expect(page).toHaveURL(/\/es\/monitoring\?country=mx$/);
  await page.goto("/es/champions/mx");
  await expectAccessible(page);
});
