import { describe, expect, it } from "vitest";
import { parsePage } from "@/lib/organizations/schemas";
import { parseProposalFilters } from "@/lib/proposals/search";
import { signUpSchema } from "@/lib/accounts/schemas";
import { cleanText, multiLineText, parseQueryInt, singleLineText } from "@/lib/validation/text";

// Issue 11: the shared text type and the query parameters that gave 500s.
describe("shared text", () => {
  it("strips NUL, controls, bidi overrides and lone surrogates; keeps line breaks only in multi-line text", () => {
    expect(cleanText("a\u0000b\u0007c")).toBe("abc");
    expect(cleanText("\u202Eevil\u202C \u2066x\u2069")).toBe("evil x");
    expect(cleanText("one\r\ntwo\tthree", "multiLine")).toBe("one\ntwo\tthree");
    expect(cleanText("one\ntwo\tthree")).toBe("one two three");
    expect(cleanText("half \uD800")).toBe("half \uFFFD");
    expect(cleanText("e\u0301")).toBe("é");
  });

  it("counts what is kept: only controls is blank, so required", () => {
    expect(singleLineText({ max: 5 }).safeParse("\u0000\u0000").success).toBe(false);
    expect(multiLineText({ max: 5 }).parse(" a\u0000b ")).toBe("ab");
    expect(signUpSchema.shape.name.parse("\u202EAna\u202C")).toBe("Ana");
  });
});

describe("query parameters", () => {
  it("reads a page only from plain digits, bounded", () => {
    for (const raw of ["Infinity", "1e308", "-1", "2.5", "NaN", "0x10", "", " "]) expect(parsePage(raw)).toBe(1);
    expect(parsePage("9".repeat(400))).toBe(1);
    expect(parsePage("99999999")).toBe(10_000);
    expect(parseQueryInt(["3", "4"], { min: 1, max: 9, fallback: 1 })).toBe(3);
  });

  it("cleans the search text and drops an out-of-range filter", () => {
    const filters = parseProposalFilters({ q: "a\u0000b", page: "Infinity", objective: "1e308" });
    expect(filters.q).toBe("ab");
    expect(filters.page).toBeUndefined();
    expect(filters.objective).toBeUndefined();
    expect(parseProposalFilters({ q: "\u0000 \u202E" }).q).toBeUndefined();
  });
});
