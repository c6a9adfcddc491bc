import { expect, test, type Browser, type Page } from "./test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn, signInWithoutJavaScript } from "./helpers";

// Issue 15, following: the demo participant follows a proposal without JavaScript and a session
// with it; the proposal's author comments and staff move the session's link; the participant
// reads both notices and the page of what they follow, then stops following everything. The
// session is the test's own; on the demo proposal it leaves one comment.

const es = messages("es");
const en = messages("en");
const PARTICIPANT = "participante@puente.example";
const AUTHOR = "ana@sinfronteras.example";
const STAFF = "staff.oim@puente.example";
const PROPOSAL = "Mecanismo regional de búsqueda de personas migrantes desaparecidas";
const day = 86_400_000;
const localInput = (daysAhead: number, hour: string) => `${new Date(Date.now() + daysAhead * day).toISOString().slice(0, 10)}T${hour}`;
/** A notice's sentence as the page shows it (the link's tags gone). */
const sentence = (key: string, values: Record<string, string>) => en(`notifications.kinds.${key}`, values).replace(/<\/?link>/g, "");

async function signedIn(browser: Browser, locale: "es" | "en", email: string, javaScriptEnabled = true): Promise<Page> {
  if (!javaScriptEnabled) return signInWithoutJavaScript(browser, locale, email);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, locale, email, DEMO_PASSWORD);
  return page;
}

/** Staff create a session and open it; returns its id. */
async function openSession(staff: Page, title: string): Promise<string> {
  await staff.goto("/es/dashboard/sessions/new");
  await staff.getByLabel(es("sessionDesk.form.titleIn", { language: es("common.languages.es") })).fill(title);
  await staff.getByLabel(es("sessionDesk.form.descriptionIn", { language: es("common.languages.es") })).fill("Sesión para probar el seguimiento.");
  await staff.getByLabel(es("sessionDesk.form.timeZone")).selectOption("America/Panama");
  await staff.getByLabel(es("sessionDesk.form.startsAt")).fill(localInput(45, "10:00"));
  await staff.getByLabel(es("sessionDesk.form.endsAt")).fill(localInput(45, "12:00"));
  await staff.getByLabel(es("sessionDesk.form.format")).selectOption("VIRTUAL");
  await staff.getByLabel(es("sessionDesk.form.link"), { exact: false }).fill("https://meet.example.org/seguimiento-1");
  await staff.getByRole("group", { name: es("sessionDesk.form.workingLanguages"), exact: false }).getByRole("checkbox", { name: es("common.languages.es") }).check();
  await staff.getByRole("checkbox", { name: `6. ${es("gcm.6")}` }).check();
  await staff.getByLabel(es("sessionDesk.form.seats.PANELIST"), { exact: false }).fill("1");
  await staff.getByLabel(es("sessionDesk.form.seats.RAPPORTEUR"), { exact: false }).fill("1");
  await staff.getByLabel(es("sessionDesk.form.seats.MODERATOR"), { exact: false }).fill("1");
  await staff.getByRole("button", { name: es("sessionDesk.form.create") }).click();
  await expect(staff.getByText(es("sessionDesk.done.created"))).toBeVisible();
  const sessionId = new URL(staff.url()).pathname.split("/").pop()!;
  const openForm = staff.getByRole("form", { name: es("sessionDesk.state.open") });
  await openForm.getByLabel(es("sessionDesk.form.nominationDeadline"), { exact: false }).fill(localInput(30, "23:00"));
  await openForm.getByRole("button", { name: es("sessionDesk.state.open") }).click();
  await expect(staff.getByText(es("sessionDesk.done.opened"))).toBeVisible();
  return sessionId;
}

test("a participant follows a proposal without JavaScript and a session with it, hears of their changes, and stops following", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const sessionTitle = `Seguimiento de sesiones ${stamp}`;
  const staff = await signedIn(browser, "es", STAFF);
  const sessionId = await openSession(staff, sessionTitle);

  // 1. Without JavaScript: the proposal, a plain form that posts and comes back.
  const noJs = await signedIn(browser, "en", PARTICIPANT, false);
  await noJs.goto(`/en/proposals?q=${encodeURIComponent("desaparecidas")}`);
  await noJs.getByRole("link", { name: PROPOSAL }).click();
  await expect(noJs.getByRole("heading", { level: 1 })).toHaveText(PROPOSAL);
  const proposalPath = new URL(noJs.url()).pathname;
  const follow = noJs.getByRole("region", { name: en("follows.heading") });
  await expect(follow.getByText(en("follows.notFollowing"))).toBeVisible();
  await expectAccessibleWithJsOff(noJs);
  await follow.getByRole("button", { name: en("follows.follow") }).click();
  await expect(noJs).toHaveURL(new RegExp(`${proposalPath}#follow$`));
  await expect(follow.getByText(en("follows.following"))).toBeVisible();
  await expect(follow.getByRole("button", { name: en("follows.unfollow") })).toBeVisible();
  await expectAccessibleWithJsOff(noJs);

  // 2. With JavaScript: the session.
  const participant = await signedIn(browser, "en", PARTICIPANT);
  await participant.goto(`/en/sessions/${sessionId}`);
  const sessionFollow = participant.getByRole("region", { name: en("follows.heading") });
  await expectAccessible(participant);
  await sessionFollow.getByRole("button", { name: en("follows.follow") }).click();
  await expect(sessionFollow.getByRole("button", { name: en("follows.unfollow") })).toBeVisible();
  await expect(sessionFollow.getByText(en("follows.following"))).toBeVisible();
  await expectAccessible(participant);

  // 3. The author comments on the proposal; staff move the session's link.
  const author = await signedIn(browser, "es", AUTHOR);
  await author.goto(`/es${proposalPath.replace(/^\/en/, "")}`);
  const comment = `Sumamos los datos de las familias de Honduras ${stamp}.`;
  await author.getByLabel(es("proposalDiscussion.form.body"), { exact: false }).fill(comment);
  await author.getByRole("button", { name: es("proposalDiscussion.form.submit") }).click();
  await expect(author.getByText(comment)).toBeVisible();
  await author.context().close();

  await staff.goto(`/es/dashboard/sessions/${sessionId}`);
  await staff.getByLabel(es("sessionDesk.form.link"), { exact: false }).fill("https://meet.example.org/seguimiento-2");
  await staff.getByRole("button", { name: es("sessionDesk.form.save") }).click();
  await expect(staff.getByText(es("sessionDesk.done.updated"))).toBeVisible();
  await staff.context().close();

  // 4. The participant reads both notices.
  await participant.goto("/en/dashboard/notifications");
  await expect(participant.locator("main")).toContainText(sentence("proposal_followed_commented", { authorName: "Ana Castillo", proposalTitle: PROPOSAL }));
  await expect(participant.locator("main")).toContainText(sentence("session_followed_changed", { sessionTitle }));
  await expect(participant.getByRole("link", { name: `“${sessionTitle}”` }).first()).toHaveAttribute("href", `/en/sessions/${sessionId}`);
  await expectAccessible(participant);

  // 5. What I follow, from the dashboard; unfollow the session there (with JavaScript).
  await participant.goto("/en/dashboard");
  await participant.getByRole("link", { name: en("follows.dashboardLink") }).click();
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText(en("follows.page.title"));
  const list = participant.getByRole("list", { name: en("follows.page.listLabel") });
  await expect(list.getByRole("link", { name: PROPOSAL })).toBeVisible();
  await expect(list.getByRole("link", { name: sessionTitle })).toBeVisible();
  await expectAccessible(participant);
  await list.getByRole("button", { name: en("follows.page.unfollowItem", { title: sessionTitle }) }).click();
  await expect(list.getByRole("link", { name: sessionTitle })).toHaveCount(0);
  await expect(list.getByRole("link", { name: PROPOSAL })).toBeVisible();

  // 6. And the proposal, without JavaScript, from its page.
  await noJs.goto(proposalPath);
  await follow.getByRole("button", { name: en("follows.unfollow") }).click();
  await expect(follow.getByText(en("follows.notFollowing"))).toBeVisible();
  await noJs.goto("/en/dashboard/following");
  // The demo's own follows (a country, an initiative) stay; the two of this test are gone.
  await expect(noJs.getByRole("link", { name: PROPOSAL })).toHaveCount(0);
  await expect(noJs.getByRole("link", { name: sessionTitle })).toHaveCount(0);
  await expectAccessibleWithJsOff(noJs);
  await participant.context().close();
  await noJs.context().close();
});
