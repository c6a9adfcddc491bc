import { existsSync, readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser } from "./test";
import { e2eServerLog } from "../../scripts/lib/e2e-log";
import { DEMO_PASSWORD, e2ePort, expectAccessible, messages, signIn } from "./helpers";

// Issue 13's leak search. A report is filed with a unique marker in every sealed field (narrative,
// place, affected people, evidence text and link, contact), a demo reviewer writes to the reporter
// and the reporter answers, each with a marker. Then every page, feed, calendar file and export
// reachable by a visitor, by an admin and by staff who are not reviewers (the outbox, the roles
// page, their notices and dashboards included) is fetched by following links from every entry
// point, and so is the server's own log: no marker and no receipt code may appear anywhere.

const es = messages("es");
const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const MARK = {
  narrative: `fuga-relato-${tag}`,
  place: `fuga-lugar-${tag}`,
  affected: `fuga-afectadas-${tag}`,
  evidence: `fuga-evidencia-${tag}`,
  link: `fuga-enlace-${tag}`,
  contact: `fuga-contacto-${tag}@correo.example`,
  question: `fuga-pregunta-${tag}`,
  answer: `fuga-respuesta-${tag}`,
};
const REVIEWER = "monitoreo.oim@puente.example";
// A country and category no other spec or demo report uses: the queue row is this case's alone.
const COUNTRY = "UY";
const CATEGORY = "AID_CRIMINALIZATION";
const LOCALES = ["es", "en", "pt", "fr"];
// Enough to reach every kind of page (checked below) while keeping the test near two minutes.
const VISITOR_LIMIT = 260;
const SIGNED_IN_LIMIT = 140;

/** Same-origin links of a page (href and src), as paths with their query. */
function linksOf(body: string): string[] {
  const found: string[] = [];
  for (const [, href] of body.matchAll(/(?:href|src)="([^"#]+)"/g)) {
    const url = new URL(href.replaceAll("&amp;", "&"), "http://puente.test");
    if (url.origin !== "http://puente.test" || url.pathname.startsWith("/_next") || url.pathname.startsWith("/api/auth")) continue;
    found.push(url.pathname + url.search);
  }
  return found;
}

/**
 * Follows links from the entry points, at most two query variants per path (the filter forms
 * would otherwise multiply), and hands every answer's text to `check`. Returns what it fetched.
 */
async function crawl(request: APIRequestContext, entries: string[], limit: number, check: (url: string, body: string) => void): Promise<string[]> {
  const queue = [...entries];
  const seen = new Set(queue);
  const variants = new Map<string, number>();
  const fetched: string[] = [];
  while (queue.length && fetched.length < limit) {
    const target = queue.shift()!;
    const response = await request.get(target, { maxRedirects: 0, failOnStatusCode: false });
    fetched.push(target);
    const type = response.headers()["content-type"] ?? "";
    if (!/text|xml|json|calendar|csv/.test(type)) continue;
    const body = await response.text();
    check(target, body);
    for (const link of linksOf(body)) {
      if (seen.has(link)) continue;
      const path = link.split("?")[0];
      const count = variants.get(path) ?? 0;
      if (link.includes("?") && count >= 2) continue;
      variants.set(path, count + 1);
      seen.add(link);
      queue.push(link);
    }
  }
  return fetched;
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "es", email, DEMO_PASSWORD);
  return { context, page };
}

test("nothing of a report reaches any page, feed, calendar, export or the server log, whoever asks but a reviewer", async ({ browser }) => {
  test.setTimeout(420_000);

  // ── Filed anonymously, with a marker in every sealed field. ──
  const reporter = await browser.newContext();
  const rp = await reporter.newPage();
  await rp.goto("/es/monitoring/report");
  await rp.getByRole("combobox", { name: es("monitoring.report.country") }).selectOption(COUNTRY);
  await rp.getByLabel(es("monitoring.report.place")).fill(MARK.place);
  await rp.getByLabel(es("monitoring.report.occurredFrom")).fill(new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10));
  await rp.getByRole("checkbox", { name: es(`monitoring.categories.${CATEGORY}`), exact: true }).check();
  await rp.getByLabel(es("monitoring.report.affected")).fill(`Voluntarias de un comedor. ${MARK.affected}`);
  await rp.getByRole("combobox", { name: es("monitoring.report.perpetrator") }).selectOption("STATE_AGENTS");
  await rp.getByLabel(es("monitoring.report.narrative")).fill(`Multaron a quienes repartían comida a personas migrantes. ${MARK.narrative}`);
  await rp.getByLabel(es("monitoring.report.evidenceLinks")).fill(`https://${MARK.link}.example/acta`);
  await rp.getByLabel(es("monitoring.report.evidenceText")).fill(`Acta de la multa. ${MARK.evidence}`);
  await rp.getByRole("checkbox", { name: es("monitoring.report.consentPublish") }).check();
  await rp.getByRole("checkbox", { name: es("monitoring.report.consentContact") }).check();
  await rp.getByLabel(es("monitoring.report.contact"), { exact: true }).fill(MARK.contact);
  await rp.getByRole("button", { name: es("monitoring.report.submit") }).click();
  const receipt = ((await rp.getByTestId("receipt-code").textContent()) ?? "").trim();
  expect(receipt).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);

  // ── A demo reviewer opens it and writes to the reporter. ──
  const { context: reviewerContext, page: ap } = await signedIn(browser, REVIEWER);
  await ap.goto("/es/dashboard/monitoring");
  const row = ap.getByRole("row").filter({ hasText: "Uruguay" }).filter({ hasText: es(`monitoringReview.categoryNames.${CATEGORY}`) });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: new RegExp(es("monitoringReview.queue.open")) }).click();
  const sealed = ap.getByRole("region", { name: es("monitoringReview.case.reportHeading") });
  for (const mark of [MARK.narrative, MARK.place, MARK.affected, MARK.evidence, MARK.link, MARK.contact]) await expect(sealed).toContainText(mark);
  await ap.getByRole("button", { name: es("monitoringReview.lock.take") }).click();
  const messageForm = ap.getByRole("form", { name: es("monitoringReview.messages.label") });
  await messageForm.getByLabel(es("monitoringReview.messages.label")).fill(`¿Conserva el acta? ${MARK.question}`);
  await messageForm.getByRole("button", { name: es("monitoringReview.messages.submit"), exact: true }).click();
  await expect(ap.getByText(MARK.question)).toBeVisible();
  await expectAccessible(ap);
  await reviewerContext.close();

  // ── The reporter answers through the receipt page. ──
  await rp.goto("/es/monitoring/receipt");
  await rp.getByLabel(es("monitoring.receipt.code")).fill(receipt);
  await rp.getByRole("button", { name: es("monitoring.receipt.open") }).click();
  await rp.getByRole("textbox", { name: es("monitoring.receipt.reply") }).fill(`Sí, la conservo. ${MARK.answer}`);
  await rp.getByRole("button", { name: es("monitoring.receipt.send") }).click();
  await expect(rp.getByText(es("monitoring.receipt.replied"))).toBeVisible();
  await reporter.close();

  const secrets = [...Object.values(MARK), receipt, receipt.replace(/-/g, "")];
  const leaks: string[] = [];
  const check = (who: string) => (url: string, body: string) => {
    for (const secret of secrets) if (body.includes(secret)) leaks.push(`${who} ${url}: ${secret}`);
  };

  // ── A visitor: every locale's home, every static route, the feeds and what they link to. ──
  const visitor = await browser.newContext();
  const entries = LOCALES.flatMap((l) => [
    `/${l}`,
    `/${l}/monitoring`,
    `/${l}/monitoring/methodology`,
    `/${l}/monitoring/feed.xml`,
    `/${l}/monitoring/report`,
    `/${l}/monitoring/receipt`,
    `/${l}/transparency`,
    `/${l}/champions`,
    `/${l}/champions/feed.xml`,
    `/${l}/sessions`,
    `/${l}/proposals`,
    `/${l}/organizations`,
    `/${l}/report`,
  ]);
  const visitorPages = await crawl(visitor.request, entries, VISITOR_LIMIT, check("visitor"));
  await visitor.close();

  // ── Signed in, but not a reviewer: the admin (outbox, roles, every admin page), staff, a member. ──
  const byAccount: Record<string, string[]> = {};
  for (const email of ["admin@puente.example", "staff.cepal@puente.example", "participante@puente.example"]) {
    const { context, page } = await signedIn(browser, email);
    if (email.startsWith("admin")) {
      // The admin reads who opened which case (never what it says), and it passes axe at 360 px.
      await page.goto("/es/dashboard/monitoring/access-log");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("main")).toContainText("Inés Paredes (OIM)");
      await expectAccessible(page);
    }
    byAccount[email] = await crawl(page.request, ["/es/dashboard", "/es/dashboard/notifications", "/es/admin", "/es/admin/outbox", "/es/admin/roles", "/es/monitoring", "/es/dashboard/monitoring", "/es"], SIGNED_IN_LIMIT, check(email));
    await context.close();
  }

  // The crawl reached the kinds of outlet it must search.
  const all = [...visitorPages, ...Object.values(byAccount).flat()];
  expect(visitorPages.length).toBeGreaterThan(150);
  for (const kind of [/\/monitoring\/feed\.xml$/, /\/transparency\/feed/, /\/calendar\.ics$/, /\/download/, /\/admin\/outbox/, /\/dashboard\/notifications/]) {
    expect(all.some((url) => kind.test(url)), String(kind)).toBe(true);
  }

  // ── The server's own log. ──
  const logFile = e2eServerLog(e2ePort());
  expect(existsSync(logFile)).toBe(true);
  const log = readFileSync(logFile, "utf8");
  for (const secret of secrets) if (log.includes(secret)) leaks.push(`server log: ${secret}`);

  expect(leaks).toEqual([]);
  console.log(`monitoring leak search: ${all.length} responses (${visitorPages.length} as a visitor), ${log.length} bytes of server log, ${secrets.length} markers: none found`);
});
