import { readFileSync } from "node:fs";
import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, messages, signIn } from "./helpers";

// Issue 15: a visitor finds the open data in their language, downloads a CSV, and the API
// answers the same rows. An admin makes a partner's key, which is shown once.

/** The first column of a CSV (ids never hold commas or quotes), without the header. */
const csvIds = (text: string) =>
  text
    .split("\r\n")
    .filter((line) => /^[0-9a-f]{8}-/.test(line))
    .map((line) => line.slice(0, 36));

test("a visitor downloads a CSV and the API answers the same rows", async ({ page }) => {
  const t = messages("en");
  await page.goto("/en/open-data");
  await expect(page.getByRole("heading", { level: 1, name: t("openData.title") })).toBeVisible();
  await expectAccessible(page);

  const title = t("openData.datasets.proposals.title");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: t("openData.csvLabel", { title }), exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("puente-proposals.csv");
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^id,organizationId,title,/);
  const fromFile = new Set(csvIds(csv));
  expect(fromFile.size).toBeGreaterThan(10);
  await expect(page.getByTestId("count-proposals")).toHaveText(`${fromFile.size} rows`);

  // The API, page by page, following each next link.
  const fromApi: string[] = [];
  let next: string | null = "/api/v1/proposals?limit=10";
  while (next) {
    const response = await page.request.get(next);
    expect(response.status()).toBe(200);
    expect(response.headers()["etag"]).toBeTruthy();
    const body = (await response.json()) as { data: { id: string }[]; next: string | null };
    fromApi.push(...body.data.map((row) => row.id));
    next = body.next;
  }
  expect(new Set(fromApi)).toEqual(fromFile);

  // The data package describes the file the visitor downloaded.
  const descriptor = (await (await page.request.get("/open-data/datapackage.json")).json()) as { resources: { name: string; path: string }[]; licenses: { name: string }[] };
  expect(descriptor.licenses[0].name).toBe("CC-BY-4.0");
  expect(descriptor.resources.find((r) => r.name === "proposals")?.path).toBe("proposals.csv");
  expect((await page.request.get("/api/v1/openapi.json")).status()).toBe(200);
});

test("the open-data page in Portuguese, its field descriptions in a native disclosure (no script)", async ({ page }) => {
  const t = messages("pt");
  await page.goto("/pt/open-data");
  await expect(page.getByRole("heading", { level: 1, name: t("openData.title") })).toBeVisible();
  await page.getByText(t("openData.fieldsSummary", { count: 10 })).first().click();
  await expect(page.getByText(t("openData.fields.slug")).first()).toBeVisible();
  await expectAccessible(page);
});

test("an admin makes a partner's key, sees it once, and revokes it", async ({ page }) => {
  const t = messages("es");
  await signIn(page, "es", "admin@puente.example", DEMO_PASSWORD);
  await page.goto("/es/admin/api-keys");
  await expectAccessible(page);
  await page.getByLabel(t("openData.keys.partner")).fill("Equipo de datos OIM");
  await page.getByRole("button", { name: t("openData.keys.create") }).click();
  const key = (await page.getByTestId("api-key").textContent())!.trim();
  expect(key).toMatch(/^pk_/);
  await expectAccessible(page);
  const withKey = await page.request.get("/api/v1/sessions", { headers: { authorization: `Bearer ${key}` } });
  expect(withKey.status()).toBe(200);
  expect(withKey.headers()["ratelimit-limit"]).toBe("600");
  // Shown once: a fresh visit lists the key by its first characters only.
  await page.goto("/es/admin/api-keys");
  await expect(page.getByTestId("api-key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  await page.getByRole("button", { name: new RegExp(t("openData.keys.revoke")) }).first().click();
  await expect(page.getByText(t("openData.keys.revoked", { date: "" }).trim()).first()).toBeVisible();
  expect((await page.request.get("/api/v1/sessions", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
});
