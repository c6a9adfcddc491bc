import { expect, test, type Page } from "./test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// One flow across four people: staff enter a Honduran initiative in Spanish, a Honduran
// organization assesses it (without JavaScript), a regional network assesses it in Portuguese,
// and a visitor reads both assessments side by side with the government's account, in English.

const es = messages("es");
const pt = messages("pt");
const en = messages("en");

async function fieldError(page: Page, text: string) {
  await expect(page.getByText(text).first()).toBeVisible();
}

// Long flows with axe and the 360 px check on every page: room for a busy two-core machine.
test.setTimeout(240_000);

test("an initiative entered in Spanish is assessed in Spanish and Portuguese and read side by side in English", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Programa de reintegración de personas retornadas ${stamp}`;

  // 1. Staff enter it; bad input first comes back with messages next to the fields.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "es", "staff.oim@puente.example", DEMO_PASSWORD);
  await staff.goto("/es/champions");
  await expectAccessible(staff);
  await staff.getByRole("link", { name: es("champions.tools.new") }).click();
  await expect(staff).toHaveURL(/\/es\/champions\/new$/);
  await expectAccessible(staff);
  // A country that is no champion (added to the list as a crafted post would send it).
  await staff.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('select[name="country"]');
    select?.add(new Option("ZZ", "ZZ"));
  });
  await staff.locator('select[name="country"]').selectOption("ZZ");
  await staff.getByLabel(es("champions.form.publicBody")).fill("Secretaría de Derechos Humanos");
  await staff.getByLabel(es("champions.form.titleIn", { language: es("common.languages.es") })).fill(title);
  await staff.getByLabel(es("champions.form.descriptionIn", { language: es("common.languages.es") })).fill("Acompañamiento psicosocial y laboral a personas retornadas en San Pedro Sula.");
  await staff.getByLabel(es("champions.form.milestoneLabel", { number: 1 }), { exact: true }).fill("Primer centro de atención abierto");
  await staff.getByLabel(es("champions.form.plannedOn", { number: 1 })).fill("2026-03-01");
  await staff.getByLabel(es("champions.form.doneOn", { number: 1 })).fill("2026-01-15");
  await staff.getByLabel(es("champions.form.sourceTitle", { number: 1 })).fill("Comunicado oficial");
  await staff.getByLabel(es("champions.form.sourceUrl", { number: 1 })).fill("javascript:alert(1)");
  await staff.getByRole("button", { name: es("champions.form.create") }).click();
  await fieldError(staff, es("errors.champions.invalidCountry"));
  await fieldError(staff, es("errors.champions.doneBeforePlanned"));
  await expect(staff.getByLabel(es("champions.form.sourceUrl", { number: 1 }))).toHaveAttribute("aria-invalid", "true");
  // What was typed is kept.
  await expect(staff.getByLabel(es("champions.form.titleIn", { language: es("common.languages.es") }))).toHaveValue(title);
  await expectAccessible(staff);

  await staff.locator('select[name="country"]').selectOption("HN");
  await staff.getByLabel(es("champions.form.doneOn", { number: 1 })).fill("2026-03-10");
  await staff.getByLabel(es("champions.form.sourceUrl", { number: 1 })).fill("https://gob.example/comunicado");
  await staff.locator('select[name="inclusion"]').selectOption("CONSULTED");
  await staff.getByRole("button", { name: es("champions.form.create") }).click();
  await expect(staff.getByText(es("champions.done.created"))).toBeVisible();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(title);
  const path = new URL(staff.url()).pathname;
  const id = path.split("/").pop()!;
  await expectAccessible(staff);
  await staff.context().close();

  // 2. A Honduran organization assesses it in Spanish, without JavaScript.
  const hondurasContext = await browser.newContext({ javaScriptEnabled: false });
  const honduras = await hondurasContext.newPage();
  await honduras.goto("/es/sign-in");
  await honduras.getByLabel(es("auth.signIn.email")).fill("rosa@mujeresmigrantes.example");
  await honduras.getByLabel(es("auth.signIn.password")).fill(DEMO_PASSWORD);
  await honduras.getByRole("button", { name: es("auth.signIn.submit") }).click();
  await honduras.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await honduras.goto(`/es/champions/initiatives/${id}`);
  await expectAccessibleWithJsOff(honduras);
  const form = honduras.getByRole("form", { name: es("champions.assess.heading") });
  await form.getByLabel(es("champions.assess.progress")).selectOption("STALLED");
  await form.getByLabel(es("champions.assess.inclusion")).selectOption("INFORMED");
  await form.getByLabel(es("champions.assess.rights")).selectOption("PARTLY");
  await form.getByLabel(es("champions.assess.rightsNote")).fill("Falta atención específica a mujeres retornadas víctimas de violencia.");
  await form.getByLabel(es("champions.assess.linkUrl", { number: 1 })).fill("javascript:alert(1)");
  await form.getByRole("button", { name: es("champions.assess.submit") }).click();
  // The unsafe link is refused next to its field and the rest is kept.
  await expect(honduras.getByLabel(es("champions.assess.linkUrl", { number: 1 }))).toHaveAttribute("aria-invalid", "true");
  await expect(honduras.getByLabel(es("champions.assess.rightsNote"))).toHaveValue(/mujeres retornadas/);
  await honduras.getByLabel(es("champions.assess.linkUrl", { number: 1 })).fill("https://mujeresmigrantes.example/informe");
  await honduras.getByRole("button", { name: es("champions.assess.submit") }).click();
  await expect(honduras.getByText(es("champions.done.assessed"))).toBeVisible();
  await expectAccessibleWithJsOff(honduras);
  await hondurasContext.close();

  // 3. A regional network (Brazil) assesses it in Portuguese.
  const network = await (await browser.newContext()).newPage();
  await signIn(network, "pt", "joao@conesul.example", DEMO_PASSWORD);
  await network.goto(`/pt/champions/initiatives/${id}`);
  await expectAccessible(network);
  const ptForm = network.getByRole("form", { name: pt("champions.assess.heading") });
  await ptForm.getByLabel(pt("champions.assess.language")).selectOption("pt");
  await ptForm.getByLabel(pt("champions.assess.progress")).selectOption("IN_PROGRESS");
  await ptForm.getByLabel(pt("champions.assess.inclusion")).selectOption("CONSULTED");
  await ptForm.getByLabel(pt("champions.assess.rights")).selectOption("YES");
  await ptForm.getByLabel(pt("champions.assess.rightsNote")).fill("O programa segue as normas de proteção de direitos das pessoas retornadas.");
  await ptForm.getByRole("button", { name: pt("champions.assess.submit") }).click();
  await expect(network.getByText(pt("champions.done.assessed"))).toBeVisible();
  await expectAccessible(network);
  await network.context().close();

  // 4. A visitor reads it in English: the Spanish text is marked, both assessments sit beside the account.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/en/champions/initiatives/${id}`);
  await expectAccessible(visitor);
  await expect(visitor.getByText(en("champions.otherLanguage", { language: en("common.languages.es") }))).toBeVisible();
  await expect(visitor.getByRole("heading", { name: en("champions.compare.heading") })).toBeVisible();
  // The innermost section holding the "progress" point (the comparison's own section holds every point).
  const progress = visitor.locator("section", { has: visitor.getByRole("heading", { level: 3, name: en("champions.points.progress") }) }).last();
  await expect(progress.getByRole("heading", { level: 4, name: en("champions.side.government") })).toBeVisible();
  await expect(progress.getByRole("link", { name: "Colectivo de Mujeres Migrantes de Honduras" })).toBeVisible();
  await expect(progress.getByRole("link", { name: "Rede Cone Sul de Migrações" })).toBeVisible();
  // Stalled vs the government's "announced": the disagreement is written, not only coloured.
  await expect(progress.getByText(en("champions.compare.disagrees")).first()).toBeVisible();
  // Each assessment keeps its own language for screen readers.
  await expect(visitor.locator('[lang="es"]', { hasText: "Falta atención específica a mujeres retornadas" }).first()).toBeVisible();
  // The overview, its filters (a GET form) and the country page.
  await visitor.goto("/en/champions?country=hn&inclusion=CONSULTED");
  await expectAccessible(visitor);
  await expect(visitor.getByRole("region", { name: en("champions.initiativesHeading") }).getByRole("link", { name: title })).toBeVisible();
  await visitor.goto("/en/champions/hn");
  await expectAccessible(visitor);
  await expect(visitor.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/en\/champions\/hn\/feed\.xml$/);
  const feed = await visitor.request.get("/en/champions/hn/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain(title);
  expect((await visitor.request.get("/en/champions/zz")).status()).toBe(404);
  await visitor.goto("/en/report/follow-up");
  await expectAccessible(visitor);
  await visitor.context().close();
});
