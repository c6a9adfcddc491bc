import { DEMO_REPORT } from "../../prisma/seed/demo-report";
import { expect, test } from "./test";
import { DEMO_FLAGGABLE_COMMENT } from "../../prisma/seed/demo-moderation";
import { DEMO_PASSWORD, e2eSql, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Moderation (issue 14): a participant flags a report comment without JavaScript; staff hide it
// from the queue with a public reason; a visitor reading in French sees the placeholder with the
// reason on the report page and the counts on /transparency/moderation; the author reads the
// notice in English. axe and the 360 px check on every page visited.

const es = messages("es");
const en = messages("en");
const fr = messages("fr");

const PARTICIPANT = { email: "participante@puente.example", name: "Pedro Alvarado" };
const STAFF = "staff.oim@puente.example";
const AUTHOR = "grace@diaspora-americas.example";
// The open version of the demo report.
const VERSION = DEMO_REPORT.open.number;

test.setTimeout(240_000);

test("a flagged report comment is hidden with a public reason: visitors read the reason, the author is told, no one sees who flagged", async ({ browser }) => {
  const reason = `Daba el teléfono y el nombre de una persona (${Date.now().toString(36)}).`;

  // 1. The participant flags Grace's comment, without JavaScript.
  const participantContext = await browser.newContext({ javaScriptEnabled: false });
  const participant = await participantContext.newPage();
  await participant.goto("/es/sign-in");
  await participant.getByLabel(es("auth.signIn.email")).fill(PARTICIPANT.email);
  await participant.getByLabel(es("auth.signIn.password")).fill(DEMO_PASSWORD);
  await participant.getByRole("button", { name: es("auth.signIn.submit") }).click();
  await participant.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  // The version page shows a paragraph's latest comments; all of them are on the paragraph's page.
  const [{ anchor }] = await e2eSql<{ anchor: string }>(
    `SELECT p.anchor FROM "ReportComment" c JOIN "ReportParagraph" p ON p.id = c."paragraphId" WHERE c.body = $1`,
    [DEMO_FLAGGABLE_COMMENT],
  );
  const paragraphPage = (locale: string) => `/${locale}/report/versions/${VERSION}/paragraphs/${anchor}`;
  await participant.goto(`/es/report/versions/${VERSION}`);
  await expectAccessibleWithJsOff(participant);
  await participant.goto(paragraphPage("es"));
  await expectAccessibleWithJsOff(participant);
  const comment = participant.locator("article[id^='report-comment-']", { hasText: DEMO_FLAGGABLE_COMMENT });
  await comment.getByRole("link", { name: `${es("moderation.flagLink")} ${es("moderation.flagLinkTarget")}` }).click();
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText(es("moderation.flag.title"));
  await expectAccessibleWithJsOff(participant);
  // Sent without a reason: refused next to the radios, the note kept.
  const form = participant.getByRole("form", { name: es("moderation.flag.title") });
  await form.getByLabel(es("moderation.flag.note")).fill("Publica el teléfono de su prima.");
  await form.getByRole("button", { name: es("moderation.flag.submit") }).click();
  await expect(participant.getByText(es("errors.invalidChoice")).or(participant.getByText(es("errors.required"))).first()).toBeVisible();
  await expect(participant.getByLabel(es("moderation.flag.note"))).toHaveValue("Publica el teléfono de su prima.");
  await participant.getByLabel(es("moderation.reasons.PERSONAL_DATA")).check();
  await participant.getByRole("button", { name: es("moderation.flag.submit") }).click();
  await expect(participant.getByText(es("moderation.flag.done.flagged"))).toBeVisible();
  await expect(participant.getByText(es("moderation.flag.alreadyFlagged"))).toBeVisible();
  await expectAccessibleWithJsOff(participant);
  await participantContext.close();

  // 2. Staff find it in the queue (from the dashboard) and hide it with a public reason.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "es", STAFF, DEMO_PASSWORD);
  await staff.goto("/es/dashboard");
  await staff.getByRole("link", { name: es("moderation.dashboard.link") }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(es("moderation.queue.title"));
  await expectAccessible(staff);
  const item = staff.getByRole("listitem").filter({ hasText: DEMO_FLAGGABLE_COMMENT });
  await expect(item).toContainText(es("moderation.reasons.PERSONAL_DATA"));
  await expect(item).toContainText("Publica el teléfono de su prima.");
  await expect(item).not.toContainText(PARTICIPANT.name);
  await item.getByText(es("moderation.moderate.hideSummary"), { exact: true }).click();
  await item.getByLabel(es("moderation.moderate.category")).selectOption("PERSONAL_DATA");
  await item.getByRole("textbox", { name: es("moderation.moderate.reason") }).fill(reason);
  await item.getByRole("button", { name: es("moderation.moderate.hide") }).click();
  await expect(staff.getByText(es("moderation.flag.done.hidden"))).toBeVisible();
  await expect(staff.getByRole("listitem").filter({ hasText: DEMO_FLAGGABLE_COMMENT })).toHaveCount(0);
  await expectAccessible(staff);
  await staff.context().close();

  // 3. A visitor reading in French: the placeholder and the reason, never the text.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/fr/report/versions/${VERSION}`);
  expect(await visitor.content()).not.toContain("+507 6000 0000");
  await visitor.goto(paragraphPage("fr"));
  await expect(visitor.getByText(fr("moderation.hidden.notice", { reason }))).toBeVisible();
  expect(await visitor.content()).not.toContain("+507 6000 0000");
  await expectAccessible(visitor);
  await visitor.goto("/fr/transparency");
  await visitor.getByRole("link", { name: fr("transparency.moderationLink") }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(fr("moderation.transparency.title"));
  const byReason = visitor.getByRole("region", { name: fr("moderation.transparency.byReason") });
  await expect(byReason.getByRole("row", { name: new RegExp(fr("moderation.reasons.PERSONAL_DATA")) })).toBeVisible();
  await expect(visitor.getByText(reason)).toBeVisible();
  const html = await visitor.content();
  expect(html).not.toContain(PARTICIPANT.name);
  expect(html).not.toContain(PARTICIPANT.email);
  expect(html).not.toContain("+507 6000 0000");
  await expectAccessible(visitor);
  await visitor.context().close();

  // 4. The author reads the notice in English, with the public reason.
  const author = await (await browser.newContext()).newPage();
  await signIn(author, "en", AUTHOR, DEMO_PASSWORD);
  await author.goto("/en/dashboard/notifications");
  const notice = author.getByRole("listitem").filter({ hasText: reason });
  await expect(notice).toContainText(en("notifications.kinds.moderation_post_hidden", { reason }).replace(/<\/?link>/g, ""));
  await expectAccessible(author);
  await author.context().close();
});

test("a question to the delegates is flagged without JavaScript and reaches the moderators' queue under its kind", async ({ browser }) => {
  // A demo question asked by the organization's admin, not by the participant.
  const title = "Alternativas a la detención de niñas y niños en México";
  const context = await browser.newContext({ javaScriptEnabled: false });
  const participant = await context.newPage();
  await participant.goto("/es/sign-in");
  await participant.getByLabel(es("auth.signIn.email")).fill(PARTICIPANT.email);
  await participant.getByLabel(es("auth.signIn.password")).fill(DEMO_PASSWORD);
  await participant.getByRole("button", { name: es("auth.signIn.submit") }).click();
  await participant.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await participant.goto("/es/dialogue/questions?sort=newest");
  await participant.getByRole("link", { name: title }).click();
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessibleWithJsOff(participant);
  await participant.getByRole("link", { name: `${es("moderation.flagLink")} ${es("moderation.flagLinkTargetQuestion")}` }).click();
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText(es("moderation.flag.title"));
  await participant.getByLabel(es("moderation.reasons.OFF_TOPIC")).check();
  await participant.getByRole("button", { name: es("moderation.flag.submit") }).click();
  await expect(participant.getByText(es("moderation.flag.done.flagged")).or(participant.getByText(es("moderation.flag.done.already")))).toBeVisible();
  await expectAccessibleWithJsOff(participant);
  await context.close();

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "es", STAFF, DEMO_PASSWORD);
  await staff.goto("/es/dashboard/moderation");
  const item = staff.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText(es("moderation.kinds.DIALOGUE_QUESTION"));
  await expect(item).toContainText(es("moderation.reasons.OFF_TOPIC"));
  await expect(item).not.toContainText(PARTICIPANT.name);
  await expectAccessible(staff);
  await staff.context().close();
});
