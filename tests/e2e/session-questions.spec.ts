import { expect, test } from "./test";
import { DEMO_LIVE_PEOPLE, DEMO_LIVE_SESSION_TITLE } from "../../prisma/seed/demo-session-questions";
import { DEMO_SESSION_TITLES } from "../../prisma/seed/demo-sessions";
import { DEMO_PASSWORD, e2eSql, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Questions to the panel of the demo session that is live (it started 30 minutes before the
// e2e server seeded the demo): a registered participant asks without JavaScript, another one
// watching with JavaScript sees the question arrive without a reload while her own draft stays,
// and so does a visitor, whose page comes without Next's scripts; the moderator takes it up. axe and the 360 px check on every page visited.

type Marked = { stillTheSamePage?: boolean };

test("live session questions, with and without JavaScript", async ({ browser }) => {
  // Five people, two waits for the list to update by itself, axe on every page: more than the default.
  test.setTimeout(300_000);
  const es = messages("es");
  const en = messages("en");
  const stamp = Date.now().toString(36);
  const question = `¿Cuándo bajará el costo de enviar remesas hacia Honduras? (${stamp})`;

  // A visitor finds the live session in the public list.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/es/sessions");
  await expectAccessible(visitor);
  await visitor.getByRole("link", { name: DEMO_LIVE_SESSION_TITLE.es }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(DEMO_LIVE_SESSION_TITLE.es);
  const sessionPath = new URL(visitor.url()).pathname.replace(/^\/es/, "");
  await expect(visitor.getByRole("heading", { level: 2, name: es("sessionQuestions.heading") })).toBeVisible();
  await expect(visitor.getByRole("link", { name: es("sessionQuestions.ask.signIn") })).toBeVisible();
  await expectAccessible(visitor);
  // A visitor's page comes without Next's scripts (server/hydration.ts): only its own small one,
  // allowed by its hash, follows the questions. Nothing is refused on the way.
  const refused: string[] = [];
  visitor.on("console", (message) => {
    if (message.type() === "error") refused.push(message.text());
  });
  visitor.on("pageerror", (error) => refused.push(error.message));
  expect(await visitor.evaluate(() => "__next_f" in window)).toBe(false);
  await visitor.evaluate(() => ((window as unknown as Marked).stillTheSamePage = true));

  // 1. Amara (registered, not listed) follows with JavaScript, in English, and starts typing.
  const watcher = await (await browser.newContext()).newPage();
  await signIn(watcher, "en", DEMO_LIVE_PEOPLE.unlisted.email, DEMO_PASSWORD);
  await watcher.goto(`/en${sessionPath}`);
  await expectAccessible(watcher);
  const draft = "Will the panel publish the cost of remittances country by country?";
  const draftBox = watcher.getByRole("form", { name: en("sessionQuestions.ask.heading") }).getByRole("textbox", { name: en("sessionQuestions.ask.body") });
  await draftBox.fill(draft);
  await watcher.evaluate(() => ((window as unknown as Marked).stillTheSamePage = true));

  // 2. Tomás (registered, listed) asks without JavaScript: the form posts, the page comes back with it.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const asker = await noScript.newPage();
  await asker.goto("/es/sign-in");
  await asker.getByLabel(es("auth.signIn.email")).fill(DEMO_LIVE_PEOPLE.listed.email);
  await asker.getByLabel(es("auth.signIn.password")).fill(DEMO_PASSWORD);
  await asker.getByRole("button", { name: es("auth.signIn.submit") }).click();
  await asker.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await asker.goto(`/es${sessionPath}`);
  await expectAccessibleWithJsOff(asker);
  const form = asker.getByRole("form", { name: es("sessionQuestions.ask.heading") });
  await form.getByRole("textbox", { name: es("sessionQuestions.ask.body") }).fill(question);
  await form.getByRole("button", { name: es("sessionQuestions.ask.submit") }).click();
  await expect(asker.getByText(es("sessionQuestions.done.asked"))).toBeVisible();
  const askerItem = asker.locator('li[id^="question-"]', { hasText: question });
  await expect(askerItem).toContainText(es("sessionQuestions.list.yours"));
  await expectAccessibleWithJsOff(asker);

  // Tomás belongs to a verified organization: he supports a demo question under the pseudonym it vouches for, still without JavaScript.
  const domestic = asker.locator('li[id^="question-"]', { hasText: "trabajadoras domésticas migrantes" });
  await domestic.getByRole("combobox", { name: es("dialogue.voice.label") }).selectOption("pseudonym");
  await domestic.getByRole("button", { name: es("sessionQuestions.list.supportLabel") }).click();
  await expect(asker.getByText(es("sessionQuestions.done.supported"))).toBeVisible();
  await expect(asker.locator('li[id^="question-"]', { hasText: "trabajadoras domésticas migrantes" })).toContainText(es("sessionQuestions.list.supported"));
  const [support] = await e2eSql<{ pseudonymous: boolean }>(
    `SELECT s."pseudonymId" IS NOT NULL AS pseudonymous FROM "SessionQuestionSupport" s JOIN "User" u ON u.id = s."userId" JOIN "SessionQuestion" q ON q.id = s."questionId" WHERE u.email = $1 AND q.body LIKE '%trabajadoras domésticas%'`,
    [DEMO_LIVE_PEOPLE.listed.email],
  );
  expect(support.pseudonymous).toBe(true);
  await expectAccessibleWithJsOff(asker);

  // 3. Amara's list shows it by itself, announced, with her draft untouched and no reload.
  const watcherItem = watcher.locator('li[id^="question-"]', { hasText: question });
  await expect(watcherItem).toBeVisible({ timeout: 30_000 });
  await expect(watcher.getByText(en("sessionQuestions.announce.one"))).toBeVisible();
  await expect(draftBox).toHaveValue(draft);
  expect(await watcher.evaluate(() => (window as unknown as Marked).stillTheSamePage)).toBe(true);
  // Tomás chose to be listed: a signed-in reader sees his organization and its country, never his name.
  await expect(watcherItem).toContainText("Red Regional Sin Fronteras");
  await expect(watcherItem).not.toContainText(DEMO_LIVE_PEOPLE.listed.name);
  await expectAccessible(watcher);

  // The visitor's page followed too, without a reload, announced in Spanish; the open web reads
  // "a registered participant".
  const visitorItem = visitor.locator('li[id^="question-"]', { hasText: question });
  await expect(visitorItem).toBeVisible({ timeout: 30_000 });
  await expect(visitor.getByText(es("sessionQuestions.announce.one"))).toBeVisible();
  expect(await visitor.evaluate(() => (window as unknown as Marked).stillTheSamePage)).toBe(true);
  await expect(visitorItem).toContainText(es("sessionQuestions.asker.registered"));
  await expect(visitorItem).not.toContainText("Red Regional Sin Fronteras");
  await expectAccessible(visitor);

  // 4. The moderator takes it up; Amara's page follows again without a reload.
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, "es", DEMO_LIVE_PEOPLE.moderator.email, DEMO_PASSWORD);
  await moderator.goto(`/es${sessionPath}`);
  await expectAccessible(moderator);
  const moderatorItem = moderator.locator('li[id^="question-"]', { hasText: question });
  await moderatorItem.getByRole("button", { name: es("sessionQuestions.moderate.takeUp"), exact: true }).click();
  await expect(moderator.getByText(es("sessionQuestions.done.moved"))).toBeVisible();
  await expect(moderator.locator('li[id^="question-"]', { hasText: question })).toContainText(es("sessionQuestions.states.TAKEN_UP"));
  await expectAccessible(moderator);

  await expect(watcherItem).toContainText(en("sessionQuestions.states.TAKEN_UP"), { timeout: 30_000 });
  await expect(draftBox).toHaveValue(draft);
  expect(await watcher.evaluate(() => (window as unknown as Marked).stillTheSamePage)).toBe(true);
  await expect(visitorItem).toContainText(es("sessionQuestions.states.TAKEN_UP"), { timeout: 30_000 });
  expect(await visitor.evaluate(() => (window as unknown as Marked).stillTheSamePage)).toBe(true);
  expect(refused).toEqual([]);

  // 5. Amara supports it (one each): the button gives way to "You support it". Her organization
  // is not verified: no pseudonym is offered to her.
  await expect(watcherItem.getByRole("combobox", { name: en("dialogue.voice.label") })).toHaveCount(0);
  await watcherItem.getByRole("button", { name: en("sessionQuestions.list.supportLabel") }).click();
  await expect(watcher.locator('li[id^="question-"]', { hasText: question })).toContainText(en("sessionQuestions.list.supported"));
  await expectAccessible(watcher);

  // 6. The rapporteur marks it as one the summary draws on: it is linked under the questions'
  // heading and lands in the Markdown section to paste into the summary.
  const rapporteur = await (await browser.newContext()).newPage();
  await signIn(rapporteur, "en", "andre@returnees.example", DEMO_PASSWORD);
  await rapporteur.goto(`/en${sessionPath}`);
  await expectAccessible(rapporteur);
  const panel = rapporteur.getByRole("region", { name: en("sessionQuestions.summary.heading") });
  await panel.getByRole("listitem").filter({ hasText: question }).getByRole("button", { name: en("sessionQuestions.summary.drawOn") }).click();
  await expect(rapporteur.getByText(en("sessionQuestions.done.drawnOn"))).toBeVisible();
  await expect(rapporteur.getByLabel(en("sessionQuestions.summary.section"))).toHaveValue(new RegExp(`## ${en("sessionQuestions.summary.sectionHeading")}[\\s\\S]*${stamp}[\\s\\S]*#question-`));
  await expect(rapporteur.locator('li[id^="question-"]', { hasText: question })).toContainText(en("sessionQuestions.list.inSummary"));
  await expectAccessible(rapporteur);

  // 7. The session ends (its times moved two days back, and put back after): the visitor's page,
  // still not reloaded, says the questions are closed, and no longer that it updates by itself.
  // First the rapporteur's mark reaches it, so the end is the only change left to show.
  await expect(visitorItem).toContainText(es("sessionQuestions.list.inSummary"), { timeout: 30_000 });
  const sessionId = sessionPath.split("/").pop();
  const shift = async (by: string) => e2eSql(`UPDATE "ReviewSession" SET "startsAt" = "startsAt" + $2::interval, "endsAt" = "endsAt" + $2::interval WHERE id = $1`, [sessionId, by]);
  await shift("-2 days");
  try {
    await expect(visitor.getByText(es("sessionQuestions.status.closed"))).toBeVisible({ timeout: 30_000 });
    await expect(visitor.getByText(es("sessionQuestions.autoUpdate"))).toHaveCount(0);
    await expect(visitor.getByRole("link", { name: es("sessionQuestions.ask.signIn") })).toHaveCount(0);
    expect(await visitor.evaluate(() => (window as unknown as Marked).stillTheSamePage)).toBe(true);
    expect(refused).toEqual([]);
    await expectAccessible(visitor);
  } finally {
    await shift("2 days");
  }

  await noScript.close();
});

test("a held session's question under a pseudonym names its vouching organization as a link to its page", async ({ page }) => {
  const [past] = await e2eSql<{ id: string }>(`SELECT id::text FROM "ReviewSession" WHERE title->>'es' = $1`, [DEMO_SESSION_TITLES.past.es]);
  await page.goto(`/es/sessions/${past.id}`);
  const item = page.locator('li[id^="question-"]', { hasText: "denunciar extorsiones en la ruta" });
  await expect(item).toContainText("Araucaria 7392");
  await expect(item.getByRole("link", { name: "Red Regional Sin Fronteras" })).toHaveAttribute("href", "/es/organizations/red-sin-fronteras");
  await expect(item).not.toContainText("Ana Castillo");
  await expectAccessible(page);
});
