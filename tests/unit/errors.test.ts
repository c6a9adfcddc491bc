import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/errors";

describe("parseInput", () => {
  const schema = z.object({ name: z.string().trim().min(1).max(5), email: z.email(), kind: z.enum(["A", "B"]) });

  it("maps each zod issue to a catalogue key with its values", () => {
    try {
      parseInput(schema, { name: "toolongname", email: "nope", kind: "C" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const { fieldErrors } = error as AppError;
      expect(fieldErrors.name).toEqual([{ key: "tooLong", values: { max: 5 } }]);
      expect(fieldErrors.email).toEqual([{ key: "invalidEmail" }]);
      expect(fieldErrors.kind).toEqual([{ key: "invalidChoice" }]);
    }
  });

  it("treats empty and missing strings as required", () => {
    expect(() => parseInput(schema, { name: "  ", email: "a@b.co", kind: "A" })).toThrowError(/invalid/);
    try {
      parseInput(schema, { email: "a@b.co", kind: "A" });
    } catch (error) {
      expect((error as AppError).fieldErrors.name).toEqual([{ key: "required" }]);
    }
  });
});

describe("parseInput with wrong types", () => {
  it("says a number given for a text is invalid, not missing", () => {
    const schema = z.object({ name: z.string() });
    try {
      parseInput(schema, { name: 42 });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).fieldErrors.name).toEqual([{ key: "invalidType" }]);
    }
  });
});
