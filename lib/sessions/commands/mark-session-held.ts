import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { canManageSessions, nextSessionStatus, SESSION_AUDIT_ACTION, sessionTransitionRefusal } from "../policy";
import { sessionRefSchema } from "../schemas";
import { auditData, lockSession, moveSession, PUBLIC_SESSION_SURFACES } from "./shared";

/** Speakers confirmed → held, once the session has started. */
export const markSessionHeld = defineCommand({
  name: "sessions.markHeld",
  input: sessionRefSchema,
  actor: "required",
  allow: requires(canManageSessions),
  load: ({ tx, input }) => lockSession(tx, input.sessionId),
  authorize: ({ loaded }) => sessionTransitionRefusal(loaded.status, "markHeld"),
  async work({ tx, now, loaded: current, record }) {
    if (now < current.startsAt) throw conflict("sessions.notStartedYet");
    // authorize refused every status "markHeld" has no next one from.
    const moved = await moveSession(tx, current, nextSessionStatus(current.status, "markHeld")!, now);
    record({ action: SESSION_AUDIT_ACTION.markHeld, entityType: "ReviewSession", entityId: current.id, isPublic: true, data: auditData(current) });
    return moved;
  },
  invalidates: [...PUBLIC_SESSION_SURFACES, "proposals"],
});
