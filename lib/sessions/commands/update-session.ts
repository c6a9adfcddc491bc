import { defineCommand, requires } from "@/lib/commands/run";
import { fieldError } from "@/lib/errors";
import { canManageSessions, sessionEditRefusal } from "../policy";
import { updateSessionSchema } from "../schemas";
import { auditData, checkSeats, columns, lockSession, moveSession, PUBLIC_SESSION_SURFACES, sessionResult, tellRegistrants } from "./shared";

/** The form shows the deadline to the minute: the same minute is the same deadline. */
const minute = (date: Date) => Math.floor(date.getTime() / 60_000);

/**
 * Staff edit a session in any state before it is held. While it is open for nominations the
 * deadline stays set (a new one must be in the future); seats never go below the speakers
 * already selected. Public sessions' edits are in the public log, and their registrants are
 * told in the app when the time, place or link changed.
 */
export const updateSession = defineCommand({
  name: "sessions.update",
  input: updateSessionSchema,
  actor: "required",
  allow: requires(canManageSessions),
  load: ({ tx, input }) => lockSession(tx, input.sessionId),
  authorize: ({ loaded }) => sessionEditRefusal(loaded.status),
  async work({ tx, input, actor, now, loaded: current, record }) {
    if (current.status === "OPEN_FOR_NOMINATIONS") {
      if (!input.nominationDeadline) throw fieldError("nominationDeadline", "sessions.deadlineRequired");
      const changed = !current.nominationDeadline || minute(current.nominationDeadline) !== minute(input.nominationDeadline);
      if (changed && input.nominationDeadline <= now) throw fieldError("nominationDeadline", "sessions.deadlineInPast");
    }
    await checkSeats(tx, current.id, input);
    // The status stays; it is in the WHERE all the same, so an edit never lands on a moved session.
    await moveSession(tx, current, current.status, now, columns(input));
    const practicalChange =
      current.startsAt.getTime() !== input.startsAt.getTime() ||
      current.endsAt.getTime() !== input.endsAt.getTime() ||
      current.timeZone !== input.timeZone ||
      current.format !== input.format ||
      (current.place ?? null) !== (input.place ?? null) ||
      (current.link ?? null) !== (input.link ?? null);
    if (practicalChange && current.status !== "DRAFT") await tellRegistrants(tx, current.id, input.title, actor.userId);
    record({
      action: "session.updated",
      entityType: "ReviewSession",
      entityId: current.id,
      isPublic: current.status !== "DRAFT",
      data: auditData({ id: current.id, title: input.title }),
    });
    return sessionResult(current);
  },
  invalidates: (result) => (result.status === "DRAFT" ? ["dashboard"] : PUBLIC_SESSION_SURFACES),
});
