import { defineCommand } from "@/lib/commands/run";
import { refuse } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/rate-limit/consume";
import { canSuggestInitiative, championCountryRefusal, suggestingOrganizationRefusal, verifiedMemberships } from "../policy";
import { suggestInitiativeSchema } from "../schemas";

// Modest: a few suggestions a day is what a person finds; more is a script.
const suggestRule = (userId: string): RateLimitRule => ({ key: `champions.suggest:${userId}`, limit: 10, windowSeconds: 24 * 3600 });

/**
 * A member of a verified organization suggests an initiative of a champion State that staff
 * have not listed. It stays private until staff accept or decline it.
 *
 * Input: { organizationId? (one of the actor's verified ones; may be left out when they have one),
 *          country, language, title, description, publicBody?, sourceUrl? (http/https) }
 * Result: { id }
 */
export const suggestInitiative = defineCommand({
  name: "champions.suggestInitiative",
  input: suggestInitiativeSchema,
  actor: "required",
  allow: ({ actor, input }) => {
    const verified = verifiedMemberships(actor);
    if (!canSuggestInitiative(actor, verified.length > 0)) return refuse.forbidden("champions.noVerifiedOrganization");
    if (input.organizationId) return verified.some((m) => m.organizationId === input.organizationId) ? null : refuse.field("organizationId", "champions.notYourOrganization");
    return verified.length === 1 ? null : refuse.field("organizationId", "champions.chooseOrganization");
  },
  rateLimit: { rules: ({ actor }) => [suggestRule(actor.userId)], count: "success" },
  async load({ tx, input, actor }) {
    const organizationId = input.organizationId ?? verifiedMemberships(actor)[0].organizationId;
    // Read fresh: the organization may have been suspended, or the actor removed, since the page loaded.
    // One after another: a transaction is one connection, which runs one statement at a time.
    const organization = await tx.organization.findFirst({
      where: { id: organizationId, memberships: { some: { userId: actor.userId } } },
      select: { id: true, name: true, slug: true, status: true },
    });
    const terms = await tx.championTerm.findMany({ where: { country: input.country }, select: { country: true, startsOn: true, endsOn: true } });
    return { organization, terms };
  },
  authorize: ({ loaded, input, now }) => suggestingOrganizationRefusal(loaded.organization) ?? championCountryRefusal(loaded.terms, input.country, now),
  async work({ tx, input, actor, now, loaded, record }) {
    const organization = loaded.organization!;
    const suggestion = await tx.initiativeSuggestion.create({
      data: {
        organizationId: organization.id,
        authorId: actor.userId,
        country: input.country,
        language: input.language,
        title: input.title,
        description: input.description,
        publicBody: input.publicBody ?? null,
        sourceUrl: input.sourceUrl ?? null,
        createdAt: now,
      },
    });
    record({
      action: "suggestion.submitted",
      entityType: "InitiativeSuggestion",
      entityId: suggestion.id,
      isPublic: false,
      data: { organizationName: organization.name, organizationSlug: organization.slug, country: input.country, title: input.title },
    });
    return { id: suggestion.id };
  },
  invalidates: ["dashboard"],
});
