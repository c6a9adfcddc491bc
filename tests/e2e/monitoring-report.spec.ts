import { expect, test, type Page } from "./test";
import { expectAccessible, expectAccessibleWithJsOff, messages } from "./helpers";

// Issue 13, the reporter's side: someone with no account and no JavaScript reports a detention
// in Spanish, gets a receipt code in the answer to the POST (never in a URL), and opens the case
// with it. The same pages with JavaScript are checked with axe at 360 px too.

const es = messages("es");
const CODE = /^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/;

async function fillReport(page: Page) {
  await page.getByRole("combobox", { name: es("monitoring.report.country") }).selectOption("MX");
  await page.getByLabel(es("monitoring.report.place")).fill("Chiapas");
  await page.getByLabel(es("monitoring.report.occurredFrom")).fill("2026-01-10");
  await page.getByRole("checkbox", { name: es("monitoring.categories.DETENTION"), exact: true }).check();
  await page.getByLabel(es("monitoring.report.affected")).fill("Un grupo de unas quince personas, entre ellas niños.");
  await page.getByRole("combobox", { name: es("monitoring.report.perpetrator") }).selectOption("STATE_AGENTS");
  await page.getByLabel(es("monitoring.report.narrative")).fill("Fueron retenidas durante tres días en una estación migratoria sin acceso a un abogado.");
}

async function fileAndReadCode(page: Page): Promise<string> {
  await page.goto("/es/monitoring/report");
  await fillReport(page);
  await page.getByRole("button", { name: es("monitoring.report.submit") }).click();
  const code = page.getByTestId("receipt-code");
  await expect(code).toBeVisible();
  const text = (await code.textContent())?.trim() ?? "";
  expect(text).toMatch(CODE);
  expect(page.url()).not.toContain(text);
  return text;
}

async function openReceipt(page: Page, code: string) {
  await page.goto("/es/monitoring/receipt");
  await page.getByLabel(es("monitoring.receipt.code")).fill(code.toLowerCase());
  await page.getByRole("button", { name: es("monitoring.receipt.open") }).click();
  await expect(page.getByTestId("receipt-status")).toHaveText(es("monitoring.statuses.RECEIVED"));
  expect(page.url()).not.toContain(code);
}

test("an anonymous report in Spanish without JavaScript, its receipt code, and the case's status", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/es/monitoring/report");
  await expect(page.getByRole("heading", { level: 1, name: es("monitoring.report.title") })).toBeVisible();
  await expectAccessibleWithJsOff(page);

  // A mistake first: the answer keeps what was typed and says what is wrong.
  await fillReport(page);
  await page.getByLabel(es("monitoring.report.evidenceLinks")).fill("javascript:alert(1)");
  await page.getByRole("button", { name: es("monitoring.report.submit") }).click();
  await expect(page.getByText(es("errors.invalidUrl")).first()).toBeVisible();
  await expect(page.getByLabel(es("monitoring.report.place"))).toHaveValue("Chiapas");
  await page.getByLabel(es("monitoring.report.evidenceLinks")).fill("");
  await page.getByRole("button", { name: es("monitoring.report.submit") }).click();

  const code = page.getByTestId("receipt-code");
  await expect(code).toBeVisible();
  const receipt = (await code.textContent())?.trim() ?? "";
  expect(receipt).toMatch(CODE);
  expect(page.url()).not.toContain(receipt);
  await expect(page.getByText(es("monitoring.done.keepTitle"))).toBeVisible();
  expect((await context.cookies()).map((c) => c.value).join()).not.toContain(receipt);

  await page.goto("/es/monitoring/receipt");
  await expectAccessibleWithJsOff(page);
  // A wrong code: one plain answer.
  await page.getByLabel(es("monitoring.receipt.code")).fill("0000-0000-0000-0000-0000-0000");
  await page.getByRole("button", { name: es("monitoring.receipt.open") }).click();
  await expect(page.getByText(es("errors.monitoring.noReport"))).toBeVisible();

  await openReceipt(page, receipt);
  await expect(page.getByText(es("monitoring.receipt.noMessages"))).toBeVisible();
  // The reviewers' side (messages to the reporter) is another branch: the flow stops here.
  await context.close();
});

test("the success page and the case view pass axe at 360 px (with JavaScript)", async ({ page }) => {
  await page.goto("/es/monitoring/report");
  await expectAccessible(page);
  const receipt = await fileAndReadCode(page);
  await expectAccessible(page);
  await openReceipt(page, receipt);
  await expectAccessible(page);
  await page.getByRole("textbox", { name: es("monitoring.receipt.reply") }).fill("Sigo disponible para contar más.");
  await page.getByRole("button", { name: es("monitoring.receipt.send") }).click();
  await expect(page.getByText(es("monitoring.receipt.replied"))).toBeVisible();
  await expect(page.getByText("Sigo disponible para contar más.")).toBeVisible();
  await expectAccessible(page);
});
