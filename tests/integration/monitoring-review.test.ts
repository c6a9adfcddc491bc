import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Command } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import type { MonitoringCaseStatus } from "@/lib/generated/prisma/enums";
import { sendMail } from "@/lib/mail/send";
import {
  approveSummary,
  assignCase,
  changeCaseStatus,
  eraseExpiredContacts,
  lockCase,
  messageReporter,
  openCase,
  publishSummary,
  referCase,
  releaseCase,
  submitSummary,
  withdrawSummary,
  writeSummary,
} from "@/lib/monitoring/commands";
import { CASE_TRANSITIONS, CLOSING_STATUSES } from "@/lib/monitoring/policy";
import { getCase, listAccessLog, listQueue } from "@/lib/monitoring/review-queries";
import { reviewerNotice } from "@/lib/monitoring/reviewer-mail";
import { SETTABLE_STATUSES } from "@/lib/monitoring/review-schemas";
import { openMessage, openReport } from "@/lib/monitoring/sealed";
import { grantSiteRole } from "@/lib/roles/commands";
import { actorFor, resetDatabase } from "../helpers/factories";
import { buildMonitoringWorld, insertReport, marker } from "../helpers/monitoring-fixtures";
import { appError, outcome } from "../helpers/outcomes";
import { deliverQueuedMail } from "../helpers/mail";

let world: Awaited<ReturnType<typeof buildMonitoringWorld>>;
let actors: typeof world.actors;

beforeEach(async () => {
  await resetDatabase();
  world = await buildMonitoringWorld();
  actors = world.actors;
});

const MINUTE = 60_000;
const DAY = 86_400_000;

const summaryInput = (reportId: string, overrides: Record<string, unknown> = {}) => ({
  reportId,
  language: "es",
  title: "Detención de una defensora",
  body: "Una defensora fue detenida durante una visita a un albergue.",
  country: "GT",
  region: "Petén",
  month: "2025-03",
  categories: ["DETENTION"],
  risk_identifiesPerson: "no",
  risk_identifiesReporter: "no",
  risk_placeTooPrecise: "no",
  risk_dateTooPrecise: "no",
  risk_retaliationRisk: "no",
  ...overrides,
});

/** A summary written by `writer` and submitted, on a verified case. */
async function submittedSummary(writer: Actor, options: { consentPublish?: boolean } = {}) {
  const { report } = await insertReport({ status: "VERIFIED", consentPublish: options.consentPublish });
  const { summaryId } = await writeSummary(writer, summaryInput(report.id));
  await submitSummary(writer, { summaryId });
  return { report, summaryId };
}

describe("who may review: role × command", () => {
  const NOT_REVIEWERS = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin", "chair", "lapsedReviewer"] as const;
  const REVIEWERS = ["reviewer", "adminReviewer", "committeeReviewer"] as const;

  it("refuses every command to everyone without the role (and to a reviewer whose term lapsed), writing nothing", async () => {
    const { report } = await insertReport({ status: "VERIFIED" });
    const { summaryId } = await submittedSummary(actors.reviewer!);
    const inputs: [Command<unknown>, unknown][] = [
      [openCase, { reportId: report.id }],
      [assignCase, { reportId: report.id }],
      [lockCase, { reportId: report.id }],
      [releaseCase, { reportId: report.id }],
      [changeCaseStatus, { reportId: report.id, status: "UNDER_REVIEW" }],
      [referCase, { reportId: report.id, referredTo: "INDH" }],
      [messageReporter, { reportId: report.id, body: "Hola" }],
      [writeSummary, summaryInput(report.id)],
      [submitSummary, { summaryId }],
      [approveSummary, { summaryId }],
      [publishSummary, { summaryId }],
      [withdrawSummary, { summaryId, reason: "Riesgo" }],
      [eraseExpiredContacts, {}],
    ];
    const events = await db.monitoringCaseEvent.count();
    const accesses = await db.monitoringAccess.count();
    let checked = 0;
    for (const role of NOT_REVIEWERS) {
      for (const [command, input] of inputs) {
        expect(await outcome(command(actors[role], input)), role).toBe(role === "visitor" ? "unauthenticated" : "forbidden");
        checked++;
      }
      expect(await listQueue(actors[role])).toEqual([]);
      expect(await getCase(actors[role], report.id)).toBeNull();
    }
    expect(checked).toBe(130);
    expect(await db.monitoringCaseEvent.count()).toBe(events);
    expect(await db.monitoringAccess.count()).toBe(accesses);
  });

  it("lets staff, admin and committee reviewers work a case", async () => {
    for (const role of REVIEWERS) {
      const actor = actors[role]!;
      const { report, content } = await insertReport();
      expect(await outcome(openCase(actor, { reportId: report.id }))).toBe("ok");
      expect(await outcome(lockCase(actor, { reportId: report.id }))).toBe("ok");
      expect(await outcome(assignCase(actor, { reportId: report.id, assigneeId: actor.userId }))).toBe("ok");
      expect(await outcome(changeCaseStatus(actor, { reportId: report.id, status: "UNDER_REVIEW" }))).toBe("ok");
      expect(await outcome(messageReporter(actor, { reportId: report.id, body: "¿Puede contarnos más?" }))).toBe("ok");
      expect(await outcome(releaseCase(actor, { reportId: report.id }))).toBe("ok");
      expect(await outcome(eraseExpiredContacts(actor, {}))).toBe("ok");
      const view = await getCase(actor, report.id);
      expect(view?.content?.narrative).toBe(content.narrative);
      expect(view?.messages.map((m) => m.body)).toEqual(["¿Puede contarnos más?"]);
      expect((await listQueue(actor)).some((r) => r.id === report.id)).toBe(true);
    }
  });

  it("gives the role through grantSiteRole to staff and committee members only", async () => {
    expect((await appError(grantSiteRole(actors.admin, { email: world.users.participant.email, role: "MONITORING_REVIEWER" }))).fieldErrors.email?.[0].key).toBe(
      "roles.reviewerNeedsStaffOrCommittee",
    );
    expect(await outcome(grantSiteRole(actors.staff, { email: world.users.committee.email, role: "MONITORING_REVIEWER" }))).toBe("forbidden");
    expect(await outcome(grantSiteRole(actors.admin, { email: world.users.committee.email, role: "MONITORING_REVIEWER" }))).toBe("ok");
    expect(await outcome(grantSiteRole(actors.admin, { email: world.users.staff.email, role: "MONITORING_REVIEWER" }))).toBe("ok");
    expect((await actorFor(world.users.committee.id)).isMonitoringReviewer).toBe(true);
    expect((await actorFor(world.users.staff.id)).isMonitoringReviewer).toBe(true);
    expect((await actorFor(world.users.admin.id)).isMonitoringReviewer).toBe(false);
    // Reviewers are never named in the public log: naming them could put them at risk.
    const grants = await db.auditEntry.findMany({ where: { action: "role.granted", data: { path: ["role"], equals: "MONITORING_REVIEWER" } } });
    expect(grants).toHaveLength(2);
    expect(grants.every((g) => !g.isPublic)).toBe(true);
  });
});

describe("the case's states", () => {
  const STATUSES: MonitoringCaseStatus[] = ["RECEIVED", "UNDER_REVIEW", "VERIFIED", "NOT_VERIFIED", "DUPLICATE", "REFERRED"];

  it("follows the transition table, closing on NOT_VERIFIED and DUPLICATE, and records each change", async () => {
    let cells = 0;
    for (const from of STATUSES) {
      for (const to of SETTABLE_STATUSES) {
        const { report } = await insertReport({ status: from });
        const result = await outcome(changeCaseStatus(actors.reviewer, { reportId: report.id, status: to }, { now: new Date("2026-01-05T10:00:00Z") }));
        const allowed = CASE_TRANSITIONS[from].includes(to);
        expect(result, `${from} → ${to}`).toBe(allowed ? "ok" : "invalid");
        const row = await db.monitoringReport.findUniqueOrThrow({ where: { id: report.id } });
        expect(row.status).toBe(allowed ? to : from);
        if (allowed) {
          expect(row.closedAt).toEqual(CLOSING_STATUSES.includes(to) ? new Date("2026-01-05T10:00:00Z") : null);
          const event = await db.monitoringCaseEvent.findFirstOrThrow({ where: { reportId: report.id } });
          expect(event).toMatchObject({ action: "case.status_changed", actorId: actors.reviewer!.userId, data: { from, to } });
        }
        cells++;
      }
    }
    expect(cells).toBe(24);
  });

  it("refers only a verified case, with the reporter's consent, recording to whom and when", async () => {
    for (const from of STATUSES) {
      const { report } = await insertReport({ status: from });
      expect(await outcome(referCase(actors.reviewer, { reportId: report.id, referredTo: "Procuraduría de Derechos Humanos" })), from).toBe(from === "VERIFIED" ? "ok" : "conflict");
    }
    const { report: noConsent } = await insertReport({ status: "VERIFIED", consentRefer: false });
    expect(await outcome(referCase(actors.reviewer, { reportId: noConsent.id, referredTo: "INDH" }))).toBe("forbidden");
    const { report } = await insertReport({ status: "VERIFIED" });
    const now = new Date("2026-02-01T12:00:00Z");
    await referCase(actors.reviewer, { reportId: report.id, referredTo: "Procuraduría de Derechos Humanos" }, { now });
    expect(await db.monitoringReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "REFERRED",
      referredTo: "Procuraduría de Derechos Humanos",
      referredAt: now,
      closedAt: now,
    });
  });

  it("only assigns a case to a reviewer", async () => {
    const { report } = await insertReport();
    expect(await outcome(assignCase(actors.reviewer, { reportId: report.id, assigneeId: world.users.staff.id }))).toBe("invalid");
    expect(await outcome(assignCase(actors.reviewer, { reportId: report.id, assigneeId: world.users.reviewer2.id }))).toBe("ok");
    expect((await listQueue(actors.reviewer)).find((r) => r.id === report.id)?.assigneeName).toBe("Second Reviewer");
    expect(await outcome(assignCase(actors.reviewer, { reportId: report.id, assigneeId: "" }))).toBe("ok");
    expect((await db.monitoringReport.findUniqueOrThrow({ where: { id: report.id } })).assigneeId).toBeNull();
  });
});

describe("the lock", () => {
  it("keeps others out until it expires, then lets them take over; only the holder releases", async () => {
    const { report } = await insertReport();
    const t0 = new Date("2026-03-01T09:00:00Z");
    const at = (minutes: number) => ({ now: new Date(t0.getTime() + minutes * MINUTE) });
    await lockCase(actors.reviewer, { reportId: report.id }, at(0));
    expect((await db.monitoringReport.findUniqueOrThrow({ where: { id: report.id } })).lockedUntil).toEqual(new Date(t0.getTime() + 15 * MINUTE));
    expect(await outcome(lockCase(actors.reviewer2, { reportId: report.id }, at(5)))).toBe("conflict");
    expect(await outcome(changeCaseStatus(actors.reviewer2, { reportId: report.id, status: "UNDER_REVIEW" }, at(5)))).toBe("conflict");
    expect(await outcome(messageReporter(actors.reviewer2, { reportId: report.id, body: "Hola" }, at(5)))).toBe("conflict");
    expect(await outcome(releaseCase(actors.reviewer2, { reportId: report.id }, at(5)))).toBe("conflict");
    // The holder works on; the queue names who edits for the others.
    expect(await outcome(changeCaseStatus(actors.reviewer, { reportId: report.id, status: "UNDER_REVIEW" }, at(6)))).toBe("ok");
    expect((await listQueue(actors.reviewer2, "open", at(7).now)).find((r) => r.id === report.id)?.lockedByName).toBe("Reviewer");
    expect(await outcome(lockCase(actors.reviewer2, { reportId: report.id }, at(16)))).toBe("ok");
    const takeover = await db.monitoringCaseEvent.findFirstOrThrow({ where: { reportId: report.id, action: "case.locked", actorId: actors.reviewer2!.userId } });
    expect(takeover.data).toMatchObject({ tookOverFrom: actors.reviewer!.userId });
    expect(await outcome(releaseCase(actors.reviewer, { reportId: report.id }, at(17)))).toBe("conflict");
    expect(await outcome(releaseCase(actors.reviewer2, { reportId: report.id }, at(17)))).toBe("ok");
    expect(await outcome(lockCase(actors.reviewer, { reportId: report.id }, at(18)))).toBe("ok");
  });
});

describe("the public summary", () => {
  it("needs a second reviewer to approve: the writer cannot, and the database refuses it too", async () => {
    const { summaryId } = await submittedSummary(actors.reviewer!);
    expect((await appError(approveSummary(actors.reviewer, { summaryId }))).userMessage.key).toBe("monitoringReview.ownSummary");
    await expect(db.monitoringSummary.update({ where: { id: summaryId }, data: { approverId: actors.reviewer!.userId } })).rejects.toThrow(/MonitoringSummary_two_people/);
    expect(await outcome(publishSummary(actors.reviewer2, { summaryId }))).toBe("conflict");
    expect(await outcome(approveSummary(actors.reviewer2, { summaryId }))).toBe("ok");
    expect(await outcome(approveSummary(actors.adminReviewer, { summaryId }))).toBe("conflict");
    // Publishing is its own step, never the writer's.
    expect(await outcome(publishSummary(actors.reviewer, { summaryId }))).toBe("forbidden");
    expect(await outcome(publishSummary(actors.committeeReviewer, { summaryId }))).toBe("ok");
    expect(await db.monitoringSummary.findUniqueOrThrow({ where: { id: summaryId } })).toMatchObject({ status: "PUBLISHED", approverId: actors.reviewer2!.userId });
    // Published: rewriting is refused until it is withdrawn, with a reason in the case history.
    const summary = await db.monitoringSummary.findUniqueOrThrow({ where: { id: summaryId } });
    expect(await outcome(writeSummary(actors.reviewer2, summaryInput(summary.reportId)))).toBe("conflict");
    expect(await outcome(withdrawSummary(actors.reviewer2, { summaryId, reason: "Nuevo riesgo para la familia" }))).toBe("ok");
    expect(await outcome(withdrawSummary(actors.reviewer2, { summaryId, reason: "Otra vez" }))).toBe("conflict");
    expect((await db.monitoringSummary.findUniqueOrThrow({ where: { id: summaryId } })).status).toBe("WITHDRAWN");
  });

  it("is never published without the reporter's consent", async () => {
    const { summaryId } = await submittedSummary(actors.reviewer!, { consentPublish: false });
    await approveSummary(actors.reviewer2, { summaryId });
    expect((await appError(publishSummary(actors.reviewer2, { summaryId }))).userMessage.key).toBe("monitoringReview.noPublishConsent");
    expect(await outcome(publishSummary(actors.adminReviewer, { summaryId }))).toBe("forbidden");
    expect((await db.monitoringSummary.findUniqueOrThrow({ where: { id: summaryId } })).status).toBe("AWAITING_APPROVAL");
  });

  it("is written only for a verified case, goes to approval only with every risk answered no, and a rewrite drops an approval", async () => {
    const { report: received } = await insertReport();
    expect(await outcome(writeSummary(actors.reviewer, summaryInput(received.id)))).toBe("conflict");
    const { report } = await insertReport({ status: "VERIFIED" });
    expect(await outcome(writeSummary(actors.reviewer, summaryInput(report.id, { risk_retaliationRisk: undefined })))).toBe("invalid");
    expect(await outcome(writeSummary(actors.reviewer, summaryInput(report.id, { month: "2025-13" })))).toBe("invalid");
    const { summaryId } = await writeSummary(actors.reviewer, summaryInput(report.id, { risk_placeTooPrecise: "yes" }));
    expect((await appError(submitSummary(actors.reviewer, { summaryId }))).userMessage.key).toBe("monitoringReview.riskNotClear");
    await writeSummary(actors.reviewer, summaryInput(report.id));
    await submitSummary(actors.reviewer, { summaryId });
    await approveSummary(actors.reviewer2, { summaryId });
    await writeSummary(actors.reviewer2, summaryInput(report.id, { title: "Detención en frontera" }));
    expect(await db.monitoringSummary.findUniqueOrThrow({ where: { id: summaryId } })).toMatchObject({
      status: "DRAFT",
      writerId: actors.reviewer2!.userId,
      approverId: null,
      month: new Date("2025-03-01T00:00:00Z"),
    });
  });
});

describe("the access log", () => {
  it("records every opening, read by the committee chair and admins only", async () => {
    const { report } = await insertReport();
    await openCase(actors.reviewer, { reportId: report.id });
    await openCase(actors.committeeReviewer, { reportId: report.id });
    expect(await outcome(openCase(actors.reviewer, { reportId: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
    for (const role of ["chair", "admin", "adminReviewer"] as const) {
      const log = await listAccessLog(actors[role]);
      expect(log?.rows.map((r) => r.user?.name).sort(), role).toEqual(["Committee Reviewer", "Reviewer"]);
    }
    for (const role of ["visitor", "reviewer", "committeeReviewer", "staff", "committee"] as const) expect(await listAccessLog(actors[role]), role).toBeNull();
  });
});

describe("erasing contacts after the retention period", () => {
  afterEach(() => {
    delete process.env.MONITORING_CONTACT_RETENTION_DAYS;
  });

  it("re-seals the report without the contact once the case has been closed 180 days, and only then", async () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const old = await insertReport({ status: "NOT_VERIFIED", closedAt: new Date(now.getTime() - 181 * DAY) });
    const recent = await insertReport({ status: "DUPLICATE", closedAt: new Date(now.getTime() - 179 * DAY) });
    const open = await insertReport({ status: "VERIFIED" });
    expect(await eraseExpiredContacts(actors.reviewer, {}, { now })).toEqual({ erased: 1 });
    const erased = await db.monitoringReport.findUniqueOrThrow({ where: { id: old.report.id } });
    expect(erased).toMatchObject({ hasContact: false, contactErasedAt: now });
    expect(openReport(erased)).toEqual({ ...old.content, contact: null });
    const event = await db.monitoringCaseEvent.findFirstOrThrow({ where: { reportId: old.report.id } });
    expect(event).toMatchObject({ action: "case.contact_erased", actorId: null, data: { retentionDays: 180 } });
    expect(JSON.stringify(event.data)).not.toContain(old.content.contact!);
    for (const kept of [recent, open]) expect(openReport(await db.monitoringReport.findUniqueOrThrow({ where: { id: kept.report.id } })).contact).toBe(kept.content.contact);
    expect(await eraseExpiredContacts(actors.reviewer, {}, { now })).toEqual({ erased: 0 });
    process.env.MONITORING_CONTACT_RETENTION_DAYS = "30";
    expect(await eraseExpiredContacts(actors.reviewer, {}, { now })).toEqual({ erased: 1 });
    expect(await outcome(messageReporter(actors.reviewer, { reportId: recent.report.id, body: "Hola" }))).toBe("conflict");
  });
});

describe("what leaves the case", () => {
  it("emails reviewers only that something waits, never the country, a category or the content", async () => {
    const { report, content } = await insertReport({ country: "HN" });
    await assignCase(actors.reviewer, { reportId: report.id, assigneeId: world.users.reviewer2.id });
    for (const kind of ["newReport", "reporterAnswer"] as const) for (const mail of await reviewerNotice(db, kind)) await sendMail(mail);
    await deliverQueuedMail();
    const emails = await db.outboxEmail.findMany();
    // The assignee once, and the four reviewers twice; the one whose term lapsed holds the role but hears nothing.
    expect(emails.length).toBe(1 + 2 * 4);
    expect(emails.some((e) => e.to === world.users.lapsedReviewer.email)).toBe(false);
    const text = JSON.stringify(emails);
    for (const secret of [content.narrative, content.place!, content.affected, content.contact!, report.id, "HN", "Honduras", "DETENTION", "Detención", "DEFENDER"]) {
      expect(text).not.toContain(secret);
    }
    expect(emails.every((e) => e.text.includes("/dashboard/monitoring"))).toBe(true);
  });

  it("never writes an audit row, and the case history never holds sealed content", async () => {
    const { report, content } = await insertReport({ status: "VERIFIED" });
    await openCase(actors.reviewer, { reportId: report.id });
    await messageReporter(actors.reviewer, { reportId: report.id, body: marker("message") });
    const { summaryId } = await writeSummary(actors.reviewer, summaryInput(report.id));
    await submitSummary(actors.reviewer, { summaryId });
    await approveSummary(actors.reviewer2, { summaryId });
    await publishSummary(actors.reviewer2, { summaryId });
    await referCase(actors.reviewer, { reportId: report.id, referredTo: "INDH" });
    expect(await db.auditEntry.count({ where: { actorId: { in: [actors.reviewer!.userId, actors.reviewer2!.userId] } } })).toBe(0);
    const message = await db.monitoringMessage.findFirstOrThrow({ where: { reportId: report.id } });
    const history = JSON.stringify(await db.monitoringCaseEvent.findMany({ where: { reportId: report.id } }));
    for (const secret of [content.narrative, content.place!, content.affected, content.contact!, openMessage(message).body]) expect(history).not.toContain(secret);
    expect(Buffer.from(message.sealed).toString("utf8")).not.toContain(openMessage(message).body);
  });
});
