import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { mayRegister, registrationRefusal } from "../policy";
import { sessionRefSchema } from "../schemas";
import { auditData, REGISTRATION_SURFACES, sessionForRegistration, type RegistrationResult } from "./shared";

/** The participant cancels their registration while registration is open. */
export const cancelRegistration = defineCommand({
  name: "sessions.cancelRegistration",
  input: sessionRefSchema,
  actor: "required",
  allow: requires(mayRegister),
  load: ({ tx, actor, input }) => sessionForRegistration(tx, actor, input.sessionId),
  authorize: ({ loaded, now }) => registrationRefusal(loaded, now),
  async work({ tx, actor, loaded: session, record }): Promise<RegistrationResult> {
    const { count } = await tx.sessionRegistration.deleteMany({ where: { sessionId: session.id, userId: actor.userId } });
    if (count !== 1) throw conflict("sessions.notRegistered");
    record({ action: "session.registration_cancelled", entityType: "ReviewSession", entityId: session.id, isPublic: false, data: auditData(session) });
    return { sessionId: session.id, registrationId: null };
  },
  invalidates: REGISTRATION_SURFACES,
});
