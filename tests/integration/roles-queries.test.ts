import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { grantSiteRole } from "@/lib/roles/commands";
import {
  adminOverview,
  findUserForPicking,
  listCommitteeTerms,
  listOutbox,
  listSiteRoleHolders,
  listVerifiedOrganizationOptions,
  searchUsers,
} from "@/lib/roles/queries";
import { buildWorld, createOrganization, createUser, resetDatabase } from "../helpers/factories";

describe("admin area reads", () => {
  beforeEach(resetDatabase);

  it("lists role holders once each, with every role they hold and who gave it", async () => {
    const { actors, users } = await buildWorld();
    await grantSiteRole(actors.admin, { email: users.staff.email, role: "ADMIN" });
    const holders = await listSiteRoleHolders();
    expect(holders.map((h) => [h.name, h.roles.map((r) => r.role).sort()])).toEqual([
      ["Admin", ["ADMIN"]],
      ["Staff", ["ADMIN", "STAFF"]],
    ]);
    const staffAdmin = holders[1].roles.find((r) => r.role === "ADMIN");
    expect(staffAdmin?.grantedByName).toBe("Admin");
  });

  it("searches accounts by part of the email or name, from 3 characters", async () => {
    await createUser({ name: "Ana Pérez", email: "ana.perez@redes.example" });
    await createUser({ name: "Bruno", email: "bruno@otra.example" });
    expect(await searchUsers("an")).toEqual([]);
    expect(await searchUsers(undefined)).toEqual([]);
    expect((await searchUsers("REDES")).map((u) => u.name)).toEqual(["Ana Pérez"]);
    expect((await searchUsers("brun")).map((u) => u.email)).toEqual(["bruno@otra.example"]);
    expect((await searchUsers(".example")).length).toBe(2);
  });

  it("finds the picked account only for a well-formed id", async () => {
    const user = await createUser({ name: "Picked" });
    expect(await findUserForPicking(user.id)).toMatchObject({ name: "Picked", email: user.email });
    expect(await findUserForPicking("' OR 1=1 --")).toBeNull();
    expect(await findUserForPicking(undefined)).toBeNull();
  });

  it("splits committee terms into current/upcoming and past", async () => {
    const { users } = await buildWorld();
    const other = await createUser({ name: "Past Member" });
    await db.committeeTerm.create({ data: { userId: other.id, startsOn: new Date("2020-01-01"), endsOn: new Date("2020-12-31") } });
    const future = await createUser({ name: "Future Member" });
    await db.committeeTerm.create({ data: { userId: future.id, startsOn: new Date("2090-01-01"), endsOn: new Date("2090-12-31") } });
    const { current, past } = await listCommitteeTerms();
    expect(current.map((t) => [t.userName, t.state])).toEqual([
      ["Future Member", "upcoming"],
      [users.committee.name, "current"],
    ]);
    expect(past.map((t) => [t.userName, t.state])).toEqual([["Past Member", "past"]]);
  });

  it("offers only verified organizations for a term", async () => {
    const { org, otherOrg } = await buildWorld();
    await createOrganization({ name: "Pendiente", status: "PENDING" });
    expect((await listVerifiedOrganizationOptions()).map((o) => o.id).sort()).toEqual([org.id, otherOrg.id].sort());
  });

  it("counts what the admin index shows", async () => {
    await buildWorld();
    await createOrganization({ status: "PENDING" });
    await db.outboxEmail.create({ data: { to: "a@example.test", subject: "S", text: "T" } });
    expect(await adminOverview()).toEqual({ pendingOrganizations: 1, siteRoleHolders: 2, activeCommitteeTerms: 1, outboxEmails: 1 });
  });

  it("pages the outbox newest first", async () => {
    for (let i = 0; i < 5; i++) {
      await db.outboxEmail.create({ data: { to: `u${i}@example.test`, subject: `S${i}`, text: "T", createdAt: new Date(2030, 0, i + 1) } });
    }
    const first = await listOutbox(1, 2);
    expect(first.emails.map((e) => e.subject)).toEqual(["S4", "S3"]);
    expect(first.pageCount).toBe(3);
    expect((await listOutbox(3, 2)).emails.map((e) => e.subject)).toEqual(["S0"]);
    expect((await listOutbox(Number.NaN, 2)).page).toBe(1);
  });
});
