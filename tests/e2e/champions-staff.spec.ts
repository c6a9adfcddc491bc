import { expect, test, type Browser, type Page } from "./test";
import { DEMO_FINAL_REPORT } from "../../prisma/seed/demo-final-report";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Staff's side of the champion tracker, beside champions.spec.ts: moderation of assessments
// (and what a visitor, the feeds and the public log then show), the suggestion queue, champion
// terms, following a country, and the follow-up of the demo's final report. Each test makes
// its own rows with a unique stamp, so the file runs beside the others in any order.

const es = messages("es");
const en = messages("en");
const pt = messages("pt");
const fr = messages("fr");

const STAFF = "staff.oim@puente.example";
const HONDURAS_MEMBER = "rosa@mujeresmigrantes.example";
const NETWORK_MEMBER = "joao@conesul.example";
const PARTICIPANT = "participante@puente.example";

const stampOf = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** A UTC calendar day `days` from today, as a date input wants it. */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function staffPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "es", STAFF, DEMO_PASSWORD);
  return page;
}

/** Staff enter a Honduran initiative in Spanish; returns its id (the page is left on it). */
async function createHonduranInitiative(staff: Page, title: string): Promise<string> {
  await staff.goto("/es/champions/new");
  await expectAccessible(staff);
  await staff.locator('select[name="country"]').selectOption("HN");
  await staff.getByLabel(es("champions.form.publicBody")).fill("Secretaría de Desarrollo Social");
  await staff.getByLabel(es("champions.form.titleIn", { language: es("common.languages.es") })).fill(title);
  await staff.getByLabel(es("champions.form.descriptionIn", { language: es("common.languages.es") })).fill("Ventanillas de orientación para familias desplazadas.");
  await staff.locator('select[name="inclusion"]').selectOption("INFORMED");
  await staff.getByRole("button", { name: es("champions.form.create") }).click();
  await expect(staff.getByText(es("champions.done.created"))).toBeVisible();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(title);
  return new URL(staff.url()).pathname.split("/").pop()!;
}

/** A public log sentence as read, without its link tags. */
const logSentence = (message: string) => message.replace(/<\/?\w+>/g, "");

/** The page's HTML and the three feeds a visitor can read must not hold `text`. */
async function expectNowhere(visitor: Page, text: string) {
  expect(await visitor.content()).not.toContain(text);
  for (const url of ["/en/champions/hn/feed.xml", "/en/champions/feed.xml", "/en/transparency/feed", "/es/champions/hn/feed.xml"]) {
    const response = await visitor.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(await response.text(), url).not.toContain(text);
  }
}

// Long flows with axe and the 360 px check on every page: room for a busy two-core machine.
test.setTimeout(240_000);

test("staff hide an assessment with a public reason: visitors, feeds and the log see only the reason, until it is shown again", async ({ browser }) => {
  const stamp = stampOf();
  const title = `Ventanillas para familias desplazadas ${stamp}`;
  const marker = `Texto-de-evaluacion-${stamp}`;
  const reason = `Datos personales de una persona retornada ${stamp}`;

  const staff = await staffPage(browser);
  const id = await createHonduranInitiative(staff, title);
  const path = `/champions/initiatives/${id}`;

  // A Honduran organization publishes an assessment carrying the marker.
  const org = await (await browser.newContext()).newPage();
  await signIn(org, "es", HONDURAS_MEMBER, DEMO_PASSWORD);
  await org.goto(`/es${path}`);
  const form = org.getByRole("form", { name: es("champions.assess.heading") });
  await form.getByLabel(es("champions.assess.progress")).selectOption("STALLED");
  await form.getByLabel(es("champions.assess.inclusion")).selectOption("NOT_INCLUDED");
  await form.getByLabel(es("champions.assess.rights")).selectOption("NO");
  await form.getByLabel(es("champions.assess.rightsNote")).fill(`${marker} (nota)`);
  await form.getByLabel(es("champions.assess.evidence")).fill(`${marker} (evidencia)`);
  await form.getByRole("button", { name: es("champions.assess.submit") }).click();
  await expect(org.getByText(es("champions.done.assessed"))).toBeVisible();
  await expect(org.getByRole("paragraph").filter({ hasText: `${marker} (nota)` })).toBeVisible();
  await org.context().close();

  // Staff hide it with a public reason.
  const organization = "Colectivo de Mujeres Migrantes de Honduras";
  await staff.goto(`/es${path}`);
  await expectAccessible(staff);
  await staff.getByText(es("champions.hidden.hide", { organization })).click();
  const hideForm = staff.getByRole("form", { name: es("champions.hidden.hide", { organization }) });
  await hideForm.getByLabel(es("champions.hidden.reasonLabel")).fill(reason);
  await hideForm.getByRole("button", { name: es("champions.hidden.confirm") }).click();
  await expect(staff.getByText(es("champions.done.hidden"))).toBeVisible();
  await expect(staff.getByText(reason)).toBeVisible();
  await expectAccessible(staff);

  // A visitor reads the reason, never the text: on the page, in the feeds, in the public log.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/en${path}`);
  await expectAccessible(visitor);
  await expect(visitor.getByText(en("champions.hidden.badge")).first()).toBeVisible();
  await expect(visitor.getByText(reason)).toBeVisible();
  await expectNowhere(visitor, marker);
  await visitor.goto("/en/transparency");
  await expectAccessible(visitor);
  const hidingEntry = visitor.getByRole("listitem").filter({ hasText: reason });
  await expect(hidingEntry).toHaveCount(1);
  await expect(hidingEntry.getByRole("link", { name: title })).toBeVisible();
  expect(await visitor.content()).not.toContain(marker);
  const logFeed = await (await visitor.request.get("/en/transparency/feed")).text();
  expect(logFeed).toContain(reason);

  // Staff show it again; the visitor reads it again.
  await staff.getByRole("button", { name: es("champions.hidden.unhide", { organization }) }).click();
  await expect(staff.getByText(es("champions.done.unhidden"))).toBeVisible();
  await expectAccessible(staff);
  await visitor.goto(`/en${path}`);
  await expect(visitor.getByText(`${marker} (nota)`)).toBeVisible();
  await expect(visitor.getByText(reason)).toHaveCount(0);
  await expectAccessible(visitor);
  await visitor.goto("/en/transparency");
  await expect(visitor.getByRole("listitem").filter({ hasText: logSentence(en("transparency.actions.assessment_unhidden", { commitmentTitle: title, organizationName: organization })) })).toHaveCount(1);
  await staff.context().close();
  await visitor.context().close();
});

test("a network suggests two initiatives in Portuguese; staff decline one with a public reason and accept the other", async ({ browser }) => {
  const stamp = stampOf();
  const declined = `Casa de acolhida em San Pedro Sula ${stamp}`;
  const accepted = `Programa de documentação consular ${stamp}`;
  const reason = `Já está no rastreador com outro nome ${stamp}`;

  const network = await (await browser.newContext()).newPage();
  await signIn(network, "pt", NETWORK_MEMBER, DEMO_PASSWORD);
  for (const title of [declined, accepted]) {
    await network.goto("/pt/champions/suggest");
    await expectAccessible(network);
    const form = network.getByRole("form", { name: pt("champions.suggest.title") });
    const organization = form.locator('select[name="organizationId"]');
    if (await organization.count()) await organization.selectOption({ index: 1 });
    await form.locator('select[name="country"]').selectOption("HN");
    await form.getByLabel(pt("champions.suggest.suggestionTitle")).fill(title);
    await form.getByLabel(pt("champions.suggest.description")).fill("Anunciado pelo governo hondurenho em nota oficial.");
    await form.getByLabel(pt("champions.suggest.publicBody")).fill("Cancillería de Honduras");
    await form.getByLabel(pt("champions.suggest.sourceUrl")).fill("https://gob.example/nota");
    await form.getByRole("button", { name: pt("champions.suggest.submit") }).click();
    await expect(network.getByText(pt("champions.done.suggested"))).toBeVisible();
  }
  await expectAccessible(network);
  await network.context().close();

  const staff = await staffPage(browser);
  await staff.goto("/es/champions/manage");
  await expectAccessible(staff);
  const card = (title: string) => staff.getByRole("listitem").filter({ has: staff.getByRole("heading", { name: title }) });
  await expect(card(declined)).toBeVisible();
  await expect(card(accepted)).toBeVisible();

  const declineForm = card(declined).getByRole("form", { name: es("champions.manage.decline") });
  await declineForm.getByLabel(es("champions.manage.declineReason")).fill(reason);
  await declineForm.getByRole("button", { name: es("champions.manage.decline") }).click();
  await expect(staff.getByText(es("champions.done.declined"))).toBeVisible();
  await expect(card(declined)).toHaveCount(0);
  await expectAccessible(staff);

  await card(accepted).getByRole("button", { name: es("champions.manage.accept") }).click();
  await expect(staff.getByText(es("champions.done.accepted"))).toBeVisible();
  await expect(card(accepted)).toHaveCount(0);
  await expectAccessible(staff);
  await staff.context().close();

  // The public log says both, with the reason; the accepted one links to its initiative page.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/es/transparency");
  await expectAccessible(visitor);
  await expect(visitor.getByRole("listitem").filter({ hasText: declined }).filter({ hasText: reason })).toHaveCount(1);
  const inTracker = /<item>(.*?)<\/item>/.exec(es("transparency.actions.suggestion_accepted"))![1];
  // Two entries name it: the decision (linking to the initiative) and the initiative's creation.
  const acceptedEntry = visitor.getByRole("listitem").filter({ hasText: accepted }).filter({ has: visitor.getByRole("link", { name: inTracker }) });
  await expect(acceptedEntry).toHaveCount(1);
  await acceptedEntry.getByRole("link", { name: inTracker }).click();
  await expect(visitor).toHaveURL(/\/es\/champions\/initiatives\/[0-9a-f-]{36}$/);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(accepted);
  await expect(visitor.getByText(es("champions.otherLanguage", { language: es("common.languages.pt") }))).toBeVisible();
  await expectAccessible(visitor);
  await visitor.context().close();
});

test("staff add a champion term for Guatemala, refuse an end before the start, and end it", async ({ browser }) => {
  const staff = await staffPage(browser);
  await staff.goto("/es/champions/manage");
  await expectAccessible(staff);
  const add = staff.getByRole("form", { name: es("champions.manage.addTerm") });

  // Bad input: the last day before the first. The error sits next to the field; what was typed stays.
  await add.getByLabel(es("champions.manage.country")).selectOption("GT");
  await add.getByLabel(es("champions.manage.startsOn")).fill(isoDay(-10));
  await add.getByLabel(es("champions.manage.endsOn")).fill(isoDay(-20));
  await add.getByRole("button", { name: es("champions.manage.add") }).click();
  const endsOn = add.getByLabel(es("champions.manage.endsOn"));
  await expect(endsOn).toHaveAttribute("aria-invalid", "true");
  await expect(endsOn).toHaveAccessibleDescription(new RegExp(es("errors.champions.endBeforeStart").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(endsOn).toHaveValue(isoDay(-20));
  await expect(add.getByLabel(es("champions.manage.startsOn"))).toHaveValue(isoDay(-10));
  await expect(add.getByLabel(es("champions.manage.country"))).toHaveValue("GT");
  await expectAccessible(staff);

  // A term from ten days ago, open-ended.
  await endsOn.fill("");
  await add.getByRole("button", { name: es("champions.manage.add") }).click();
  await expect(staff.getByText(es("champions.done.termAdded"))).toBeVisible();
  await expectAccessible(staff);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/es/champions");
  await expectAccessible(visitor);
  const countries = visitor.getByRole("table", { name: es("champions.countriesTable") });
  await expect(countries.getByRole("link", { name: "Guatemala" })).toBeVisible();
  await visitor.goto("/es/champions/gt");
  await expectAccessible(visitor);

  // End it yesterday: it is no longer a champion today.
  const name = "Guatemala";
  const end = staff.getByRole("form", { name: es("champions.manage.end", { country: name }) });
  await end.getByLabel(es("champions.manage.endOn", { country: name })).fill(isoDay(-1));
  await end.getByRole("button", { name: es("champions.manage.end", { country: name }) }).click();
  await expect(staff.getByText(es("champions.done.termEnded"))).toBeVisible();
  await expect(staff.getByRole("form", { name: es("champions.manage.end", { country: name }) })).toHaveCount(0);
  await expectAccessible(staff);
  await staff.context().close();

  await visitor.goto("/es/champions");
  await expect(visitor.getByRole("table", { name: es("champions.countriesTable") }).getByRole("link", { name: "Guatemala" })).toHaveCount(0);
  await visitor.goto("/es/transparency");
  await expect(visitor.getByRole("listitem").filter({ hasText: "Guatemala" }).first()).toBeVisible();
  await visitor.context().close();
});

test("a participant follows Honduras without JavaScript and is told of a dated update, with a link to the initiative", async ({ browser }) => {
  const stamp = stampOf();
  const title = `Registro de personas desplazadas internas ${stamp}`;
  const body = `Se abrió la segunda ventanilla ${stamp}.`;

  const staff = await staffPage(browser);
  const id = await createHonduranInitiative(staff, title);

  // The participant, without JavaScript, follows Honduras.
  const participantContext = await browser.newContext({ javaScriptEnabled: false });
  const participant = await participantContext.newPage();
  await participant.goto("/en/sign-in");
  await participant.getByLabel(en("auth.signIn.email")).fill(PARTICIPANT);
  await participant.getByLabel(en("auth.signIn.password")).fill(DEMO_PASSWORD);
  await participant.getByRole("button", { name: en("auth.signIn.submit") }).click();
  await participant.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await participant.goto("/en/champions/hn");
  await participant.getByRole("form", { name: en("champions.follow.follow") }).getByRole("button", { name: en("champions.follow.follow") }).click();
  await expect(participant.getByText(en("champions.done.followed"))).toBeVisible();
  await expect(participant.getByText(en("champions.follow.following"))).toBeVisible();
  await expectAccessibleWithJsOff(participant);

  // Staff post a dated update on the new initiative.
  const update = staff.getByRole("form", { name: es("champions.staff.postUpdate") });
  await update.getByLabel(es("champions.staff.reportedOn")).fill(isoDay(0));
  await update.getByLabel(es("champions.staff.newStatus")).selectOption("IN_PROGRESS");
  await update.getByLabel(es("champions.staff.body")).fill(body);
  await update.getByRole("button", { name: es("champions.staff.post") }).click();
  await expect(staff.getByText(es("champions.done.updatePosted"))).toBeVisible();
  await expect(staff.getByText(body)).toBeVisible();
  await expectAccessible(staff);
  await staff.context().close();

  // The notice, still without JavaScript, leads to the initiative.
  await participant.goto("/en/dashboard/notifications");
  const notice = participant.getByRole("listitem").filter({ has: participant.getByRole("link", { name: title }) });
  await expect(notice).toHaveCount(1);
  await expectAccessibleWithJsOff(participant);
  await notice.getByRole("link", { name: title }).click();
  await expect(participant).toHaveURL(new RegExp(`/en/champions/initiatives/${id}$`));
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(participant.getByText(body)).toBeVisible();

  // Stop following, so the participant is as the demo left them.
  await participant.goto("/en/champions/hn");
  await participant.getByRole("button", { name: en("champions.follow.unfollow") }).click();
  await expect(participant.getByText(en("champions.done.unfollowed"))).toBeVisible();
  await participantContext.close();
});

test("the follow-up pages in French: the demo's recommendations, and staff's marking page listing the final report's paragraphs", async ({ browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/fr/report/follow-up");
  await expectAccessible(visitor);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(fr("champions.followUp.title"));
  await expect(visitor.getByText(fr("champions.followUp.illustrative"))).toBeVisible();
  // They name the final report they come from, linked.
  await expect(visitor.locator("main").getByRole("link", { name: DEMO_FINAL_REPORT.title })).toHaveAttribute("href", `/fr/report/versions/${DEMO_FINAL_REPORT.number}`);
  // The previous review's five recommendations (report.spec.ts may have marked one more).
  expect(await visitor.locator('main a[href^="/fr/report/follow-up/"]:not([href$="/mark"])').count()).toBeGreaterThanOrEqual(5);
  // Filtered by addressee, without JavaScript needed (a GET form).
  await visitor.goto("/fr/report/follow-up?addressee=ECLAC");
  await expect(visitor.locator("main").getByRole("status")).toHaveText(/^1 /);
  await expectAccessible(visitor);
  // Not staff's page: a visitor is not shown it.
  expect((await visitor.request.get("/fr/report/follow-up/mark")).status()).toBe(404);
  await visitor.context().close();

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "fr", STAFF, DEMO_PASSWORD);
  await staff.goto("/fr/report/follow-up");
  await expectAccessible(staff);
  await staff.getByRole("link", { name: fr("champions.followUp.mark") }).click();
  await expect(staff).toHaveURL(/\/fr\/report\/follow-up\/mark$/);
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(fr("champions.mark.title"));
  await expect(staff.getByText(fr("champions.mark.noFinal"))).toHaveCount(0);
  // Paragraphs already marked link to their follow-up; the others can be marked.
  await expect(staff.getByRole("link", { name: fr("champions.mark.already") }).first()).toBeVisible();
  await expectAccessible(staff);
  await staff.context().close();
});
