import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/validation/ids";

describe("isUuid", () => {
  it("accepts every UUID, in either case", () => {
    fc.assert(fc.property(fc.uuid(), (id) => isUuid(id) && isUuid(id.toUpperCase())));
  });

  it("refuses 36 characters of hex and hyphens that PostgreSQL would refuse as a uuid", () => {
    expect(isUuid("-".repeat(36))).toBe(false);
    expect(isUuid("0".repeat(36))).toBe(false);
    expect(isUuid("00000000-0000-0000-0000-00000000000-")).toBe(false);
    fc.assert(fc.property(fc.stringMatching(/^[0-9a-f-]{36}$/), (s) => isUuid(s) === /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(s)));
  });
});
