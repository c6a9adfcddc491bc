import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { canUseDesk, listDeskQueue } from "@/lib/proposals/desk";
import { actorFor, buildWorld, createOrganization, createUser, giveCommitteeTerm, resetDatabase, type RoleName } from "../helpers/factories";
import { captureQueries } from "../helpers/query-count";
import { committeeWithoutConflict, createProposal, formerCommitteeMember } from "../helpers/proposal-fixtures";
import { outcome, ROLES, type Outcome } from "./organizations-fixtures";

type World = Awaited<ReturnType<typeof buildWorld>>;

const ACCESS: Record<RoleName, Outcome> = {
  visitor: "forbidden",
  participant: "forbidden",
  orgAdmin: "forbidden",
  orgMember: "forbidden",
  otherOrgMember: "forbidden",
  committee: "ok",
  staff: "ok",
  admin: "ok",
};

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe("who reaches the review desk", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it.each(ROLES)("%s", async (role) => {
    expect(await outcome(listDeskQueue(world.actors[role], {}))).toBe(ACCESS[role]);
    expect(canUseDesk(world.actors[role])).toBe(ACCESS[role] === "ok");
  });

  it("a committee member whose term ended does not", async () => {
    const former = await formerCommitteeMember();
    expect(canUseDesk(former)).toBe(false);
    expect(await outcome(listDeskQueue(former, {}))).toBe("forbidden");
  });
});

describe("the queue", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("puts submitted proposals oldest first, then those under review oldest first, and nothing else", async () => {
    const pending = await createOrganization({ status: "PENDING" });
    const s2 = await createProposal(world.otherOrg.id, { status: "SUBMITTED", submittedAt: day(2) });
    const r1 = await createProposal(world.org.id, { status: "UNDER_REVIEW", submittedAt: day(1) });
    const s1 = await createProposal(world.org.id, { status: "SUBMITTED", submittedAt: day(1) });
    const r3 = await createProposal(world.otherOrg.id, { status: "UNDER_REVIEW", submittedAt: day(3) });
    const s3 = await createProposal(world.org.id, { status: "SUBMITTED", submittedAt: day(3) });
    await createProposal(world.org.id, { status: "DRAFT" });
    await createProposal(world.org.id, { status: "ACCEPTED" });
    await createProposal(world.org.id, { status: "WITHDRAWN" });
    await createProposal(pending.id, { status: "SUBMITTED", submittedAt: day(1) });

    const staff = await committeeWithoutConflict();
    const { result, queries } = await captureQueries(() => listDeskQueue(staff, {}));
    // The page, its organizations, the total and the count by state: the same four at any size.
    expect(queries).toHaveLength(4);
    expect(result.items.map((p) => p.id)).toEqual([s1.id, s2.id, s3.id, r1.id, r3.id]);
    expect(result.total).toBe(5);
    expect(result.counts).toEqual({ SUBMITTED: 3, UNDER_REVIEW: 2, ACCEPTED: 1, NOT_RETAINED: 0, INCORPORATED: 0, WITHDRAWN: 1 });

    const paged = await listDeskQueue(staff, {}, 2, 2);
    expect(paged.items.map((p) => p.id)).toEqual([s3.id, r1.id]);
    expect(paged.pageCount).toBe(3);
  });

  it("filters by objective, country, language and state, and ignores values that make no sense", async () => {
    const a = await createProposal(world.org.id, { objectives: [7, 15], countries: ["MX", "GT"], language: "es", submittedAt: day(1) });
    const b = await createProposal(world.org.id, { objectives: [15], countries: ["BR"], language: "pt", submittedAt: day(2) });
    const c = await createProposal(world.otherOrg.id, { status: "ACCEPTED", objectives: [15], countries: ["BR"], language: "pt" });
    const staff = world.actors.staff!;
    const ids = async (filters: Record<string, unknown>) => (await listDeskQueue(staff, filters)).items.map((p) => p.id);

    expect(await ids({ objective: "7" })).toEqual([a.id]);
    expect(await ids({ objective: "15" })).toEqual([a.id, b.id]);
    expect(await ids({ country: "br" })).toEqual([b.id]);
    expect(await ids({ language: "es" })).toEqual([a.id]);
    expect(await ids({ state: "ACCEPTED" })).toEqual([c.id]);
    expect(await ids({ state: "ACCEPTED", language: "es" })).toEqual([]);
    // Nonsense is ignored, never an error: the whole queue.
    expect(await ids({ objective: "24", country: "XX", language: "de", state: "DRAFT" })).toEqual([a.id, b.id]);
    expect(await ids({ objective: ["7", "15"] })).toEqual([a.id]);

    const counted = await listDeskQueue(staff, { country: "BR", state: "SUBMITTED" });
    expect(counted.counts.SUBMITTED).toBe(1);
    expect(counted.counts.ACCEPTED).toBe(1);
    expect(counted.filters).toEqual({ objective: undefined, country: "BR", language: undefined, state: "SUBMITTED" });
  });

  it("marks the rows the viewer's own organization wrote", async () => {
    const own = await createProposal(world.org.id, { submittedAt: day(1) });
    const other = await createProposal(world.otherOrg.id, { submittedAt: day(2) });
    const conflicts = async (actor: Parameters<typeof listDeskQueue>[0]) =>
      Object.fromEntries((await listDeskQueue(actor, {})).items.map((p) => [p.id, p.conflictOfInterest]));

    expect(await conflicts(world.actors.committee)).toEqual({ [own.id]: true, [other.id]: false });
    expect(await conflicts(world.actors.staff)).toEqual({ [own.id]: false, [other.id]: false });

    // Representing an organization through the committee term is a conflict too, without membership.
    const user = await createUser();
    await giveCommitteeTerm(user.id, world.otherOrg.id);
    expect(await conflicts(await actorFor(user.id))).toEqual({ [own.id]: false, [other.id]: true });

    // Staff who are members of an organization are in conflict with it as well.
    const staffMember = await createUser({ roles: ["STAFF"] });
    await db.membership.create({ data: { userId: staffMember.id, organizationId: world.org.id, role: "MEMBER" } });
    expect(await conflicts(await actorFor(staffMember.id))).toEqual({ [own.id]: true, [other.id]: false });
  });
});
