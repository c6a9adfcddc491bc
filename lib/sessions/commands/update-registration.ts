import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { mayRegister, registrationRefusal } from "../policy";
import { registrationSchema } from "../schemas";
import { auditData, REGISTRATION_SURFACES, sessionForRegistration, type RegistrationResult } from "./shared";

/** The participant changes their registration while registration is open. */
export const updateRegistration = defineCommand({
  name: "sessions.updateRegistration",
  input: registrationSchema,
  actor: "required",
  allow: requires(mayRegister),
  load: ({ tx, actor, input }) => sessionForRegistration(tx, actor, input.sessionId),
  authorize: ({ loaded, now }) => registrationRefusal(loaded, now),
  async work({ tx, input, actor, loaded: session, record }): Promise<RegistrationResult> {
    const { count } = await tx.sessionRegistration.updateMany({
      where: { sessionId: session.id, userId: actor.userId },
      data: { language: input.language, accessNeeds: input.accessNeeds, accessNote: input.accessNote ?? null, listed: input.listed },
    });
    if (count !== 1) throw conflict("sessions.notRegistered");
    record({ action: "session.registration_updated", entityType: "ReviewSession", entityId: session.id, isPublic: false, data: auditData(session) });
    return { sessionId: session.id, registrationId: null };
  },
  invalidates: REGISTRATION_SURFACES,
});
