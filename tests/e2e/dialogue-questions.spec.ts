import { expect, test, type Page } from "./test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Issue 14: a diaspora participant in New York asks ECLAC a question in English under a
// pseudonym (without JavaScript), another participant supports it, an ECLAC delegate answers in
// Spanish, and the asker reads the answer in the English interface. Then a visitor crawls the
// dialogue pages and finds no trace of the people behind pseudonyms.

const en = messages("en");
const es = messages("es");
const ASKER = { name: "Daniela Ortiz", email: "daniela@diaspora-americas.example" };
// Pedro asks under a pseudonym in the demo; he never posts under his name in the dialogue.
const DEMO_PSEUDONYMOUS = { name: "Pedro Alvarado", email: "participante@puente.example" };

test.setTimeout(300_000);

/** The whole page for a visitor; for the signed-in asker, the main content (the header names the reader to themselves). */
async function expectNoMarkers(page: Page, scope: "page" | "main" = "page") {
  const html = scope === "page" ? await page.content() : await page.locator("main").innerHTML();
  for (const marker of [ASKER.name, ASKER.email, DEMO_PSEUDONYMOUS.name, DEMO_PSEUDONYMOUS.email]) expect(html.includes(marker), `${page.url()} shows ${marker}`).toBe(false);
}

test("a question asked in English under a pseudonym is supported, answered in Spanish and read in English", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `How will ECLAC hear migrants living in New York? ${stamp}`;

  // 1. The asker, without JavaScript.
  const askerContext = await browser.newContext({ javaScriptEnabled: false });
  const asker = await askerContext.newPage();
  await asker.goto("/en/sign-in");
  await expectAccessibleWithJsOff(asker);
  await asker.getByLabel(en("auth.signIn.email")).fill(ASKER.email);
  await asker.getByLabel(en("auth.signIn.password")).fill(DEMO_PASSWORD);
  await asker.getByRole("button", { name: en("auth.signIn.submit") }).click();
  await asker.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await asker.goto("/en/dialogue");
  await expectAccessibleWithJsOff(asker);
  await asker.getByRole("link", { name: en("dialogue.hub.questions") }).first().click();
  await expect(asker).toHaveURL(/\/en\/dialogue\/questions$/);
  await expectAccessibleWithJsOff(asker);
  await asker.getByRole("link", { name: en("dialogue.questions.ask") }).click();
  await expect(asker).toHaveURL(/\/en\/dialogue\/questions\/new$/);
  await expectAccessibleWithJsOff(asker);
  // Sent empty first: the messages come back next to the fields.
  await asker.getByRole("button", { name: en("dialogue.ask.submit") }).click();
  await expect(asker.getByText(en("errors.required")).first()).toBeVisible();
  await expect(asker.locator('select[name="addressee"]')).toHaveAttribute("aria-invalid", "true");
  await expectAccessibleWithJsOff(asker);
  await asker.locator('select[name="addressee"]').selectOption({ label: en("dialogue.ask.toInstitution", { institution: en("dialogue.institutions.ECLAC") }) });
  await expect(asker.locator('select[name="language"]')).toHaveValue("en");
  await asker.locator('input[name="title"]').fill(title);
  await asker.locator('textarea[name="body"]').fill("Many of us in the diaspora cannot travel to the sessions. Will there be a channel for us between sessions?");
  await asker.locator('input[name="objectives"][value="19"]').check();
  await asker.locator('select[name="voice"]').selectOption("pseudonym");
  await asker.getByRole("button", { name: en("dialogue.ask.submit") }).click();
  await expect(asker.getByRole("status").getByText(en("dialogue.done.asked"))).toBeVisible();
  await expect(asker.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(asker.getByText(en("dialogue.author.vouched"))).toBeVisible();
  await expectNoMarkers(asker, "main");
  await expectAccessibleWithJsOff(asker);
  const path = new URL(asker.url()).pathname.replace(/^\/en/, "");

  // 2. Another participant supports it (in Spanish, as himself).
  const supporter = await (await browser.newContext()).newPage();
  await signIn(supporter, "es", "comite.presidencia@puente.example", DEMO_PASSWORD);
  await supporter.goto(`/es${path}`);
  await expectAccessible(supporter);
  await supporter.getByRole("button", { name: es("dialogue.question.support") }).click();
  await expect(supporter.getByRole("status").getByText(es("dialogue.done.supported"))).toBeVisible();
  await expect(supporter.getByText("2 personas la apoyan").first()).toBeVisible();
  await expectAccessible(supporter);
  // Taken back and given again: a plain form button each way.
  await supporter.getByRole("button", { name: es("dialogue.question.withdraw") }).click();
  await expect(supporter.getByRole("status").getByText(es("dialogue.done.unsupported"))).toBeVisible();
  await expect(supporter.getByText("1 persona la apoya").first()).toBeVisible();
  await expectAccessible(supporter);
  await supporter.getByRole("button", { name: es("dialogue.question.support") }).click();
  await expect(supporter.getByText("2 personas la apoyan").first()).toBeVisible();

  // 3. An ECLAC delegate answers in Spanish.
  const delegate = await (await browser.newContext()).newPage();
  await signIn(delegate, "es", "delegado.cepal@puente.example", DEMO_PASSWORD);
  await delegate.goto(`/es${path}`);
  await expectAccessible(delegate);
  await expect(delegate.locator('select[name="language"]')).toHaveValue("es");
  await delegate.locator('textarea[name="body"]').fill("La CEPAL abrirá una consulta virtual permanente para la diáspora, con interpretación, entre sesiones.");
  await delegate.getByRole("button", { name: es("dialogue.answerForm.submit") }).click();
  await expect(delegate.getByRole("status").getByText(es("dialogue.done.answered"))).toBeVisible();
  await expectAccessible(delegate);

  // 4. The asker reads the answer in the English interface, marked as Spanish.
  await asker.goto(`/en${path}`);
  await expect(asker.getByRole("heading", { name: en("dialogue.question.answer") })).toBeVisible();
  await expect(asker.getByText(en("dialogue.writtenIn", { language: en("common.languages.es") }))).toBeVisible();
  await expect(asker.locator('p[lang="es"]')).toContainText("consulta virtual permanente");
  await expect(asker.getByText(en("dialogue.status.answered")).first()).toBeVisible();
  await expectNoMarkers(asker, "main");
  await expectAccessibleWithJsOff(asker);
  await askerContext.close();

  // 5. A visitor crawls the dialogue pages: no name, no email of anyone behind a pseudonym.
  const visitor = await (await browser.newContext()).newPage();
  const pages = new Set<string>(["/en/dialogue", "/en/dialogue/delegates", "/en/dialogue/institutions/eclac", "/en/dialogue/institutions/iom", "/en/dialogue/institutions/state-mx"]);
  for (const sort of ["support", "newest", "unanswered"]) pages.add(`/en/dialogue/questions?sort=${sort}`);
  await visitor.goto("/en/dialogue/questions");
  for (const href of await visitor.locator('main a[href*="/dialogue/questions/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))) {
    if (!href.endsWith("/new") && !href.endsWith("/feed.xml")) pages.add(href);
  }
  // The list links its Atom feed, in the head and in the page, and the feed answers as Atom.
  await expect(visitor.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/en\/dialogue\/questions\/feed\.xml$/);
  await expect(visitor.locator('main a[type="application/atom+xml"]')).toHaveAttribute("href", "/en/dialogue/questions/feed.xml");
  const feed = await visitor.request.get("/en/dialogue/questions/feed.xml");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(pages.size).toBeGreaterThan(15);
  for (const url of pages) {
    await visitor.goto(url);
    await expectNoMarkers(visitor);
    await expectAccessible(visitor);
  }
});
