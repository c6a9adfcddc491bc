import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./test";
import yauzl from "yauzl";
import { DEMO_PASSWORD, expectAccessible, messages, signIn } from "./helpers";

// Issue 15: a member downloads their data (a zip that opens, with its README; prepared by the
// job queue, which also emails them) and then deletes their account: they cannot sign in again,
// and their name is gone from the page of a proposal they wrote, which stays under their
// organization's name. A person made here, never a demo account other specs use. axe and the
// 360 px check on every page visited.

const es = messages("es");
const ORGANIZATION = { slug: "red-sin-fronteras", name: "Red Regional Sin Fronteras" };

function zipEntries(buffer: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("no zip"));
      const names: string[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on("end", () => resolve(names));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

async function newPage(page: Page) {
  return (await page.context().browser()!.newContext()).newPage();
}

test("a member downloads their data, then deletes their account and their name leaves the proposal they wrote", async ({ page }) => {
  // Three people, a dozen pages with axe on each: longer than the default on a busy machine.
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const name = `Marisela Quiroga ${stamp}`;
  const email = `marisela.${stamp}@example.org`;
  const password = "una frase de paso larga y mía";
  const title = `Ventanillas de regularización en la frontera sur ${stamp}`;

  // 1. They sign up, and the organization's admin invites them (the link comes through the outbox).
  await page.goto("/es/sign-up");
  await expectAccessible(page);
  await page.getByLabel(es("auth.signUp.name")).fill(name);
  await page.getByLabel(es("auth.signUp.email")).fill(email);
  await page.getByLabel(es("auth.signUp.password")).fill(password);
  await page.getByRole("button", { name: es("auth.signUp.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es("auth.signUp.readyTitle"));

  const orgAdmin = await newPage(page);
  await signIn(orgAdmin, "es", "ana@sinfronteras.example", DEMO_PASSWORD);
  await orgAdmin.goto(`/es/organizations/${ORGANIZATION.slug}`);
  await orgAdmin.getByLabel(es("organizations.profile.inviteEmail")).fill(email);
  await orgAdmin.getByRole("button", { name: es("organizations.profile.inviteSubmit") }).click();
  await expect(orgAdmin.getByText(es("organizations.profile.invited"))).toBeVisible();
  await expectAccessible(orgAdmin);
  const admin = await newPage(page);
  await signIn(admin, "es", "admin@puente.example", DEMO_PASSWORD);
  await admin.goto("/es/admin/outbox");
  const outbox = await admin.locator("main").innerText();
  const link = outbox.match(/https?:\/\/[^\s]+\/es\/invitations\/[\w-]+/)?.[0];
  expect(link, "invitation link in the outbox").toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await expectAccessible(page);
  await page.getByRole("button", { name: es("organizations.invitation.accept", { organizationName: ORGANIZATION.name }) }).click();
  await expect(page.getByText(es("organizations.profile.joined", { organizationName: ORGANIZATION.name }))).toBeVisible();

  // 2. They write and submit a proposal for the organization, and comment on it under their name.
  await page.goto("/es/proposals/new");
  await page.getByLabel(es("proposals.fields.title")).fill(title);
  await page.getByLabel(es("proposals.fields.summary")).fill("Pedimos ventanillas de regularización migratoria en los pasos de la frontera sur, con atención en varias lenguas.");
  await page.getByLabel(es("proposals.fields.body")).fill("Ventanillas móviles, con horarios amplios y personal formado.");
  await page.getByRole("checkbox", { name: `7. ${es("gcm.7")}` }).check();
  await page.getByRole("checkbox", { name: "México" }).check();
  await page.getByRole("button", { name: es("proposals.new.save") }).click();
  await expect(page.getByText(es("proposals.done.saved"))).toBeVisible();
  await page.getByRole("button", { name: es("proposals.actions.submit") }).click();
  await expect(page.getByText(es("proposals.done.submitted"))).toBeVisible();
  const proposalPath = new URL(page.url()).pathname;
  await page.getByLabel(es("proposalDiscussion.form.body")).fill("Podemos apoyar con personas voluntarias que hablen kaqchikel.");
  await page.getByRole("button", { name: es("proposalDiscussion.form.submit") }).click();
  await expect(page.getByText("Podemos apoyar con personas voluntarias")).toBeVisible();
  await expect(page.locator("main")).toContainText(name);
  await expectAccessible(page);

  // 3. Their account page: they ask for their data, and download the zip once ready.
  await page.goto("/es/dashboard");
  await page.getByRole("link", { name: es("dashboard.account.link") }).click();
  await page.waitForURL("**/es/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es("accountData.title"));
  await expect(page.getByRole("link", { name: es("accountData.notifications.link") })).toHaveAttribute("href", "/es/account/notifications");
  await expectAccessible(page);
  await page.getByRole("button", { name: es("accountData.archive.request") }).click();
  await page.waitForURL("**/es/account?archive=requested");
  await expect(page.getByText(es("accountData.archive.requested"))).toBeVisible();
  // Prepared in the background: it is ready once the page is read again.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("archive-ready")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("archive-ready").getByRole("link").click()]);
  expect(download.suggestedFilename()).toMatch(/^puente-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const entries = await zipEntries(await readFile((await download.path())!));
  expect(entries).toContain("README.txt");
  expect(entries).toContain("proposals.csv");
  expect(entries).toContain("profile.json");
  // Someone else cannot download it.
  const archiveHref = await page.getByTestId("archive-ready").getByRole("link").getAttribute("href");
  expect((await orgAdmin.request.get(archiveHref!)).status()).toBe(404);
  // The job also emailed them, in their language: a subject and a link to the account page only.
  const readyMail = admin.locator("li", { has: admin.getByRole("heading", { name: es("accountData.archive.email.subject") }) }).filter({ hasText: email });
  await expect(async () => {
    await admin.goto("/es/admin/outbox");
    await expect(readyMail).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const links = (await readyMail.locator("pre").innerText()).match(/https?:\/\/\S+/g) ?? [];
  expect(links.map((link) => new URL(link).pathname)).toEqual(["/es/account"]);

  // 4. They delete their account: a wrong password is refused next to the field, then the right one.
  await expect(page.getByText(es("accountData.delete.staysOrganization"))).toBeVisible();
  await page.getByLabel(es("accountData.delete.password")).fill("no es mi contraseña");
  await page.getByRole("button", { name: es("accountData.delete.confirm") }).click();
  await expect(page.getByText(es("errors.accountData.wrongPassword"))).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(es("accountData.delete.password")).fill(password);
  await page.getByRole("button", { name: es("accountData.delete.confirm") }).click();
  await page.waitForURL("**/es/account/deleted");
  await expect(page.getByText(es("accountData.delete.done"))).toBeVisible();
  await expectAccessible(page);
  await page.goto("/es/account");
  expect(new URL(page.url()).pathname).toBe("/es/sign-in");

  // 5. They cannot sign in again.
  await page.getByLabel(es("auth.signIn.email")).fill(email);
  await page.getByLabel(es("auth.signIn.password")).fill(password);
  await page.getByRole("button", { name: es("auth.signIn.submit") }).click();
  await expect(page.getByText(es("errors.auth.invalidCredentials"))).toBeVisible();
  await expectAccessible(page);

  // 6. The proposal stays under the organization's name; their name is nowhere on its page.
  const visitor = await newPage(page);
  await visitor.goto(proposalPath);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitor.locator("main")).toContainText(ORGANIZATION.name);
  await expect(visitor.getByText("Podemos apoyar con personas voluntarias")).toBeVisible();
  expect(await visitor.content()).not.toContain(name);
  expect(await visitor.content()).not.toContain(email);
  await expectAccessible(visitor);
});
