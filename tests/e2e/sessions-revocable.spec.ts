import { expect, test, type BrowserContext } from "./test";
import { DEMO_PASSWORD, expectAccessible, messages, signIn, signOut } from "./helpers";

const t = messages("es");
const EMAIL = "participante@puente.example";

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

test.describe("sessions end on the server", () => {
  test("a cookie copied before signing out no longer opens the dashboard", async ({ browser, page }) => {
    await signIn(page, "es", EMAIL, DEMO_PASSWORD);
    const copied = await sessionCookie(page.context());
    expect(copied).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    // /api/auth/session answers without writing a fresh cookie.
    const session = await page.request.get("/api/auth/session");
    expect(session.status()).toBe(200);
    expect(session.headers()["set-cookie"] ?? "").not.toContain("session-token=ey");

    await signOut(page, "es");

    const thief = await browser.newContext();
    await thief.addCookies([copied]);
    const other = await thief.newPage();
    const answer = await other.goto("/es/dashboard");
    expect(new URL(other.url()).pathname).toBe("/es/sign-in");
    expect(answer?.status()).toBe(200);
    // And next-auth's endpoint does not bring it back either.
    const api = await other.request.get("/api/auth/session");
    expect(await api.json()).toEqual({});
    await thief.close();
  });

  test("bad callback URLs get 400, not 500", async ({ page }) => {
    expect((await page.request.get("/api/auth/signin?callbackUrl=notaurl")).status()).toBe(400);
    const withCookie = await page.request.get("/api/auth/session", { headers: { cookie: "next-auth.callback-url=notaurl" } });
    expect(withCookie.status()).toBe(400);
  });

  test("the account page lists two browsers, and ending one signs it out", async ({ browser, page }) => {
    await signIn(page, "es", EMAIL, DEMO_PASSWORD);
    const second = await browser.newContext();
    const phone = await second.newPage();
    await signIn(phone, "es", EMAIL, DEMO_PASSWORD);

    await page.goto("/es/dashboard");
    await page.getByRole("link", { name: t("dashboard.account.link") }).click();
    await page.waitForURL("**/es/account");
    const list = page.getByTestId("open-sessions");
    await expect(list.locator("li[data-session=current]")).toHaveCount(1);
    await expect(list.locator("li[data-session=other]")).not.toHaveCount(0);
    await expectAccessible(page);

    // End every other session (this test's phone among them), then the phone is signed out.
    await page.getByRole("button", { name: t("auth.account.endOthers") }).click();
    await page.waitForURL("**/es/account?ended=others");
    await expect(page.getByRole("status")).toContainText(t("auth.account.endedOthers"));
    await expect(list.locator("li")).toHaveCount(1);
    await expectAccessible(page);

    await phone.goto("/es/dashboard");
    expect(new URL(phone.url()).pathname).toBe("/es/sign-in");

    // Sign the phone in again and end just that one.
    await signIn(phone, "es", EMAIL, DEMO_PASSWORD);
    await page.reload();
    await expect(list.locator("li")).toHaveCount(2);
    await page.getByRole("button", { name: new RegExp(t("auth.account.end")) }).click();
    await page.waitForURL("**/es/account?ended=one");
    await expect(list.locator("li")).toHaveCount(1);
    await phone.goto("/es/account");
    expect(new URL(phone.url()).pathname).toBe("/es/sign-in");
    await second.close();
  });
});
