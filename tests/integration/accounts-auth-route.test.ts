import { afterEach, describe, expect, it } from "vitest";
import { isCallbackUrl, portalNextAuth, withoutSessionRenewal } from "@/lib/auth/next-auth-route";
import { safeRedirect } from "@/lib/auth/next-auth";
import { sessionCookieName } from "@/lib/auth/secret";

const saved = { PUBLIC_URL: process.env.PUBLIC_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
const ok = () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
const params = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

describe("the /api/auth route around next-auth", () => {
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("derives next-auth's base URL from PUBLIC_URL", async () => {
    process.env.PUBLIC_URL = "https://puente.example.org/";
    let seen: string | undefined;
    const handler = portalNextAuth(async () => {
      seen = process.env.NEXTAUTH_URL;
      return ok();
    });
    await handler(new Request("http://internal:3000/api/auth/csrf"), params("csrf"));
    expect(seen).toBe("https://puente.example.org/api/auth");
  });

  it("answers a callbackUrl that is not a URL with 400 (query or cookie), never reaching next-auth", async () => {
    let reached = 0;
    const handler = portalNextAuth(async () => {
      reached++;
      return ok();
    });
    const bad = await handler(new Request("http://localhost:3000/api/auth/signin?callbackUrl=notaurl"), params("signin"));
    expect(bad.status).toBe(400);
    const cookie = await handler(
      new Request("http://localhost:3000/api/auth/session", { headers: { cookie: "next-auth.callback-url=notaurl; other=1" } }),
      params("session"),
    );
    expect(cookie.status).toBe(400);
    expect(cookie.headers.getSetCookie()).toEqual([expect.stringMatching(/^next-auth\.callback-url=; Path=\/; Max-Age=0/)]);
    expect(reached).toBe(0);
    const good = await handler(new Request("http://localhost:3000/api/auth/signin?callbackUrl=%2Fes%2Fdashboard"), params("signin"));
    expect(good.status).toBe(200);
    expect(reached).toBe(1);
  });

  it("accepts what next-auth accepts, and redirects anything else to the base URL", () => {
    expect(isCallbackUrl("/es/dashboard")).toBe(true);
    expect(isCallbackUrl("https://puente.example.org/es")).toBe(true);
    expect(isCallbackUrl("notaurl")).toBe(false);
    expect(isCallbackUrl("javascript:alert(1)")).toBe(false);
    expect(isCallbackUrl(`/${"a".repeat(3000)}`)).toBe(false);
    const base = "http://localhost:3000";
    expect(safeRedirect("/es/dashboard", base)).toBe("http://localhost:3000/es/dashboard");
    expect(safeRedirect("https://evil.example/", base)).toBe(base);
    expect(safeRedirect("//evil.example/", base)).toBe(base);
    expect(safeRedirect("notaurl", base)).toBe(base);
  });

  it("keeps /session from handing back a fresh session cookie, but lets a clearing one through", async () => {
    const name = sessionCookieName();
    const renewed = new Response("{}", { headers: [["set-cookie", `${name}=eyJ.fresh; Path=/; Expires=Wed, 05 Jan 2028 00:00:00 GMT; HttpOnly; SameSite=Lax`], ["set-cookie", "next-auth.csrf-token=abc; Path=/"], ["content-type", "application/json"]] });
    const kept = withoutSessionRenewal(renewed);
    expect(kept.headers.getSetCookie()).toEqual(["next-auth.csrf-token=abc; Path=/"]);
    expect(kept.headers.get("content-type")).toBe("application/json");
    const cleared = new Response("{}", { headers: [["set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`]] });
    expect(withoutSessionRenewal(cleared).headers.getSetCookie()).toEqual([`${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`]);
    const handler = portalNextAuth(async () => new Response("{}", { headers: [["set-cookie", `${name}=eyJ.fresh; Path=/`]] }));
    expect((await handler(new Request("http://localhost:3000/api/auth/session"), params("session"))).headers.getSetCookie()).toEqual([]);
    // Signing in still writes the cookie.
    expect((await handler(new Request("http://localhost:3000/api/auth/callback/credentials", { method: "POST" }), params("callback", "credentials"))).headers.getSetCookie()).toHaveLength(1);
  });
});
