import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { mayRegister, registrationRefusal } from "../policy";
import { registrationSchema } from "../schemas";
import { auditData, REGISTRATION_SURFACES, sessionForRegistration, type RegistrationResult } from "./shared";

/**
 * A signed-in user registers for a session that takes registrations: the language they need,
 * their access needs (with a note for "other") and whether to appear in the participant list.
 */
export const registerForSession = defineCommand({
  name: "sessions.register",
  input: registrationSchema,
  actor: "required",
  allow: requires(mayRegister),
  load: ({ tx, actor, input }) => sessionForRegistration(tx, actor, input.sessionId),
  authorize: ({ loaded, now }) => registrationRefusal(loaded, now),
  async work({ tx, input, actor, loaded: session, record }): Promise<RegistrationResult> {
    const existing = await tx.sessionRegistration.findUnique({
      where: { sessionId_userId: { sessionId: session.id, userId: actor.userId } },
      select: { id: true },
    });
    if (existing) throw conflict("sessions.alreadyRegistered");
    const row = await tx.sessionRegistration.create({
      data: {
        sessionId: session.id,
        userId: actor.userId,
        language: input.language,
        accessNeeds: input.accessNeeds,
        accessNote: input.accessNote ?? null,
        listed: input.listed,
      },
      select: { id: true },
    });
    record({ action: "session.registered", entityType: "ReviewSession", entityId: session.id, isPublic: false, data: auditData(session) });
    return { sessionId: session.id, registrationId: row.id };
  },
  // Two posts of the same form at the same moment: the second insert hits the unique key.
  recover(error): RegistrationResult | undefined {
    if (isUniqueViolation(error)) throw conflict("sessions.alreadyRegistered");
    return undefined;
  },
  invalidates: REGISTRATION_SURFACES,
});
