import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithJsOff, messages } from "./helpers";

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
