import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateKey, keyIdOf, needsRotation, parseKey, seal, unseal } from "@/lib/monitoring/crypto";

const saved = { key: process.env.MONITORING_KEY, previous: process.env.MONITORING_KEY_PREVIOUS };
beforeEach(() => {
  process.env.MONITORING_KEY = generateKey();
  delete process.env.MONITORING_KEY_PREVIOUS;
});
afterEach(() => {
  process.env.MONITORING_KEY = saved.key;
  if (saved.previous === undefined) delete process.env.MONITORING_KEY_PREVIOUS;
  else process.env.MONITORING_KEY_PREVIOUS = saved.previous;
});

describe("monitoring seal", () => {
  it("round-trips a value, and the sealed bytes hold none of its text", () => {
    const value = { narrative: "MARKER-narrative-Tapachula", contact: "marker@example.org" };
    const { sealed, keyId } = seal(value, "MonitoringReport");
    expect(keyId).toBe(keyIdOf(Buffer.from(process.env.MONITORING_KEY!, "base64")));
    expect(sealed.toString("latin1")).not.toContain("MARKER");
    expect(unseal(sealed, keyId, "MonitoringReport")).toEqual(value);
    // The same value twice never seals the same way (a fresh nonce each time).
    expect(seal(value, "MonitoringReport").sealed.equals(sealed)).toBe(false);
  });

  it("refuses altered bytes, another context and an unknown key", () => {
    const { sealed, keyId } = seal({ a: 1 }, "MonitoringReport");
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(() => unseal(altered, keyId, "MonitoringReport")).toThrow();
    expect(() => unseal(sealed, keyId, "MonitoringMessage")).toThrow();
    process.env.MONITORING_KEY = generateKey();
    expect(() => unseal(sealed, keyId, "MonitoringReport")).toThrow(/No monitoring key/);
  });

  it("opens rows of the previous key during a rotation, and says which need re-sealing", () => {
    const old = seal({ a: 1 }, "MonitoringReport");
    process.env.MONITORING_KEY_PREVIOUS = process.env.MONITORING_KEY;
    process.env.MONITORING_KEY = generateKey();
    expect(unseal(old.sealed, old.keyId, "MonitoringReport")).toEqual({ a: 1 });
    expect(needsRotation(old.keyId)).toBe(true);
    expect(needsRotation(seal({ a: 2 }, "MonitoringReport").keyId)).toBe(false);
  });

  it("rejects a key that is not 32 bytes of base64", () => {
    expect(() => parseKey("short")).toThrow(/32 random bytes/);
    expect(parseKey(undefined)).toBeNull();
  });
});
