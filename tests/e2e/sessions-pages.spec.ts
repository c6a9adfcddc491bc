import { expect, test } from "./test";
import { DEMO_PRIVATE_NOMINEE, DEMO_RECUSAL, DEMO_SESSION_TITLES } from "../../prisma/seed/demo-sessions";
import { DEMO_PASSWORD, expectAccessible, messages, signIn } from "./helpers";

// What the demo holds about nominees and participants that must never reach a visitor.
const SECRETS = [
  DEMO_PRIVATE_NOMINEE.email,
  DEMO_PRIVATE_NOMINEE.name, // declined
  "Luis Fernando Ayala", // proposed
  "Patrícia Mendes", // invited
  "gênero fluido", // her own words about her gender
  DEMO_RECUSAL.nomineeName, // accepted, not confirmed
  "Wilson Ochoa", // accepted, not confirmed
  "Juana Xoc", // selected, slate not confirmed yet
  "Diego Fernández", // not selected
  "Organiza a trabajadores agrícolas temporales", // a committee rationale
  "Uso un lector de pantalla", // an access request
  "reuniones.example", // connection links, for registrants only
  DEMO_SESSION_TITLES.draft.es,
];
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)*\.example\b/;

test("a visitor never sees nominees' private data, access requests, links or draft sessions, on any page, feed or calendar", async ({ page, request }) => {
  const list = await request.get("/es/sessions");
  const ids = [...new Set([...(await list.text()).matchAll(/\/es\/sessions\/([0-9a-f-]{36})/g)].map((m) => m[1]))];
  expect(ids.length).toBeGreaterThanOrEqual(3);
  const paths = [
    "/es/sessions",
    "/fr/sessions",
    "/es/sessions/calendar.ics",
    "/es/transparency",
    "/es/transparency?page=2",
    "/en/transparency/feed",
    "/es/proposals",
    ...ids.flatMap((id) => [`/es/sessions/${id}`, `/pt/sessions/${id}`, `/es/sessions/${id}/calendar.ics`, `/es/proposals?session=${id}`]),
  ];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(400);
    const body = await response.text();
    for (const secret of SECRETS) expect(body, `${path} shows ${secret}`).not.toContain(secret);
    expect(body.match(EMAIL)?.[0], `${path} shows an email`).toBeUndefined();
  }
  // The committee's pages and a nominee's page are not for visitors.
  for (const path of ["/es/dashboard/committee", "/es/dashboard/sessions"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  }
  const bogus = await request.get(`/es/nominations/${"x".repeat(43)}`);
  expect(await bogus.text()).toContain(messages("es")("nominee.page.invalidTitle"));
});

// Before the next test, where an accepted nominee withdraws from this session.
test("the committee reads the open demo session's balance by gender choice, slate beside pool, in Spanish, on a phone", async ({ browser }) => {
  const es = messages("es");
  const chair = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  await signIn(chair, "es", "comite.presidencia@puente.example", DEMO_PASSWORD);
  await chair.goto("/es/dashboard/committee");
  await chair.locator('a[href*="/dashboard/committee/sessions/"]').filter({ hasText: DEMO_SESSION_TITLES.open.es }).first().click();
  await expect(chair.getByRole("heading", { level: 1 })).toHaveText(DEMO_SESSION_TITLES.open.es);

  const table = chair.getByRole("table", { name: es("nominations.balance.caption") });
  // Juana Xoc is selected; Sofía Paredes, the institute's researcher and Wilson Ochoa accepted too.
  await expect(table.getByRole("columnheader", { name: es("nominations.balance.slate", { filled: 1, seats: 5 }) })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: es("nominations.balance.pool", { count: 4 }) })).toBeVisible();
  await expect(table.getByText(es("nominations.balance.gender"), { exact: true })).toBeVisible();
  const cells = (label: string) => table.getByRole("row").filter({ has: chair.getByRole("rowheader", { name: label, exact: true }) }).getByRole("cell");
  await expect(cells(es("nominations.genders.WOMAN"))).toHaveText(["1", "3"]);
  await expect(cells(es("nominations.genders.MAN"))).toHaveText(["0", "1"]);
  // Patrícia Mendes (invited, not in the pool) described herself: the card says so, beside the choice.
  await expect(chair.getByRole("article", { name: "Patrícia Mendes" })).toContainText(
    es("nominations.card.genderWithDescription", { gender: es("nominations.genders.ANOTHER"), description: "gênero fluido" }),
  );

  // Nothing scrolls sideways at 360 px: neither the page nor the table.
  const overflow = await chair.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const tableOverflow = await table.evaluate((el) => el.scrollWidth - (el.parentElement?.clientWidth ?? 0));
  expect(tableOverflow).toBeLessThanOrEqual(0);
  await expectAccessible(chair);
});

test("every sessions page passes axe for visitors, participants, staff and the committee", async ({ browser }) => {
  test.setTimeout(240_000);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/fr/sessions");
  await expectAccessible(visitor);
  for (const key of ["past", "confirmed", "open"] as const) {
    await visitor.goto("/fr/sessions");
    await visitor.getByRole("link", { name: DEMO_SESSION_TITLES[key].fr }).first().click();
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(DEMO_SESSION_TITLES[key].fr);
    await expectAccessible(visitor);
  }

  // A member registers for the confirmed session in Portuguese, asks for captions, and then sees the link.
  const pt = messages("pt");
  const participant = await (await browser.newContext()).newPage();
  await signIn(participant, "pt", "joao@conesul.example", DEMO_PASSWORD);
  await participant.goto("/pt/sessions");
  // No Portuguese title was written for this one: the Spanish one is shown.
  await participant.getByRole("link", { name: DEMO_SESSION_TITLES.confirmed.es }).first().click();
  await expect(participant.locator("main")).not.toContainText("reuniones.example");
  await expectAccessible(participant);
  await participant.getByLabel(pt("sessions.registration.language"), { exact: false }).selectOption("pt");
  await participant.getByRole("checkbox", { name: pt("common.accessNeeds.CAPTIONS") }).check();
  await participant.getByRole("checkbox", { name: pt("sessions.registration.listed") }).check();
  await participant.getByRole("button", { name: pt("sessions.registration.register") }).click();
  await expect(participant.getByText(pt("sessions.registration.youAreRegistered")).first()).toBeVisible();
  await expect(participant.locator("main")).toContainText("reuniones.example/puente/ninez-en-movimiento");
  await expectAccessible(participant);

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "es", "staff.oim@puente.example", DEMO_PASSWORD);
  for (const path of ["/es/dashboard", "/es/dashboard/sessions", "/es/dashboard/sessions/new", "/es/dashboard/committee"]) {
    await staff.goto(path);
    await expectAccessible(staff);
  }
  for (const key of ["open", "confirmed", "past", "draft"] as const) {
    await staff.goto("/es/dashboard/sessions");
    await staff.getByRole("link", { name: DEMO_SESSION_TITLES[key].es }).first().click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText(DEMO_SESSION_TITLES[key].es);
    await expectAccessible(staff);
  }

  // A nominee with an account sees her nomination on her dashboard and withdraws it there.
  const es = messages("es");
  const nominee = await (await browser.newContext()).newPage();
  await signIn(nominee, "es", "laura@iemc.example", DEMO_PASSWORD);
  const mine = nominee.getByRole("heading", { name: es("dashboard.nominations.heading") });
  await expect(mine).toBeVisible();
  await expect(nominee.getByRole("link", { name: DEMO_SESSION_TITLES.open.es })).toBeVisible();
  await nominee.getByText(es("dashboard.nominations.withdraw")).click();
  await expectAccessible(nominee);
  await nominee.getByRole("button", { name: es("dashboard.nominations.withdrawSubmit") }).click();
  await expect(nominee.getByText(es("common.nominationStatuses.WITHDRAWN"))).toBeVisible();
  await expect(nominee.getByText(es("dashboard.nominations.withdraw"))).toHaveCount(0);

  const recused = await (await browser.newContext()).newPage();
  await signIn(recused, "es", DEMO_RECUSAL.recusedMemberEmail, DEMO_PASSWORD);
  await recused.goto("/es/dashboard/committee");
  await expectAccessible(recused);
});

test("the public log shows a nomination deadline as the session page does, in the session's zone", async ({ page, request }) => {
  const t = messages("es");
  await page.goto("/es/sessions");
  await page.getByRole("link", { name: DEMO_SESSION_TITLES.open.es }).first().click();
  // On the session's own page: the list's cards name deadlines too (other files open sessions).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_SESSION_TITLES.open.es);
  const deadline = (await page.locator("dt", { hasText: t("sessions.facts.nominationDeadline") }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  expect(deadline).toMatch(/\d{1,2}:\d{2}/);
  // The sentence names the same moment, written the same way, followed by the session's zone.
  const sentence = t("transparency.actions.session_opened").split("{nominationDeadline}")[0].split("</session>").pop()!;
  let found = false;
  // Every capability's demo writes to the log: the entry may be a few pages back.
  for (let n = 1; n <= 25 && !found; n++) {
    const body = await (await request.get(`/es/transparency?page=${n}`)).text();
    found = body.includes(`${sentence}${deadline} (`);
  }
  expect(found, `no log entry says “${sentence}${deadline} (…)”`).toBe(true);
});
