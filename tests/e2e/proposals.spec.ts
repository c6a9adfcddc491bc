import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Its tests share no state with one another: any worker may take any of them.
test.describe.configure({ mode: "parallel" });

test("a proposal goes from a Spanish draft without JavaScript to a public answer that a visitor finds without accents", async ({ browser }) => {
  const es = messages("es");
  const fr = messages("fr");
  const en = messages("en");
  const stamp = Date.now().toString(36);
  const title = `Atención psicosocial en albergues fronterizos ${stamp}`;

  // 1. A member writes and submits it in Spanish, with JavaScript off.
  const memberContext = await browser.newContext({ javaScriptEnabled: false });
  const member = await memberContext.newPage();
  const t = es;
  await member.goto("/es/sign-in");
  await expectAccessibleWithJsOff(member);
  await member.getByLabel(t("auth.signIn.email")).fill("ana@sinfronteras.example");
  await member.getByLabel(t("auth.signIn.password")).fill(DEMO_PASSWORD);
  await member.getByRole("button", { name: t("auth.signIn.submit") }).click();
  await expect(member).toHaveURL(/\/es\/dashboard$/);
  await member.goto("/es/proposals/new");
  await expectAccessibleWithJsOff(member);
  // An empty form comes back with messages next to the fields, and nothing is lost.
  await member.getByLabel(es("proposals.fields.title")).fill(title);
  await member.getByRole("button", { name: es("proposals.new.save") }).click();
  await expect(member.getByText(es("errors.required")).first()).toBeVisible();
  await expect(member.getByLabel(es("proposals.fields.title"))).toHaveValue(title);
  await member.getByLabel(es("proposals.fields.summary")).fill("Pedimos equipos de atención psicosocial en los albergues de la frontera norte, con personal que hable las lenguas de las personas migrantes.");
  await member.getByLabel(es("proposals.fields.body")).fill("## Qué pedimos\n\n- Equipos móviles de **atención psicosocial**.\n- <script>window.__pwned = 1</script> Formación del personal.");
  await member.getByRole("checkbox", { name: `7. ${es("gcm.7")}` }).check();
  await member.getByRole("checkbox", { name: `15. ${es("gcm.15")}` }).check();
  await member.getByRole("checkbox", { name: "México" }).check();
  await member.getByRole("button", { name: es("proposals.new.save") }).click();
  await expect(member.getByText(es("proposals.done.saved"))).toBeVisible();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessibleWithJsOff(member);
  await member.getByRole("button", { name: es("proposals.actions.submit") }).click();
  await expect(member.getByText(es("proposals.done.submitted"))).toBeVisible();
  await expect(member.getByText("<script>window.__pwned = 1</script>", { exact: false })).toBeVisible();
  const proposalPath = new URL(member.url()).pathname; // /es/proposals/<id>
  const id = proposalPath.split("/").pop()!;
  await expectAccessibleWithJsOff(member);
  await memberContext.close();

  // 2. Another organization co-sponsors it, in French.
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, "fr", "laura@iemc.example", DEMO_PASSWORD);
  await partner.goto(`/fr/proposals/${id}`);
  await expectAccessible(partner);
  const orgName = "Instituto de Estudios Migratorios de Colombia";
  await partner.getByRole("button", { name: fr("proposals.actions.cosponsor", { organizationName: orgName }) }).click();
  await expect(partner.getByText(fr("proposals.done.cosponsored"))).toBeVisible();
  await expect(partner.getByRole("link", { name: orgName })).toBeVisible();
  await expectAccessible(partner);

  // 3. A committee member from another network answers it, in English.
  const committee = await (await browser.newContext()).newPage();
  await signIn(committee, "en", "joao@conesul.example", DEMO_PASSWORD);
  await committee.goto("/en/dashboard/proposals");
  await expectAccessible(committee);
  await committee.goto(`/en/proposals/${id}`);
  await committee.getByRole("button", { name: en("proposals.actions.startReview") }).click();
  await expect(committee.getByText(en("proposals.done.reviewStarted"))).toBeVisible();
  await committee.getByLabel(en("proposals.actions.answerRequired", { language: en("common.languages.es") })).fill(
    "El Comité acepta la propuesta y la incluye en las recomendaciones sobre salud mental.",
  );
  await committee.getByText(en("proposals.actions.otherLanguages")).click();
  await committee.getByLabel(en("proposals.actions.answerOptional", { language: en("common.languages.en") })).fill(
    "The Committee accepts the proposal and includes it in the recommendations on mental health.",
  );
  await expectAccessible(committee);
  await committee.getByRole("button", { name: en("proposals.actions.accept") }).click();
  await expect(committee.getByText(en("proposals.done.accepted"))).toBeVisible();
  await expectAccessible(committee);

  // 4. A visitor finds it by typing the words without accents, and reads the answer and the history.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/es/proposals?q=${encodeURIComponent(`atencion psicosocial ${stamp}`)}`);
  await expectAccessible(visitor);
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor).toHaveURL(new RegExp(`/es/proposals/${id}$`));
  await expect(visitor.getByText("El Comité acepta la propuesta y la incluye en las recomendaciones sobre salud mental.")).toBeVisible();
  const history = visitor.getByRole("region", { name: es("proposalList.page.history") });
  await expect(history.getByText(es("proposalList.history.proposal_submitted"), { exact: true })).toBeVisible();
  await expect(history.getByText(es("proposalList.history.proposal_review_started"), { exact: true })).toBeVisible();
  await expect(history.getByText(es("proposalList.history.proposal_accepted"), { exact: true })).toBeVisible();
  await expect(history.getByText(es("proposalList.history.proposal_cosponsored", { organizationName: orgName }))).toBeVisible();
  expect(await visitor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expectAccessible(visitor);

  // In English, the answer is the English one.
  await visitor.goto(`/en/proposals/${id}`);
  await expect(visitor.getByText("The Committee accepts the proposal and includes it in the recommendations on mental health.")).toBeVisible();
  await expectAccessible(visitor);
});

test("the coverage page shows every objective, and the gaps", async ({ page }) => {
  const en = messages("en");
  await page.goto("/en/proposals/objectives");
  await expectAccessible(page);
  for (const n of [1, 12, 23]) await expect(page.getByRole("link", { name: new RegExp(en(`gcm.${n}`).slice(0, 30)) }).first()).toBeVisible();
});

test("a visitor cannot open a draft, even with its address", async ({ browser, request }) => {
  // Drafts of the demo are only for their organization's members.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, "es", "ana@sinfronteras.example", DEMO_PASSWORD);
  await member.goto("/es/dashboard");
  const draftLink = member.getByRole("link", { name: "Casas del migrante como puntos de información confiable" });
  const href = await draftLink.getAttribute("href");
  expect(href).toMatch(/\/es\/proposals\/[0-9a-f-]{36}$/);
  expect((await member.goto(href!))?.status()).toBe(200);
  expect((await request.get(href!)).status()).toBe(404);
  const list = await (await request.get("/es/proposals?q=casas%20del%20migrante")).text();
  expect(list).not.toContain("Casas del migrante como puntos de información confiable");
});
