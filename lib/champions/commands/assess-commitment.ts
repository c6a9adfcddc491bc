import { defineCommand } from "@/lib/commands/run";
import { conflict, fieldError, notFound, refuse } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/rate-limit/consume";
import { isUniqueViolation } from "@/lib/db/errors";
import { assessRefusal, canAssessAny, organizationFits, verifiedMemberships } from "../policy";
import { assessCommitmentSchema } from "../schemas";
import { firstTitle, sourceData } from "./shared";

// Modest: an organization assesses a handful of commitments, revising some.
const assessRule = (userId: string): RateLimitRule => ({ key: `champions.assess:${userId}`, limit: 30, windowSeconds: 3600 });

/**
 * A member of a verified organization assesses an initiative (organizations of its country and
 * regional networks) or a recommendation (any verified organization), signed with the
 * organization. One per organization and commitment: sending again revises it.
 *
 * Input (nested, or flat form names):
 *   { commitmentId, organizationId? (one of the actor's; may be left out when only one fits),
 *     language, progress: ANNOUNCED…ABANDONED, progressNote?, inclusion: NOT_INCLUDED…CO_LED,
 *     inclusionNote?, rightsCentred: YES|PARTLY|NO, rightsNote (required), evidence?,
 *     links?: [{ url, title? }] or ["https://…"]   links.0.url, links.0.title }
 * Result: { id, organizationId, revised }
 */
export const assessCommitment = defineCommand({
  name: "champions.assessCommitment",
  input: assessCommitmentSchema,
  actor: "required",
  allow: ({ actor, input }) => {
    if (!canAssessAny(actor)) return refuse.forbidden("champions.noVerifiedOrganization");
    const chosen = input.organizationId;
    return chosen && !verifiedMemberships(actor).some((m) => m.organizationId === chosen) ? refuse.field("organizationId", "champions.notYourOrganization") : null;
  },
  rateLimit: { rules: ({ actor }) => [assessRule(actor.userId)], count: "success" },
  async load({ tx, input, actor }) {
    const commitment = await tx.commitment.findUnique({
      where: { id: input.commitmentId },
      select: { id: true, kind: true, country: true, texts: { select: { language: true, title: true } } },
    });
    if (!commitment) throw notFound();
    // The organization and the membership come from the database, never from the form.
    const mine = await tx.organization.findMany({
      where: { memberships: { some: { userId: actor.userId } }, ...(input.organizationId ? { id: input.organizationId } : { status: "VERIFIED" }) },
      select: { id: true, name: true, slug: true, status: true, country: true, type: true },
    });
    const candidates = input.organizationId ? mine : mine.filter((o) => organizationFits(commitment, o));
    if (!input.organizationId && candidates.length !== 1) throw fieldError("organizationId", "champions.chooseOrganization");
    const organization = candidates[0] ?? null;
    return { commitment, organization, isMember: !!organization };
  },
  authorize: ({ actor, loaded }) => assessRefusal(actor, loaded.commitment, loaded.organization, loaded.isMember),
  async work({ tx, input, actor, now, loaded, record }) {
    const organization = loaded.organization!;
    const fields = {
      authorId: actor.userId,
      language: input.language,
      progress: input.progress,
      progressNote: input.progressNote ?? null,
      inclusion: input.inclusion,
      inclusionNote: input.inclusionNote ?? null,
      rightsCentred: input.rightsCentred,
      rightsNote: input.rightsNote,
      evidence: input.evidence ?? null,
    };
    const key = { commitmentId_organizationId: { commitmentId: loaded.commitment.id, organizationId: organization.id } };
    const existing = await tx.assessment.findUnique({ where: key, select: { id: true } });
    const assessment = existing
      ? await tx.assessment.update({ where: { id: existing.id }, data: { ...fields, updatedAt: now } })
      : await tx.assessment.create({ data: { ...fields, commitmentId: loaded.commitment.id, organizationId: organization.id, createdAt: now, updatedAt: now } });
    if (existing) await tx.commitmentSource.deleteMany({ where: { assessmentId: assessment.id } });
    const links = input.links.map((l, position) => ({ position, title: l.title ?? l.url, publisher: null, publishedOn: null, url: l.url }));
    if (links.length) await tx.commitmentSource.createMany({ data: sourceData(links, { assessmentId: assessment.id }) });
    record({
      action: "assessment.submitted",
      entityType: "Assessment",
      entityId: assessment.id,
      isPublic: true,
      data: {
        commitmentId: loaded.commitment.id,
        commitmentKind: loaded.commitment.kind,
        commitmentTitle: firstTitle(loaded.commitment.texts),
        organizationName: organization.name,
        organizationSlug: organization.slug,
        revised: !!existing,
      },
    });
    return { id: assessment.id, organizationId: organization.id, revised: !!existing };
  },
  // The first assessment of one organization sent twice at once: the unique index lets one through.
  recover: (error): { id: string; organizationId: string; revised: boolean } | undefined => {
    if (isUniqueViolation(error)) throw conflict();
    return undefined;
  },
  invalidates: ["champions", "report", "transparency"],
});
