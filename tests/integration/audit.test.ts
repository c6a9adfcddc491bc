import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { listPublicLog } from "@/lib/audit/queries";
import { resetDatabase } from "../helpers/factories";

describe("audit log", () => {
  beforeEach(resetDatabase);

  it("is append-only: the database refuses updates and deletes", async () => {
    await db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "test.done", entityType: "Test", entityId: "1", isPublic: true }));
    await expect(db.auditEntry.updateMany({ data: { action: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.count()).toBe(1);
  });

  it("lists only public entries, newest first, paginated", async () => {
    for (let i = 0; i < 5; i++) {
      await db.$transaction((tx) =>
        recordAudit(tx, { actorId: null, action: `a${i}`, entityType: "Test", entityId: String(i), isPublic: i !== 2 }),
      );
    }
    const first = await listPublicLog(1, 2);
    expect(first.total).toBe(4);
    expect(first.pageCount).toBe(2);
    expect(first.entries.map((e) => e.action)).toEqual(["a4", "a3"]);
    const second = await listPublicLog(2, 2);
    expect(second.entries.map((e) => e.action)).toEqual(["a1", "a0"]);
  });
});
