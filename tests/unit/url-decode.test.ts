import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSegment } from "@/lib/url";

describe("decodeSegment", () => {
  it("decodes what can be decoded and returns the rest as it came", () => {
    expect(decodeSegment("p-12")).toBe("p-12");
    expect(decodeSegment("a%20b")).toBe("a b");
    expect(decodeSegment("%E0")).toBe("%E0");
    expect(decodeSegment("%")).toBe("%");
  });

  it("never throws, whatever the segment", () => {
    fc.assert(fc.property(fc.string(), (s) => typeof decodeSegment(s) === "string"));
    fc.assert(fc.property(fc.string(), (s) => decodeSegment(encodeURIComponent(s)) === s));
  });
});
