import { describe, expect, it } from "vitest";
import { publicSignature } from "@/components/transparency/entries";

describe("who the public log names", () => {
  it("signs an organization's steps with the organization, never the person who clicked", () => {
    for (const action of ["proposal.submitted", "proposal.withdrawn", "proposal.cosponsored", "proposal.cosponsor_withdrawn"]) {
      expect(publicSignature({ action, actorName: "Ana Castillo", data: { organizationName: "Red Regional Sin Fronteras" } })).toBe(
        "Red Regional Sin Fronteras",
      );
    }
  });

  it("names staff and committee members for their decisions", () => {
    expect(publicSignature({ action: "proposal.accepted", actorName: "Lucía Herrera", data: { organizationName: "X" } })).toBe("Lucía Herrera");
    expect(publicSignature({ action: "role.granted", actorName: null, data: {} })).toBeNull();
  });
});
