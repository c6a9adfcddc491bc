import { afterEach, describe, expect, it, vi } from "vitest";

// clientAddress() reads the request's headers through next/headers: give it a forged request.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => new Map() }));
const { clientAddress } = await import("@/lib/auth/session");

describe("clientAddress", () => {
  afterEach(() => {
    delete process.env.PUENTE_ENTRY_POINT;
  });

  it("ignores X-Forwarded-For and X-Real-IP, which the client writes", async () => {
    process.env.PUENTE_ENTRY_POINT = "1";
    requestHeaders = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "x-puente-client-address": "198.51.100.4" });
    expect(await clientAddress()).toBe("198.51.100.4");
    // A new forged value each time must not give a new bucket each time.
    requestHeaders = new Headers({ "x-forwarded-for": "6.6.6.7", "x-puente-client-address": "198.51.100.4" });
    expect(await clientAddress()).toBe("198.51.100.4");
  });

  it("outside the entry point trusts no header at all", async () => {
    requestHeaders = new Headers({ "x-forwarded-for": "6.6.6.6", "x-puente-client-address": "198.51.100.4" });
    expect(await clientAddress()).toBe("unknown");
  });
});
