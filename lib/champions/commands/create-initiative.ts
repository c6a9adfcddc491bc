import { randomUUID } from "node:crypto";
import { defineCommand, requires } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { canManageChampions, championCountryRefusal } from "../policy";
import { createInitiativeSchema } from "../schemas";
import { commitmentAudit, firstTitle, insertCommitment } from "./shared";

/**
 * Staff list a champion State's initiative. The State must be a champion on the day it is written.
 *
 * Input (nested, or the same as flat form names):
 *   { country: "MX", publicBody, objectives: [5, 7] (or "5", repeated), status?: ANNOUNCED…,
 *     inclusion?: NOT_INCLUDED…CO_LED, inclusionEvidence?,
 *     texts: { es?: { title, description }, en?: …, pt?: …, fr?: … }   texts.es.title, texts.es.description
 *     milestones?: [{ label, plannedOn: "2026-03-01", doneOn?, language? }]   milestones.0.label …
 *     sources?: [{ title, url (http/https), publisher?, publishedOn? }]      sources.0.url …
 *     idempotencyKey?: uuid (the form's; posting twice creates one) }
 * Result: { id, revision, created }
 */
export const createInitiative = defineCommand({
  name: "champions.createInitiative",
  input: createInitiativeSchema,
  actor: "required",
  allow: requires(canManageChampions),
  async load({ tx, input }) {
    const id = input.idempotencyKey ?? randomUUID();
    // One after another: a transaction is one connection, which runs one statement at a time.
    const earlier = await tx.commitment.findUnique({ where: { id }, select: { id: true, kind: true, createdById: true, revision: true } });
    const terms = await tx.championTerm.findMany({ where: { country: input.country }, select: { country: true, startsOn: true, endsOn: true } });
    return { id, earlier, terms };
  },
  // A form posted twice is answered as the first time.
  authorize: ({ loaded, input, now }) => (loaded.earlier ? null : championCountryRefusal(loaded.terms, input.country, now)),
  async work({ tx, input, actor, now, loaded, record }) {
    if (loaded.earlier) return replay(loaded.earlier, actor.userId);
    const c = await insertCommitment(
      tx,
      {
        id: loaded.id,
        kind: "INITIATIVE",
        country: input.country,
        publicBody: input.publicBody,
        objectives: input.objectives,
        status: input.status,
        inclusion: input.inclusion,
        inclusionEvidence: input.inclusionEvidence ?? null,
      },
      input,
      "created",
      actor.userId,
      now,
    );
    record({ action: "commitment.created", entityType: "Commitment", entityId: c.id, isPublic: true, data: commitmentAudit(c, firstTitle(c.texts)) });
    return { id: c.id, revision: c.revision, created: true };
  },
  async recover(error, { input, actor }) {
    if (!isUniqueViolation(error) || !input.idempotencyKey) return undefined;
    const earlier = await db.commitment.findUnique({ where: { id: input.idempotencyKey }, select: { id: true, kind: true, createdById: true, revision: true } });
    return earlier ? replay(earlier, actor.userId) : undefined;
  },
  invalidates: ["champions", "home", "transparency"],
});

function replay(earlier: { id: string; kind: string; createdById: string | null; revision: number }, userId: string) {
  if (earlier.kind !== "INITIATIVE" || earlier.createdById !== userId) throw conflict("champions.duplicateKey");
  return { id: earlier.id, revision: earlier.revision, created: false };
}
