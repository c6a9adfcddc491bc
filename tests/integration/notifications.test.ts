import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { markNotificationsRead } from "@/lib/notifications/commands";
import { notify } from "@/lib/notifications/notify";
import { describeNotification, PROPOSAL_NOTIFICATION_KINDS, REPORT_NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { countUnread, listNotifications, NOTIFICATIONS_PAGE_SIZE } from "@/lib/notifications/queries";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { captureQueries } from "../helpers/query-count";
import { appError, outcome } from "./organizations-fixtures";

const data = { proposalId: randomUUID(), proposalTitle: "Protección de la niñez migrante", authorName: "Ana", organizationName: "Red Sur", status: "ACCEPTED" };

describe("notify", () => {
  beforeEach(resetDatabase);

  it("writes one notification per person, never to the one acting", async () => {
    const [a, b, actor] = await Promise.all([createUser(), createUser(), createUser()]);
    const count = await db.$transaction((tx) =>
      notify(tx, { userIds: [a.id, b.id, a.id, actor.id, null, "", undefined], kind: "proposal.commented", data, exceptUserId: actor.id }),
    );
    expect(count).toBe(2);
    const rows = await db.notification.findMany({ orderBy: { userId: "asc" } });
    expect(rows.map((r) => r.userId)).toEqual([a.id, b.id].sort());
    expect(rows.every((r) => r.kind === "proposal.commented" && r.readAt === null)).toBe(true);
    expect(rows[0].data).toEqual(data);
  });

  it("writes nothing, and sends no query, when nobody is left to tell", async () => {
    const actor = await createUser();
    const { result, queries } = await captureQueries(() =>
      db.$transaction((tx) => notify(tx, { userIds: [actor.id], kind: "proposal.accepted", data, exceptUserId: actor.id })),
    );
    expect(result).toBe(0);
    expect(queries.filter((q) => /notification/i.test(q))).toEqual([]);
  });

  it("disappears with the transaction it was part of", async () => {
    const user = await createUser();
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, { userIds: [user.id], kind: "proposal.accepted", data });
        throw new Error("the decision failed");
      }),
    ).rejects.toThrow("the decision failed");
    expect(await db.notification.count()).toBe(0);
  });
});

describe("listing and reading notifications", () => {
  beforeEach(resetDatabase);

  async function seed(userId: string, n: number) {
    const base = Date.now() - n * 1000;
    for (let i = 0; i < n; i++) {
      await db.notification.create({
        data: { userId, kind: "proposal.accepted", data: { ...data, proposalTitle: `P${i}` }, createdAt: new Date(base + i * 1000) },
      });
    }
  }

  it("lists only the actor's own, newest first, 20 a page, with the unread count, in a fixed number of queries", async () => {
    const me = await actorFor((await createUser()).id);
    const other = await createUser();
    await seed(me.userId, NOTIFICATIONS_PAGE_SIZE + 5);
    await seed(other.id, 3);

    const { result: first, queries } = await captureQueries(() => listNotifications(me, 1));
    expect(queries).toHaveLength(3);
    expect(first.total).toBe(25);
    expect(first.unread).toBe(25);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect((first.items[0].data as { proposalTitle: string }).proposalTitle).toBe("P24");
    const second = await listNotifications(me, 2);
    expect(second.items.map((n) => (n.data as { proposalTitle: string }).proposalTitle)).toEqual(["P4", "P3", "P2", "P1", "P0"]);
    expect(await countUnread(null)).toBe(0);
    expect(await countUnread(await actorFor(other.id))).toBe(3);
  });

  it("marks the ones named as read, only the actor's own, and leaves an earlier reading date alone", async () => {
    const me = await actorFor((await createUser()).id);
    const other = await createUser();
    await seed(me.userId, 3);
    await seed(other.id, 1);
    const mine = await db.notification.findMany({ where: { userId: me.userId }, orderBy: { createdAt: "asc" } });
    const theirs = await db.notification.findFirstOrThrow({ where: { userId: other.id } });

    expect(await markNotificationsRead(me, { ids: [mine[0].id, theirs.id] })).toBe(1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    const firstReadAt = (await db.notification.findUniqueOrThrow({ where: { id: mine[0].id } })).readAt;
    expect(firstReadAt).toBeInstanceOf(Date);
    expect(await countUnread(me)).toBe(2);

    // A single id, as one form field sends it.
    expect(await markNotificationsRead(me, { ids: mine[1].id })).toBe(1);
    expect(await countUnread(me)).toBe(1);

    // Without ids: all the rest.
    expect(await markNotificationsRead(me, {})).toBe(1);
    expect(await countUnread(me)).toBe(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine[0].id } })).readAt).toEqual(firstReadAt);
    expect(await countUnread(await actorFor(other.id))).toBe(1);
  });

  it("refuses a visitor and ids that are not ids", async () => {
    const user = await createUser();
    await seed(user.id, 1);
    expect(await outcome(markNotificationsRead(null, {}))).toBe("unauthenticated");
    const me = await actorFor(user.id);
    expect((await appError(markNotificationsRead(me, { ids: ["nope"] }))).kind).toBe("invalid");
    expect(await countUnread(me)).toBe(1);
  });
});

describe("notification sentences", () => {
  it.each(PROPOSAL_NOTIFICATION_KINDS)("%s has a sentence in every language with the values it needs", (kind) => {
    const sentence = describeNotification(kind, data);
    expect(sentence.kind).toBe("known");
    if (sentence.kind !== "known") return;
    expect(sentence.proposalId).toBe(data.proposalId);
    for (const locale of ["es", "en", "pt", "fr"]) {
      const catalogue = JSON.parse(readFileSync(`messages/${locale}/notifications.json`, "utf8"));
      const message: string = catalogue.kinds[sentence.key];
      expect(typeof message, `${locale} ${kind}`).toBe("string");
      // Placeholders are "{name}" or "{name, select, …}"; a select's branches ("{The proposal …}") are text.
      for (const [, name] of message.matchAll(/\{(\w+)[,}]/g)) expect(sentence.values, `${locale} ${kind}`).toHaveProperty(name);
      expect(message).toMatch(/<link>.*<\/link>/);
    }
  });

  it("falls back to a generic sentence when the data is incomplete or the kind unknown", () => {
    expect(describeNotification("proposal.commented", { ...data, authorName: undefined })).toEqual({ kind: "generic", proposalId: data.proposalId });
    expect(describeNotification("proposal.cosponsored", { proposalId: data.proposalId, proposalTitle: "T" })).toEqual({
      kind: "generic",
      proposalId: data.proposalId,
    });
    expect(describeNotification("proposal.accepted", { ...data, proposalId: "javascript:alert(1)" })).toEqual({ kind: "generic", proposalId: null });
    expect(describeNotification("something.else", data)).toEqual({ kind: "generic", proposalId: data.proposalId });
    expect(describeNotification("proposal.accepted", null)).toEqual({ kind: "generic", proposalId: null });
    expect(describeNotification("proposal.accepted", { proposalId: data.proposalId, proposalTitle: "T" })).toMatchObject({
      kind: "known",
      key: "proposal_accepted",
      values: { proposalTitle: "T" },
    });
  });
});

describe("report notifications", () => {
  const reportData = { versionNumber: 3, title: "Informe de la revisión regional", anchor: "p-k3x9a0qz" };

  it.each(REPORT_NOTIFICATION_KINDS)("%s has a sentence in every language, linking to the report", (kind) => {
    const sentence = describeNotification(kind, reportData);
    expect(sentence.kind).toBe("known");
    if (sentence.kind !== "known") return;
    expect(sentence.proposalId).toBeNull();
    expect(sentence.href).toBe(kind === "report.final_published" ? "/report" : "/report/versions/3#p-k3x9a0qz");
    expect(sentence.values.versionNumber).toBe("3");
    for (const locale of ["es", "en", "pt", "fr"]) {
      const catalogue = JSON.parse(readFileSync(`messages/${locale}/notifications.json`, "utf8"));
      const message: string = catalogue.kinds[sentence.key];
      expect(typeof message, `${locale} ${kind}`).toBe("string");
      // Placeholders are "{name}" or "{name, select, …}"; a select's branches ("{The proposal …}") are text.
      for (const [, name] of message.matchAll(/\{(\w+)[,}]/g)) expect(sentence.values, `${locale} ${kind}`).toHaveProperty(name);
      expect(message).toMatch(/<link>.*<\/link>/);
    }
  });

  it("reads only the named fields", () => {
    const sentence = describeNotification("report.final_published", { ...reportData, email: "a@b.example", answer: "private" });
    expect(sentence).toEqual({
      kind: "known",
      key: "report_final_published",
      values: { versionNumber: "3", title: reportData.title },
      proposalId: null,
      href: "/report",
    });
    expect(describeNotification("report.comment_answered", { ...reportData, title: undefined })).toMatchObject({ values: { versionNumber: "3" } });
  });

  it("falls back to a generic sentence without a usable version number, title or anchor", () => {
    const generic = { kind: "generic", proposalId: null };
    expect(describeNotification("report.final_published", { ...reportData, title: " " })).toEqual(generic);
    expect(describeNotification("report.final_published", { ...reportData, versionNumber: "3" })).toEqual(generic);
    expect(describeNotification("report.final_published", { ...reportData, versionNumber: 0 })).toEqual(generic);
    expect(describeNotification("report.final_published", { ...reportData, versionNumber: 1.5 })).toEqual(generic);
    expect(describeNotification("report.comment_answered", { ...reportData, anchor: undefined })).toEqual(generic);
    expect(describeNotification("report.comment_answered", { ...reportData, anchor: "x\"><script>" })).toEqual(generic);
    expect(describeNotification("report.comment_answered", { ...reportData, anchor: "a".repeat(33) })).toEqual(generic);
    expect(describeNotification("report.comment_answered", null)).toEqual(generic);
  });
});
