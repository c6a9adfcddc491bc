import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Issue 14: a consultation from opening to synthesis. IOM's delegate opens one; a member of a
// verified organization contributes without JavaScript (in English); another participant replies
// and supports; the delegate posts an update; staff close it and publish a synthesis citing the
// contribution; the member turns it into a draft proposal; a visitor reads the synthesis in
// French (written in Spanish and English: the Spanish one, marked). axe and 360 px on every page.

const en = messages("en");
const es = messages("es");
const fr = messages("fr");

test.setTimeout(300_000);

test("a consultation goes from opening to a synthesis that cites a contribution, which becomes a proposal", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Consulta sobre albergues ${stamp}`;
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const contribution = `Shelters need legal aid on site, in Spanish and Haitian Creole. ${stamp}`;

  // 1. IOM's delegate opens a consultation.
  const delegate = await (await browser.newContext()).newPage();
  await signIn(delegate, "es", "delegada.oim@puente.example", DEMO_PASSWORD);
  await delegate.goto("/es/dialogue");
  await expectAccessible(delegate);
  await delegate.getByRole("link", { name: es("consultations.title"), exact: true }).click();
  await expect(delegate).toHaveURL(/\/es\/dialogue\/consultations$/);
  await expectAccessible(delegate);
  await delegate.getByRole("link", { name: es("consultations.new") }).click();
  await expect(delegate).toHaveURL(/\/consultations\/new$/);
  await expectAccessible(delegate);
  await delegate.locator('input[name="texts.es.title"]').fill(title);
  await delegate.locator('textarea[name="texts.es.background"]').fill("La OIM quiere saber qué necesitan los albergues de la ruta.");
  await delegate.locator('input[name="texts.en.title"]').fill(`Consultation on shelters ${stamp}`);
  await delegate.locator('input[name="questions.0.es"]').fill("¿Qué necesitan hoy los albergues?");
  await delegate.locator('input[name="questions.0.en"]').fill("What do shelters need today?");
  await delegate.locator('input[name="objectives"][value="7"]').check();
  await delegate.locator('input[name="opensOn"]').fill(today);
  await delegate.locator('input[name="closesOn"]').fill(later);
  await delegate.getByRole("button", { name: es("consultations.desk.create") }).click();
  await expect(delegate.getByRole("status").getByText(es("consultations.done.created"))).toBeVisible();
  await expectAccessible(delegate);
  await delegate.getByRole("button", { name: es("consultations.desk.openNow") }).click();
  await expect(delegate.getByRole("status").getByText(es("consultations.done.opened"))).toBeVisible();
  await expectAccessible(delegate);
  const manage = new URL(delegate.url()).pathname;
  const path = manage.replace(/^\/es/, "").replace(/\/manage$/, "");

  // 2. A member of a verified organization contributes in English, without JavaScript.
  const memberContext = await browser.newContext({ javaScriptEnabled: false });
  const member = await memberContext.newPage();
  await member.goto("/en/sign-in");
  await member.getByLabel(en("auth.signIn.email")).fill("ana@sinfronteras.example");
  await member.getByLabel(en("auth.signIn.password")).fill(DEMO_PASSWORD);
  await member.getByRole("button", { name: en("auth.signIn.submit") }).click();
  await member.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await member.goto(`/en${path}`);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(`Consultation on shelters ${stamp}`);
  await expectAccessibleWithJsOff(member);
  const form = member.getByRole("form", { name: en("consultations.contributeForm.heading") });
  await form.locator('select[name="language"]').selectOption("en");
  await form.locator('textarea[name="body"]').fill(contribution);
  await form.getByRole("button", { name: en("consultations.contributeForm.submit") }).click();
  await expect(member.getByRole("status").getByText(en("consultations.done.contributed"))).toBeVisible();
  await expect(member.getByText(contribution)).toBeVisible();
  await expectAccessibleWithJsOff(member);

  // 3. Another participant replies and supports it.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "es", "comite.presidencia@puente.example", DEMO_PASSWORD);
  await other.goto(`/es${path}`);
  await expectAccessible(other);
  const card = other.locator("article", { hasText: contribution });
  await card.getByText(es("consultations.reply"), { exact: true }).first().click();
  await card.locator('textarea[name="body"]').fill("En Tapachula pasa lo mismo: falta asesoría legal.");
  await card.getByRole("button", { name: es("consultations.reply") }).click();
  await expect(other.getByRole("status").getByText(es("consultations.done.contributed"))).toBeVisible();
  await expectAccessible(other);
  const again = other.locator("article", { hasText: contribution }).first();
  await again.getByText(es("consultations.support"), { exact: true }).first().click();
  await again.getByRole("button", { name: es("consultations.support") }).first().click();
  await expect(other.getByRole("status").getByText(es("consultations.done.supported"))).toBeVisible();
  await expect(other.locator("article", { hasText: contribution }).first().getByText("1 apoyo")).toBeVisible();
  await expectAccessible(other);
  // Taken back and given again: a plain form button each way.
  await other.locator("article", { hasText: contribution }).first().getByRole("button", { name: es("consultations.withdraw") }).first().click();
  await expect(other.getByRole("status").getByText(es("consultations.done.unsupported"))).toBeVisible();
  await expect(other.locator("article", { hasText: contribution }).first().getByText("ningún apoyo").first()).toBeVisible();
  await expectAccessible(other);
  const yetAgain = other.locator("article", { hasText: contribution }).first();
  await yetAgain.getByText(es("consultations.support"), { exact: true }).first().click();
  await yetAgain.getByRole("button", { name: es("consultations.support") }).first().click();
  await expect(other.getByRole("status").getByText(es("consultations.done.supported"))).toBeVisible();

  // 4. The delegate posts an update.
  await delegate.goto(manage);
  await delegate.locator('textarea[name="body"]').fill("Publicamos la lista de albergues de la ruta en la página de la OIM.");
  await delegate.getByRole("button", { name: es("consultations.updates.submit") }).click();
  await expect(delegate.getByRole("status").getByText(es("consultations.done.updated"))).toBeVisible();
  await expectAccessible(delegate);

  // 5. Staff close it and publish a synthesis citing the contribution.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "es", "staff.oim@puente.example", DEMO_PASSWORD);
  await staff.goto(manage);
  await expectAccessible(staff);
  await staff.getByRole("button", { name: es("consultations.desk.close") }).click();
  await expect(staff.getByRole("status").getByText(es("consultations.done.closed"))).toBeVisible();
  await expectAccessible(staff);
  await staff.locator('textarea[name="synthesis.es"]').fill("## Lo que escuchamos\n\nLos albergues piden **asesoría legal** en el lugar.");
  await staff.locator('textarea[name="synthesis.en"]').fill("## What we heard\n\nShelters ask for **legal aid** on site.");
  await staff.getByLabel(contribution).check();
  await staff.getByRole("button", { name: es("consultations.desk.publish") }).click();
  await expect(staff.getByRole("status").getByText(es("consultations.done.synthesized"))).toBeVisible();
  await expect(staff.locator("#synthesis").getByRole("heading", { name: "Lo que escuchamos" })).toBeVisible();
  await expectAccessible(staff);

  // 6. The member turns the contribution into a draft proposal (still without JavaScript).
  await member.goto(`/en${path}`);
  await expect(member.getByText(en("consultations.cited")).first()).toBeVisible();
  const mine = member.locator("article", { hasText: contribution }).first();
  await mine.getByText(en("consultations.convert.summary")).click();
  await mine.getByRole("button", { name: en("consultations.convert.submit") }).click();
  await expect(member).toHaveURL(/\/en\/proposals\/[0-9a-f-]{36}\/edit$/);
  await expect(member.locator('textarea[name="body"]')).toHaveValue(contribution);
  await expectAccessibleWithJsOff(member);

  // 7. A visitor reads the synthesis in French: the Spanish one, marked as such, with the cited contribution.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/fr${path}`);
  await expectAccessible(visitor);
  const synthesis = visitor.locator("#synthesis");
  await expect(synthesis.getByRole("heading", { name: fr("consultations.synthesis.heading") })).toBeVisible();
  await expect(synthesis.getByText(fr("consultations.writtenIn", { language: fr("common.languages.es") }))).toBeVisible();
  await expect(synthesis.getByText("asesoría legal")).toBeVisible();
  await expect(synthesis.getByRole("link").first()).toHaveAttribute("href", /#c-[0-9a-f-]{36}$/);
  await expect(visitor.locator("article", { hasText: contribution }).first().getByText(fr("consultations.cited"))).toBeVisible();

  // 8. The visitor reads the demo's consultations: axe and 360 px on each, and no trace of the
  // people who posted there under a pseudonym (the demo's Pedro and Daniela post only under one).
  await visitor.goto("/es/dialogue/consultations");
  await expectAccessible(visitor);
  await expect(visitor.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/es\/dialogue\/consultations\/feed\.xml$/);
  const feed = await visitor.request.get("/es/dialogue/consultations/feed.xml");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const links = (await visitor.locator('main a[href*="/dialogue/consultations/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))).filter((href) => !href.endsWith("/feed.xml"));
  expect(links.length).toBeGreaterThanOrEqual(3);
  for (const href of links) {
    await visitor.goto(href);
    await expectAccessible(visitor);
    const html = await visitor.content();
    for (const marker of ["Pedro Alvarado", "participante@puente.example", "Daniela Ortiz", "daniela@diaspora-americas.example"]) expect(html.includes(marker), `${href} shows ${marker}`).toBe(false);
  }
});
