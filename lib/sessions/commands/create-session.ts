import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { defineCommand, requires } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { canManageSessions } from "../policy";
import { createSessionSchema } from "../schemas";
import { auditData, columns, sessionResult, sessionSelect, type SessionResult, type SessionRow } from "./shared";

type Created = SessionResult & { created: boolean };

/** The same form posted again: the session created the first time, if it was this actor's. */
function replay(existing: SessionRow, actor: Actor): Created {
  if (existing.createdById !== actor.userId) throw conflict("sessions.duplicateKey");
  return { ...sessionResult(existing), created: false };
}

/**
 * Staff create a session as a draft (seen by staff only). The form's idempotency key becomes
 * the session's id: posting the same form again returns the session created the first time.
 */
export const createSession = defineCommand({
  name: "sessions.create",
  input: createSessionSchema,
  actor: "required",
  allow: requires(canManageSessions),
  async work({ tx, input, actor, record }): Promise<Created> {
    const id = input.idempotencyKey ?? randomUUID();
    const earlier = await tx.reviewSession.findUnique({ where: { id }, select: sessionSelect });
    if (earlier) return replay(earlier, actor);
    const row = await tx.reviewSession.create({
      data: { id, ...columns(input), status: "DRAFT", createdById: actor.userId },
      select: sessionSelect,
    });
    record({ action: "session.created", entityType: "ReviewSession", entityId: row.id, isPublic: false, data: auditData(row) });
    return { ...sessionResult(row), created: true };
  },
  // The same form posted twice at the same moment: the second insert hits the primary key.
  async recover(error, { input, actor }) {
    if (!input.idempotencyKey || !isUniqueViolation(error)) return undefined;
    const existing = await db.reviewSession.findUnique({ where: { id: input.idempotencyKey }, select: sessionSelect });
    return existing ? replay(existing, actor) : undefined;
  },
  // A draft is seen only at the staff desk.
  invalidates: ["dashboard"],
});
