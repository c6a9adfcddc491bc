import { defineCommand, requires } from "@/lib/commands/run";
import { fieldError } from "@/lib/errors";
import { canManageSessions, nextSessionStatus, SESSION_AUDIT_ACTION, sessionTransitionRefusal } from "../policy";
import { openSessionSchema } from "../schemas";
import { localInputToDate } from "../time";
import { auditData, lockSession, moveSession, PUBLIC_SESSION_SURFACES } from "./shared";

/**
 * Draft → open for nominations: the session becomes public. Needs a nomination deadline in
 * the future and before the start (typed here, local to the session's zone, or saved earlier).
 */
export const openSession = defineCommand({
  name: "sessions.open",
  input: openSessionSchema,
  actor: "required",
  allow: requires(canManageSessions),
  load: ({ tx, input }) => lockSession(tx, input.sessionId),
  authorize: ({ loaded }) => sessionTransitionRefusal(loaded.status, "open"),
  async work({ tx, input, now, loaded: current, record }) {
    let deadline = current.nominationDeadline;
    if (input.nominationDeadline) {
      deadline = localInputToDate(input.nominationDeadline, current.timeZone);
      if (!deadline) throw fieldError("nominationDeadline", "sessions.invalidLocalTime");
    }
    if (!deadline) throw fieldError("nominationDeadline", "sessions.deadlineRequired");
    if (deadline <= now) throw fieldError("nominationDeadline", "sessions.deadlineInPast");
    if (deadline >= current.startsAt) throw fieldError("nominationDeadline", "sessions.deadlineAfterStart");
    // authorize refused every status "open" has no next one from.
    const moved = await moveSession(tx, current, nextSessionStatus(current.status, "open")!, now, { nominationDeadline: deadline });
    record({
      action: SESSION_AUDIT_ACTION.open,
      entityType: "ReviewSession",
      entityId: current.id,
      isPublic: true,
      // The zone goes with the deadline so the public log shows it as the session page does.
      data: { ...auditData(current), nominationDeadline: deadline.toISOString(), timeZone: current.timeZone },
    });
    return moved;
  },
  invalidates: [...PUBLIC_SESSION_SURFACES, "proposals"],
});
