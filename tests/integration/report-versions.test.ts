import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listPublicLog } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { comparePreviousHref, nextReportStatus, REPORT_ACTIONS, type ReportAction } from "@/lib/report/policy";
import { getComparison, getCurrentReport, getVersionPage, getVersionSource, LATEST_COMMENTS, listVersionChoices, listVersions } from "@/lib/report/queries";
import { addTranslation, closeVersion, createVersion, openVersion, publishFinal, updateDraft } from "@/lib/report/commands";
import { buildWorld, createOrganization, createUser, resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome, type Outcome } from "../helpers/outcomes";
import { createProposal } from "../helpers/proposal-fixtures";
import { captureQueries } from "../helpers/query-count";
import { ALL_REPORT_STATUSES, hoursFromNow, insertVersion, localIn, REPORT_BODY, reportVersionCounts } from "../helpers/report-fixtures";
import { deliverQueuedMail } from "../helpers/mail";

type World = Awaited<ReturnType<typeof buildWorld>>;

const ROLES: RoleName[] = ["visitor", "participant", "orgAdmin", "orgMember", "otherOrgMember", "committee", "staff", "admin"];
const STAFF_ONLY: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "forbidden",
  orgMember: "forbidden",
  otherOrgMember: "forbidden",
  committee: "forbidden",
  staff: "ok",
  admin: "ok",
};

// ─── The state machine, as a pure function ──────────────────────────────────────────────────

// Written out by hand: every (effective) state × action.
const EXPECTED: Record<ReportVersionStatus, Record<ReportAction, ReportVersionStatus | null>> = {
  DRAFT: { edit: "DRAFT", open: "OPEN", close: null, publishFinal: "FINAL", translate: null },
  OPEN: { edit: null, open: null, close: "CLOSED", publishFinal: null, translate: "OPEN" },
  CLOSED: { edit: null, open: null, close: null, publishFinal: "FINAL", translate: "CLOSED" },
  SUPERSEDED: { edit: null, open: null, close: null, publishFinal: null, translate: "SUPERSEDED" },
  FINAL: { edit: null, open: null, close: null, publishFinal: null, translate: "FINAL" },
};

describe("nextReportStatus", () => {
  for (const status of ALL_REPORT_STATUSES) {
    for (const action of REPORT_ACTIONS) {
      it(`${status} × ${action} → ${EXPECTED[status][action] ?? "refused"}`, () => {
        expect(nextReportStatus(status, action)).toBe(EXPECTED[status][action]);
      });
    }
  }
});

// ─── Commands ───────────────────────────────────────────────────────────────────────────────

function run(actor: Actor | null, action: ReportAction, versionId: string) {
  switch (action) {
    case "edit":
      return updateDraft(actor, { versionId, title: "Título editado", language: "es", body: `${REPORT_BODY}\n\nUn párrafo más.` });
    case "open":
      return openVersion(actor, { versionId, title: "Informe regional", commentDeadline: localIn(48), timeZone: "America/Santiago" });
    case "close":
      return closeVersion(actor, { versionId });
    case "publishFinal":
      return publishFinal(actor, { versionId });
    case "translate":
      return addTranslation(actor, { versionId, language: "en", title: "Regional report", body: "# Introduction\n\nText." });
  }
}

/** Version states as stored, plus an OPEN one past its deadline (effectively CLOSED). */
const CASES: { label: string; status: ReportVersionStatus; deadline?: Date; effective: ReportVersionStatus }[] = [
  { label: "DRAFT", status: "DRAFT", effective: "DRAFT" },
  { label: "OPEN", status: "OPEN", effective: "OPEN" },
  { label: "OPEN past its deadline", status: "OPEN", deadline: hoursFromNow(-1), effective: "CLOSED" },
  { label: "CLOSED", status: "CLOSED", effective: "CLOSED" },
  { label: "SUPERSEDED", status: "SUPERSEDED", effective: "SUPERSEDED" },
  { label: "FINAL", status: "FINAL", effective: "FINAL" },
];

describe("every version state × action through the commands", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("moves legal pairs with an audit row, refuses the others with a conflict and writes nothing", async () => {
    let number = 1;
    for (const c of CASES) {
      for (const action of REPORT_ACTIONS) {
        const label = `${c.label} × ${action}`;
        const version = await insertVersion({ number: number++, status: c.status, commentDeadline: c.deadline ?? (c.status === "DRAFT" ? null : undefined) });
        const before = await reportVersionCounts();
        const expected = EXPECTED[c.effective][action];
        const result = await outcome(run(world.actors.staff, action, version.id));
        const after = await db.reportVersion.findUniqueOrThrow({ where: { id: version.id }, select: { status: true } });
        if (expected) {
          expect(result, label).toBe("ok");
          expect(after.status, label).toBe(action === "translate" ? c.status : expected);
          expect((await reportVersionCounts()).audit, label).toBeGreaterThan(before.audit);
        } else {
          expect(result, label).toBe("conflict");
          expect(after.status, label).toBe(c.status);
          expect(await reportVersionCounts(), label).toEqual(before);
        }
        // Versions left DRAFT would block the next round's commands: park them out of the way.
        await db.reportVersion.updateMany({ where: { status: { in: ["DRAFT", "OPEN", "CLOSED", "FINAL"] } }, data: { status: "SUPERSEDED" } });
      }
    }
    // 30 commands with their row counts before and after: about 20 s alone, more beside other files.
  }, 90_000);
});

describe("role × command", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  const commands: { name: string; setup: () => Promise<string | null>; call: (actor: Actor | null, id: string | null) => Promise<unknown> }[] = [
    {
      name: "createVersion",
      setup: async () => null,
      call: (actor) => createVersion(actor, { title: "Informe", language: "es", body: REPORT_BODY }),
    },
    { name: "updateDraft", setup: async () => (await insertVersion({ number: 1, status: "DRAFT" })).id, call: (a, id) => run(a, "edit", id!) },
    { name: "openVersion", setup: async () => (await insertVersion({ number: 1, status: "DRAFT" })).id, call: (a, id) => run(a, "open", id!) },
    { name: "closeVersion", setup: async () => (await insertVersion({ number: 1, status: "OPEN" })).id, call: (a, id) => run(a, "close", id!) },
    { name: "publishFinal", setup: async () => (await insertVersion({ number: 1, status: "CLOSED" })).id, call: (a, id) => run(a, "publishFinal", id!) },
    { name: "addTranslation", setup: async () => (await insertVersion({ number: 1, status: "OPEN" })).id, call: (a, id) => run(a, "translate", id!) },
  ];

  for (const command of commands) {
    it(`${command.name}: staff and admins only; nothing written for the others`, async () => {
      for (const role of ROLES) {
        await db.reportVersion.deleteMany({});
        const id = await command.setup();
        const before = await reportVersionCounts();
        const result = await outcome(command.call(world.actors[role], id));
        expect(result, `${command.name} by ${role}`).toBe(STAFF_ONLY[role]);
        if (result !== "ok") expect(await reportVersionCounts(), `${command.name} by ${role}`).toEqual(before);
      }
    });
  }
});

describe("bad input: a clear message and nothing written", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("refuses an empty text, a missing title, a second draft, a past or invalid deadline, an unknown zone, a translation in the original language", async () => {
    const staff = world.actors.staff;
    const check = async (work: () => Promise<unknown>, field: string | null, key: string) => {
      const before = await reportVersionCounts();
      const error = await appError(work());
      if (field) expect(error.fieldErrors[field]?.[0]?.key, key).toBe(key);
      else expect(error.userMessage.key).toBe(key);
      expect(await reportVersionCounts()).toEqual(before);
    };
    await check(() => createVersion(staff, { title: "Informe", language: "es", body: "   " }), "body", "required");
    await check(() => createVersion(staff, { title: "Informe", language: "es", body: "[x]: https://example.org" }), "body", "report.emptyBody");
    await check(() => createVersion(staff, { language: "es", body: REPORT_BODY }), "title", "required");

    const draft = await createVersion(staff, { title: "Informe", language: "es", body: REPORT_BODY });
    await check(() => createVersion(staff, {}), null, "report.draftExists");
    await check(() => openVersion(staff, { versionId: draft.id, title: "Informe", commentDeadline: localIn(-1), timeZone: "America/Santiago" }), "commentDeadline", "report.deadlineInPast");
    await check(() => openVersion(staff, { versionId: draft.id, title: "Informe", commentDeadline: "2030-02-30T10:00", timeZone: "America/Santiago" }), "commentDeadline", "report.invalidLocalTime");
    await check(() => openVersion(staff, { versionId: draft.id, title: "Informe", commentDeadline: localIn(24), timeZone: "Mars/Olympus" }), "timeZone", "report.invalidTimeZone");
    await check(() => openVersion(staff, { versionId: "00000000-0000-4000-8000-000000000000", title: "Informe", commentDeadline: localIn(24), timeZone: "UTC" }), null, "notFound");

    await openVersion(staff, { versionId: draft.id, title: "Informe", commentDeadline: localIn(24), timeZone: "UTC" });
    await check(() => addTranslation(staff, { versionId: draft.id, language: "es", title: "Otro", body: "Texto." }), "language", "report.sameLanguage");
    // An open version never changes: changes make a new version.
    await check(() => updateDraft(staff, { versionId: draft.id, title: "Otro", language: "es", body: "Otro texto." }), null, "report.notEditable");
  });
});

// ─── Drafts are invisible outside staff and the committee ──────────────────────────────────

describe("a DRAFT version", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("is not found for visitors and organization members, readable by the committee and staff", async () => {
    const secret = "PÁRRAFO-SECRETO-DEL-BORRADOR";
    await insertVersion({ number: 1, status: "OPEN" });
    await insertVersion({ number: 2, status: "DRAFT", title: "Título secreto del borrador", body: `# Borrador\n\n${secret}` });
    await createVersion(world.actors.staff, {}).catch(() => undefined); // refused: a draft exists

    const readers: RoleName[] = ["committee", "staff", "admin"];
    for (const role of ROLES) {
      const actor = world.actors[role];
      const page = await getVersionPage(actor, 2);
      const list = await listVersions(actor);
      const choices = await listVersionChoices(actor);
      const source = await getVersionSource(actor, 2);
      const comparison = await getComparison(actor, 1, 2);
      const everything = JSON.stringify({ list, choices, current: await getCurrentReport(), v1: await getVersionPage(actor, 1) }, (_k, v) =>
        v instanceof Map ? [...v.entries()] : v,
      );
      if (readers.includes(role)) {
        expect(page?.paragraphs.some((p) => p.text === secret), role).toBe(true);
        expect(list.map((v) => v.number), role).toEqual([2, 1]);
        expect(source?.body, role).toContain(secret);
        expect(comparison?.rows.some((r) => r.kind === "added" && r.to.text === secret), role).toBe(true);
      } else {
        expect(page, role).toBeNull();
        expect(source, role).toBeNull();
        expect(comparison, role).toBeNull();
        expect(list.map((v) => v.number), role).toEqual([1]);
        expect(everything, role).not.toContain(secret);
        expect(everything, role).not.toContain("Título secreto");
      }
    }
    const log = JSON.stringify(await listPublicLog(1));
    expect(log).not.toContain("Título secreto");
  });
});

// ─── Anchors and links carried into the next version ───────────────────────────────────────

describe("a new version", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("keeps the anchors of unchanged and slightly changed paragraphs, with their proposal links, and the compare page shows the comment behind a change", async () => {
    const staff = world.actors.staff;
    const v1 = await createVersion(staff, { title: "Informe regional", language: "es", body: REPORT_BODY });
    const p1 = await db.reportParagraph.findMany({ where: { versionId: v1.id }, orderBy: { position: "asc" } });
    const proposal = await createProposal(world.org.id, { status: "ACCEPTED", title: "Regularización amplia" });
    const avances = p1[3]; // "Los Estados avanzaron…"
    await db.reportParagraphProposal.create({ data: { paragraphId: avances.id, proposalId: proposal.id, linkedById: world.users.staff.id } });
    await openVersion(staff, { versionId: v1.id, title: "Informe regional", commentDeadline: localIn(48), timeZone: "America/Sao_Paulo" });
    const comment = await db.reportComment.create({
      data: {
        versionId: v1.id,
        paragraphId: avances.id,
        organizationId: world.org.id,
        authorId: world.users.orgMember.id,
        body: "Sugerimos mencionar también el acceso a la salud.",
        proposedText: "Los Estados avanzaron en la regularización, el acceso a documentos y a la salud.",
        language: "pt",
        disposition: "ACCEPTED",
        answer: "Incorporado.",
      },
    });
    await closeVersion(staff, { versionId: v1.id });

    const newBody = REPORT_BODY.replace(
      "Los Estados avanzaron en la regularización de personas migrantes y en el acceso a documentos de identidad.",
      "Los Estados avanzaron en la regularización de personas migrantes y en el acceso a documentos de identidad y a la salud.",
    ).replace("## Recomendaciones", "## Recomendaciones\n\nUn párrafo enteramente nuevo sobre el financiamiento de las organizaciones.");
    const v2 = await createVersion(staff, { body: newBody });
    expect(v2.number).toBe(2);
    const p2 = await db.reportParagraph.findMany({ where: { versionId: v2.id }, orderBy: { position: "asc" }, include: { proposals: true } });
    const anchors1 = p1.map((p) => p.anchor);
    expect(p2[0].anchor).toBe(p1[0].anchor); // unchanged heading
    expect(p2[3].anchor).toBe(avances.anchor); // changed a little
    expect(p2[3].proposals.map((l) => l.proposalId)).toEqual([proposal.id]);
    expect(anchors1).not.toContain(p2[6].anchor); // the new paragraph
    expect(p2[7].anchor).toBe(p1[6].anchor); // the list moved down, same anchor
    const stored = await db.reportVersion.findUniqueOrThrow({ where: { id: v2.id } });
    expect(stored).toMatchObject({ status: "DRAFT", previousId: v1.id, title: "Informe regional", language: "es" });

    // Publishing v2 (open) supersedes v1; the comparison shows the change and the comment behind it.
    await openVersion(staff, { versionId: v2.id, title: "Informe regional", commentDeadline: localIn(48), timeZone: "UTC" });
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: v1.id } })).status).toBe("SUPERSEDED");
    const comparison = await getComparison(null, 1, 2);
    expect(comparison?.summary).toEqual({ added: 1, removed: 0, changed: 1, unchanged: 6 });
    const changed = comparison!.rows.find((r) => r.kind === "changed");
    expect(changed?.anchor).toBe(avances.anchor);
    expect(changed?.kind === "changed" && changed.words.filter((w) => w.kind === "added").map((w) => w.value.trim())).toEqual(["y a la salud"]);
    expect(comparison!.reasons.get(avances.anchor)?.map((c) => [c.id, c.organizationName, c.signedBySecretariat])).toEqual([[comment.id, world.org.name, false]]);
    // Signed without an organization by staff: the secretariat's comment, not the committee's.
    await db.reportComment.update({ where: { id: comment.id }, data: { organizationId: null, authorId: world.users.staff.id } });
    expect((await getComparison(null, 1, 2))!.reasons.get(avances.anchor)?.map((c) => [c.organizationName, c.signedBySecretariat])).toEqual([[null, true]]);
    // A comment that was not accepted is not a reason.
    await db.reportComment.update({ where: { id: comment.id }, data: { disposition: "NOT_ACCEPTED" } });
    expect((await getComparison(null, 1, 2))!.reasons.size).toBe(0);
  });

  it("edits a draft in place: the committee's comments stay on paragraphs that keep their anchor", async () => {
    const staff = world.actors.staff;
    const v1 = await createVersion(staff, { title: "Informe", language: "es", body: REPORT_BODY });
    const before = await db.reportParagraph.findMany({ where: { versionId: v1.id }, orderBy: { position: "asc" } });
    const comment = await db.reportComment.create({
      data: { versionId: v1.id, paragraphId: before[4].id, authorId: world.users.committee.id, body: "Comentario del Comité." },
    });
    await updateDraft(staff, { versionId: v1.id, title: "Informe", language: "es", body: `Un primer párrafo nuevo.\n\n${REPORT_BODY}` });
    const after = await db.reportParagraph.findMany({ where: { versionId: v1.id }, orderBy: { position: "asc" } });
    expect(after.map((p) => p.position)).toEqual(after.map((_, i) => i));
    expect(after.slice(1).map((p) => p.anchor)).toEqual(before.map((p) => p.anchor));
    expect((await db.reportComment.findUniqueOrThrow({ where: { id: comment.id } })).paragraphId).toBe(before[4].id);
    expect(after[5].id).toBe(before[4].id);
  });
});

describe("comparePreviousHref", () => {
  it("links a version to the one it was made from, never a review's first draft to the last final report", () => {
    expect(comparePreviousHref({ number: 3, previousId: "b7c2a4a0-0000-4000-8000-000000000002" })).toBe("/report/compare?from=2&to=3");
    expect(comparePreviousHref({ number: 2, previousId: null })).toBeNull();
    expect(comparePreviousHref({ number: 1, previousId: null })).toBeNull();
  });
});

// ─── The final report ──────────────────────────────────────────────────────────────────────

describe("publishing the final report", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("notifies every member of verified organizations, emails each verified organization once, supersedes, and logs it publicly", async () => {
    const extra = await createUser({ name: "Second member" });
    const third = await createOrganization({ name: "Tercera Red", contactEmail: "tercera@example.test", members: [{ userId: extra.id, role: "MEMBER" }] });
    const pendingMember = await createUser({ name: "Pending member" });
    await createOrganization({ name: "Pendiente", status: "PENDING", contactEmail: "pendiente@example.test", members: [{ userId: pendingMember.id, role: "ADMIN" }] });

    const oldFinal = await insertVersion({ number: 1, status: "FINAL" });
    const older = await insertVersion({ number: 2, status: "CLOSED" });
    const target = await insertVersion({ number: 3, status: "OPEN", commentDeadline: hoursFromNow(-2) }); // closed by its deadline
    await deliverQueuedMail();
    const outboxBefore = await db.outboxEmail.count();

    const result = await publishFinal(world.actors.staff, { versionId: target.id });
    expect(result).toMatchObject({ number: 3, status: "FINAL", emailed: 3 });

    const statuses = await db.reportVersion.findMany({ orderBy: { number: "asc" }, select: { number: true, status: true } });
    expect(statuses).toEqual([
      { number: 1, status: "SUPERSEDED" },
      { number: 2, status: "SUPERSEDED" },
      { number: 3, status: "FINAL" },
    ]);
    expect(oldFinal.id).not.toBe(older.id);

    const notified = await db.notification.findMany({ where: { kind: "report.final_published" }, select: { userId: true, data: true } });
    const expectedUsers = [world.users.orgAdmin.id, world.users.orgMember.id, world.users.committee.id, world.users.otherOrgMember.id, extra.id].sort();
    expect(notified.map((n) => n.userId).sort()).toEqual(expectedUsers);
    expect(notified[0].data).toEqual({ versionNumber: 3, title: "Informe regional, versión 3" });
    expect(result.notified).toBe(5);

    await deliverQueuedMail();
    const mails = await db.outboxEmail.findMany({ orderBy: { to: "asc" } });
    expect(mails.length - outboxBefore).toBe(3);
    expect(mails.map((m) => m.to).sort()).toEqual([world.org.contactEmail, world.otherOrg.contactEmail, third.contactEmail].sort());
    expect(mails.every((m) => m.text.includes("/report") && m.subject.includes("Informe regional, versión 3"))).toBe(true);

    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "report.final_published" } });
    expect(entry).toMatchObject({ isPublic: true, entityId: target.id, data: { versionNumber: 3, title: "Informe regional, versión 3" } });
    expect(JSON.stringify(entry.data)).not.toContain("@");

    // /report shows the final version.
    expect((await getCurrentReport())?.version.number).toBe(3);
    // Only one FINAL at a time, and it cannot be published twice.
    expect(await outcome(publishFinal(world.actors.staff, { versionId: target.id }))).toBe("conflict");
    expect((await getCurrentReport())?.earlierFinal).toBeNull();
  });

  it("keeps the final report when the next review opens a draft: /report shows the draft and links the earlier final", async () => {
    const final = await insertVersion({ number: 1, status: "FINAL", title: "Informe final anterior" });
    const draft = await insertVersion({ number: 2, status: "DRAFT", title: "Nueva revisión: primer borrador" });
    // While the next review's version is a draft, readers get the final report.
    expect((await getCurrentReport())?.version.number).toBe(1);

    await openVersion(world.actors.staff, { versionId: draft.id, title: draft.title, commentDeadline: localIn(72), timeZone: "UTC", expectedSuperseded: "none" });
    // Opening supersedes earlier open or closed versions, never the final report.
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: final.id } })).status).toBe("FINAL");
    const current = await getCurrentReport();
    expect(current?.version).toMatchObject({ number: 2, effectiveStatus: "OPEN" });
    expect(current?.earlierFinal).toMatchObject({ number: 1, title: "Informe final anterior" });
    expect(current?.earlierFinal?.finalAt).toBeInstanceOf(Date);
  });
});

// ─── Performance: a fixed number of queries ────────────────────────────────────────────────

describe("the version page's queries", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("are the same few statements for 3 paragraphs and for 300 paragraphs with 2,000 comments", async () => {
    const world = await buildWorld();
    const small = await insertVersion({ number: 1, status: "SUPERSEDED" });
    // One comment on the small one: a version without any reads no comment row, so no relation of one.
    await db.reportComment.create({ data: { versionId: small.id, paragraphId: small.paragraphs[0].id, organizationId: world.org.id, body: "Uno" } });
    const body = Array.from({ length: 300 }, (_, i) => (i % 20 === 0 ? `## Sección ${i / 20 + 1}` : `Párrafo ${i} del informe con algunas palabras distintas número ${i * 7}.`)).join("\n\n");
    const big = await insertVersion({ number: 2, status: "OPEN", body });
    expect(big.paragraphs).toHaveLength(300);
    await db.reportComment.createMany({
      data: Array.from({ length: 2000 }, (_, i) => ({
        versionId: big.id,
        paragraphId: big.paragraphs[i % 300].id,
        organizationId: i % 2 ? world.org.id : world.otherOrg.id,
        authorId: world.users.orgMember.id,
        body: `Comentario ${i}`,
        disposition: i % 3 === 0 ? ("ACCEPTED" as const) : null,
      })),
    });
    const proposal = await createProposal(world.org.id, { status: "ACCEPTED" });
    await db.reportParagraphProposal.createMany({ data: big.paragraphs.slice(0, 50).map((p) => ({ paragraphId: p.id, proposalId: proposal.id })) });

    const smallRun = await captureQueries(() => getVersionPage(null, 1));
    const bigRun = await captureQueries(() => getVersionPage(null, 2));
    expect(bigRun.result?.paragraphs).toHaveLength(300);
    // Every comment counted by paragraph; only each paragraph's latest ones are read.
    expect([...bigRun.result!.commentCounts.values()].reduce((a, b) => a + b, 0)).toBe(2000);
    expect([...bigRun.result!.latestByParagraph.values()].flat()).toHaveLength(300 * LATEST_COMMENTS);
    expect(bigRun.result?.counts).toMatchObject({ total: 2000, ACCEPTED: 667, waiting: 1333 });
    expect(bigRun.result?.proposalsByParagraph.size).toBe(50);
    expect(bigRun.queries.length).toBe(smallRun.queries.length);
    // version, translations, paragraphs, counts by paragraph, the latest comments' ids, counts by
    // disposition, links (+ proposals, their organizations), the latest comments (+ their organizations, authors, authors' roles).
    expect(bigRun.queries.length).toBeLessThanOrEqual(13);
  });
});
