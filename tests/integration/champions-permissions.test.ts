import { beforeAll, describe, expect, it } from "vitest";
import * as champions from "@/lib/champions/commands";
import { isCommand, type Command } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import { buildWorld, resetDatabase, type RoleName } from "../helpers/factories";
import { outcome, type Outcome } from "../helpers/outcomes";
import { day, finalVersion, foundingTerms, initiativeInput, insertAssessment, insertCommitment, insertSuggestion } from "../helpers/champion-fixtures";

// Every champions command × every role: allowed, or refused before anything is written.

const ROLES: RoleName[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin"];
const STAFF: RoleName[] = ["staff", "admin"];
// The committee member belongs to `org` (verified, MX) in buildWorld.
const VERIFIED_MEMBERS: RoleName[] = ["orgMember", "orgAdmin", "otherOrgMember", "committee"];

let world: Awaited<ReturnType<typeof buildWorld>>;
let anchors: string[];
let versionId: string;
const freshCountries = ["CO", "PE", "GT", "CR", "PA", "BR", "AR", "CL", "UY", "PY", "BO", "CU", "DO", "HT", "JM", "VE"];

/** A valid input for each command, on rows made fresh for each call. */
const INPUTS: Record<keyof typeof champions, () => Promise<unknown>> = {
  addChampionTerm: async () => ({ country: freshCountries.pop(), startsOn: "2026-01-01" }),
  endChampionTerm: async () => ({ termId: (await db.championTerm.create({ data: { country: freshCountries.pop()!, startsOn: day("2024-01-01") } })).id, endsOn: "2025-12-31" }),
  createInitiative: async () => initiativeInput(),
  editCommitment: async () => ({ ...initiativeInput(), commitmentId: (await insertCommitment()).id }),
  postCommitmentUpdate: async () => ({ commitmentId: (await insertCommitment()).id, reportedOn: "2026-01-10", language: "es", body: "Se publicó el decreto." }),
  markRecommendation: async () => ({ versionId, anchor: anchors.pop(), addressee: "STATES" }),
  assessCommitment: async () => ({
    commitmentId: (await insertCommitment()).id,
    language: "es",
    progress: "STALLED",
    inclusion: "INFORMED",
    rightsCentred: "PARTLY",
    rightsNote: "Faltan garantías.",
  }),
  hideAssessment: async () => ({ assessmentId: (await insertAssessment((await insertCommitment()).id, world.otherOrg.id)).id, reason: "Datos personales." }),
  unhideAssessment: async () => ({ assessmentId: (await insertAssessment((await insertCommitment()).id, world.otherOrg.id, { hidden: true })).id }),
  suggestInitiative: async () => ({ country: "MX", language: "es", title: "Nueva iniciativa", description: "Que el Estado anunció." }),
  acceptSuggestion: async () => ({ suggestionId: (await insertSuggestion(world.otherOrg.id)).id }),
  declineSuggestion: async () => ({ suggestionId: (await insertSuggestion(world.otherOrg.id)).id, reason: "Ya está listada." }),
};

const WHO: Record<keyof typeof champions, RoleName[]> = {
  addChampionTerm: STAFF,
  endChampionTerm: STAFF,
  createInitiative: STAFF,
  editCommitment: STAFF,
  postCommitmentUpdate: STAFF,
  markRecommendation: STAFF,
  assessCommitment: VERIFIED_MEMBERS,
  hideAssessment: STAFF,
  unhideAssessment: STAFF,
  suggestInitiative: VERIFIED_MEMBERS,
  acceptSuggestion: STAFF,
  declineSuggestion: STAFF,
};

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await foundingTerms();
  const final = await finalVersion();
  versionId = final.version.id;
  anchors = final.paragraphs.map((p) => p.anchor);
});

describe("champions commands", () => {
  it("are all built by defineCommand, with the names the pages use", () => {
    expect(Object.keys(champions).sort()).toEqual(Object.keys(WHO).sort());
    for (const value of Object.values(champions)) expect(isCommand(value)).toBe(true);
  });

  for (const [name, command] of Object.entries(champions) as [keyof typeof champions, Command<unknown>][]) {
    it(`${name}: allowed to ${WHO[name].join(", ")}; refused to everyone else`, async () => {
      const table: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const role of ROLES) {
        table[role] = await outcome(command(world.actors[role], await INPUTS[name]()));
        expected[role] = WHO[name].includes(role) ? "ok" : role === "visitor" ? "unauthenticated" : "forbidden";
      }
      expect(table).toEqual(expected);
    });
  }
});
