import type { Tx } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import { isConfirmedSlate, NO_STANDING, type Standing } from "./policy";

/**
 * What a user is in one session: their registration (and its opt-in) and the roles they were
 * confirmed in. Read by the commands (in their transaction) and by the page, so both decide on
 * the same rows. Two small queries.
 */
export async function loadStanding(client: Tx | typeof db, userId: string | null, session: { id: string; status: SessionStatus }): Promise<Standing> {
  if (!userId) return NO_STANDING;
  // One after the other: a transaction's connection runs one query at a time.
  const registration = await client.sessionRegistration.findUnique({ where: { sessionId_userId: { sessionId: session.id, userId } }, select: { listed: true } });
  const nominations = isConfirmedSlate(session.status)
    ? await client.nomination.findMany({ where: { sessionId: session.id, nomineeUserId: userId, status: "SELECTED" }, select: { role: true } })
    : [];
  return { registered: !!registration, listed: registration?.listed ?? false, speakerRoles: nominations.map((n) => n.role) };
}
