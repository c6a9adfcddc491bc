import { beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { listPublicLog } from "@/lib/audit/queries";
import { invalidated } from "@/lib/commands/invalidate";
import { isCommand } from "@/lib/commands/run";
import * as organizationCommands from "@/lib/organizations/commands";
import { reinstateOrganization, rejectOrganization, suspendOrganization, verifyOrganization } from "@/lib/organizations/commands";
import { actionsFor, canTransition, nextStatus, REVIEW_ACTIONS, type ReviewAction } from "@/lib/organizations/policy";
import { listReviewQueue } from "@/lib/organizations/queries";
import type { Actor } from "@/lib/auth/actor";
import type { OrganizationStatus } from "@/lib/generated/prisma/enums";
import { actorFor, buildWorld, createOrganization, createUser, resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome, ROLES, rowCounts, type Outcome } from "./organizations-fixtures";
import { deliverQueuedMail } from "../helpers/mail";

const STATUSES: OrganizationStatus[] = ["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"];

// Written out by hand, so the table in policy.ts is checked against the issue, not against itself.
const MACHINE: Record<OrganizationStatus, Record<ReviewAction, OrganizationStatus | null>> = {
  PENDING: { verify: "VERIFIED", reject: "REJECTED", suspend: null, reinstate: null },
  VERIFIED: { verify: null, reject: null, suspend: "SUSPENDED", reinstate: null },
  REJECTED: { verify: null, reject: null, suspend: null, reinstate: null },
  SUSPENDED: { verify: null, reject: null, suspend: null, reinstate: "VERIFIED" },
};

const COMMANDS: Record<ReviewAction, (actor: Actor | null, raw: unknown) => Promise<unknown>> = {
  verify: verifyOrganization,
  reject: rejectOrganization,
  suspend: suspendOrganization,
  reinstate: reinstateOrganization,
};

const AUDIT: Record<ReviewAction, { action: string; isPublic: boolean }> = {
  verify: { action: "organization.verified", isPublic: true },
  reject: { action: "organization.rejected", isPublic: false },
  suspend: { action: "organization.suspended", isPublic: true },
  reinstate: { action: "organization.reinstated", isPublic: true },
};

const FROM: Record<ReviewAction, OrganizationStatus> = { verify: "PENDING", reject: "PENDING", suspend: "VERIFIED", reinstate: "SUSPENDED" };

const inputFor = (action: ReviewAction, organizationId: string) =>
  action === "reject" || action === "suspend" ? { organizationId, reason: "Private reason: documents missing" } : { organizationId };

describe("the verification state machine", () => {
  it.each(STATUSES.flatMap((s) => REVIEW_ACTIONS.map((a) => [s, a] as const)))("%s × %s", (status, action) => {
    expect(nextStatus(status, action)).toBe(MACHINE[status][action]);
    expect(canTransition(status, action)).toBe(MACHINE[status][action] !== null);
  });

  it("offers only the legal actions for each status", () => {
    expect(actionsFor("PENDING")).toEqual(["verify", "reject"]);
    expect(actionsFor("VERIFIED")).toEqual(["suspend"]);
    expect(actionsFor("REJECTED")).toEqual([]);
    expect(actionsFor("SUSPENDED")).toEqual(["reinstate"]);
  });
});

describe("reviewing organizations in the database", () => {
  beforeEach(resetDatabase);

  it.each(STATUSES.flatMap((s) => REVIEW_ACTIONS.map((a) => [s, a] as const)))(
    "walks %s × %s: the legal move or wrongState with nothing written",
    async (status, action) => {
      const staff = await actorFor((await createUser({ roles: ["STAFF"] })).id);
      const org = await createOrganization({ status });
      const before = await rowCounts();
      const expected = MACHINE[status][action];
      if (expected) {
        await COMMANDS[action](staff, inputFor(action, org.id));
        const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
        expect(row.status).toBe(expected);
        expect(row.statusChangedAt).toBeInstanceOf(Date);
        expect(row.statusReason).toBe(action === "reject" || action === "suspend" ? "Private reason: documents missing" : null);
        const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: org.id } });
        expect(audit).toMatchObject({ ...AUDIT[action], actorId: staff.userId, entityType: "Organization" });
      } else {
        const error = await appError(COMMANDS[action](staff, inputFor(action, org.id)));
        expect(error.kind).toBe("conflict");
        expect(error.userMessage.key).toBe("organizations.wrongState");
        expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe(status);
        expect(await rowCounts()).toEqual(before);
      }
    },
  );

  const expected: Record<RoleName, Outcome> = {
    visitor: "unauthenticated",
    participant: "forbidden",
    orgAdmin: "forbidden",
    orgMember: "forbidden",
    otherOrgMember: "forbidden",
    committee: "forbidden",
    staff: "ok",
    admin: "ok",
  };

  for (const action of REVIEW_ACTIONS) {
    it.each(ROLES)(`role × ${action}: %s`, async (role) => {
      const { actors, users } = await buildWorld();
      // The organization under review is administered by the world's orgAdmin.
      const org = await createOrganization({ status: FROM[action], members: [{ userId: users.orgAdmin.id, role: "ADMIN" }] });
      const actor = role === "orgAdmin" ? await actorFor(users.orgAdmin.id) : actors[role];
      const before = await rowCounts();
      expect(await outcome(COMMANDS[action](actor, inputFor(action, org.id)))).toBe(expected[role]);
      const status = (await db.organization.findUniqueOrThrow({ where: { id: org.id } })).status;
      if (expected[role] === "ok") {
        expect(status).toBe(MACHINE[FROM[action]][action]);
      } else {
        expect(status).toBe(FROM[action]);
        expect(await rowCounts()).toEqual(before);
      }
    });
  }

  it("requires a reason to reject or suspend, and refuses bad ids, writing nothing", async () => {
    const staff = await actorFor((await createUser({ roles: ["ADMIN"] })).id);
    const pending = await createOrganization({ status: "PENDING" });
    const verified = await createOrganization({ status: "VERIFIED" });
    const before = await rowCounts();
    for (const [work, field, key] of [
      [() => rejectOrganization(staff, { organizationId: pending.id }), "reason", "required"],
      [() => rejectOrganization(staff, { organizationId: pending.id, reason: "   " }), "reason", "required"],
      [() => rejectOrganization(staff, { organizationId: pending.id, reason: "x".repeat(1001) }), "reason", "tooLong"],
      [() => suspendOrganization(staff, { organizationId: verified.id, reason: "" }), "reason", "required"],
      [() => verifyOrganization(staff, { organizationId: "not-a-uuid" }), "organizationId", "invalidFormat"],
      [() => verifyOrganization(staff, {}), "organizationId", "required"],
    ] as const) {
      const error = await appError(work());
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors[field]?.map((m) => m.key)).toContain(key);
    }
    expect((await appError(verifyOrganization(staff, { organizationId: randomUUID() }))).kind).toBe("not_found");
    expect(await rowCounts()).toEqual(before);
  });

  it("writes public entries with the name and slug only, and keeps the rejection and every reason out of the public log", async () => {
    const staff = await actorFor((await createUser({ roles: ["STAFF"] })).id);
    const a = await createOrganization({ name: "Alfa", status: "PENDING", contactEmail: "alfa-secret@example.test" });
    const b = await createOrganization({ name: "Beta", status: "PENDING" });
    await verifyOrganization(staff, { organizationId: a.id });
    await suspendOrganization(staff, { organizationId: a.id, reason: "SUSPEND-REASON-123" });
    await reinstateOrganization(staff, { organizationId: a.id });
    await rejectOrganization(staff, { organizationId: b.id, reason: "REJECT-REASON-456" });
    const log = await listPublicLog(1, 50);
    expect(log.entries.map((e) => e.action)).toEqual(["organization.reinstated", "organization.suspended", "organization.verified"]);
    for (const entry of log.entries) expect(entry.data).toEqual({ organizationName: "Alfa", organizationSlug: a.slug });
    const text = JSON.stringify(log);
    expect(text).not.toContain("REASON");
    expect(text).not.toContain("Beta");
    expect(text).not.toContain("@");
    const rejected = await db.auditEntry.findFirstOrThrow({ where: { action: "organization.rejected" } });
    expect(rejected.isPublic).toBe(false);
  });

  it("emails each admin of the organization in their own language after the decision, with the reason", async () => {
    const staff = await actorFor((await createUser({ roles: ["STAFF"] })).id);
    const french = await createUser({ email: "admin-fr@example.test" });
    await db.user.update({ where: { id: french.id }, data: { preferredLocale: "fr" } });
    const spanish = await createUser({ email: "admin-es@example.test" });
    const member = await createUser({ email: "member@example.test" });
    const org = await createOrganization({
      name: "Gamma",
      status: "VERIFIED",
      members: [
        { userId: french.id, role: "ADMIN" },
        { userId: spanish.id, role: "ADMIN" },
        { userId: member.id, role: "MEMBER" },
      ],
    });
    await suspendOrganization(staff, { organizationId: org.id, reason: "Motivo confidencial" });
    await deliverQueuedMail();
    const mails = await db.outboxEmail.findMany({ orderBy: { to: "asc" } });
    expect(mails.map((m) => m.to)).toEqual(["admin-es@example.test", "admin-fr@example.test"]);
    const [es, fr] = mails;
    expect(es.subject).toBe("Gamma fue suspendida en Puente");
    expect(fr.subject).toBe("Gamma a été suspendue sur Puente");
    for (const mail of mails) {
      expect(mail.text).toContain("Motivo confidencial");
      expect(mail.text).toContain(`/organizations/${org.slug}`);
    }
    expect(fr.text).toContain(`http://localhost:3000/fr/organizations/${org.slug}`);
  });

  it("run on the one path: the index exports only commands, and a decision refreshes the queue, the directory and the public log", async () => {
    for (const [name, value] of Object.entries(organizationCommands)) expect(isCommand(value), name).toBe(true);
    const staff = await actorFor((await createUser({ roles: ["STAFF"] })).id);
    const org = await createOrganization({ status: "PENDING" });
    invalidated.length = 0;
    await verifyOrganization(staff, { organizationId: org.id });
    expect(invalidated).toEqual(["admin", "organizations", "dashboard", "transparency", "home"]);
    invalidated.length = 0;
    await appError(verifyOrganization(staff, { organizationId: org.id }));
    expect(invalidated).toEqual([]);
  });

  it("does not let two reviewers decide the same organization twice", async () => {
    const staff = await actorFor((await createUser({ roles: ["STAFF"] })).id);
    const other = await actorFor((await createUser({ roles: ["STAFF"] })).id);
    const org = await createOrganization({ status: "PENDING" });
    const results = await Promise.all([
      outcome(verifyOrganization(staff, { organizationId: org.id })),
      outcome(rejectOrganization(other, { organizationId: org.id, reason: "No" })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.auditEntry.count()).toBe(1);
  });
});

describe("the staff review queue", () => {
  beforeEach(resetDatabase);

  it("is for staff only", async () => {
    const { actors } = await buildWorld();
    for (const role of ROLES) {
      const result = await outcome(listReviewQueue(actors[role]));
      expect(result, role).toBe(role === "staff" || role === "admin" ? "ok" : "forbidden");
    }
  });

  it("lists pending organizations first with their contact email, then verified and suspended ones", async () => {
    const staff = await actorFor((await createUser({ roles: ["STAFF"] })).id);
    const registrant = await createUser({ name: "Registrant", email: "registrant@example.test" });
    const pending = await createOrganization({ name: "Pendiente", status: "PENDING", contactEmail: "pending@example.test" });
    await db.organization.update({ where: { id: pending.id }, data: { createdById: registrant.id } });
    await createOrganization({ name: "Verificada", status: "VERIFIED" });
    await createOrganization({ name: "Suspendida", status: "SUSPENDED" });
    await createOrganization({ name: "Rechazada", status: "REJECTED" });
    const queue = await listReviewQueue(staff);
    expect(queue.pending.map((o) => [o.name, o.contactEmail, o.createdBy?.email])).toEqual([
      ["Pendiente", "pending@example.test", "registrant@example.test"],
    ]);
    expect(queue.verified.map((o) => o.name)).toEqual(["Verificada"]);
    expect(queue.suspended.map((o) => o.name)).toEqual(["Suspendida"]);
    expect(queue.totals).toEqual({ pending: 1, verified: 1, suspended: 1, rejected: 1 });
  });
});
