import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { NominationStatus, SelectionMode } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import {
  confirmSlate,
  endorse,
  invite,
  nominate,
  removeEndorsement,
  respondToInvitation,
  select,
  setSelectionMode,
  unselect,
  withdraw,
} from "@/lib/nominations/commands";
import { formerCommitteeMember } from "../helpers/proposal-fixtures";
import { resetDatabase } from "../helpers/factories";
import {
  appError,
  buildNominationWorld,
  createSession,
  externalNomination,
  insertNomination,
  issueToken,
  NOMINATION_ROLES,
  nominationRowCounts,
  outcome,
  type NominationRole,
  type Outcome,
} from "../helpers/nomination-fixtures";

type World = Awaited<ReturnType<typeof buildNominationWorld>>;
type Table = Record<NominationRole, Outcome>;

const NOBODY_ELSE = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "forbidden",
  orgMember: "forbidden",
  otherOrgMember: "forbidden",
} as const;

/** Committee members with an active term; staff and admins are not the committee. */
const COMMITTEE: Table = { ...NOBODY_ELSE, committee: "ok", independent: "ok", chair: "ok", staff: "forbidden", admin: "forbidden" };
/** In CHAIR mode: the chair alone. */
const CHAIR_ONLY: Table = { ...NOBODY_ELSE, committee: "forbidden", independent: "forbidden", chair: "ok", staff: "forbidden", admin: "forbidden" };
/** The chair or staff. */
const CHAIR_OR_STAFF: Table = { ...NOBODY_ELSE, committee: "forbidden", independent: "forbidden", chair: "ok", staff: "ok", admin: "ok" };
/** Staff (admins are staff). */
const STAFF: Table = { ...NOBODY_ELSE, committee: "forbidden", independent: "forbidden", chair: "forbidden", staff: "ok", admin: "ok" };
/**
 * Withdrawing a nomination made by `independent`, signed in: its nominator, the chair and staff.
 * Anyone else who is neither the committee nor staff does not find it at all.
 */
const WITHDRAWERS: Table = {
  visitor: "unauthenticated",
  participant: "not_found",
  orgAdmin: "not_found",
  orgMember: "not_found",
  otherOrgMember: "not_found",
  committee: "forbidden",
  independent: "ok",
  chair: "ok",
  staff: "ok",
  admin: "ok",
};
/** The personal link is the credential: whoever holds it (signed in or not) answers; the account plays no part. */
const LINK_HOLDER: Table = {
  visitor: "ok",
  participant: "ok",
  orgAdmin: "ok",
  orgMember: "ok",
  otherOrgMember: "ok",
  committee: "ok",
  independent: "ok",
  chair: "ok",
  staff: "ok",
  admin: "ok",
};

type Command = {
  name: string;
  table: Table;
  /** The nomination's state that makes the command legal (null: the command makes one, or acts on the session). */
  from: NominationStatus | null;
  mode?: SelectionMode;
  /** Who made the nomination (nobody of the table, unless said). */
  nominator?: NominationRole;
  run: (actor: Actor | null, ctx: { world: World; sessionId: string; nominationId: string; role: NominationRole }) => Promise<unknown>;
};

const COMMANDS: Command[] = [
  { name: "nominate", table: COMMITTEE, from: null, run: (actor, { sessionId }) => nominate(actor, externalNomination(sessionId)) },
  { name: "invite", table: COMMITTEE, from: "PROPOSED", run: (actor, { nominationId }) => invite(actor, { nominationId }) },
  { name: "endorse", table: COMMITTEE, from: "ACCEPTED", run: (actor, { nominationId }) => endorse(actor, { nominationId }) },
  {
    name: "removeEndorsement",
    table: COMMITTEE,
    from: "ACCEPTED",
    run: async (actor, { nominationId }) => {
      // Something to take back, when the actor has an account.
      if (actor) await db.nominationEndorsement.create({ data: { nominationId, userId: actor.userId } });
      return removeEndorsement(actor, { nominationId });
    },
  },
  {
    name: "select (chair mode)",
    table: CHAIR_ONLY,
    from: "ACCEPTED",
    mode: "CHAIR",
    run: (actor, { nominationId }) => select(actor, { nominationId, rationale: "Experiencia directa en la frontera." }),
  },
  {
    name: "select (two-member mode: a vote)",
    table: COMMITTEE,
    from: "ACCEPTED",
    mode: "TWO_MEMBERS",
    run: (actor, { nominationId }) => select(actor, { nominationId, rationale: "Experiencia directa en la frontera." }),
  },
  { name: "unselect (chair mode)", table: CHAIR_ONLY, from: "SELECTED", mode: "CHAIR", run: (actor, { nominationId }) => unselect(actor, { nominationId }) },
  { name: "unselect (two-member mode)", table: COMMITTEE, from: "SELECTED", mode: "TWO_MEMBERS", run: (actor, { nominationId }) => unselect(actor, { nominationId }) },
  {
    name: "setSelectionMode",
    table: CHAIR_OR_STAFF,
    from: null,
    run: (actor, { sessionId }) => setSelectionMode(actor, { sessionId, mode: "TWO_MEMBERS" }),
  },
  { name: "confirmSlate", table: STAFF, from: "SELECTED", run: (actor, { sessionId }) => confirmSlate(actor, { sessionId }) },
  { name: "withdraw (signed in)", table: WITHDRAWERS, from: "ACCEPTED", nominator: "independent", run: (actor, { nominationId }) => withdraw(actor, { nominationId }) },
  {
    name: "respondToInvitation (accept with the link)",
    table: LINK_HOLDER,
    from: "INVITED",
    run: async (actor, { nominationId }) => respondToInvitation(actor, { token: await issueToken(nominationId, "RESPOND"), response: "accept" }),
  },
  {
    name: "respondToInvitation (decline with the link)",
    table: LINK_HOLDER,
    from: "INVITED",
    run: async (actor, { nominationId }) => respondToInvitation(actor, { token: await issueToken(nominationId, "RESPOND"), response: "decline" }),
  },
  {
    name: "withdraw (with the link)",
    table: LINK_HOLDER,
    from: "ACCEPTED",
    run: async (actor, { nominationId }) => withdraw(actor, { token: await issueToken(nominationId, "WITHDRAW") }),
  },
];

describe("role × command", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  for (const command of COMMANDS) {
    it(`${command.name}: ${NOMINATION_ROLES.map((r) => `${r}=${command.table[r]}`).join(", ")}`, async () => {
      for (const role of NOMINATION_ROLES) {
        // A session and a nomination of their own for each role, so one role's success does not change the next one's case.
        const session = await createSession({ selectionMode: command.mode ?? "CHAIR" });
        // The nominee is from an organization nobody here belongs to: nobody is recused.
        const nomination = command.from
          ? await insertNomination(session.id, {
              status: command.from,
              nominatedById: command.nominator ? world.actors[command.nominator]!.userId : null,
              selectedById: world.users.chair.id,
            })
          : null;
        const before = await nominationRowCounts();
        const label = `${command.name} by ${role}`;
        const result = await outcome(command.run(world.actors[role], { world, sessionId: session.id, nominationId: nomination?.id ?? "", role }));
        expect(result, label).toBe(command.table[role]);
        if (result !== "ok") {
          const after = await nominationRowCounts();
          // Refused: nothing written (the test's own setup rows aside), nothing changed.
          expect({ ...after, endorsements: before.endorsements, tokens: before.tokens }, label).toEqual(before);
          if (nomination) expect((await db.nomination.findUniqueOrThrow({ where: { id: nomination.id } })).status, label).toBe(command.from);
          const stored = await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } });
          expect(stored.status, label).toBe("OPEN_FOR_NOMINATIONS");
          expect(stored.selectionMode, label).toBe(command.mode ?? "CHAIR");
        }
      }
    });
  }

  it("refuses a committee member whose term ended, for every committee command", async () => {
    const former = await formerCommitteeMember();
    const session = await createSession();
    const n = await insertNomination(session.id, { status: "ACCEPTED" });
    const p = await insertNomination(session.id, { status: "PROPOSED" });
    const before = await nominationRowCounts();
    for (const work of [
      () => nominate(former, externalNomination(session.id)),
      () => invite(former, { nominationId: p.id }),
      () => endorse(former, { nominationId: n.id }),
      () => removeEndorsement(former, { nominationId: n.id }),
      () => select(former, { nominationId: n.id, rationale: "Sí." }),
      () => unselect(former, { nominationId: n.id }),
      () => setSelectionMode(former, { sessionId: session.id, mode: "TWO_MEMBERS" }),
      () => confirmSlate(former, { sessionId: session.id }),
    ]) {
      expect(await outcome(work())).toBe("forbidden");
    }
    expect(await nominationRowCounts()).toEqual(before);
  });

  it("lets the nominee withdraw their own nomination when signed in, with an opt-out; nobody else's", async () => {
    const session = await createSession();
    const own = await insertNomination(session.id, {
      status: "SELECTED",
      nomineeUserId: world.users.otherOrgMember.id,
      organizationId: world.otherOrg.id,
      email: "Other.Member@Example.test",
    });
    const someoneElses = await insertNomination(session.id, { status: "ACCEPTED" });
    expect(await outcome(withdraw(world.actors.otherOrgMember, { nominationId: someoneElses.id }))).toBe("not_found");
    const result = await withdraw(world.actors.otherOrgMember, { nominationId: own.id, optOut: "on" });
    expect(result).toMatchObject({ status: "WITHDRAWN", by: "nominee" });
    expect(await db.nominationOptOut.count({ where: { sessionId: session.id } })).toBe(1);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "nomination.withdrawn", entityId: own.id } });
    expect(entry.isPublic).toBe(false);
    expect(entry.data).toMatchObject({ by: "nominee", optOut: true });
  });

  it("ignores an opt-out ticked by anyone but the nominee", async () => {
    const session = await createSession();
    const n = await insertNomination(session.id, { status: "ACCEPTED", nominatedById: world.users.independent.id });
    await withdraw(world.actors.independent, { nominationId: n.id, optOut: "on" });
    expect(await db.nominationOptOut.count()).toBe(0);
  });

  it("does not show a draft session's nominations to anyone", async () => {
    const draft = await createSession({ status: "DRAFT", nominationDeadline: null });
    const n = await insertNomination(draft.id, { status: "ACCEPTED" });
    expect(await outcome(nominate(world.actors.chair, externalNomination(draft.id)))).toBe("not_found");
    expect(await outcome(endorse(world.actors.chair, { nominationId: n.id }))).toBe("not_found");
    expect(await outcome(select(world.actors.chair, { nominationId: n.id, rationale: "Sí." }))).toBe("not_found");
    expect(await outcome(confirmSlate(world.actors.staff, { sessionId: draft.id }))).toBe("not_found");
    expect((await appError(withdraw(world.actors.staff, { nominationId: n.id }))).kind).toBe("not_found");
  });
});
