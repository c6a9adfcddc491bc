import { expect, test, type Browser, type Page } from "./test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

const day = 86_400_000;
/** A wall-clock time N days from now, as a datetime-local input wants it. */
const localInput = (daysAhead: number, hour: string) => `${new Date(Date.now() + daysAhead * day).toISOString().slice(0, 10)}T${hour}`;

async function signedIn(browser: Browser, locale: "es" | "en" | "fr" | "pt", email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, locale, email, DEMO_PASSWORD);
  return page;
}

/** The personal link in the newest email of the outbox that greets this nominee. */
async function nominationLink(admin: Page, nomineeName: string) {
  const email = admin.getByRole("article").filter({ hasText: nomineeName }).first();
  // The job queue's worker sends it within a second or two: read the outbox until it is there.
  await expect(async () => {
    await admin.goto("/es/admin/outbox");
    await expect(email).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const text = await email.innerText();
  const link = text.match(/https?:\/\/[^\s]+\/(es|en|pt|fr)\/nominations\/[\w-]{43}/)?.[0];
  expect(link, `nomination link for ${nomineeName}`).toBeTruthy();
  return new URL(link!).pathname;
}

test("staff open a session; the committee nominates, endorses and selects; nominees consent; staff confirm; a visitor sees the speakers in French", async ({ browser }) => {
  test.setTimeout(240_000);
  const es = messages("es");
  const en = messages("en");
  const fr = messages("fr");
  const stamp = Date.now().toString(36);
  const titleEs = `Trabajo decente y reclutamiento justo ${stamp}`;
  const titleFr = `Travail décent et recrutement équitable ${stamp}`;
  const external = { name: `Marisol Chávez ${stamp}`, email: `marisol.${stamp}@example.org` };
  const memberName = "Laura Gómez";

  // 1. Staff create the session in Spanish and open it for nominations.
  const staff = await signedIn(browser, "es", "staff.oim@puente.example");
  await staff.goto("/es/dashboard/sessions/new");
  await expectAccessible(staff);
  await staff.getByLabel(es("sessionDesk.form.titleIn", { language: es("common.languages.es") })).fill(titleEs);
  await staff.getByLabel(es("sessionDesk.form.descriptionIn", { language: es("common.languages.es") })).fill(
    "Diálogo sobre el reclutamiento de trabajadoras y trabajadores temporales y sus derechos laborales.",
  );
  await staff.getByLabel(es("sessionDesk.form.titleIn", { language: es("common.languages.fr") })).fill(titleFr);
  await staff.getByLabel(es("sessionDesk.form.timeZone")).selectOption("America/Tegucigalpa");
  await staff.getByLabel(es("sessionDesk.form.startsAt")).fill(localInput(40, "10:00"));
  await staff.getByLabel(es("sessionDesk.form.endsAt")).fill(localInput(40, "12:30"));
  await staff.getByLabel(es("sessionDesk.form.format")).selectOption("VIRTUAL");
  await staff.getByLabel(es("sessionDesk.form.link"), { exact: false }).fill(`https://meet.example.org/gcm-${stamp}`);
  await staff.getByRole("group", { name: es("sessionDesk.form.workingLanguages"), exact: false }).getByRole("checkbox", { name: es("common.languages.es") }).check();
  await staff.getByRole("checkbox", { name: `6. ${es("gcm.6")}` }).check();
  await staff.getByLabel(es("sessionDesk.form.seats.PANELIST"), { exact: false }).fill("1");
  await staff.getByLabel(es("sessionDesk.form.seats.RAPPORTEUR"), { exact: false }).fill("1");
  await staff.getByLabel(es("sessionDesk.form.seats.MODERATOR"), { exact: false }).fill("1");
  await staff.getByRole("button", { name: es("sessionDesk.form.create") }).click();
  await expect(staff.getByText(es("sessionDesk.done.created"))).toBeVisible();
  const sessionId = new URL(staff.url()).pathname.split("/").pop()!;
  await expectAccessible(staff);
  const openForm = staff.getByRole("form", { name: es("sessionDesk.state.open") });
  await openForm.getByLabel(es("sessionDesk.form.nominationDeadline"), { exact: false }).fill(localInput(30, "23:00"));
  await openForm.getByRole("button", { name: es("sessionDesk.state.open") }).click();
  await expect(staff.getByText(es("sessionDesk.done.opened"))).toBeVisible();
  await expectAccessible(staff);
  const workspace = `/dashboard/committee/sessions/${sessionId}`;

  // 2. A committee member nominates someone without an account and a member of an organization, in English.
  const joao = await signedIn(browser, "en", "joao@conesul.example");
  await joao.goto("/en/dashboard/committee");
  await expect(joao.getByText(titleEs).first()).toBeVisible();
  await expectAccessible(joao);
  await joao.goto(`/en${workspace}`);
  await expectAccessible(joao);
  const externalForm = joao.getByRole("form", { name: en("nominations.nominate.externalFormLabel") });
  await externalForm.getByLabel(en("nominations.nominate.nomineeName"), { exact: false }).fill(external.name);
  await externalForm.getByLabel(en("nominations.nominate.nomineeEmail"), { exact: false }).fill(external.email);
  // Her network is Carlos's: he will be recused.
  await externalForm.getByLabel(en("nominations.nominate.nomineeOrganization"), { exact: false }).fill("Red Andina de Movilidad Humana");
  await externalForm.getByLabel(en("nominations.nominate.nomineeCountry"), { exact: false }).selectOption("EC");
  await externalForm.getByLabel(en("nominations.nominate.role"), { exact: false }).selectOption("PANELIST");
  await externalForm.getByLabel(en("nominations.nominate.rationale"), { exact: false }).fill("She organizes seasonal farm workers recruited from Ecuador and knows the abuses first-hand.");
  await externalForm.getByLabel(en("nominations.nominate.gender"), { exact: false }).selectOption("WOMAN");
  await externalForm.getByRole("checkbox", { name: en("common.languages.es") }).check();
  await externalForm.getByRole("button", { name: en("nominations.nominate.submit") }).click();
  await expect(joao.getByText(en("nominations.done.nominatedInvited"))).toBeVisible();

  const search = joao.getByRole("search", { name: en("nominations.nominate.searchLabel") });
  await search.getByLabel(en("nominations.nominate.search"), { exact: false }).fill("Laura");
  await search.getByRole("button", { name: en("nominations.nominate.searchButton") }).click();
  const memberForm = joao.getByRole("form", { name: en("nominations.nominate.memberFormLabel") });
  await memberForm.getByRole("radio", { name: new RegExp(memberName) }).check();
  await memberForm.getByLabel(en("nominations.nominate.role"), { exact: false }).selectOption("MODERATOR");
  await memberForm.getByLabel(en("nominations.nominate.rationale"), { exact: false }).fill("Her research on labour integration gives the session its evidence.");
  await memberForm.getByLabel(en("nominations.nominate.gender"), { exact: false }).selectOption("WOMAN");
  // Words of her own are kept only with "another identity": here they are dropped, and never counted.
  await memberForm.getByLabel(en("nominations.nominate.genderDescription"), { exact: false }).fill("mujer");
  await memberForm.getByRole("checkbox", { name: en("common.languages.es") }).check();
  await memberForm.getByRole("button", { name: en("nominations.nominate.submit") }).click();
  await expect(joao.getByText(en("nominations.done.nominatedInvited"))).toBeVisible();
  await expectAccessible(joao);

  // Before anyone accepts, the public page says nothing about them.
  const early = await (await browser.newContext()).newPage();
  await early.goto(`/fr/sessions/${sessionId}`);
  await expect(early.getByRole("heading", { level: 1 })).toHaveText(titleFr);
  await expect(early.locator("main")).not.toContainText(external.name);
  await expect(early.locator("main")).not.toContainText(memberName);

  // 3. The nominees accept through their emailed links: the external one without JavaScript.
  const admin = await signedIn(browser, "es", "admin@puente.example");
  const externalLink = await nominationLink(admin, external.name);
  const memberLink = await nominationLink(admin, memberName);
  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noJs.goto(externalLink);
  await expectAccessibleWithJsOff(noJs);
  await noJs.getByLabel(es("nominee.page.accept.bio"), { exact: false }).fill("Dirigente de trabajadoras agrícolas temporales en Ecuador y España.");
  await noJs.getByRole("button", { name: es("nominee.page.accept.submit") }).click();
  await expect(noJs.getByText(es("nominee.thanks.accepted"))).toBeVisible();
  await expectAccessibleWithJsOff(noJs);
  // The link is spent.
  await noJs.goto(externalLink);
  await expect(noJs.getByRole("heading", { level: 1 })).toHaveText(es("nominee.page.invalidTitle"));

  const laura = await (await browser.newContext()).newPage();
  await laura.goto(memberLink);
  await expectAccessible(laura);
  await laura.getByLabel(es("nominee.page.accept.bio"), { exact: false }).fill("Investigadora del Instituto de Estudios Migratorios de Colombia.");
  await laura.getByRole("button", { name: es("nominee.page.accept.submit") }).click();
  await expect(laura.getByText(es("nominee.thanks.accepted"))).toBeVisible();

  // 4. Another committee member endorses, in French.
  const nadege = await signedIn(browser, "fr", "nadege@reseau-caraibe.example");
  await nadege.goto(`/fr${workspace}`);
  const externalCardFr = nadege.getByRole("article", { name: external.name });
  await externalCardFr.getByRole("button", { name: fr("nominations.card.endorse") }).click();
  await expect(nadege.getByText(fr("nominations.done.endorsed"))).toBeVisible();
  await expectAccessible(nadege);

  // 5. Carlos is recused from the nominee of his own network, and the page says why.
  const carlos = await signedIn(browser, "es", "carlos@redandina.example");
  await carlos.goto(`/es${workspace}`);
  const recusedCard = carlos.getByRole("article", { name: external.name });
  await expect(recusedCard.getByText(es("nominations.card.recused"))).toBeVisible();
  await expect(recusedCard.getByRole("button", { name: es("nominations.card.endorse") })).toHaveCount(0);
  await expect(recusedCard.getByRole("button", { name: es("nominations.card.select") })).toHaveCount(0);
  await expectAccessible(carlos);

  // 6. The chair selects both; the second makes the slate two-thirds one gender and one sub-region.
  const chair = await signedIn(browser, "en", "comite.presidencia@puente.example");
  await chair.goto(`/en${workspace}`);
  const first = chair.getByRole("article", { name: external.name });
  await first.getByLabel(en("nominations.card.selectionRationale"), { exact: false }).fill("Direct experience of recruitment abuses; endorsed by the Caribbean network.");
  await first.getByRole("button", { name: en("nominations.card.select") }).click();
  await expect(chair.getByText(en("nominations.done.selected"))).toBeVisible();
  const second = chair.getByRole("article", { name: memberName });
  await second.getByLabel(en("nominations.card.selectionRationale"), { exact: false }).fill("Moderates in Spanish and English and knows the evidence.");
  await expect(second.getByText(en("nominations.card.imbalanceTitle"))).toBeVisible();
  await second.getByRole("button", { name: en("nominations.card.select") }).click();
  await expect(chair.getByText(en("errors.nominations.imbalanceNeedsAcknowledgement")).first()).toBeVisible();
  await expectAccessible(chair);
  const again = chair.getByRole("article", { name: memberName });
  await again.getByLabel(en("nominations.card.selectionRationale"), { exact: false }).fill("Moderates in Spanish and English and knows the evidence.");
  await again.getByRole("checkbox", { name: en("nominations.card.acknowledgeImbalance") }).check();
  await again.getByLabel(en("nominations.card.balanceReason"), { exact: false }).fill("The rapporteur seat is still open and the committee will look for a man from the Caribbean.");
  await again.getByRole("button", { name: en("nominations.card.select") }).click();
  await expect(chair.getByText(en("nominations.done.selected"))).toBeVisible();
  // Two women of the three seats, named by the choice in the reader's language, not by what was typed.
  const balance = chair.getByRole("table", { name: en("nominations.balance.caption") });
  const women = balance.getByRole("row").filter({ has: chair.getByRole("rowheader", { name: en("nominations.genders.WOMAN"), exact: true }) });
  await expect(women.getByRole("cell")).toHaveText(["2", "2"]);
  await expect(chair.getByText(en("nominations.balance.warning.gender", { count: 2, seats: 3, gender: en("nominations.genders.WOMAN") }))).toBeVisible();
  await expect(chair.getByRole("article", { name: memberName })).not.toContainText("“mujer”");
  await expectAccessible(chair);

  // 7. Staff confirm the slate.
  await staff.goto(`/es${workspace}`);
  await expectAccessible(staff);
  await staff.getByRole("button", { name: es("nominations.confirm.submit", { title: titleEs }) }).click();
  await expect(staff.getByText(es("nominations.done.confirmed"))).toBeVisible();

  // 8. A visitor reads the speakers in French and downloads the calendar file.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/fr/sessions");
  await visitor.getByRole("link", { name: titleFr }).first().click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(titleFr);
  const speakers = visitor.getByRole("region", { name: fr("sessions.speakers.heading") });
  await expect(speakers).toContainText(external.name);
  await expect(speakers).toContainText(memberName);
  await expect(visitor.locator("main")).not.toContainText(external.email);
  await expect(visitor.locator("main")).not.toContainText(`meet.example.org/gcm-${stamp}`);
  await expectAccessible(visitor);
  const href = await visitor.getByRole("link", { name: fr("sessions.page.addToCalendar") }).getAttribute("href");
  const ics = await visitor.request.get(href!);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const body = await ics.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("TZID:America/Tegucigalpa");
  expect(body).toMatch(/DTSTART;TZID=America\/Tegucigalpa:\d{8}T100000/);
  expect(body.replace(/\r\n[ \t]/g, "")).toContain(titleFr);
  expect(body).not.toContain(external.email);
  expect(body).not.toContain("meet.example.org");

  // The public log says who was selected, by whom and why, without private data.
  await visitor.goto("/fr/transparency");
  await expect(visitor.locator("main")).toContainText(external.name);
  await expect(visitor.locator("main")).toContainText("Direct experience of recruitment abuses");
  await expect(visitor.locator("main")).not.toContainText(external.email);
  await expect(visitor.locator("main")).not.toContainText("The rapporteur seat is still open");
  await expectAccessible(visitor);
});
