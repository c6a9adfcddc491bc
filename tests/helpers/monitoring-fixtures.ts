// Monitoring reports for the reviewers' tests: sealed rows written straight to the database (the
// reporter's form is the other side's), and reviewers among the usual actors.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { MonitoringCaseStatus } from "@/lib/generated/prisma/enums";
import { sealReport, type ReportSecrets } from "@/lib/monitoring/sealed";
import { actorFor, buildWorld, createUser, giveCommitteeTerm } from "./factories";

/** A unique marker per report: tests search emails, events and logs for it. */
export const marker = (label: string) => `${label}-${randomBytes(6).toString("hex")}`;

export async function insertReport(options: {
  status?: MonitoringCaseStatus;
  content?: Partial<ReportSecrets>;
  consentPublish?: boolean;
  consentRefer?: boolean;
  closedAt?: Date | null;
  country?: string;
} = {}) {
  const content: ReportSecrets = {
    narrative: marker("narrative"),
    place: marker("place"),
    affected: marker("affected"),
    evidence: { links: [], text: null },
    contact: marker("contact"),
    ...options.content,
  };
  const { sealed, keyId } = sealReport(content);
  const report = await db.monitoringReport.create({
    data: {
      receiptHash: createHash("sha256").update(randomBytes(16)).digest("hex"),
      country: options.country ?? "GT",
      occurredFrom: new Date("2025-03-10T00:00:00Z"),
      categories: ["DETENTION", "DEFENDER_HARASSMENT"],
      perpetrator: "STATE_AGENTS",
      objectives: [7],
      language: "es",
      sealed,
      keyId,
      hasContact: content.contact !== null,
      consentPublish: options.consentPublish ?? true,
      consentContact: true,
      consentRefer: options.consentRefer ?? true,
      status: options.status ?? "RECEIVED",
      closedAt: options.closedAt ?? null,
    },
  });
  return { report, content };
}

/** buildWorld plus reviewers: staff, an admin and a committee member holding MONITORING_REVIEWER. */
export async function buildMonitoringWorld() {
  const world = await buildWorld();
  const reviewer = await createUser({ name: "Reviewer", roles: ["STAFF", "MONITORING_REVIEWER"] });
  const reviewer2 = await createUser({ name: "Second Reviewer", roles: ["STAFF", "MONITORING_REVIEWER"] });
  const adminReviewer = await createUser({ name: "Admin Reviewer", roles: ["ADMIN", "MONITORING_REVIEWER"] });
  const committeeReviewer = await createUser({ name: "Committee Reviewer", roles: ["MONITORING_REVIEWER"] });
  await giveCommitteeTerm(committeeReviewer.id, null);
  const chair = await createUser({ name: "Committee Chair" });
  await giveCommitteeTerm(chair.id, null, { isChair: true });
  // The role alone, with no staff role and no current term: still refused.
  const lapsedReviewer = await createUser({ name: "Lapsed Reviewer", roles: ["MONITORING_REVIEWER"] });
  const actors = {
    ...world.actors,
    reviewer: await actorFor(reviewer.id),
    reviewer2: await actorFor(reviewer2.id),
    adminReviewer: await actorFor(adminReviewer.id),
    committeeReviewer: await actorFor(committeeReviewer.id),
    chair: await actorFor(chair.id),
    lapsedReviewer: await actorFor(lapsedReviewer.id),
  };
  return { ...world, users: { ...world.users, reviewer, reviewer2, adminReviewer, committeeReviewer, chair, lapsedReviewer }, actors };
}
