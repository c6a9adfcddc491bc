import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "./test";
import { E2E_SERVER_SECRETS, e2eServerLog } from "../../scripts/lib/e2e-log";
import { stopChild, waitForHttp } from "../../scripts/lib/tasks";
import { DEMO_PASSWORD, e2eDatabaseUrl, e2ePort, expectAccessible, messages, signIn, signOut } from "./helpers";

// Issue 16, several app servers: a second production server (scripts/server.ts, as a deployment
// runs it, here with two processes) on the e2e server's database, one port up. Server A is the e2e server; a change made
// through A must show on B within a second, to a visitor and to a signed-in reader; failed
// sign-ins count across both; a session ended on A is refused on B. Browsers keep cookies per
// host, not per port, so one browser context is one person going through a load balancer.

const es = messages("es");
// Set in beforeAll: the worker's server is known once a test runs.
let A = "";
let B = "";
/** How long a change made on A may take to show on B. */
const ONE_SECOND = 1000;
// A public proposal no other spec reads, so the comment this spec adds is in nobody's way.
const PROPOSAL = "Campaña regional contra la xenofobia en medios de comunicación";
const AUTHOR = "ana@sinfronteras.example";
const READER = "daniela@diaspora-americas.example";
const PARTICIPANT = "participante@puente.example";

let serverB: ChildProcess | undefined;

// Each test signs people in on both servers, with axe on each page: on a busy two-core machine
// that takes longer than the default.
test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const portB = e2ePort() + 1;
  A = `http://localhost:${e2ePort()}`;
  B = `http://localhost:${portB}`;
  const log = createWriteStream(e2eServerLog(portB), { flags: "w" });
  serverB = spawn(process.execPath, ["--import=tsx", path.resolve("scripts/server.ts"), "-p", String(portB)], {
    stdio: ["ignore", "pipe", "pipe"],
    // Every server of a deployment has the same settings (README "Several servers"): these are
    // scripts/e2e-server.ts's, which started server A.
    env: {
      ...process.env,
      DATABASE_URL: e2eDatabaseUrl(),
      ...E2E_SERVER_SECRETS,
      NEXT_TELEMETRY_DISABLED: "1",
      // Server B is two processes on its port, as a machine with two cores runs it
      // (server/cluster.ts): each hears of A's changes and sessions on its own.
      WEB_CONCURRENCY: "2",
    },
  });
  serverB.stdout?.pipe(log);
  serverB.stderr?.pipe(log);
  const exited = new Promise<never>((_, reject) =>
    serverB?.once("exit", (code) => reject(new Error(`server B stopped (${code}); its output: ${e2eServerLog(portB)}`))),
  );
  await Promise.race([waitForHttp(`${B}/api/health`, 150_000), exited]);
});

test.afterAll(async () => {
  if (serverB) await stopChild(serverB);
});

async function contextOn(browser: Browser, base: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL: base });
}

/** Tabs loading the page at once, a little apart, so a slow load does not leave a gap in the second. */
const TABS = 2;
const TAB_OFFSET_MS = 300;

/**
 * Whether a load of `url` started before `deadline` shows `text`: the page as a browser loads it
 * (a full document GET, with its context's cookies), in each of `tabs`, reloading until one sees
 * the text in the HTML the server sent or the deadline passes. On a busy machine one load, or
 * opening a tab, can take a second: the tabs are opened beforehand, and a load counts when it
 * started in time, not when it ended.
 */
async function seenBefore(tabs: Page[], url: string, text: string, deadline: number): Promise<void> {
  const loads: string[] = [];
  let seen = false;
  const start = deadline - ONE_SECOND;
  await Promise.all(
    tabs.map(async (page, tab) => {
      await page.waitForTimeout(tab * TAB_OFFSET_MS);
      while (!seen && Date.now() < deadline) {
        const started = Date.now() - start;
        const response = await page.goto(url, { waitUntil: "commit" });
        expect(response?.status()).toBe(200);
        const shows = (await response!.text()).includes(text);
        loads.push(`${started} ms: ${shows ? "new" : "old"}`);
        seen ||= shows;
      }
    }),
  );
  expect(seen, `${url} did not show "${text}" to a load started within ${ONE_SECOND} ms of the change (loads: ${loads.join(", ")})`).toBe(true);
}

test("a comment posted through server A shows on server B within a second, to a visitor and to a signed-in reader", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const comment = `Dos servidores, una sola discusión ${stamp}.`;

  // The readers are on B: one anonymous, one signed in through B's own form.
  const visitor = await (await contextOn(browser, B)).newPage();
  await visitor.goto(`/es/proposals?q=${encodeURIComponent("xenofobia")}`);
  await visitor.getByRole("link", { name: PROPOSAL }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(PROPOSAL);
  const proposalPath = new URL(visitor.url()).pathname;
  await expectAccessible(visitor);
  const reader = await (await contextOn(browser, B)).newPage();
  await signIn(reader, "es", READER, DEMO_PASSWORD);

  // Both have read the page on B before the change, so a cache on B would hold the old one.
  const tabs = new Map<Page, Page[]>();
  for (const page of [visitor, reader]) {
    tabs.set(page, [page, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => page.context().newPage())))]);
    for (const tab of tabs.get(page)!) {
      const before = await tab.goto(proposalPath);
      expect(await before!.text()).not.toContain(comment);
    }
  }

  // The author comments on A, with the proposal's form.
  const author = await (await contextOn(browser, A)).newPage();
  await signIn(author, "es", AUTHOR, DEMO_PASSWORD);
  await author.goto(proposalPath);
  await author.getByLabel(es("proposalDiscussion.form.body"), { exact: false }).fill(comment);
  await author.getByRole("button", { name: es("proposalDiscussion.form.submit") }).click();
  await expect(author.getByText(comment)).toBeVisible();
  expect(new URL(author.url()).origin).toBe(A);

  // From the moment A showed it, B has one second, for each reader.
  const deadline = Date.now() + ONE_SECOND;
  await Promise.all([visitor, reader].map((page) => seenBefore(tabs.get(page)!, `${B}${proposalPath}`, comment, deadline)));

  await visitor.goto(proposalPath);
  await expect(visitor.getByText(comment)).toBeVisible();
  await expectAccessible(visitor);
  await reader.goto(proposalPath);
  await expect(reader.getByText(comment)).toBeVisible();
  await expectAccessible(reader);
  for (const page of [visitor, reader, author]) await page.context().close();
});

test("failed sign-ins spread over both servers count against one limit", async ({ browser }) => {
  // An address nobody has: this run's own counter, whatever ran before.
  const email = `nadie-${Date.now().toString(36)}@example.org`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const attempt = async (base: string, expected: string) => {
    await page.goto(`${base}/es/sign-in`);
    await page.getByLabel(es("auth.signIn.email")).fill(email);
    await page.getByLabel(es("auth.signIn.password")).fill("not-the-password-123");
    await page.getByRole("button", { name: es("auth.signIn.submit") }).click();
    await expect(page.getByText(expected)).toBeVisible();
    expect(new URL(page.url()).origin).toBe(base);
  };
  // Five failures for one account from one address are allowed (lib/accounts/policy.ts
  // signInRules): three on A and two on B. No server alone has seen five.
  for (const base of [A, B, A, B, A]) await attempt(base, es("errors.auth.invalidCredentials"));
  // The sixth is refused on either server.
  await attempt(B, es("errors.rateLimited"));
  await expectAccessible(page);
  await attempt(A, es("errors.rateLimited"));
  await context.close();
});

test("a session ended on server A is refused on server B", async ({ browser }) => {
  const context = await contextOn(browser, A);
  const page = await context.newPage();
  await signIn(page, "es", PARTICIPANT, DEMO_PASSWORD);
  // The session works on B too.
  await page.goto(`${B}/es/dashboard`);
  expect(new URL(page.url()).pathname).toBe("/es/dashboard");
  await expectAccessible(page);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();

  await page.goto(`${A}/es/dashboard`);
  await signOut(page, "es");
  expect(new URL(page.url()).origin).toBe(A);

  // The cookie, kept from before, on B at once: the session is over there as well.
  const copy = await contextOn(browser, B);
  await copy.addCookies([cookie!]);
  const other = await copy.newPage();
  await other.goto("/es/dashboard");
  expect(new URL(other.url()).pathname).toBe("/es/sign-in");
  expect(await (await other.request.get("/api/auth/session")).json()).toEqual({});
  await expectAccessible(other);
  await copy.close();
  await context.close();
});
