import { describe, expect, it } from "vitest";
import { ProposalStatus } from "@/lib/generated/prisma/enums";
import { PUBLIC_STATUSES } from "@/lib/proposals/visibility";

describe("public proposal states", () => {
  it("are every state but DRAFT (the list's SQL and its partial indexes say `status <> 'DRAFT'`)", () => {
    expect([...PUBLIC_STATUSES].sort()).toEqual(Object.values(ProposalStatus).filter((s) => s !== "DRAFT").sort());
  });
});
