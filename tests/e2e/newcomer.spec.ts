import { expect, test, type Page } from "./test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Its tests share no state with one another: any worker may take any of them.
test.describe.configure({ mode: "parallel" });

const PHONE = { width: 360, height: 740 };

/** At 360 px the page does not scroll sideways. */
async function expectFitsPhone(page: Page) {
  await page.setViewportSize(PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide at 360px`).toBeLessThanOrEqual(PHONE.width);
}

/** Every page of the newcomer's path: at 360 px, and axe (with JavaScript, or its twin without). */
async function check(page: Page, jsOff = false) {
  await expectFitsPhone(page);
  await (jsOff ? expectAccessibleWithJsOff(page) : expectAccessible(page));
}

test("a visitor sees what is happening on the home page", async ({ page }) => {
  const es = messages("es");
  await page.setViewportSize(PHONE);
  await page.goto("/es");
  await check(page);
  await expect(page.getByText(es("home.noSessionYet"))).toHaveCount(0);
  await expect(page.getByText(es("home.noProposalsYet"))).toHaveCount(0);

  const session = page.getByRole("region", { name: es("home.nextSession") });
  const sessionLink = session.getByRole("link").first();
  const sessionTitle = (await sessionLink.textContent())?.trim() ?? "";
  expect(sessionTitle).not.toBe("");
  expect(sessionTitle).not.toBe(es("home.allSessions"));
  await expect(session.getByText(es("sessions.facts.format"))).toBeVisible();

  const proposals = page.getByRole("region", { name: es("home.latestProposals") });
  expect(await proposals.getByRole("listitem").count()).toBeGreaterThan(0);

  await sessionLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(sessionTitle);
  await check(page);
});

test("a newcomer signs up, registers an organization and saves a draft while it waits for verification", async ({ browser }) => {
  const es = messages("es");
  const stamp = Date.now().toString(36);
  const orgName = `Colectivo Recién Llegado ${stamp}`;
  const title = `Intérpretes en los consulados ${stamp}`;

  // 1. Sign up: the account is ready, nothing to confirm.
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto("/es/sign-up");
  await check(page);
  await page.getByLabel(es("auth.signUp.name")).fill("Lucía Recién");
  await page.getByLabel(es("auth.signUp.email")).fill(`lucia.${stamp}@example.org`);
  await page.getByLabel(es("auth.signUp.password")).fill("una frase larga y segura");
  await page.getByRole("button", { name: es("auth.signUp.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es("auth.signUp.readyTitle"));
  await expect(page.getByText(es("auth.signUp.sentTitle"))).toHaveCount(0);
  await check(page);

  // 2. Register an organization.
  await page.getByRole("link", { name: es("auth.signUp.readySteps.register.link") }).click();
  await expect(page).toHaveURL(/\/es\/organizations\/new$/);
  await check(page);
  await page.getByLabel(es("organizations.fields.name")).fill(orgName);
  await page.getByLabel(es("organizations.fields.country")).selectOption("GT");
  await page.getByLabel(es("organizations.fields.type")).selectOption("MIGRANT_LED");
  await page.getByRole("checkbox", { name: es("common.languages.es") }).check();
  await page.getByLabel(es("organizations.fields.description")).fill("Acompañamos a familias migrantes en Ciudad de Guatemala.");
  await page.getByLabel(es("organizations.fields.contactEmail")).fill(`contacto.${stamp}@example.org`);
  await page.getByRole("button", { name: es("organizations.register.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(orgName);
  await check(page);

  // 3. The proposal form says the organization waits for verification, since today, and what waits.
  const today = new Intl.DateTimeFormat("es", { day: "numeric", month: "long", year: "numeric", timeZone: "America/Mexico_City" }).format(new Date());
  await page.goto("/es/proposals/new");
  await expect(page.getByText(es("organizations.pendingNotice.title"))).toBeVisible();
  await expect(page.getByText(es("organizations.pendingNotice.since", { date: today }))).toBeVisible();
  await expect(page.getByText(es("organizations.pendingNotice.waits"))).toBeVisible();
  await expect(page.getByText(es("proposals.new.registerOrganization"))).toHaveCount(0);
  await check(page);

  // 4. Without JavaScript, the draft is written and saved; submitting waits for verification.
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, storageState: await context.storageState() });
  const form = await noJs.newPage();
  await form.goto("/es/proposals/new");
  await check(form, true);
  await form.getByLabel(es("proposals.fields.title")).fill(title);
  await form.getByLabel(es("proposals.fields.summary")).fill("Que cada consulado de la región tenga intérpretes de lenguas indígenas para las personas migrantes.");
  await form.getByLabel(es("proposals.fields.body")).fill("## Qué pedimos\n\n- Intérpretes de **k'iche'** y **mam**.");
  await form.getByRole("checkbox", { name: `7. ${es("gcm.7")}` }).check();
  await form.getByRole("checkbox", { name: "Guatemala" }).check();
  await form.getByRole("button", { name: es("proposals.new.save") }).click();
  await expect(form.getByText(es("proposals.done.saved"))).toBeVisible();
  await expect(form.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(form.getByText(es("proposals.actions.submitBlocked"))).toBeVisible();
  await expect(form.getByRole("button", { name: es("proposals.actions.submit") })).toHaveCount(0);
  await check(form, true);
  const draftPath = new URL(form.url()).pathname;
  await noJs.close();

  // The draft is the members' only: a visitor gets "not found".
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(draftPath))?.status()).toBe(404);

  // 5. The dashboard tells the same story and lists the draft.
  await page.goto("/es/dashboard");
  await expect(page.getByText(es("organizations.pendingNotice.title"))).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await check(page);
  await context.close();
});

// Staff and admins see their queues first; the others none. One test per account: each signs in with axe.
const DASHBOARDS = [
  { email: "staff.oim@puente.example", staff: true },
  { email: "admin@puente.example", staff: true },
  { email: "comite.presidencia@puente.example", staff: false },
  { email: "carlos@redandina.example", staff: false },
  { email: "ana@sinfronteras.example", staff: false },
  { email: "participante@puente.example", staff: false },
];

for (const { email, staff } of DASHBOARDS) {
  test(`the dashboard of ${email} fits a 360 px phone${staff ? " and starts with the queues" : ""}`, async ({ browser }) => {
    const es = messages("es");
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, "es", email, DEMO_PASSWORD);
    await page.goto("/es/dashboard");
    await check(page);
    if (staff) {
      await expect(page.locator("main h2").first()).toHaveText(es("dashboard.queues.heading"));
      const queues = page.getByRole("region", { name: es("dashboard.queues.heading") });
      for (const key of ["organizations", "proposals", "comments", "sessions"]) {
        await expect(queues.getByRole("link", { name: es(`dashboard.queues.${key}.link`) })).toBeVisible();
      }
      await expect(page.getByRole("link", { name: es("dashboard.organizations.register") })).toHaveCount(0);
    } else {
      await expect(page.getByRole("heading", { name: es("dashboard.queues.heading") })).toHaveCount(0);
    }
    await context.close();
  });
}
