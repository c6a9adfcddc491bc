import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getDashboard, getStaffQueues } from "@/lib/dashboard/queries";
import { actorFor, buildWorld, createOrganization, createUser, resetDatabase } from "../helpers/factories";
import { createProposal } from "../helpers/proposal-fixtures";
import { captureQueries } from "../helpers/query-count";
import { createComment, createVersion, resetNumbers } from "../helpers/report-comment-fixtures";
import { createSession, daysFromNow } from "../helpers/session-fixtures";

const counts = (queues: Awaited<ReturnType<typeof getStaffQueues>>) => Object.fromEntries(queues.map((q) => [q.key, q.count]));

describe("staff's queues on the dashboard", () => {
  beforeEach(async () => {
    await resetDatabase();
    resetNumbers();
  });

  it("count what waits at each desk, with its link", async () => {
    const verified = await createOrganization();
    const pending = await createOrganization({ status: "PENDING" });
    await createOrganization({ status: "PENDING" });
    await createOrganization({ status: "REJECTED" });
    // To review: submitted or under review, from a verified organization.
    await createProposal(verified.id, { status: "SUBMITTED" });
    await createProposal(verified.id, { status: "UNDER_REVIEW" });
    await createProposal(verified.id, { status: "DRAFT" });
    await createProposal(verified.id, { status: "ACCEPTED" });
    await createProposal(pending.id, { status: "SUBMITTED" });
    // Report comments: two without a disposition, one answered.
    const version = await createVersion({ status: "OPEN" });
    await createComment(version);
    await createComment(version, { paragraph: 1 });
    const answered = await createComment(version, { paragraph: 2 });
    await db.reportComment.update({ where: { id: answered.id }, data: { disposition: "NOTED", answer: "Gracias.", dispositionAt: new Date() } });
    // Sessions needing a step: a draft, a deadline passed without the slate confirmed, a confirmed
    // one that is over, a held one without its summary. Not: open with the deadline ahead, confirmed
    // and ahead, published.
    await createSession({ status: "DRAFT" });
    await createSession({ status: "OPEN_FOR_NOMINATIONS", nominationDeadline: daysFromNow(-1) });
    await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(-2), endsAt: daysFromNow(-2, 2) });
    await createSession({ status: "HELD" });
    await createSession({ status: "OPEN_FOR_NOMINATIONS", nominationDeadline: daysFromNow(3) });
    await createSession({ status: "SPEAKERS_CONFIRMED" });
    await createSession({ status: "REPORT_PUBLISHED" });

    const queues = await getStaffQueues();
    expect(counts(queues)).toEqual({ organizations: 2, proposals: 2, comments: 2, sessions: 4 });
    expect(queues.map((q) => q.href)).toEqual(["/admin/organizations", "/dashboard/proposals", "/dashboard/report", "/dashboard/sessions"]);
  });

  it("are zero when nothing waits, in four queries", async () => {
    const { queries, result } = await captureQueries(() => getStaffQueues());
    expect(counts(result)).toEqual({ organizations: 0, proposals: 0, comments: 0, sessions: 0 });
    expect(queries).toHaveLength(4);
  });

  it("are for staff and admins only; a member of a pending organization sees it with its date instead", async () => {
    const { actors } = await buildWorld();
    expect((await getDashboard(actors.staff!)).staffQueues).not.toBeNull();
    expect((await getDashboard(actors.admin!)).staffQueues).not.toBeNull();
    for (const role of ["participant", "orgMember", "committee"] as const) {
      expect((await getDashboard(actors[role]!)).staffQueues, role).toBeNull();
    }
    const newcomer = await createUser({ name: "Recién llegada" });
    const org = await createOrganization({ name: "Colectivo Nuevo", status: "PENDING", members: [{ userId: newcomer.id, role: "ADMIN" }] });
    const dashboard = await getDashboard(await actorFor(newcomer.id));
    expect(dashboard.ownPendingOrganizations).toEqual([{ id: org.id, name: "Colectivo Nuevo", slug: org.slug, createdAt: org.createdAt }]);
    expect(dashboard.writesProposals).toBe(true);
  });
});
