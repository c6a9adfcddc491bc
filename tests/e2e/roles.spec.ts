import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, signIn } from "./helpers";

test("each kind of user lands on pages they may see, and only those", async ({ browser }) => {
  const cases: { email: string; allowed: string[]; refused: string[] }[] = [
    { email: "participante@puente.example", allowed: ["/en/dashboard"], refused: ["/en/admin", "/en/admin/organizations"] },
    { email: "ana@sinfronteras.example", allowed: ["/es/dashboard", "/es/organizations/red-sin-fronteras"], refused: ["/es/admin/roles"] },
    { email: "staff.cepal@puente.example", allowed: ["/en/admin", "/en/admin/committee", "/en/admin/organizations"], refused: ["/en/admin/roles", "/en/admin/outbox"] },
    { email: "admin@puente.example", allowed: ["/fr/admin/roles", "/fr/admin/outbox", "/fr/admin/committee"], refused: [] },
  ];
  for (const c of cases) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const locale = c.allowed[0].split("/")[1] as "es" | "en" | "pt" | "fr";
    await signIn(page, locale, c.email, DEMO_PASSWORD);
    for (const path of c.allowed) {
      const response = await page.goto(path);
      expect(response?.status(), `${c.email} ${path}`).toBe(200);
      await expectAccessible(page);
    }
    for (const path of c.refused) {
      const response = await page.goto(path);
      expect(response?.status(), `${c.email} ${path}`).toBe(404);
    }
    await context.close();
  }
});
