import { expect, test, type Browser, type Page } from "./test";
import { DEMO_SESSION_TITLES } from "../../prisma/seed/demo-sessions";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Issue 14, evaluation of the process: staff open an evaluation of the past session; the people
// who took part answer it (one without JavaScript); once closed, the public results page shows
// the aggregate in English and Portuguese. axe and the 360 px check on every page visited.

const es = messages("es");
const en = messages("en");
const STAFF = "staff.oim@puente.example";
const PARTICIPANT = "participante@puente.example";
// The past session's other registrants (prisma/seed/demo-sessions.ts), in their languages.
const OTHERS = [
  { email: "nadege@reseau-caraibe.example", locale: "fr" as const, score: "4" },
  { email: "ana@sinfronteras.example", locale: "es" as const, score: "3" },
  { email: "yolimar@amv-roraima.example", locale: "pt" as const, score: "4" },
  { email: "andre@returnees.example", locale: "en" as const, score: "2" },
];
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const TITLE = { es: `Evaluación de la primera sesión ${stamp}`, en: `Evaluation of the first session ${stamp}`, pt: `Avaliação da primeira sessão ${stamp}` };
const QUESTION = { es: "¿Qué tan útil fue la sesión?", en: "How useful was the session?", pt: "Quão útil foi a sessão?" };
const OPEN_QUESTION = { es: "¿Qué cambiarías?", en: "What would you change?" };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function fresh(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  return (await browser.newContext({ javaScriptEnabled })).newPage();
}

test("staff open a session's evaluation, its participants answer (one without JavaScript), the results are public once closed", async ({ browser }) => {
  test.setTimeout(240_000);
  // Staff create the draft of the past session's evaluation.
  const staff = await fresh(browser);
  await signIn(staff, "es", STAFF, DEMO_PASSWORD);
  await staff.goto("/es/dashboard/evaluations");
  await expectAccessible(staff);
  const create = staff.getByRole("form", { name: es("evaluations.desk.newHeading") });
  await create.getByLabel(es("evaluations.desk.scope")).selectOption("session");
  const sessionSelect = create.getByLabel(es("evaluations.desk.session"));
  const sessionId = await sessionSelect.locator("option", { hasText: DEMO_SESSION_TITLES.past.es }).getAttribute("value");
  await sessionSelect.selectOption(sessionId!);
  for (const locale of ["es", "en", "pt"] as const) {
    await create.getByLabel(es("evaluations.desk.titleIn", { language: es(`common.languages.${locale}`) })).fill(TITLE[locale]);
  }
  await create.getByLabel(es("evaluations.desk.introIn", { language: es("common.languages.es") })).fill("Cuéntanos cómo fue.");
  await create.getByLabel(es("evaluations.desk.opensOn")).fill(isoDay(0));
  await create.getByLabel(es("evaluations.desk.closesOn")).fill(isoDay(7));
  await create.getByRole("button", { name: es("evaluations.desk.create") }).click();
  await expect(staff.getByText(es("evaluations.done.created"))).toBeVisible();
  const id = /\/dashboard\/evaluations\/([0-9a-f-]{36})/.exec(staff.url())![1];
  await expectAccessible(staff);

  // A scale question in three languages and an open one.
  let add = staff.getByRole("form", { name: es("evaluations.desk.addQuestion") });
  for (const locale of ["es", "en", "pt"] as const) {
    const language = es(`common.languages.${locale}`);
    await add.getByLabel(es("evaluations.desk.questionIn", { language })).fill(QUESTION[locale]);
    await add.getByLabel(es("evaluations.desk.lowIn", { language })).fill({ es: "Nada", en: "Not at all", pt: "Nada" }[locale]);
    await add.getByLabel(es("evaluations.desk.highIn", { language })).fill({ es: "Mucho", en: "Very", pt: "Muito" }[locale]);
  }
  await add.getByRole("button", { name: es("evaluations.desk.addQuestion") }).click();
  await expect(staff.getByText(es("evaluations.done.questionAdded"))).toBeVisible();
  add = staff.getByRole("form", { name: es("evaluations.desk.addQuestion") });
  await add.getByLabel(es("evaluations.desk.kind")).selectOption("TEXT");
  await add.getByLabel(es("evaluations.desk.questionIn", { language: es("common.languages.es") })).fill(OPEN_QUESTION.es);
  await add.getByLabel(es("evaluations.desk.questionIn", { language: es("common.languages.en") })).fill(OPEN_QUESTION.en);
  await add.getByRole("button", { name: es("evaluations.desk.addQuestion") }).click();
  await expect(staff.getByText(es("evaluations.done.questionAdded"))).toBeVisible();
  await expectAccessible(staff);
  await staff.getByRole("button", { name: es("evaluations.desk.open") }).click();
  await expect(staff.getByText(es("evaluations.done.opened"))).toBeVisible();
  // Open: the questions are frozen.
  await expect(staff.getByRole("form", { name: es("evaluations.desk.addQuestion") })).toHaveCount(0);
  await expectAccessible(staff);

  // The participant, without JavaScript: the notice leads to the evaluation; answers; cannot answer twice.
  const participant = await fresh(browser, false);
  await participant.goto("/en/sign-in");
  await participant.getByLabel(en("auth.signIn.email")).fill(PARTICIPANT);
  await participant.getByLabel(en("auth.signIn.password")).fill(DEMO_PASSWORD);
  await participant.getByRole("button", { name: en("auth.signIn.submit") }).click();
  await participant.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await participant.goto("/en/dashboard/notifications");
  // Pedro reads Spanish: the notice carries the Spanish title.
  await participant.getByRole("link", { name: TITLE.es }).first().click();
  await expect(participant).toHaveURL(new RegExp(`/en/dialogue/evaluations/${id}$`));
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText(TITLE.en);
  await expectAccessibleWithJsOff(participant);
  const form = participant.getByRole("form", { name: en("evaluations.answer.heading") });
  // Nothing chosen: refused, next to nothing lost.
  await form.getByRole("button", { name: en("evaluations.answer.send") }).click();
  await expect(participant.getByText(en("errors.evaluations.answerSomething"))).toBeVisible();
  await participant.getByRole("group", { name: new RegExp(escape(QUESTION.en)) }).getByRole("radio", { name: "5", exact: false }).check();
  await participant.getByLabel(new RegExp(escape(OPEN_QUESTION.en))).fill("More time for questions from the floor.");
  await participant.getByRole("button", { name: en("evaluations.answer.send") }).click();
  await expect(participant.getByText(en("evaluations.done.answered"))).toBeVisible();
  await expect(participant.getByRole("form", { name: en("evaluations.answer.heading") })).toHaveCount(0);
  await expectAccessibleWithJsOff(participant);
  await participant.goto(`/en/dialogue/evaluations/${id}`);
  await expect(participant.getByText(en("errors.evaluations.alreadyAnswered"))).toBeVisible();
  await participant.context().close();

  // Four more people who took part answer, with JavaScript, each in their language.
  for (const other of OTHERS) {
    const page = await fresh(browser);
    await signIn(page, other.locale, other.email, DEMO_PASSWORD);
    await page.goto(`/${other.locale}/dialogue/evaluations/${id}`);
    const t = messages(other.locale);
    await page.getByRole("form", { name: t("evaluations.answer.heading") }).getByRole("radio").nth(Number(other.score) - 1).check();
    await page.getByRole("button", { name: t("evaluations.answer.send") }).click();
    await expect(page.getByText(t("evaluations.done.answered"))).toBeVisible();
    await page.context().close();
  }

  // Staff read the open answer, then close.
  await staff.goto(`/es/dashboard/evaluations/${id}/answers`);
  await expect(staff.getByText("More time for questions from the floor.")).toBeVisible();
  await expectAccessible(staff);
  await staff.goto(`/es/dashboard/evaluations/${id}`);
  await staff.getByRole("button", { name: es("evaluations.desk.close") }).click();
  await expect(staff.getByText(es("evaluations.done.closed"))).toBeVisible();
  await expectAccessible(staff);
  await staff.context().close();

  // A visitor reads the results: 5, 4, 3, 4, 2 → mean 3.6, in English and in Portuguese.
  const visitor = await fresh(browser);
  await visitor.goto(`/en/dialogue/evaluations/${id}`);
  await expect(visitor.getByText("5 people answered.")).toBeVisible();
  await expect(visitor.getByText("Mean: 3.6 out of 5")).toBeVisible();
  const table = visitor.getByRole("table", { name: `Answers to “${QUESTION.en}”, by score` });
  await expect(table.getByRole("row")).toHaveCount(6);
  await expect(table.getByRole("row", { name: /^4/ })).toContainText("2");
  await expect(table.getByRole("row", { name: /^4/ })).toContainText("40%");
  // The open answer's words are not public.
  await expect(visitor.getByText("More time for questions from the floor.")).toHaveCount(0);
  await expect(visitor.getByText("1 open answer, read by the committee and the secretariat only.")).toBeVisible();
  await expectAccessible(visitor);
  await visitor.goto(`/pt/dialogue/evaluations/${id}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(TITLE.pt);
  await expect(visitor.getByText("5 pessoas responderam.")).toBeVisible();
  await expect(visitor.getByText("Média: 3,6 de 5")).toBeVisible();
  await expect(visitor.getByRole("table", { name: `Respostas a “${QUESTION.pt}”, por nota` }).getByRole("row", { name: /^4/ })).toContainText("40%");
  await expectAccessible(visitor);

  // The public list and the session's page lead to it.
  await visitor.goto("/pt/dialogue/evaluations");
  await expect(visitor.getByRole("link", { name: TITLE.pt })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.goto(`/en/sessions/${sessionId}`);
  await expect(visitor.getByRole("link", { name: TITLE.en })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.context().close();
});
