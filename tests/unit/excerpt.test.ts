import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excerpt } from "@/components/ui/excerpt";

describe("excerpt", () => {
  it("keeps a short text whole", () => {
    expect(excerpt("Acceso a documentos", 240)).toBe("Acceso a documentos");
  });

  it("cuts a long text at a word boundary, marked", () => {
    expect(excerpt("uno dos tres cuatro cinco", 12)).toBe("uno dos…");
  });

  it("never grows past its limit and always starts as the text does", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.integer({ min: 10, max: 500 }), (text, max) => {
        const cut = excerpt(text, max);
        if (text.length <= max) return cut === text;
        return cut.endsWith("…") && cut.length <= max + 1 && text.startsWith(cut.slice(0, -1));
      }),
    );
  });
});
