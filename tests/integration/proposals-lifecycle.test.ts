import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import {
  answerProposal,
  createProposal,
  incorporateProposal,
  startProposalReview,
  submitProposal,
  updateProposal,
  withdrawProposal,
} from "@/lib/proposals/commands";
import { nextProposalStatus, PROPOSAL_ACTIONS, PROPOSAL_AUDIT_ACTION, type ProposalAction } from "@/lib/proposals/policy";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, createUser, giveCommitteeTerm, resetDatabase } from "../helpers/factories";
import {
  ALL_STATUSES,
  appError,
  buildProposalWorld,
  createProposal as insertProposal,
  LIFECYCLE_ROLES,
  outcome,
  proposalRowCounts,
  validProposalInput,
  type LifecycleRole,
  type Outcome,
} from "../helpers/proposal-fixtures";
import { insertSession } from "../helpers/proposal-session-fixtures";

type World = Awaited<ReturnType<typeof buildProposalWorld>>;

// ─── The state machine, as a pure function ──────────────────────────────────────────────────

// Written out by hand (not derived from the code): every state × action pair.
const EXPECTED: Record<ProposalStatus, Record<ProposalAction, ProposalStatus | null>> = {
  DRAFT: { submit: "SUBMITTED", withdraw: null, startReview: null, accept: null, notRetain: null, incorporate: null },
  SUBMITTED: { submit: null, withdraw: "WITHDRAWN", startReview: "UNDER_REVIEW", accept: null, notRetain: null, incorporate: null },
  UNDER_REVIEW: { submit: null, withdraw: "WITHDRAWN", startReview: null, accept: "ACCEPTED", notRetain: "NOT_RETAINED", incorporate: null },
  ACCEPTED: { submit: null, withdraw: null, startReview: null, accept: null, notRetain: null, incorporate: "INCORPORATED" },
  NOT_RETAINED: { submit: null, withdraw: null, startReview: null, accept: null, notRetain: null, incorporate: null },
  INCORPORATED: { submit: null, withdraw: null, startReview: null, accept: null, notRetain: null, incorporate: null },
  WITHDRAWN: { submit: null, withdraw: null, startReview: null, accept: null, notRetain: null, incorporate: null },
};

describe("nextProposalStatus", () => {
  it("covers the seven states and six actions", () => {
    expect(ALL_STATUSES).toHaveLength(7);
    expect(PROPOSAL_ACTIONS).toHaveLength(6);
  });
  for (const status of ALL_STATUSES) {
    for (const action of PROPOSAL_ACTIONS) {
      it(`${status} × ${action} → ${EXPECTED[status][action] ?? "refused"}`, () => {
        expect(nextProposalStatus(status, action)).toBe(EXPECTED[status][action]);
      });
    }
  }
});

// ─── Running each command on a proposal in each state ──────────────────────────────────────

/** Runs `action` the way a page would, with an answer in the proposal's language when one is needed. */
function run(actor: Actor | null, action: ProposalAction, proposalId: string) {
  switch (action) {
    case "submit":
      return submitProposal(actor, { proposalId });
    case "withdraw":
      return withdrawProposal(actor, { proposalId });
    case "startReview":
      return startProposalReview(actor, { proposalId });
    case "accept":
      return answerProposal(actor, { proposalId, decision: "accept", answerEs: "Se incorporará al capítulo 3." });
    case "notRetain":
      return answerProposal(actor, { proposalId, decision: "notRetain", answerEs: "Queda fuera del mandato de la revisión." });
    case "incorporate":
      return incorporateProposal(actor, { proposalId, incorporatedNote: "Borrador del informe, sección 3.2" });
  }
}

describe("every state × action through the commands", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildProposalWorld();
  });

  it("moves legal pairs, refuses illegal ones with a clear message and writes nothing", async () => {
    for (const status of ALL_STATUSES) {
      for (const action of PROPOSAL_ACTIONS) {
        const proposal = await insertProposal(world.org.id, { status, authorId: world.users.orgMember.id, title: `P ${status} ${action}` });
        // Authors act through a member; review actions through the committee member without a conflict.
        const actor = action === "submit" || action === "withdraw" ? world.actors.orgMember : world.actors.reviewer;
        const before = await proposalRowCounts();
        const label = `${status} × ${action}`;
        const expected = EXPECTED[status][action];
        if (expected) {
          const result = await run(actor, action, proposal.id);
          expect(result.status, label).toBe(expected);
          const stored = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
          expect(stored.status, label).toBe(expected);
          const entries = await db.auditEntry.findMany({ where: { entityType: "Proposal", entityId: proposal.id } });
          expect(entries, label).toHaveLength(1);
          expect(entries[0].action, label).toBe(PROPOSAL_AUDIT_ACTION[action]);
          expect(entries[0].isPublic, label).toBe(true);
          expect(entries[0].data, label).toEqual({
            proposalTitle: `P ${status} ${action}`,
            organizationName: world.org.name,
            organizationSlug: world.org.slug,
            status: expected,
          });
        } else if (status === "DRAFT" && action !== "submit" && action !== "withdraw") {
          // A draft belongs to its authors: reviewers do not even see it.
          expect(await outcome(run(actor, action, proposal.id)), label).toBe("not_found");
        } else {
          const error = await appError(run(actor, action, proposal.id));
          expect(error.kind, label).toBe("conflict");
          expect(error.userMessage.key, label).toBe("proposals.illegalTransition");
        }
        if (!expected) {
          expect(await proposalRowCounts(), label).toEqual(before);
          expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status, label).toBe(status);
        }
      }
    }
  });

  it("records the dates and the people of each step", async () => {
    const { actors, users } = world;
    const created = await createProposal(actors.orgMember, validProposalInput());
    expect(created.status).toBe("DRAFT");
    await submitProposal(actors.orgAdmin, { proposalId: created.id });
    await startProposalReview(actors.staff, { proposalId: created.id });
    await answerProposal(actors.reviewer, {
      proposalId: created.id,
      decision: "accept",
      answerEs: "Aceptada: se recoge en el informe.",
      answerFr: "Acceptée : elle figure dans le rapport.",
      answerEn: "   ",
    });
    await incorporateProposal(actors.admin, { proposalId: created.id, incorporatedNote: "Sección 4.1 del borrador" });
    const stored = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.status).toBe("INCORPORATED");
    expect(stored.submittedAt).toBeInstanceOf(Date);
    expect(stored.answeredAt).toBeInstanceOf(Date);
    expect(stored.answeredById).toBe(users.reviewer.id);
    // Blank languages are left out.
    expect(stored.answer).toEqual({ es: "Aceptada: se recoge en el informe.", fr: "Acceptée : elle figure dans le rapport." });
    expect(stored.incorporatedNote).toBe("Sección 4.1 del borrador");
    const history = await db.auditEntry.findMany({
      where: { entityType: "Proposal", entityId: created.id, isPublic: true },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => h.action)).toEqual([
      "proposal.submitted",
      "proposal.review_started",
      "proposal.accepted",
      "proposal.incorporated",
    ]);
    // The draft's saving is private.
    const privateEntries = await db.auditEntry.findMany({ where: { entityId: created.id, isPublic: false } });
    expect(privateEntries.map((e) => e.action)).toEqual(["proposal.draft_saved"]);
  });

  it("lets only one of two simultaneous decisions through", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED" });
    const results = await Promise.all([
      outcome(startProposalReview(world.actors.reviewer, { proposalId: proposal.id })),
      outcome(startProposalReview(world.actors.staff, { proposalId: proposal.id })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.auditEntry.count({ where: { entityId: proposal.id } })).toBe(1);
  });
});

// ─── Role × command ────────────────────────────────────────────────────────────────────────

type Table = Record<LifecycleRole, Outcome>;

const AUTHORS: Table = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "ok",
  orgMember: "ok",
  // Another organization's proposal, by id: not found, never a hint that it exists.
  otherOrgMember: "not_found",
  pendingOrgMember: "not_found",
  suspendedOrgMember: "not_found",
  // The committee member is also a member of the authoring organization.
  committee: "ok",
  reviewer: "forbidden",
  staff: "forbidden",
  admin: "forbidden",
};

const REVIEWERS: Table = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "forbidden",
  orgMember: "forbidden",
  otherOrgMember: "forbidden",
  pendingOrgMember: "forbidden",
  suspendedOrgMember: "forbidden",
  // Conflict of interest: a member of the authoring organization.
  committee: "forbidden",
  reviewer: "ok",
  staff: "ok",
  admin: "ok",
};

const CREATE: Table = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "ok",
  orgMember: "ok",
  // For their own organization.
  otherOrgMember: "ok",
  // A pending organization writes drafts while it waits for verification; a suspended one does not.
  pendingOrgMember: "ok",
  suspendedOrgMember: "forbidden",
  committee: "ok",
  reviewer: "forbidden",
  staff: "forbidden",
  admin: "forbidden",
};

type Command = {
  name: string;
  /** The state that makes the command legal, so the table tests rights only. */
  from: ProposalStatus | null;
  table: Table;
  run: (actor: Actor | null, proposalId: string) => Promise<unknown>;
};

/** A session open for nominations, made fresh for each role × command test. */
let openSessionId = "";

const COMMANDS: Command[] = [
  { name: "create", from: null, table: CREATE, run: (actor) => createProposal(actor, validProposalInput()) },
  {
    name: "create for a session",
    from: null,
    table: CREATE,
    run: (actor) => createProposal(actor, validProposalInput({ sessionId: openSessionId })),
  },
  {
    name: "update to a session",
    from: "DRAFT",
    table: AUTHORS,
    run: (actor, proposalId) => updateProposal(actor, { ...validProposalInput({ title: "Título corregido", sessionId: openSessionId }), proposalId }),
  },
  {
    name: "update",
    from: "DRAFT",
    table: AUTHORS,
    run: (actor, proposalId) => updateProposal(actor, { ...validProposalInput({ title: "Título corregido" }), proposalId }),
  },
  { name: "submit", from: "DRAFT", table: AUTHORS, run: (actor, proposalId) => submitProposal(actor, { proposalId }) },
  { name: "withdraw", from: "SUBMITTED", table: AUTHORS, run: (actor, proposalId) => withdrawProposal(actor, { proposalId }) },
  { name: "startReview", from: "SUBMITTED", table: REVIEWERS, run: (actor, proposalId) => startProposalReview(actor, { proposalId }) },
  {
    name: "accept",
    from: "UNDER_REVIEW",
    table: REVIEWERS,
    run: (actor, proposalId) => answerProposal(actor, { proposalId, decision: "accept", answerEs: "Aceptada." }),
  },
  {
    name: "notRetain",
    from: "UNDER_REVIEW",
    table: REVIEWERS,
    run: (actor, proposalId) => answerProposal(actor, { proposalId, decision: "notRetain", answerEs: "No retenida." }),
  },
  {
    name: "incorporate",
    from: "ACCEPTED",
    table: REVIEWERS,
    run: (actor, proposalId) => incorporateProposal(actor, { proposalId, incorporatedNote: "Sección 2" }),
  },
];

describe("role × command", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildProposalWorld();
    openSessionId = (await insertSession({ status: "OPEN_FOR_NOMINATIONS" })).id;
  });

  for (const command of COMMANDS) {
    it(`${command.name}: ${LIFECYCLE_ROLES.map((r) => `${r}=${command.table[r]}`).join(", ")}`, async () => {
      for (const role of LIFECYCLE_ROLES) {
        const proposal = command.from ? await insertProposal(world.org.id, { status: command.from, authorId: world.users.orgAdmin.id }) : null;
        const before = await proposalRowCounts();
        const linkedBefore = await db.proposal.count({ where: { sessionId: openSessionId } });
        const result = await outcome(command.run(world.actors[role], proposal?.id ?? ""));
        expect(result, `${command.name} by ${role}`).toBe(command.table[role]);
        if (result === "ok" && command.name.endsWith("a session")) {
          expect(await db.proposal.count({ where: { sessionId: openSessionId } }), `${command.name} by ${role}`).toBe(linkedBefore + 1);
        }
        if (result !== "ok") {
          // Refused: nothing written, nothing changed.
          expect(await proposalRowCounts(), `${command.name} by ${role}`).toEqual(before);
          if (proposal) {
            const stored = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
            expect(stored.status).toBe(command.from);
            expect(stored.title).toBe(proposal.title);
            expect(stored.sessionId).toBeNull();
          }
        }
      }
    });
  }

  it("refuses the conflict of interest with its own message", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED" });
    const error = await appError(startProposalReview(world.actors.committee, { proposalId: proposal.id }));
    expect(error.kind).toBe("forbidden");
    expect(error.userMessage.key).toBe("proposals.conflictOfInterest");
  });

  it("sees a conflict through the organization a committee term represents, and for staff who are members", async () => {
    const representative = await createUser({ name: "Representative" });
    await giveCommitteeTerm(representative.id, world.org.id);
    const staffMember = await createUser({ name: "Staff Member Of Org", roles: ["STAFF"] });
    await db.membership.create({ data: { userId: staffMember.id, organizationId: world.org.id, role: "MEMBER" } });
    const proposal = await insertProposal(world.org.id, { status: "UNDER_REVIEW" });
    for (const actor of [await actorFor(representative.id), await actorFor(staffMember.id)]) {
      const error = await appError(answerProposal(actor, { proposalId: proposal.id, decision: "accept", answerEs: "Sí." }));
      expect(error.userMessage.key).toBe("proposals.conflictOfInterest");
    }
    // The same people may review another organization's proposal.
    const other = await insertProposal(world.otherOrg.id, { status: "SUBMITTED" });
    expect(await outcome(startProposalReview(await actorFor(representative.id), { proposalId: other.id }))).toBe("ok");
  });

  it("tells the authoring organization's members, not the actor, what happened", async () => {
    const proposal = await insertProposal(world.org.id, { status: "SUBMITTED", title: "Una propuesta" });
    await startProposalReview(world.actors.reviewer, { proposalId: proposal.id });
    const notes = await db.notification.findMany({ where: { kind: "proposal.review_started" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([world.users.orgAdmin.id, world.users.orgMember.id, world.users.committee.id].sort());
    expect(notes[0].data).toEqual({ proposalId: proposal.id, proposalTitle: "Una propuesta" });
    await answerProposal(world.actors.reviewer, { proposalId: proposal.id, decision: "notRetain", answerEs: "No." });
    expect(await db.notification.count({ where: { kind: "proposal.not_retained" } })).toBe(3);
    expect(await db.notification.count({ where: { userId: world.users.reviewer.id } })).toBe(0);
  });
});
