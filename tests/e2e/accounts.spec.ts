import { expect, test } from "./test";
import { DEMO_PASSWORD, e2eSql, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Its tests share no state with one another: any worker may take any of them.
test.describe.configure({ mode: "parallel" });

test.describe("signing in", () => {
  test("a wrong password shows a message and keeps the email typed", async ({ page }) => {
    const t = messages("es");
    await page.goto("/es/sign-in");
    await expectAccessible(page);
    await page.getByLabel(t("auth.signIn.email")).fill("ana@sinfronteras.example");
    await page.getByLabel(t("auth.signIn.password")).fill("not-the-right-password");
    await page.getByRole("button", { name: t("auth.signIn.submit") }).click();
    await expect(page.getByText(t("errors.auth.invalidCredentials"))).toBeVisible();
    await expect(page.getByLabel(t("auth.signIn.email"))).toHaveValue("ana@sinfronteras.example");
    await expect(page.getByLabel(t("auth.signIn.password"))).toHaveValue("");
    await expectAccessible(page);
  });

  test("an unknown email gets exactly the same message", async ({ page }) => {
    const t = messages("en");
    await page.goto("/en/sign-in");
    await page.getByLabel(t("auth.signIn.email")).fill("nobody-here@example.org");
    await page.getByLabel(t("auth.signIn.password")).fill("whatever-password-123");
    await page.getByRole("button", { name: t("auth.signIn.submit") }).click();
    await expect(page.getByText(t("errors.auth.invalidCredentials"))).toBeVisible();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the sign-in form works, errors included, and sign-out too", async ({ page }) => {
      const t = messages("fr");
      await page.goto("/fr/sign-in");
      await expectAccessibleWithJsOff(page);
      await page.getByLabel(t("auth.signIn.email")).fill("participante@puente.example");
      await page.getByLabel(t("auth.signIn.password")).fill("wrong-password-here");
      await page.getByRole("button", { name: t("auth.signIn.submit") }).click();
      await expect(page.getByText(t("errors.auth.invalidCredentials"))).toBeVisible();
      await expect(page.getByLabel(t("auth.signIn.email"))).toHaveValue("participante@puente.example");

      await page.getByLabel(t("auth.signIn.password")).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: t("auth.signIn.submit") }).click();
      await expect(page).toHaveURL(/\/fr\/dashboard$/);
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
      await expectAccessibleWithJsOff(page);

      await page.getByRole("button", { name: new RegExp(t("common.signOut")) }).click();
      await expect(page).toHaveURL(/\/fr$/);
      await expect(page.getByRole("link", { name: t("common.signIn") })).toBeVisible();
    });
  });

  test("sign-in takes the reader back to the page that asked for it", async ({ page }) => {
    const t = messages("es");
    await page.goto("/es/admin");
    await expect(page).toHaveURL(/\/es\/sign-in\?next=/);
    await page.getByLabel(t("auth.signIn.email")).fill("staff.oim@puente.example");
    await page.getByLabel(t("auth.signIn.password")).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: t("auth.signIn.submit") }).click();
    await expect(page).toHaveURL(/\/es\/admin$/);
    await expectAccessible(page);
  });
});

// The demo data is shared by every spec (dialogue-delegates.spec signs in as Óscar): the reset
// test's account gets the demo password back, copied from another demo account's hash.
test.afterAll(async () => {
  await e2eSql(`UPDATE "User" SET "passwordHash" = (SELECT "passwordHash" FROM "User" WHERE email = 'admin@puente.example') WHERE email = 'oscar@cdhpm.example'`);
});

test("a forgotten password is reset through the emailed link, which works once and ends old sessions", async ({ browser }) => {
  const es = messages("es");
  // An account no other spec changes; the afterAll above gives it back the demo password.
  const email = "oscar@cdhpm.example";

  // An old session on another device.
  const oldDevice = await (await browser.newContext()).newPage();
  await signIn(oldDevice, "es", email, DEMO_PASSWORD);

  const page = await (await browser.newContext()).newPage();
  await page.goto("/es/reset-password");
  await expectAccessible(page);
  await page.getByLabel(es("auth.resetPassword.email")).fill(email);
  await page.getByRole("button", { name: es("auth.resetPassword.requestSubmit") }).click();
  await expect(page.getByText(es("auth.resetPassword.requestSent"))).toBeVisible();

  // Without SMTP_URL the mail lands in the outbox, which an admin reads.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "es", "admin@puente.example", DEMO_PASSWORD);
  // The job queue's worker sends it within a second or two: read the outbox until it is there.
  let link: string | undefined;
  await expect(async () => {
    await admin.goto("/es/admin/outbox");
    const outbox = await admin.locator("main").innerText();
    link = outbox.match(/https?:\/\/[^\s]+\/es\/reset-password\?token=[\w-]+/)?.[0];
    expect(link, "reset link in the outbox").toBeTruthy();
  }).toPass({ timeout: 30_000 });
  await expectAccessible(admin);
  const resetPath = new URL(link!).pathname + new URL(link!).search;

  await page.goto(resetPath);
  await expectAccessible(page);
  await page.getByLabel(es("auth.resetPassword.newPassword")).fill("una contraseña nueva y larga");
  await page.getByRole("button", { name: es("auth.resetPassword.newSubmit") }).click();
  await expect(page).toHaveURL(/\/es\/dashboard$/);

  // The link is spent, and the old session is over.
  await page.goto(resetPath);
  await expect(page.getByText(es("auth.resetPassword.linkInvalidTitle"))).toBeVisible();
  await expectAccessible(page);
  await oldDevice.goto("/es/dashboard");
  await expect(oldDevice).toHaveURL(/\/es\/sign-in\?next=/);

  // The new password works.
  const fresh = await (await browser.newContext()).newPage();
  await signIn(fresh, "es", email, "una contraseña nueva y larga");
  await expect(fresh).toHaveURL(/\/es\/dashboard$/);
});
