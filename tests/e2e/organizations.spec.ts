import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, messages, signIn } from "./helpers";

// Its tests share no state with one another: any worker may take any of them.
test.describe.configure({ mode: "parallel" });

test("a participant signs up in Portuguese and registers an organization; staff verify it in Spanish; it is public in English", async ({ browser }) => {
  const pt = messages("pt");
  const es = messages("es");
  const en = messages("en");
  const stamp = Date.now().toString(36);
  const orgName = `Coletivo Migrante Teste ${stamp}`;
  const email = `nova.${stamp}@example.org`;

  // 1. Sign up in Portuguese.
  const participant = await (await browser.newContext()).newPage();
  await participant.goto("/pt/sign-up");
  await expectAccessible(participant);
  await participant.getByLabel(pt("auth.signUp.name")).fill("Beatriz Nascimento");
  await participant.getByLabel(pt("auth.signUp.email")).fill(email);
  await participant.getByLabel(pt("auth.signUp.password")).fill("uma frase longa e segura");
  await participant.getByRole("button", { name: pt("auth.signUp.submit") }).click();
  // The account is active at once: the page says so, not "check your email".
  await expect(participant).toHaveURL(/\/pt\/sign-up\?ready=1$/);
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText(pt("auth.signUp.readyTitle"));
  await expectAccessible(participant);

  // 2. Register an organization; a script tag in the description stays text.
  await participant.goto("/pt/organizations/new");
  await expectAccessible(participant);
  await participant.getByRole("button", { name: pt("organizations.register.submit") }).click();
  await expect(participant.getByText(pt("errors.required")).first()).toBeVisible();
  await expectAccessible(participant);
  await participant.getByLabel(pt("organizations.fields.name")).fill(orgName);
  await participant.getByLabel(pt("organizations.fields.acronym")).fill("CMT");
  await participant.getByLabel(pt("organizations.fields.country")).selectOption("BR");
  await participant.getByLabel(pt("organizations.fields.type")).selectOption("MIGRANT_LED");
  await participant.getByRole("checkbox", { name: pt("common.languages.pt") }).check();
  await participant.getByLabel(pt("organizations.fields.description")).fill("Apoio a famílias migrantes em São Paulo. <script>window.__pwned = true</script>");
  await participant.getByLabel(pt("organizations.fields.contactEmail")).fill(`contato.${stamp}@example.org`);
  await participant.getByRole("button", { name: pt("organizations.register.submit") }).click();
  await expect(participant).toHaveURL(/\/pt\/organizations\/coletivo-migrante-teste-/);
  await expect(participant.getByRole("heading", { level: 1 })).toContainText(orgName);
  await expect(participant.getByText(pt("organizations.statuses.PENDING")).first()).toBeVisible();
  await expect(participant.getByText("<script>window.__pwned = true</script>", { exact: false })).toBeVisible();
  expect(await participant.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await expectAccessible(participant);
  const profileUrl = new URL(participant.url());
  const slug = profileUrl.pathname.split("/").pop()!;

  // While pending, a visitor sees neither the organization nor its profile.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/en/organizations");
  await expect(visitor.getByText(orgName)).toHaveCount(0);
  await expectAccessible(visitor);
  expect((await visitor.goto(`/en/organizations/${slug}`))?.status()).toBe(404);
  await expectAccessible(visitor);

  // 3. Staff verify it, in Spanish.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "es", "staff.oim@puente.example", DEMO_PASSWORD);
  await staff.goto("/es/admin/organizations");
  await expectAccessible(staff);
  const verifyForm = staff.getByRole("form", { name: `${es("organizations.review.verify")}: ${orgName}` });
  await verifyForm.getByRole("button", { name: es("organizations.review.verify") }).click();
  await expect(staff.getByText(es("organizations.review.done.verified"))).toBeVisible();
  await expectAccessible(staff);

  // 4. A visitor finds it in the English directory, filtered by country, and reads its profile.
  await visitor.goto("/en/organizations?country=BR");
  await expectAccessible(visitor);
  await visitor.getByRole("link", { name: orgName }).click();
  await expect(visitor).toHaveURL(new RegExp(`/en/organizations/${slug}$`));
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(orgName);
  await expect(visitor.getByText(`contato.${stamp}@example.org`)).toHaveCount(0);
  await expectAccessible(visitor);

  // The decision is in the public log.
  await visitor.goto("/en/transparency");
  await expect(visitor.getByRole("link", { name: orgName }).first()).toBeVisible();
  await expectAccessible(visitor);
  expect(en("organizations.statuses.VERIFIED")).toBeTruthy();
});

test("a visitor never sees private data on any public page", async ({ page, request }) => {
  // Emails of demo users and contact emails of organizations (pending ones included).
  const secrets = [
    "ana@sinfronteras.example",
    "participante@puente.example",
    "staff.oim@puente.example",
    "contacto@red-sin-fronteras.example",
    "contacto@associacao-de-migrantes-venezuelanos.example",
    "@puente.example",
    "contacto@",
  ];
  const pendingNames = ["Associação de Migrantes Venezuelanos em Roraima", "Collectif de la diaspora haïtienne de Montréal", "Fundación Caminos"];
  const paths = [
    "/es",
    "/en/organizations",
    "/es/organizations?type=DIASPORA",
    "/es/organizations?page=2",
    "/pt/organizations/red-sin-fronteras",
    "/fr/organizations/reseau-caribeen-des-migrants",
    "/es/transparency",
    "/en/transparency/feed",
    "/es/sessions",
    "/es/proposals",
    "/es/report",
  ];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(400);
    const body = await response.text();
    for (const secret of [...secrets, ...pendingNames]) expect(body, `${path} shows ${secret}`).not.toContain(secret);
  }
  for (const slug of ["associacao-de-migrantes-venezuelanos", "fundacion-caminos-dominicana", "jamaica-returnees-support"]) {
    expect((await request.get(`/es/organizations/${slug}`)).status(), slug).toBe(404);
  }
  // The public pages a visitor browses pass axe too.
  for (const path of ["/es/organizations", "/fr/organizations/reseau-caribeen-des-migrants", "/pt/transparency"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});
