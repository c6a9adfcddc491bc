import { describe, expect, it } from "vitest";
import { addressFromHeader, normalizeAddress, parseTrustedProxies, resolveClientAddress, UNKNOWN_ADDRESS } from "@/lib/rate-limit/client-address";

const resolve = (socketAddress: string, forwardedFor: string | undefined, trusted = "") =>
  resolveClientAddress({ socketAddress, forwardedFor, trusted: parseTrustedProxies(trusted) });

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted: a forged X-Forwarded-For changes nothing", () => {
    expect(resolve("203.0.113.9", "6.6.6.6")).toBe("203.0.113.9");
    expect(resolve("203.0.113.9", "6.6.6.6, 7.7.7.7")).toBe("203.0.113.9");
    // Trusting some proxy does not make every peer one.
    expect(resolve("203.0.113.9", "6.6.6.6", "10.0.0.0/8")).toBe("203.0.113.9");
  });

  it("behind trusted proxies is the rightmost hop no trusted proxy wrote, whatever the client put left of it", () => {
    const trusted = "10.0.0.0/8, 192.0.2.7";
    expect(resolve("10.0.0.2", "198.51.100.4", trusted)).toBe("198.51.100.4");
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.4, 192.0.2.7", trusted)).toBe("198.51.100.4");
    expect(resolve("192.0.2.7", "forged, 198.51.100.4 , 10.9.8.7", trusted)).toBe("198.51.100.4");
    // Every hop trusted (a client inside the network): the leftmost.
    expect(resolve("10.0.0.2", "10.1.1.1, 10.2.2.2", trusted)).toBe("10.1.1.1");
    // A trusted proxy that sent no header, or garbage: the proxy is the nearest known address.
    expect(resolve("10.0.0.2", undefined, trusted)).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "not-an-address", trusted)).toBe("10.0.0.2");
  });

  it("reads IPv6, IPv4-mapped IPv6 and CIDR ranges of both", () => {
    const trusted = "2001:db8::/32 10.0.0.0/8";
    expect(resolve("2001:db8::1", "2a00:1450::5", trusted)).toBe("2a00:1450::5");
    expect(resolve("2001:DB8:0:0::9", "[2A00:1450::5]:443", trusted)).toBe("2a00:1450::5");
    expect(resolve("::ffff:10.0.0.2", "::ffff:198.51.100.4", trusted)).toBe("198.51.100.4");
    expect(resolve("::ffff:203.0.113.9", "6.6.6.6", trusted)).toBe("203.0.113.9");
    expect(resolve("2001:db9::1", "6.6.6.6", trusted)).toBe("2001:db9::1");
    expect(resolve("10.0.0.2", "198.51.100.4:51234", trusted)).toBe("198.51.100.4");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range", () => {
    for (const bad of ["proxy.internal", "10.0.0.0/33", "2001:db8::/129", "10.0.0.1/8/1", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
    expect(() => parseTrustedProxies(" 127.0.0.1 ,::1, 172.16.0.0/12 ")).not.toThrow();
    expect(() => parseTrustedProxies(undefined)).not.toThrow();
  });

  it("is read by the app only from the entry point's header, and only when the entry point runs", () => {
    expect(addressFromHeader("198.51.100.4", { [`PUENTE_ENTRY_POINT`]: "1" })).toBe("198.51.100.4");
    expect(addressFromHeader("198.51.100.4", {})).toBe(UNKNOWN_ADDRESS);
    expect(addressFromHeader("'; drop table", { PUENTE_ENTRY_POINT: "1" })).toBe(UNKNOWN_ADDRESS);
    expect(addressFromHeader(null, { PUENTE_ENTRY_POINT: "1" })).toBe(UNKNOWN_ADDRESS);
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
  });
});
