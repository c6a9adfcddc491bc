import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AUDIT_ACTIONS, auditEventSchema, parseAuditEvent, parseEventData, visibilityOf } from "@/lib/audit/events";
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import { listPublicLog } from "@/lib/audit/queries";
import { createUser, resetDatabase } from "../helpers/factories";

const roleGranted = (userName: string, isPublic = true): AuditInput => ({
  actorId: null,
  action: "role.granted",
  entityType: "User",
  entityId: crypto.randomUUID(),
  isPublic,
  data: { userName, role: "STAFF" },
});

describe("audit log", () => {
  beforeEach(resetDatabase);

  it("is append-only: the database refuses updates and deletes", async () => {
    await db.$transaction((tx) => recordAudit(tx, roleGranted("Ana")));
    await expect(db.auditEntry.updateMany({ data: { action: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.count()).toBe(1);
  });

  it("lists only public entries, newest first, paginated", async () => {
    for (let i = 0; i < 5; i++) {
      await db.$transaction((tx) =>
        i === 2
          ? recordAudit(tx, { actorId: null, action: "account.password_reset", entityType: "User", entityId: String(i), isPublic: false, data: {} })
          : recordAudit(tx, roleGranted(`u${i}`)),
      );
    }
    const first = await listPublicLog(1, 2);
    expect(first.total).toBe(4);
    expect(first.pageCount).toBe(2);
    expect(first.entries.map((e) => e.data.userName)).toEqual(["u4", "u3"]);
    const second = await listPublicLog(2, 2);
    expect(second.entries.map((e) => e.data.userName)).toEqual(["u1", "u0"]);
  });
});

describe("the typed events", () => {
  beforeEach(resetDatabase);

  it("refuses, and rolls back, a shape its event does not name: an extra field, a wrong type, an unknown action", async () => {
    const user = await createUser();
    const attempts: unknown[] = [
      { ...roleGranted("Ana"), data: { userName: "Ana", role: "STAFF", email: "ana@example.org" } },
      { ...roleGranted("Ana"), data: { userName: "Ana", role: "KING" } },
      { ...roleGranted("Ana"), entityType: "Proposal" },
      { ...roleGranted("Ana"), action: "role.stolen" },
    ];
    for (const attempt of attempts) {
      await expect(
        db.$transaction(async (tx) => {
          await tx.user.update({ where: { id: user.id }, data: { name: "Changed" } });
          await recordAudit(tx, attempt as AuditInput);
        }),
      ).rejects.toThrow();
    }
    expect(await db.auditEntry.count()).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).not.toBe("Changed");
  });

  it("refuses a private event written as public and a public event written as private", async () => {
    await expect(
      db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "account.signed_up", entityType: "User", entityId: "x", isPublic: true, data: { preferredLocale: "es" } })),
    ).rejects.toThrow(/private/);
    await expect(
      db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "committee_term.ended", entityType: "CommitteeTerm", entityId: "x", isPublic: false, data: { userName: "Ana" } })),
    ).rejects.toThrow(/public/);
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("names every action once, each with a visibility, and reads back what it wrote", async () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) expect(["public", "private", "either"]).toContain(visibilityOf(action));
    await db.$transaction((tx) => recordAudit(tx, roleGranted("Ana")));
    const row = await db.auditEntry.findFirstOrThrow();
    expect(parseAuditEvent(row)).toEqual({ action: "role.granted", entityType: "User", data: { userName: "Ana", role: "STAFF" } });
    expect(parseEventData("role.granted", { userName: "Ana" })).toBeNull();
    expect(parseEventData("no.such", {})).toBeNull();
    expect(auditEventSchema.safeParse({ action: "role.granted", entityType: "User", data: { userName: "", role: "STAFF" } }).success).toBe(false);
  });
});
