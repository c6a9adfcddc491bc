import { defineCommand, requires } from "@/lib/commands/run";
import { canManageSessions, nextSessionStatus, SESSION_AUDIT_ACTION, sessionTransitionRefusal } from "../policy";
import { publishSummarySchema } from "../schemas";
import { auditData, lockSession, moveSession, PUBLIC_SESSION_SURFACES } from "./shared";

/**
 * Held → report published, with the rapporteur's summary (Markdown). On a published report,
 * the same command publishes a correction (logged as such).
 */
export const publishSessionSummary = defineCommand({
  name: "sessions.publishSummary",
  input: publishSummarySchema,
  actor: "required",
  allow: requires(canManageSessions),
  load: ({ tx, input }) => lockSession(tx, input.sessionId),
  authorize: ({ loaded }) => sessionTransitionRefusal(loaded.status, "publishSummary"),
  async work({ tx, input, now, loaded: current, record }) {
    // authorize refused every status "publishSummary" has no next one from.
    const to = nextSessionStatus(current.status, "publishSummary")!;
    const moved = await moveSession(tx, current, to, now, { summary: input.summary, summaryLanguage: input.summaryLanguage });
    record({
      action: current.status === "REPORT_PUBLISHED" ? "session.report_corrected" : SESSION_AUDIT_ACTION.publishSummary,
      entityType: "ReviewSession",
      entityId: current.id,
      isPublic: true,
      data: auditData(current),
    });
    return moved;
  },
  invalidates: PUBLIC_SESSION_SURFACES,
});
