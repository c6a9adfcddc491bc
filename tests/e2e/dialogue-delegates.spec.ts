import { expect, test } from "./test";
import { DEMO_PASSWORD, e2eSql as sql, expectAccessible, expectAccessibleWithJsOff, messages, signIn, signInWithoutJavaScript } from "./helpers";

// Issue 14: an admin gives the DELEGATE role with its institution (a State's focal point, which
// needs its country) on the roles page; the new delegate writes their public profile without
// JavaScript (institution shown, portfolio in two languages, languages spoken) and readers find
// it in another language. Then who sees the pseudonyms page: each organization's admins their
// own members' pseudonyms only, a member none, a site admin the request form without names, a
// visitor the sign-in page. The delegate is a demo account no other spec reads as one (Altagracia
// Santos); afterAll takes the role, the profile and the new institution away again.

const es = messages("es");
const en = messages("en");
const fr = messages("fr");
const pt = messages("pt");
const ADMIN = "admin@puente.example";
const NEW_DELEGATE = { name: "Altagracia Santos", email: "altagracia@caminos.example" };
const DIASPORA = { name: "Daniela Ortiz", email: "daniela@diaspora-americas.example", admin: "grace@diaspora-americas.example" };
const PARTICIPANT = { name: "Pedro Alvarado", email: "participante@puente.example", admin: "oscar@cdhpm.example" };

test.setTimeout(300_000);

const pseudonymOf = async (email: string) =>
  (await sql<{ name: string }>(`SELECT p.name FROM "Pseudonym" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1 ORDER BY p."createdAt" LIMIT 1`, [email]))[0].name;

test.afterAll(async () => {
  await sql(`DELETE FROM "DelegateProfile" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [NEW_DELEGATE.email]);
  await sql(`DELETE FROM "RoleAssignment" WHERE role = 'DELEGATE' AND "userId" = (SELECT id FROM "User" WHERE email = $1)`, [NEW_DELEGATE.email]);
  await sql(`DELETE FROM "DialogueInstitution" i WHERE slug = 'state-do' AND NOT EXISTS (SELECT 1 FROM "DialogueQuestion" q WHERE q."institutionId" = i.id)`);
});

test("an admin names a State's focal point; the delegate writes their profile without JavaScript; readers find it", async ({ browser }) => {
  const dominicanRepublic = { es: new Intl.DisplayNames(["es"], { type: "region" }).of("DO")!, fr: new Intl.DisplayNames(["fr"], { type: "region" }).of("DO")! };

  // 1. The admin, in Spanish: DELEGATE needs an institution, a State's needs its country.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "es", ADMIN, DEMO_PASSWORD);
  await admin.goto("/es/admin/roles");
  await expectAccessible(admin);
  await admin.locator('input[name="email"]').fill(NEW_DELEGATE.email);
  await admin.locator('select[name="role"]').selectOption("DELEGATE");
  await admin.getByRole("button", { name: es("admin.roles.grant") }).click();
  await expect(admin.getByText(es("errors.dialogue.chooseInstitution"))).toBeVisible();
  await expect(admin.locator('select[name="institution"]')).toHaveAttribute("aria-invalid", "true");
  await expect(admin.locator('input[name="email"]')).toHaveValue(NEW_DELEGATE.email);
  await expectAccessible(admin);
  await admin.locator('select[name="institution"]').selectOption("STATE");
  await admin.getByRole("button", { name: es("admin.roles.grant") }).click();
  await expect(admin.getByText(es("errors.dialogue.stateNeedsCountry"))).toBeVisible();
  await expect(admin.locator('select[name="country"]')).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(admin);
  await admin.locator('select[name="country"]').selectOption("DO");
  await admin.getByRole("button", { name: es("admin.roles.grant") }).click();
  await expect(admin.getByText(es("admin.roles.granted"))).toBeVisible();
  await admin.reload();
  const row = admin.getByRole("row").filter({ hasText: NEW_DELEGATE.email });
  await expect(row).toContainText(es("admin.roleNames.DELEGATE"));
  await expectAccessible(admin);

  // 2. The delegate, in French and without JavaScript: the profile names the institution.
  const delegate = await signInWithoutJavaScript(browser, "fr", NEW_DELEGATE.email);
  await delegate.goto("/fr/dialogue/delegates");
  await delegate.getByRole("link", { name: fr("dialogue.delegates.editOwn") }).click();
  await expect(delegate).toHaveURL(/\/fr\/dialogue\/delegates\/profile$/);
  await expect(delegate.getByRole("heading", { level: 1 })).toHaveText(fr("dialogue.profile.title"));
  await expect(delegate.getByText(fr("dialogue.institutions.STATE", { country: dominicanRepublic.fr }))).toBeVisible();
  await expect(delegate.locator('input[name="displayName"]')).toHaveValue(NEW_DELEGATE.name);
  await expectAccessibleWithJsOff(delegate);
  // An empty name comes back next to the field (at least 2 characters), with what was typed elsewhere kept.
  const portfolioFr = "Coordination avec la société civile sur la migration entre Haïti et la République dominicaine.";
  await delegate.locator('input[name="displayName"]').fill("");
  await delegate.locator('textarea[name="portfolioFr"]').fill(portfolioFr);
  await delegate.getByRole("button", { name: fr("dialogue.profile.save") }).click();
  await expect(delegate.getByText(fr("errors.tooShort", { min: 2 })).first()).toBeVisible();
  await expect(delegate.locator('input[name="displayName"]')).toHaveAttribute("aria-invalid", "true");
  await expect(delegate.locator('textarea[name="portfolioFr"]')).toHaveValue(portfolioFr);
  await expectAccessibleWithJsOff(delegate);
  await delegate.locator('input[name="displayName"]').fill("Altagracia Santos (RD)");
  await delegate.locator('textarea[name="portfolioEs"]').fill("Coordinación con la sociedad civil sobre la migración entre Haití y la República Dominicana.");
  for (const code of ["es", "fr", "ht"]) await delegate.locator(`input[name="languagesSpoken"][value="${code}"]`).check();
  await delegate.getByRole("button", { name: fr("dialogue.profile.save") }).click();
  await expect(delegate).toHaveURL(/\/fr\/dialogue\/delegates\?done=profileSaved$/);
  await expect(delegate.getByText(fr("dialogue.done.profileSaved"))).toBeVisible();
  const card = delegate.getByRole("listitem").filter({ hasText: "Altagracia Santos (RD)" });
  await expect(card).toContainText(portfolioFr);
  const spoken = ["es", "fr", "ht"].map((code) => new Intl.DisplayNames(["fr"], { type: "language" }).of(code)!).join(", ");
  await expect(card).toContainText(fr("dialogue.delegates.speaks", { languages: spoken }));
  await expectAccessibleWithJsOff(delegate);

  // 3. Readers in Portuguese (no portfolio in it: another language, marked) and Spanish.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/pt/dialogue/institutions/state-do");
  await expect(reader.getByText("Altagracia Santos (RD)").first()).toBeVisible();
  await expect(reader.getByText(pt("dialogue.writtenIn", { language: pt("common.languages.es") })).first()).toBeVisible();
  await expectAccessible(reader);
  await reader.goto("/es/dialogue/delegates");
  await expect(reader.getByText("Coordinación con la sociedad civil sobre la migración entre Haití y la República Dominicana.")).toBeVisible();
  await expect(reader.getByText(es("dialogue.institutions.STATE", { country: dominicanRepublic.es })).first()).toBeVisible();
  await expectAccessible(reader);
});

test("the pseudonyms page: each organization's admins see their own members only, a member none, a site admin no one without a request", async ({ browser }) => {
  const [daniela, pedro] = [await pseudonymOf(DIASPORA.email), await pseudonymOf(PARTICIPANT.email)];

  // The diaspora network's admin, in English: Daniela behind her pseudonym, not Pedro.
  const grace = await (await browser.newContext()).newPage();
  await signIn(grace, "en", DIASPORA.admin, DEMO_PASSWORD);
  await grace.goto("/en/dialogue/pseudonyms");
  await expect(grace.getByRole("heading", { level: 1 })).toHaveText(en("dialogue.pseudonyms.title"));
  const graceRow = grace.getByRole("row").filter({ hasText: daniela });
  await expect(graceRow).toContainText(DIASPORA.name);
  await expect(graceRow).toContainText("Diaspora Network for the Americas");
  await expect(grace.locator("main")).not.toContainText(PARTICIPANT.name);
  await expect(grace.locator("main")).not.toContainText(pedro);
  await expect(grace.getByRole("heading", { name: en("dialogue.pseudonyms.requestHeading") })).toHaveCount(0);
  await expectAccessible(grace);

  // The Salvadoran centre's admin, in Portuguese and without JavaScript: Pedro, not Daniela.
  const oscar = await signInWithoutJavaScript(browser, "pt", PARTICIPANT.admin);
  await oscar.goto("/pt/dialogue/pseudonyms");
  await expect(oscar.getByRole("row").filter({ hasText: pedro })).toContainText(PARTICIPANT.name);
  await expect(oscar.locator("main")).not.toContainText(DIASPORA.name);
  await expectAccessibleWithJsOff(oscar);

  // A member (Pedro himself) administers nothing: none.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, "es", PARTICIPANT.email, DEMO_PASSWORD);
  await member.goto("/es/dialogue/pseudonyms");
  await expect(member.getByText(es("dialogue.pseudonyms.noneVouched")).first()).toBeVisible();
  await expect(member.getByRole("row").filter({ hasText: pedro })).toHaveCount(0);
  await expectAccessible(member);

  // A site admin, in French: the names to ask about, never the people; an empty request is refused next to its fields.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "fr", ADMIN, DEMO_PASSWORD);
  await admin.goto("/fr/dialogue/pseudonyms");
  await expect(admin.getByRole("heading", { name: fr("dialogue.pseudonyms.requestHeading") })).toBeVisible();
  await expect(admin.locator('select[name="pseudonymId"] option', { hasText: daniela })).toHaveCount(1);
  for (const name of [DIASPORA.name, PARTICIPANT.name]) await expect(admin.locator("main")).not.toContainText(name);
  await expectAccessible(admin);
  await admin.getByRole("button", { name: fr("dialogue.pseudonyms.request") }).click();
  await expect(admin.locator('select[name="pseudonymId"]')).toHaveAttribute("aria-invalid", "true");
  await expect(admin.locator('textarea[name="reason"]')).toHaveAttribute("aria-invalid", "true");
  for (const name of [DIASPORA.name, PARTICIPANT.name]) await expect(admin.locator("main")).not.toContainText(name);
  await expectAccessible(admin);

  // A visitor is sent to sign in.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/es/dialogue/pseudonyms");
  await expect(visitor).toHaveURL(/\/es\/sign-in/);
  await expectAccessible(visitor);
});
