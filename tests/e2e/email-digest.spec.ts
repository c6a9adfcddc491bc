import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "./test";
import { E2E_SERVER_SECRETS } from "../../scripts/lib/e2e-log";
import { DEMO_PASSWORD, e2eDatabaseUrl, e2eSql as sql, expectAccessible, expectAccessibleWithJsOff, messages, signIn } from "./helpers";

// Issue 15: a member chooses a weekly digest, in Portuguese; another organization comments on
// their organization's proposal twice; the weekly digest job runs (scripts/run-job.ts, against
// the e2e server's throwaway database: no public route runs jobs); the digest reaches the
// outbox grouped by item and in Portuguese; its unsubscribe link works without signing in, as a
// page with a confirm button (reading it changes nothing) and as the one-click POST.

const pt = messages("pt");
const es = messages("es");
const MEMBER = "participante@puente.example";
const COMMENTER = "ana@sinfronteras.example";
const ADMIN = "admin@puente.example";
const PROPOSAL = "Acceso a la justicia para personas migrantes víctimas de delitos";

const proposalsCadence = async () =>
  (await sql<{ cadence: string }>(`SELECT p.cadence::text FROM "EmailPreference" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1 AND p.category = 'PROPOSALS'`, [MEMBER]))[0]?.cadence;

async function comment(page: Page, text: string) {
  await page.getByLabel(es("proposalDiscussion.form.body")).fill(text);
  await page.getByRole("button", { name: es("proposalDiscussion.form.submit") }).click();
  await expect(page.getByText(text)).toBeVisible();
}

// The member reads Spanish in the demo, and later specs count on it (an evaluation's notice in Spanish).
test.afterAll(async () => {
  await sql(`UPDATE "User" SET "preferredLocale" = 'es' WHERE email = $1`, [MEMBER]);
});

test("a weekly digest in Portuguese, grouped by item, with a one-click unsubscribe that needs no sign-in", async ({ browser, request }) => {
  // The member reads Puente in Portuguese (the language the account page sets; set here directly).
  await sql(`UPDATE "User" SET "preferredLocale" = 'pt' WHERE email = $1`, [MEMBER]);

  // 1. The member chooses a weekly digest for proposals, without JavaScript.
  const signInContext = await browser.newContext();
  await signIn(await signInContext.newPage(), "pt", MEMBER, DEMO_PASSWORD);
  const memberContext = await browser.newContext({ javaScriptEnabled: false, storageState: await signInContext.storageState() });
  const member = await memberContext.newPage();
  await member.goto("/pt/account/notifications");
  await expect(member.getByRole("heading", { level: 1, name: pt("emailPreferences.title") })).toBeVisible();
  await member.getByLabel(pt("emailPreferences.categories.PROPOSALS")).selectOption("WEEKLY");
  await member.getByRole("button", { name: pt("emailPreferences.save") }).click();
  await expect(member.getByText(pt("emailPreferences.saved"))).toBeVisible();
  await expect(member.getByLabel(pt("emailPreferences.categories.PROPOSALS"))).toHaveValue("WEEKLY");
  await expectAccessibleWithJsOff(member);
  expect(await proposalsCadence()).toBe("WEEKLY");
  await memberContext.close();
  await signInContext.close();

  // 2. Another organization's admin comments twice on the member's organization's proposal.
  const commenterContext = await browser.newContext();
  const commenter = await commenterContext.newPage();
  await signIn(commenter, "es", COMMENTER, DEMO_PASSWORD);
  await commenter.goto(`/es/proposals?q=${encodeURIComponent("Acceso a la justicia")}`);
  await commenter.getByRole("link", { name: PROPOSAL }).first().click();
  await comment(commenter, "Primer comentario para el resumen semanal.");
  await comment(commenter, "Segundo comentario: el resumen debe agruparlos.");
  await commenterContext.close();

  // 3. The weekly digest runs now, as the Monday schedule would; the server's worker sends it.
  execFileSync(process.execPath, ["--import", "tsx", "scripts/run-job.ts", "notifications_weekly"], {
    env: {
      ...process.env,
      DATABASE_URL: e2eDatabaseUrl(),
      ...E2E_SERVER_SECRETS,
    },
    stdio: "inherit",
  });

  // 4. The digest in the outbox: Portuguese, the proposal once with its earlier news counted.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "pt", ADMIN, DEMO_PASSWORD);
  const subject = `Puente: seu resumo semanal — ${pt("emailPreferences.categories.PROPOSALS")}`;
  const digest = admin.locator("li", { has: admin.getByRole("heading", { name: subject }) }).filter({ hasText: MEMBER });
  await expect(async () => {
    await admin.goto("/pt/admin/outbox");
    await expect(digest).toHaveCount(1);
  }).toPass({ timeout: 30_000 });
  await expectAccessible(admin);
  const text = await digest.locator("pre").innerText();
  const lines = text.split("\n").filter((line) => line.startsWith("• ") && line.includes(PROPOSAL));
  expect(lines).toEqual([`• Ana Castillo comentou a proposta “${PROPOSAL}” da sua organização.`]);
  expect(text).toContain("(e 1 novidade anterior)");
  expect(text).toMatch(/\/pt\/proposals\/[0-9a-f-]{36}/);
  const headers = await digest.getByTestId("outbox-headers").innerText();
  expect(headers).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  const oneClick = headers.match(/List-Unsubscribe: <https?:\/\/[^/]+(\/api\/unsubscribe\/[^>]+)>/)?.[1];
  const pageLink = text.match(/https?:\/\/[^/\s]+(\/pt\/unsubscribe\/\S+)/)?.[1];
  expect(oneClick, "the one-click address in List-Unsubscribe").toBeTruthy();
  expect(pageLink, "the unsubscribe page in the footer").toBeTruthy();
  await adminContext.close();

  // 5. The unsubscribe page, signed out: reading it changes nothing; the button does.
  const visitorContext = await browser.newContext({ javaScriptEnabled: false });
  const visitor = await visitorContext.newPage();
  await visitor.goto(pageLink!);
  const category = pt("emailPreferences.categories.PROPOSALS");
  await expect(visitor.getByRole("heading", { level: 1, name: pt("emailPreferences.unsubscribe.title") })).toBeVisible();
  await expect(visitor.getByText(pt("emailPreferences.unsubscribe.lead", { category }))).toBeVisible();
  expect(await proposalsCadence()).toBe("WEEKLY");
  await visitor.getByRole("button", { name: pt("emailPreferences.unsubscribe.confirm") }).click();
  await expect(visitor.getByText(pt("emailPreferences.unsubscribe.done", { category }))).toBeVisible();
  expect(await proposalsCadence()).toBe("NEVER");
  const withJs = await browser.newContext();
  const check = await withJs.newPage();
  await check.goto(pageLink!);
  await expectAccessible(check);
  await withJs.close();
  await visitorContext.close();

  // 6. The one-click POST (RFC 8058), no cookies: a GET does nothing, the POST unsubscribes.
  await sql(`UPDATE "EmailPreference" p SET cadence = 'WEEKLY' FROM "User" u WHERE u.id = p."userId" AND u.email = $1`, [MEMBER]);
  expect((await request.get(oneClick!)).status()).toBe(405);
  expect(await proposalsCadence()).toBe("WEEKLY");
  const response = await request.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(response.status()).toBe(200);
  expect(await proposalsCadence()).toBe("NEVER");
  // A tampered token is refused and changes nothing.
  await sql(`UPDATE "EmailPreference" p SET cadence = 'WEEKLY' FROM "User" u WHERE u.id = p."userId" AND u.email = $1`, [MEMBER]);
  expect((await request.post(oneClick!.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).status()).toBe(400);
  expect(await proposalsCadence()).toBe("WEEKLY");
});
