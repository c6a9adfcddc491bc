import { beforeEach, describe, expect, it } from "vitest";
import { listPublicLog } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";
import { getCurrentReport, getOpenConfirmation, getReportDesk, getVersionPage, getVersionSource, listVersionChoices, listVersions } from "@/lib/report/queries";
import { createVersion, openVersion, publishFinal, updateDraft } from "@/lib/report/commands";
import { buildWorld, resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome } from "../helpers/outcomes";
import { captureQueries } from "../helpers/query-count";
import { insertVersion, localIn, REPORT_BODY, reportVersionCounts } from "../helpers/report-fixtures";
import { deliverQueuedMail } from "../helpers/mail";

// Opening a version goes through a confirmation page: the public title confirmed there, the
// versions it supersedes with their unanswered comments, and a command that re-checks it all.

type World = Awaited<ReturnType<typeof buildWorld>>;

const NOTE = "NOTA-INTERNA-SOLO-SECRETARIA: falta revisar la sección 3 con la OIM";
const ROLES: RoleName[] = ["visitor", "participant", "orgAdmin", "orgMember", "otherOrgMember", "committee", "staff", "admin"];

async function commentOn(version: { id: string; paragraphs: { id: string }[] }, world: World, answered: boolean) {
  return db.reportComment.create({
    data: {
      versionId: version.id,
      paragraphId: version.paragraphs[1].id,
      organizationId: world.org.id,
      authorId: world.users.orgMember.id,
      body: answered ? "Comentario respondido." : "Comentario sin respuesta.",
      ...(answered ? { disposition: "NOTED" as const, answer: "Tomado en cuenta.", dispositionAt: new Date() } : {}),
    },
  });
}

describe("opening a version from the confirmation page", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("stores the public title confirmed there, in the same transaction as the opening, and the public log records it", async () => {
    const draft = await insertVersion({ number: 1, status: "DRAFT", title: "Borrador interno: no publicar así" });
    await openVersion(world.actors.staff, { versionId: draft.id, title: "  Informe regional: primer borrador  ", commentDeadline: localIn(48), timeZone: "UTC", expectedSuperseded: "none" });
    const stored = await db.reportVersion.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ status: "OPEN", title: "Informe regional: primer borrador", timeZone: "UTC" });
    expect((await getCurrentReport())?.version.title).toBe("Informe regional: primer borrador");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "report.version_opened", entityId: draft.id } });
    expect(entry).toMatchObject({ isPublic: true, data: { versionNumber: 1, title: "Informe regional: primer borrador" } });
    expect(JSON.stringify(await listPublicLog(1))).not.toContain("Borrador interno");
  });

  it("refuses a blank or too long title next to the field, writing nothing", async () => {
    const draft = await insertVersion({ number: 1, status: "DRAFT" });
    for (const title of ["   ", "x".repeat(301)]) {
      const before = await reportVersionCounts();
      const error = await appError(openVersion(world.actors.staff, { versionId: draft.id, title, commentDeadline: localIn(48), timeZone: "UTC" }));
      expect(error.fieldErrors.title?.length, title.slice(0, 5)).toBeGreaterThan(0);
      expect(await reportVersionCounts()).toEqual(before);
    }
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("the confirmation data count the open version's comments without an answer (answered ones not counted) in two statements", async () => {
    const v1 = await insertVersion({ number: 1, status: "SUPERSEDED" });
    const v2 = await insertVersion({ number: 2, status: "OPEN" });
    const v3 = await insertVersion({ number: 3, status: "DRAFT", previous: v2 });
    await db.reportVersion.update({ where: { id: v3.id }, data: { internalNote: NOTE } });
    for (let i = 0; i < 5; i++) await commentOn(v2, world, false);
    for (let i = 0; i < 3; i++) await commentOn(v2, world, true);
    await commentOn(v1, world, false); // a superseded version is not superseded again
    await commentOn(v3, world, false); // the committee's comment on the draft itself

    const { result, queries } = await captureQueries(() => getOpenConfirmation(world.actors.staff, 3));
    expect(result?.version).toMatchObject({ number: 3, status: "DRAFT" });
    expect(result?.internalNote).toBe(NOTE);
    expect(result?.superseded.map((v) => [v.number, v.effectiveStatus, v.unanswered])).toEqual([[2, "OPEN", 5]]);
    expect(queries.length).toBeLessThanOrEqual(2);
    // The count comes from the database, not from loading the comments.
    expect(queries.some((q) => /count/i.test(q))).toBe(true);

    // A comment moderators hid awaits no answer: its public reason stands in for it.
    const hiddenOne = await commentOn(v2, world, false);
    await db.reportComment.update({ where: { id: hiddenOne.id }, data: { hiddenAt: new Date(), hiddenReason: "Datos personales.", hiddenCategory: "PERSONAL_DATA" } });
    expect((await getOpenConfirmation(world.actors.staff, 3))?.superseded.map((v) => v.unanswered)).toEqual([5]);
    await db.reportComment.update({ where: { id: hiddenOne.id }, data: { hiddenAt: null, hiddenReason: null, hiddenCategory: null } });
    expect((await getOpenConfirmation(world.actors.staff, 3))?.superseded.map((v) => v.unanswered)).toEqual([6]);
    await db.reportComment.delete({ where: { id: hiddenOne.id } });

    // Everything answered: 0; nothing open: nothing superseded.
    await db.reportComment.updateMany({ where: { versionId: v2.id }, data: { disposition: "NOTED", answer: "Visto." } });
    expect((await getOpenConfirmation(world.actors.staff, 3))?.superseded.map((v) => v.unanswered)).toEqual([0]);
    await db.reportVersion.update({ where: { id: v2.id }, data: { status: "SUPERSEDED" } });
    expect((await getOpenConfirmation(world.actors.staff, 3))?.superseded).toEqual([]);
    // Only drafts are confirmed; an unknown number is nothing.
    expect(await getOpenConfirmation(world.actors.staff, 2)).toBeNull();
    expect(await getOpenConfirmation(world.actors.staff, 99)).toBeNull();
  });

  it("is for staff and admins only: the confirmation data and the command", async () => {
    const open = await insertVersion({ number: 1, status: "OPEN" });
    const draft = await insertVersion({ number: 2, status: "DRAFT", previous: open });
    for (const role of ROLES) {
      const staff = role === "staff" || role === "admin";
      const data = await getOpenConfirmation(world.actors[role], 2);
      if (staff) expect(data?.superseded.map((v) => v.number), role).toEqual([1]);
      else expect(data, role).toBeNull();
      if (staff) continue;
      const before = await reportVersionCounts();
      const result = await outcome(openVersion(world.actors[role], { versionId: draft.id, title: "Informe", commentDeadline: localIn(48), timeZone: "UTC", expectedSuperseded: "1" }));
      expect(result, role).toBe(role === "visitor" ? "unauthenticated" : "forbidden");
      expect(await reportVersionCounts(), role).toEqual(before);
    }
  });

  it("refuses with a conflict when the versions it would supersede are not the ones the page showed", async () => {
    const v1 = await insertVersion({ number: 1, status: "OPEN" });
    const draft = await insertVersion({ number: 2, status: "DRAFT", previous: v1 });
    const staff = world.actors.staff;
    // Staff confirmed while nothing was open… but version 1 was opened in between.
    const before = await reportVersionCounts();
    const stale = await appError(openVersion(staff, { versionId: draft.id, title: "Informe", commentDeadline: localIn(48), timeZone: "UTC", expectedSuperseded: "none" }));
    expect(stale.kind).toBe("conflict");
    expect(stale.userMessage.key).toBe("report.supersededChanged");
    expect(await reportVersionCounts()).toEqual(before);
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: v1.id } })).status).toBe("OPEN");
    // The page showed version 1: it is superseded.
    await openVersion(staff, { versionId: draft.id, title: "Informe", commentDeadline: localIn(48), timeZone: "UTC", expectedSuperseded: "1" });
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: v1.id } })).status).toBe("SUPERSEDED");
    // A malformed acknowledgement is refused as bad input.
    const third = await insertVersion({ number: 3, status: "DRAFT" });
    expect(await outcome(openVersion(staff, { versionId: third.id, title: "Informe", commentDeadline: localIn(48), timeZone: "UTC", expectedSuperseded: "1; DROP" }))).toBe("invalid");
  });
});

describe("a version's internal note", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("is written with the draft, shown to staff and the committee on the draft, and never in public queries or the public log once open or final", async () => {
    const staff = world.actors.staff;
    const draft = await createVersion(staff, { title: "Informe regional", language: "es", body: REPORT_BODY, internalNote: NOTE });
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: draft.id } })).internalNote).toBe(NOTE);
    expect((await getReportDesk(staff!))?.draft?.internalNote).toBe(NOTE);
    expect((await getVersionPage(world.actors.committee, 1))?.internalNote).toBe(NOTE);
    expect((await getVersionPage(staff, 1))?.internalNote).toBe(NOTE);

    // Edited and cleared with the draft; blank clears it.
    await updateDraft(staff, { versionId: draft.id, title: "Informe regional", language: "es", body: REPORT_BODY, internalNote: "   " });
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: draft.id } })).internalNote).toBeNull();
    await updateDraft(staff, { versionId: draft.id, title: "Informe regional", language: "es", body: REPORT_BODY, internalNote: NOTE });
    const tooLong = await appError(updateDraft(staff, { versionId: draft.id, title: "Informe regional", language: "es", body: REPORT_BODY, internalNote: "x".repeat(1001) }));
    expect(tooLong.fieldErrors.internalNote?.length).toBeGreaterThan(0);

    await openVersion(staff, { versionId: draft.id, title: "Informe regional: primer borrador", commentDeadline: localIn(48), timeZone: "UTC", expectedSuperseded: "none" });
    const everything = async () =>
      JSON.stringify(
        {
          current: await getCurrentReport(),
          list: await listVersions(null),
          choices: await listVersionChoices(null),
          page: await getVersionPage(null, 1),
          member: await getVersionPage(world.actors.orgMember, 1),
          committee: await getVersionPage(world.actors.committee, 1),
          source: await getVersionSource(null, 1),
          log: await listPublicLog(1),
          audit: await db.auditEntry.findMany({ select: { data: true } }),
        },
        (_k, v) => (v instanceof Map ? [...v.entries()] : v),
      );
    expect(await everything()).not.toContain("NOTA-INTERNA");
    await db.reportVersion.update({ where: { id: draft.id }, data: { status: "CLOSED" } });
    await publishFinal(staff, { versionId: draft.id });
    expect(await everything()).not.toContain("NOTA-INTERNA");
    await deliverQueuedMail();
    const mails = await db.outboxEmail.findMany({ select: { subject: true, text: true } });
    expect(JSON.stringify(mails)).not.toContain("NOTA-INTERNA");
    expect((await db.notification.findMany({ select: { data: true } })).map((n) => JSON.stringify(n.data)).join()).not.toContain("NOTA-INTERNA");
  });

  it("does not carry over to the next version", async () => {
    const staff = world.actors.staff;
    const v1 = await createVersion(staff, { title: "Informe", language: "es", body: REPORT_BODY, internalNote: NOTE });
    await openVersion(staff, { versionId: v1.id, title: "Informe", commentDeadline: localIn(48), timeZone: "UTC" });
    const v2 = await createVersion(staff, {});
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: v2.id } })).internalNote).toBeNull();
  });
});
