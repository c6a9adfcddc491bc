import { expect, test, type Browser, type BrowserContext, type Page } from "./test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Issue 13 from end to end: an admin makes two reviewers on the roles page; someone with no
// account and no JavaScript reports in Spanish; reviewer A asks a question, the reporter answers
// through the receipt page, A verifies the case and writes the redacted summary but cannot approve
// it; reviewer B approves and publishes; a visitor reads it in English with the country's count
// suppressed. Nothing the reporter wrote, and never the receipt code, leaves the sealed side.

const es = messages("es");
const en = messages("en");

const ADMIN = "admin@puente.example";
const REVIEWER_A = { email: "staff.oim@puente.example", name: "Lucía Herrera (OIM)" }; // staff
const REVIEWER_B = { email: "carlos@redandina.example", name: "Carlos Quishpe", search: "redandina" }; // committee member
// A country no other spec reports in, so its published count is this test's case alone.
const COUNTRY = { code: "GT", name: "Guatemala" };
const CATEGORY = "DEFENDER_HARASSMENT";
const RISK_QUESTIONS = ["identifiesPerson", "identifiesReporter", "placeTooPrecise", "dateTooPrecise", "retaliationRisk"] as const;

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const MARK = {
  narrative: `relato-sellado-${tag}`,
  place: `lugar-sellado-${tag}`,
  contact: `contacto-${tag}@correo.example`,
  question: `pregunta-${tag}`,
  answer: `respuesta-${tag}`,
};
const SUMMARY_TITLE = `Hostigamiento a una organización defensora en Guatemala (${tag})`;

/** The tenth of last month (UTC): in the past whatever today is, and the summary's month. */
const lastMonth = (() => {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10));
  return { day: d.toISOString().slice(0, 10), month: d.toISOString().slice(0, 7) };
})();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A catalogue message with a {placeholder} as a pattern, the placeholder matching anything. */
const pattern = (message: string) => new RegExp(message.split(/\{\w+\}/).map(escape).join(".+"));

/** Every address any page of the test asks for (documents, scripts, actions, redirects). */
const visited: string[] = [];
async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  context.on("request", (request) => visited.push(request.url()));
  return { context, page: await context.newPage() };
}

/**
 * axe on a page answered to a POST without JavaScript (the receipt code, the case view): axe
 * cannot run where scripts are off, and a GET of the same address shows an empty form. The DOM
 * as served is replayed, without its scripts, at the same address in a context with JavaScript.
 */
async function expectAccessibleAsServed(page: Page) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const context = await browser.newContext({ javaScriptEnabled: true });
  await context.route(page.url(), (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  const twin = await context.newPage();
  await twin.goto(page.url());
  await expectAccessible(twin);
  await context.close();
}

async function grantReviewer(page: Page, email: string) {
  const form = page.getByRole("form", { name: es("admin.roles.grantHeading") });
  await form.getByLabel(es("admin.roles.emailLabel")).fill(email);
  await form.getByRole("combobox", { name: es("admin.roles.roleLabel") }).selectOption({ label: es("admin.roleNames.MONITORING_REVIEWER") });
  await form.getByRole("button", { name: es("admin.roles.grant") }).click();
  await expect(form.getByText(es("admin.roles.granted"))).toBeVisible();
}

async function openCaseFromQueue(page: Page) {
  await page.goto("/es/dashboard/monitoring");
  await expect(page.getByRole("heading", { level: 1, name: es("monitoringReview.title") })).toBeVisible();
  const row = page
    .getByRole("row")
    .filter({ hasText: COUNTRY.name })
    .filter({ hasText: es(`monitoringReview.categoryNames.${CATEGORY}`) });
  await expect(row).toHaveCount(1);
  await expectAccessible(page);
  await row.getByRole("link", { name: new RegExp(escape(es("monitoringReview.queue.open"))) }).click();
  await expect(page).toHaveURL(/\/es\/dashboard\/monitoring\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pattern(es("monitoringReview.case.title")));
  return row;
}

const stateOf = (page: Page) => page.getByRole("region", { name: es("monitoringReview.case.stateHeading"), exact: true });
const summaryOf = (page: Page) => page.getByRole("region", { name: es("monitoringReview.summary.heading"), exact: true });

async function setStatus(page: Page, status: "UNDER_REVIEW" | "VERIFIED") {
  const form = page.getByRole("form", { name: es("monitoringReview.status.heading"), exact: true });
  await form.getByRole("combobox", { name: es("monitoringReview.status.label") }).selectOption({ label: es(`monitoringReview.statuses.${status}`) });
  await form.getByRole("button", { name: es("monitoringReview.status.submit") }).click();
  await expect(stateOf(page).getByRole("definition").first()).toHaveText(es(`monitoringReview.statuses.${status}`));
}

test("a report without JavaScript goes through two reviewers to a public, suppressed summary, and nothing sealed leaks", async ({ browser }) => {
  test.setTimeout(240_000);

  // ── An admin makes two monitoring reviewers on the roles page (A by address, B through the search). ──
  {
    const { context, page } = await newContext(browser);
    await signIn(page, "es", ADMIN, DEMO_PASSWORD);
    await page.goto("/es/admin/roles");
    await expectAccessible(page);
    await grantReviewer(page, REVIEWER_A.email);
    await page.getByRole("searchbox", { name: es("admin.search.label") }).fill(REVIEWER_B.search);
    await page.getByRole("button", { name: es("admin.search.submit"), exact: true }).click();
    await page.getByRole("row", { name: new RegExp(escape(REVIEWER_B.name)) }).getByRole("link", { name: new RegExp(escape(es("admin.search.choose"))) }).click();
    await expect(page.getByText(es("admin.search.picked", { name: REVIEWER_B.name, email: REVIEWER_B.email }))).toBeVisible();
    await expect(page.getByLabel(es("admin.roles.emailLabel"))).toHaveValue(REVIEWER_B.email);
    await expectAccessible(page);
    await grantReviewer(page, REVIEWER_B.email);
    const holders = page.getByRole("region", { name: es("admin.roles.caption") });
    for (const reviewer of [REVIEWER_A, REVIEWER_B]) {
      await expect(holders.getByRole("row", { name: new RegExp(escape(reviewer.name)) })).toContainText(es("admin.roleNames.MONITORING_REVIEWER"));
    }
    await expectAccessible(page);
    await context.close();
  }

  // ── The reporter, anonymous, in Spanish, without JavaScript. ──
  const reporter = await newContext(browser, { javaScriptEnabled: false });
  const rp = reporter.page;
  await rp.goto("/es/monitoring/report");
  await expect(rp.getByRole("heading", { level: 1, name: es("monitoring.report.title") })).toBeVisible();
  await expectAccessibleWithJsOff(rp);
  await rp.getByRole("combobox", { name: es("monitoring.report.country") }).selectOption(COUNTRY.code);
  await rp.getByLabel(es("monitoring.report.place")).fill(MARK.place);
  await rp.getByLabel(es("monitoring.report.occurredFrom")).fill(lastMonth.day);
  await rp.getByRole("checkbox", { name: es(`monitoring.categories.${CATEGORY}`), exact: true }).check();
  await rp.getByLabel(es("monitoring.report.affected")).fill("Las personas que trabajan en una organización que acompaña a migrantes.");
  await rp.getByRole("combobox", { name: es("monitoring.report.perpetrator") }).selectOption("STATE_AGENTS");
  await rp.getByLabel(es("monitoring.report.narrative")).fill(`Agentes vigilaron la oficina durante semanas y fotografiaron a quienes entraban. ${MARK.narrative}`);
  await rp.getByRole("checkbox", { name: es("monitoring.report.consentPublish") }).check();
  await rp.getByRole("checkbox", { name: es("monitoring.report.consentContact") }).check();
  await rp.getByLabel(es("monitoring.report.contact"), { exact: true }).fill(MARK.contact);
  await rp.getByRole("button", { name: es("monitoring.report.submit") }).click();

  const codeBox = rp.getByTestId("receipt-code");
  await expect(codeBox).toBeVisible();
  const receipt = (await codeBox.textContent())?.trim() ?? "";
  expect(receipt).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(rp.url()).toMatch(/\/es\/monitoring\/report$/);
  await expectAccessibleAsServed(rp);

  // ── Reviewer A: opens the case from the queue, takes the lock, asks the reporter a question. ──
  const a = await newContext(browser);
  const ap = a.page;
  await signIn(ap, "es", REVIEWER_A.email, DEMO_PASSWORD);
  await openCaseFromQueue(ap);
  const sealed = ap.getByRole("region", { name: es("monitoringReview.case.reportHeading") });
  await expect(sealed).toContainText(MARK.narrative);
  await expect(sealed).toContainText(MARK.place);
  await expect(sealed).toContainText(MARK.contact);
  await expect(stateOf(ap).getByRole("definition").first()).toHaveText(es("monitoringReview.statuses.RECEIVED"));
  await expectAccessible(ap);

  await ap.getByRole("button", { name: es("monitoringReview.lock.take") }).click();
  await expect(ap.getByText(pattern(es("monitoringReview.lock.mine")))).toBeVisible();

  const question = `¿Recuerda en qué semana empezó la vigilancia? ${MARK.question}`;
  const messageForm = ap.getByRole("form", { name: es("monitoringReview.messages.label") });
  await messageForm.getByLabel(es("monitoringReview.messages.label")).fill(question);
  await messageForm.getByRole("button", { name: es("monitoringReview.messages.submit"), exact: true }).click();
  const thread = ap.getByRole("region", { name: es("monitoringReview.messages.heading") });
  await expect(thread.getByRole("listitem").filter({ hasText: MARK.question })).toBeVisible();
  await expectAccessible(ap);

  // ── The reporter, still without JavaScript, opens the case with the code and answers. ──
  await rp.goto("/es/monitoring/receipt");
  await expectAccessibleWithJsOff(rp);
  await rp.getByLabel(es("monitoring.receipt.code")).fill(receipt);
  await rp.getByRole("button", { name: es("monitoring.receipt.open") }).click();
  await expect(rp.getByTestId("receipt-status")).toHaveText(es("monitoring.statuses.RECEIVED"));
  const reporterThread = rp.getByRole("region", { name: es("monitoring.receipt.messagesTitle"), exact: true });
  await expect(reporterThread.getByRole("listitem").filter({ hasText: MARK.question })).toContainText(es("monitoring.receipt.fromReviewers"));
  await expectAccessibleAsServed(rp);
  const answer = `Empezó a mediados de mes, después de una reunión pública. ${MARK.answer}`;
  await rp.getByRole("textbox", { name: es("monitoring.receipt.reply") }).fill(answer);
  await rp.getByRole("button", { name: es("monitoring.receipt.send") }).click();
  await expect(rp.getByText(es("monitoring.receipt.replied"))).toBeVisible();
  await expect(reporterThread.getByRole("listitem").filter({ hasText: MARK.answer })).toContainText(es("monitoring.receipt.fromYou"));
  await expectAccessibleAsServed(rp);

  // ── Reviewer A reads the answer, verifies the case, writes and submits the summary. ──
  await ap.reload();
  await expect(thread.getByRole("listitem").filter({ hasText: MARK.answer })).toContainText(es("monitoringReview.messages.fromReporter"));
  await setStatus(ap, "UNDER_REVIEW");
  await setStatus(ap, "VERIFIED");
  await expectAccessible(ap);

  const summaryForm = ap.getByRole("form", { name: es("monitoringReview.summary.heading") });
  await summaryForm.getByRole("textbox", { name: es("monitoringReview.summary.titleLabel") }).fill(SUMMARY_TITLE);
  await summaryForm
    .getByRole("textbox", { name: es("monitoringReview.summary.bodyLabel") })
    .fill("Una organización que acompaña a personas migrantes denunció vigilancia prolongada de su oficina por agentes del Estado.");
  await expect(summaryForm.getByRole("combobox", { name: es("monitoringReview.summary.countryLabel") })).toHaveValue(COUNTRY.code);
  await summaryForm.getByRole("textbox", { name: es("monitoringReview.summary.regionLabel") }).fill("Departamento de Guatemala");
  await summaryForm.getByLabel(es("monitoringReview.summary.monthLabel")).fill(lastMonth.month);
  await expect(summaryForm.getByRole("checkbox", { name: es(`monitoringReview.categoryNames.${CATEGORY}`) })).toBeChecked();
  for (const q of RISK_QUESTIONS) {
    await summaryForm
      .getByRole("group", { name: es(`monitoringReview.summary.risk.${q}`) })
      .getByRole("radio", { name: es("monitoringReview.no"), exact: true })
      .check();
  }
  await summaryForm.getByRole("button", { name: es("monitoringReview.summary.save") }).click();
  await expect(summaryOf(ap).getByText(es("monitoringReview.summary.statusNames.DRAFT"), { exact: true })).toBeVisible();
  await summaryOf(ap).getByRole("button", { name: es("monitoringReview.summary.submit") }).click();
  await expect(summaryOf(ap).getByText(es("monitoringReview.summary.statusNames.AWAITING_APPROVAL"), { exact: true })).toBeVisible();

  // The two-person rule: the writer is told so, and is offered neither approve nor publish.
  await ap.reload();
  await expect(summaryOf(ap).getByText(es("monitoringReview.summary.ownSummary"))).toBeVisible();
  await expect(ap.getByRole("button", { name: es("monitoringReview.summary.approve"), exact: true })).toHaveCount(0);
  await expect(ap.getByRole("button", { name: es("monitoringReview.summary.publish"), exact: true })).toHaveCount(0);
  await expectAccessible(ap);
  await ap.getByRole("button", { name: es("monitoringReview.lock.release") }).click();
  await expect(ap.getByText(es("monitoringReview.lock.free"))).toBeVisible();
  await a.context.close();

  // ── Reviewer B approves, then publishes (a separate step). ──
  const b = await newContext(browser);
  const bp = b.page;
  await signIn(bp, "es", REVIEWER_B.email, DEMO_PASSWORD);
  await openCaseFromQueue(bp);
  await expect(stateOf(bp).getByRole("definition").first()).toHaveText(es("monitoringReview.statuses.VERIFIED"));
  await expect(summaryOf(bp)).toContainText(es("monitoringReview.summary.writer", { name: REVIEWER_A.name }));
  await expect(bp.getByRole("button", { name: es("monitoringReview.summary.publish"), exact: true })).toHaveCount(0);
  await expectAccessible(bp);
  await summaryOf(bp).getByRole("button", { name: es("monitoringReview.summary.approve"), exact: true }).click();
  await expect(summaryOf(bp).getByText(es("monitoringReview.summary.approvedPending"))).toBeVisible();
  await expectAccessible(bp);
  await summaryOf(bp).getByRole("button", { name: es("monitoringReview.summary.publish"), exact: true }).click();
  await expect(summaryOf(bp).getByText(es("monitoringReview.summary.statusNames.PUBLISHED"), { exact: true })).toBeVisible();
  await expectAccessible(bp);
  await b.context.close();

  // The reporter's page follows the case (still no JavaScript, the code typed again).
  await rp.goto("/es/monitoring/receipt");
  await rp.getByLabel(es("monitoring.receipt.code")).fill(receipt);
  await rp.getByRole("button", { name: es("monitoring.receipt.open") }).click();
  await expect(rp.getByTestId("receipt-status")).toHaveText(es("monitoring.statuses.VERIFIED"));
  await reporter.context.close();

  // ── A visitor reads the summary in English; the country's count is suppressed. ──
  const visitor = await newContext(browser);
  const vp = visitor.page;
  await vp.goto("/en/monitoring");
  const item = vp.getByRole("listitem").filter({ has: vp.getByRole("heading", { level: 3, name: SUMMARY_TITLE }) });
  await expect(item).toBeVisible();
  await expect(item).toContainText(COUNTRY.name);
  await expect(item.locator("time")).toHaveAttribute("datetime", lastMonth.month);
  const byQuarter = vp.getByRole("region", { name: en("monitoringPublic.aggregates.byQuarter") });
  const countryRow = byQuarter.getByRole("row").filter({ has: vp.getByRole("link", { name: COUNTRY.name, exact: true }) });
  await expect(countryRow.getByRole("cell").last()).toHaveText(en("monitoringPublic.aggregates.fewerThan5"));
  const byCategory = vp.getByRole("region", { name: en("monitoringPublic.aggregates.byCategory") });
  await expect(byCategory.getByRole("row").filter({ hasText: COUNTRY.name })).toContainText(en("monitoringPublic.aggregates.fewerThan5"));
  await expect(countryRow).not.toContainText(/\b1\b/);
  await expectAccessible(vp);

  // ── Nothing the reporter wrote reaches a public page or feed; the code was never in an address. ──
  const sealedMarks = [MARK.narrative, MARK.place, MARK.contact, MARK.question, MARK.answer];
  for (const path of ["/en/monitoring", "/es/monitoring", "/es/transparency"]) {
    await vp.goto(path);
    await expect(vp.getByRole("heading", { level: 1 })).toBeVisible();
    if (path !== "/en/monitoring") await expectAccessible(vp);
    const html = await vp.content();
    for (const mark of sealedMarks) expect(html, `${mark} on ${path}`).not.toContain(mark);
    expect(html).not.toContain(receipt);
  }
  await vp.goto("/es/monitoring");
  await expect(vp.getByRole("heading", { level: 3, name: SUMMARY_TITLE })).toBeVisible();
  for (const path of ["/en/monitoring/feed.xml", "/es/transparency/feed"]) {
    visited.push(new URL(path, vp.url()).href);
    const response = await vp.request.get(path);
    expect(response.status(), path).toBe(200);
    const xml = await response.text();
    if (path.includes("monitoring")) expect(xml).toContain(SUMMARY_TITLE);
    for (const mark of sealedMarks) expect(xml, `${mark} in ${path}`).not.toContain(mark);
    expect(xml).not.toContain(receipt);
  }
  await visitor.context.close();

  expect(visited.length).toBeGreaterThan(20);
  const normalized = receipt.replace(/-/g, "").toLowerCase();
  for (const url of visited) {
    let decoded = url;
    try {
      decoded = decodeURIComponent(url);
    } catch {
      // not percent-encoded text: compare as it is
    }
    const plain = decoded.replace(/[-\s]/g, "").toLowerCase();
    expect(plain, url).not.toContain(normalized);
  }
});
