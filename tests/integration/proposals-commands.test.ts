import { beforeEach, describe, expect, it } from "vitest";
import { invalidated } from "@/lib/commands/invalidate";
import { isCommand } from "@/lib/commands/run";
import * as moderationCommands from "@/lib/moderation/commands";
import * as notificationCommands from "@/lib/notifications/commands";
import * as proposalCommands from "@/lib/proposals/commands";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { buildProposalWorld, createProposal as insertProposal, validProposalInput } from "../helpers/proposal-fixtures";

describe("the proposal and notification command folders", () => {
  it("export only commands built by defineCommand", () => {
    for (const [name, value] of Object.entries({ ...proposalCommands, ...notificationCommands })) {
      expect(isCommand(value), name).toBe(true);
    }
  });
});

describe("what each command refreshes", () => {
  let world: Awaited<ReturnType<typeof buildProposalWorld>>;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildProposalWorld();
  });

  /** The surfaces the command invalidated, in the order it named them. */
  async function surfacesOf(run: () => Promise<unknown>) {
    // Emptied first: the list keeps the last thousand, shared with the files run before this one.
    invalidated.length = 0;
    await run();
    return [...invalidated];
  }

  it("declares the pages it changes, the same whichever action runs it", async () => {
    const { actors } = world;
    const draft = await insertProposal(world.org.id, { status: "DRAFT" });
    expect(await surfacesOf(() => proposalCommands.createProposal(actors.orgMember, validProposalInput()))).toEqual(["proposals", "dashboard"]);
    expect(await surfacesOf(() => proposalCommands.submitProposal(actors.orgMember, { proposalId: draft.id }))).toEqual([
      "proposals",
      "dashboard",
      "transparency",
      "home",
    ]);
    expect(await surfacesOf(() => proposalCommands.cosponsorProposal(actors.otherOrgMember, { proposalId: draft.id }))).toEqual([
      "proposals",
      "dashboard",
      "transparency",
    ]);
    const comment = await proposalCommands.addComment(actors.otherOrgMember, { proposalId: draft.id, body: "Apoyamos la propuesta." });
    const hide = { kind: "PROPOSAL_COMMENT", postId: comment.id, category: "OFF_TOPIC", reason: "Fuera de tema" };
    expect(await surfacesOf(() => moderationCommands.hidePost(actors.staff, hide))).toEqual(["proposals", "transparency", "dashboard"]);
    const reader = await actorFor((await createUser()).id);
    expect(await surfacesOf(() => notificationCommands.markNotificationsRead(reader, {}))).toEqual(["everything"]);
  });

  it("refreshes nothing when it refuses", async () => {
    const submitted = await insertProposal(world.org.id, { status: "SUBMITTED" });
    const before = invalidated.length;
    await expect(proposalCommands.submitProposal(world.actors.orgMember, { proposalId: submitted.id })).rejects.toThrow();
    expect(invalidated.length).toBe(before);
  });
});
