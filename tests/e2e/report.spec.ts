import { expect, test } from "@playwright/test";
import { DEMO_REPORT } from "../../prisma/seed/demo-report";
import { DEMO_PASSWORD, expectAccessible, messages, signIn } from "./helpers";

const day = 86_400_000;
const localInput = (daysAhead: number, hour: string) => `${new Date(Date.now() + daysAhead * day).toISOString().slice(0, 10)}T${hour}`;

// Runs first: the flow below opens the demo's draft.
test("a draft version is invisible to visitors and organization members, on every page and feed", async ({ browser, request }) => {
  const secrets = [DEMO_REPORT.draft.title, DEMO_REPORT.draftOnlyText];
  const paths = [
    "/es/report",
    "/es/report/versions",
    "/en/report/versions/2",
    "/es/report/compare?from=1&to=2",
    "/es/report/compare?from=2&to=3",
    "/es/transparency",
    "/es/transparency/feed",
    "/es/report/versions/2/download",
  ];
  for (const path of paths) {
    const body = await (await request.get(path)).text();
    for (const secret of secrets) expect(body, `${path} shows the draft`).not.toContain(secret);
  }
  expect((await request.get("/es/report/versions/3")).status()).toBe(404);
  expect((await request.get("/es/report/versions/3/download")).status()).toBe(404);

  const member = await (await browser.newContext()).newPage();
  await signIn(member, "es", "ana@sinfronteras.example", DEMO_PASSWORD);
  const response = await member.goto("/es/report/versions/3");
  expect(response?.status()).toBe(404);
  await member.goto("/es/report/versions");
  await expect(member.locator("main")).not.toContainText(DEMO_REPORT.draft.title);
  await expectAccessible(member);
});

test("staff open a draft the committee read; an organization comments in Portuguese with new text; staff accept it and make the next version; readers compare; the final report is published and printed", async ({ browser }) => {
  test.setTimeout(300_000);
  const es = messages("es");
  const en = messages("en");
  const pt = messages("pt");
  const anchor = DEMO_REPORT.openParagraph.anchor;
  const stamp = Date.now().toString(36);
  const addition = `Las organizaciones de personas migrantes deben participar en el seguimiento de cada recomendación ${stamp}.`;
  const proposed = `${DEMO_REPORT.openParagraph.text} ${addition}`;
  const commentBody = `Propomos acrescentar a participação das organizações de migrantes no seguimento ${stamp}.`;

  // 1. The committee reads the draft version before anyone else.
  const committee = await (await browser.newContext()).newPage();
  await signIn(committee, "en", "grace@diaspora-americas.example", DEMO_PASSWORD);
  await committee.goto("/en/report/versions/3");
  await expect(committee.getByRole("heading", { level: 1 })).toContainText(DEMO_REPORT.draft.title);
  await expect(committee.locator("main")).toContainText(DEMO_REPORT.draftOnlyText);
  await expectAccessible(committee);

  // 2. Staff open it for comment.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "es", "staff.cepal@puente.example", DEMO_PASSWORD);
  await staff.goto("/es/dashboard/report");
  await expectAccessible(staff);
  const openForm = staff.getByRole("form", { name: es("reportDesk.open.heading") });
  await openForm.getByLabel(es("reportDesk.open.deadline"), { exact: false }).fill(localInput(14, "23:00"));
  await openForm.getByRole("button", { name: es("reportDesk.open.submit") }).click();
  await expect(staff.getByText(es("reportDesk.done.opened", { number: 3 }))).toBeVisible();
  await expectAccessible(staff);

  // 3. An organization comments on a paragraph in Portuguese, proposing new text.
  const org = await (await browser.newContext()).newPage();
  await signIn(org, "pt", "joao@conesul.example", DEMO_PASSWORD);
  await org.goto("/pt/report/versions/3");
  await expectAccessible(org);
  await org.goto(`/pt/report/versions/3?comment=${anchor}#comment-${anchor}`);
  const form = org.getByRole("form", { name: pt("reportComments.form.heading") });
  await form.getByRole("textbox", { name: pt("reportComments.form.body") }).fill(commentBody);
  await form.getByLabel(pt("reportComments.form.proposedText"), { exact: false }).fill(proposed);
  await form.getByLabel(pt("reportComments.form.language"), { exact: false }).selectOption("pt");
  await expectAccessible(org);
  await form.getByRole("button", { name: pt("reportComments.form.submit") }).click();
  await expect(org.getByText(pt("reportComments.done.commented"))).toBeVisible();
  await expect(org.locator("main")).toContainText(commentBody);
  await expectAccessible(org);

  // 4. Staff accept it, then make version 4 with the change and open it.
  await staff.goto(`/es/report/versions/3#${anchor}`);
  const comment = staff.locator("article[id^='report-comment-']").filter({ hasText: commentBody });
  await comment.getByText(es("reportComments.disposition.give")).click();
  await comment.getByLabel(es("reportComments.disposition.label"), { exact: false }).selectOption("ACCEPTED");
  await comment.getByLabel(es("reportComments.disposition.answer"), { exact: false }).fill("Se incorpora en la versión siguiente.");
  await comment.getByRole("button", { name: es("reportComments.disposition.submit") }).click();
  await expect(staff.getByText(es("reportComments.done.answered"))).toBeVisible();
  await expectAccessible(staff);

  await staff.goto("/es/dashboard/report");
  await staff.getByRole("form", { name: es("reportDesk.new.heading") }).getByRole("button", { name: es("reportDesk.new.submit") }).click();
  await expect(staff.getByText(es("reportDesk.done.created", { number: 4 }))).toBeVisible();
  const edit = staff.getByRole("form", { name: es("reportDesk.draft.editHeading") });
  const body = edit.getByLabel(es("reportDesk.fields.body"), { exact: false });
  const source = await body.inputValue();
  expect(source).toContain(DEMO_REPORT.openParagraph.text);
  await body.fill(source.replace(DEMO_REPORT.openParagraph.text, proposed));
  await edit.getByRole("button", { name: es("reportDesk.draft.save") }).click();
  await expect(staff.getByText(es("reportDesk.done.updated", { number: 4 }))).toBeVisible();
  const openNext = staff.getByRole("form", { name: es("reportDesk.open.heading") });
  await openNext.getByLabel(es("reportDesk.open.deadline"), { exact: false }).fill(localInput(10, "23:00"));
  await openNext.getByRole("button", { name: es("reportDesk.open.submit") }).click();
  await expect(staff.getByText(es("reportDesk.done.opened", { number: 4 }))).toBeVisible();

  // 5. A reader compares 3 and 4: the paragraph kept its anchor, the new words are marked, the comment is behind it.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/en/report/compare?from=3&to=4");
  const changed = reader.locator(`[data-anchor="${anchor}"][data-diff="changed"]`);
  await expect(changed.locator("ins").filter({ hasText: stamp })).toBeVisible();
  await expect(changed).toContainText(commentBody);
  await expectAccessible(reader);

  // 6. Staff close version 4 and publish it as the final report.
  await staff.goto("/es/dashboard/report");
  await staff.getByRole("button", { name: es("reportDesk.close.submit") }).first().click();
  await expect(staff.getByText(es("reportDesk.done.closed", { number: 4 }))).toBeVisible();
  await staff.getByRole("form", { name: es("reportDesk.final.heading", { number: 4 }) }).getByRole("button", { name: es("reportDesk.final.submit") }).click();
  await expect(staff.getByText(es("reportDesk.done.final", { number: 4 }))).toBeVisible();
  await expectAccessible(staff);

  // 7. A visitor reads it in Spanish, with its table of contents, and prints it.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/es/report");
  await expect(visitor.locator("main")).toContainText(addition);
  await expect(visitor.locator("main")).toContainText(es("common.reportStatuses.FINAL"));
  await expectAccessible(visitor);
  const download = await visitor.request.get("/es/report/versions/4/download");
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(await download.text()).toContain(addition);
  await visitor.emulateMedia({ media: "print" });
  await expect(visitor.getByRole("banner")).toBeHidden();
  const pdf = await visitor.pdf({ format: "A4", displayHeaderFooter: false });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  expect(pdf.length).toBeGreaterThan(10_000);

  // Every verified organization was told, in the app.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, "es", "ana@sinfronteras.example", DEMO_PASSWORD);
  await member.goto("/es/dashboard/notifications");
  await expect(member.locator("main")).toContainText(es("notifications.kinds.report_final_published", { versionNumber: 4, title: "" }).slice(0, 20));
  void en;
});
