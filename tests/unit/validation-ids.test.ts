import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askQuestionSchema } from "@/lib/dialogue/schemas";
import { nominateSchema, SPEAKER_ROLES } from "@/lib/nominations/schemas";
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

describe("ids inside other values reach PostgreSQL only when well formed", () => {
  const dashes = "-".repeat(36);
  const question = { language: "es", title: "Una pregunta clara", body: "El cuerpo de la pregunta, bastante largo." };

  it("a question's addressee", () => {
    expect(askQuestionSchema.safeParse({ ...question, addressee: `institution:${dashes}` }).success).toBe(false);
    fc.assert(
      fc.property(fc.constantFrom("institution", "delegate"), fc.uuid(), (kind, id) => {
        const parsed = askQuestionSchema.safeParse({ ...question, addressee: `${kind}:${id}` });
        return parsed.success && (kind === "institution" ? parsed.data.institutionId : parsed.data.delegateId) === id.toLowerCase();
      }),
    );
  });

  it("a nomination's member choice", () => {
    const nomination = { sessionId: "0b6f8c1e-2d3a-4b5c-8d7e-9f0a1b2c3d4e", role: SPEAKER_ROLES[0], nomineeType: "member", rationale: "Conoce el tema a fondo.", languages: ["es"] };
    const member = (value: string) => nominateSchema.safeParse({ ...nomination, member: value });
    expect(member(`${dashes}:${dashes}`).success).toBe(false);
    fc.assert(fc.property(fc.uuid(), fc.uuid(), (user, organization) => member(`${user}:${organization}`).success));
  });
});
