import { isStaff, type Actor } from "@/lib/auth/actor";
import { canAsk, isDelegate } from "@/lib/dialogue/policy";
import { refuse, type Refusal } from "@/lib/errors";
import { closesAtInstant, opensAtInstant } from "@/lib/evaluations/schemas";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { canCreateProposal } from "@/lib/proposals/policy";

// Who may do what with consultations: plain functions of (actor, rows), deny by default. Commands
// refuse with these; pages show or hide forms with the same functions.

/** Staff (admins are staff) and delegates open consultations: they speak for the review and its institutions. */
export const canOpenConsultations = (actor: Actor | null): actor is Actor => isStaff(actor) || isDelegate(actor);

/**
 * Any signed-in person contributes, replies and supports, as for questions to the delegates: the
 * diaspora and people without an organization are the ones the consultation most needs to hear.
 * The pseudonym, for members of verified organizations, is checked with the dialogue's rule.
 */
export const canContribute = canAsk;

/** The consultation's owner, or staff, run it (edit the draft, open, post updates, close). */
export const isManager = (actor: Actor | null, consultation: { ownerId: string | null }): actor is Actor =>
  !!actor && (actor.isStaff || (consultation.ownerId !== null && consultation.ownerId === actor.userId && canOpenConsultations(actor)));

/** Only staff publish the synthesis: the secretariat answers for what the region said. */
export const canPublishSynthesis = (actor: Actor | null): actor is Actor => isStaff(actor);

/** A draft is for the people who run it; everything else is public. */
export const canSeeConsultation = (actor: Actor | null, consultation: { status: ConsultationStatus; ownerId: string | null }) =>
  consultation.status !== "DRAFT" || isManager(actor, consultation);

/** Where a consultation stands at `now`: an open one outside its days takes no contributions. */
export type ConsultationPhase = "draft" | "upcoming" | "open" | "ended" | "closed" | "synthesized";

type Dated = { status: ConsultationStatus; opensOn: Date; closesOn: Date };

export function consultationPhase(c: Dated, now: Date): ConsultationPhase {
  if (c.status === "DRAFT") return "draft";
  if (c.status === "CLOSED") return "closed";
  if (c.status === "SYNTHESIZED") return "synthesized";
  if (now < opensAtInstant(c.opensOn)) return "upcoming";
  if (now >= closesAtInstant(c.closesOn)) return "ended";
  return "open";
}

export const CONSULTATION_ACTIONS = ["edit", "open", "contribute", "support", "update", "close", "synthesize", "convert"] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

/**
 * What each state allows, the one rule for commands and pages: edited only as a draft; opened
 * while its closing day is ahead; contributions, supports and updates between its days; closed
 * once open (early, or after its days); the synthesis once closed; a contribution becomes a
 * proposal once there is one (any state after the draft).
 */
export function stateRefusal(c: Dated, action: ConsultationAction, now: Date): Refusal | null {
  const phase = consultationPhase(c, now);
  switch (action) {
    case "edit":
      return phase === "draft" ? null : refuse.conflict("consultations.notDraft");
    case "open":
      if (phase !== "draft") return refuse.conflict("consultations.notDraft");
      return now < closesAtInstant(c.closesOn) ? null : refuse.conflict("consultations.closingDayPassed");
    case "contribute":
    case "support":
    case "update":
      return phase === "open" ? null : refuse.conflict("consultations.notOpen");
    case "close":
      return c.status === "OPEN" ? null : refuse.conflict("consultations.notOpenToClose");
    case "synthesize":
      return c.status === "CLOSED" ? null : refuse.conflict("consultations.notClosed");
    case "convert":
      return phase === "draft" ? refuse.conflict("consultations.notDraft") : null;
  }
}

/** Running it: the owner or staff, and the state allows the action. */
export function manageRefusal(actor: Actor | null, c: Dated & { ownerId: string | null }, action: ConsultationAction, now: Date): Refusal | null {
  if (!actor) return refuse.notSignedIn();
  if (!isManager(actor, c)) return refuse.forbidden("consultations.notOwner");
  return stateRefusal(c, action, now);
}

export function synthesisRefusal(actor: Actor | null, c: Dated, now: Date): Refusal | null {
  if (!actor) return refuse.notSignedIn();
  if (!canPublishSynthesis(actor)) return refuse.forbidden("consultations.staffOnly");
  return stateRefusal(c, "synthesize", now);
}

/** A reply answers a contribution, never another reply (one level), on the same consultation. */
export function replyRefusal(parent: { parentId: string | null; hiddenAt?: Date | null } | null): Refusal | null {
  if (!parent) return refuse.field("parentId", "consultations.contributionNotFound");
  if (parent.parentId) return refuse.field("parentId", "consultations.oneLevel");
  return hiddenRefusal(parent);
}

/** The person behind a contribution, for decisions only (never shown): its author or its pseudonym's. */
export type ContributionOwner = { askerId: string | null; pseudonymUserId: string | null };
export const isOwnContribution = (actor: Actor, c: ContributionOwner) => c.askerId === actor.userId || c.pseudonymUserId === actor.userId;

/** Nobody supports their own contribution: posting it says as much. */
export const supportRefusal = (actor: Actor, c: ContributionOwner): Refusal | null => (isOwnContribution(actor, c) ? refuse.conflict("consultations.ownContribution") : null);

/** A contribution moderators hid takes no new support or reply: its words are on no page. */
export const hiddenRefusal = (c: { hiddenAt?: Date | null }): Refusal | null => (c.hiddenAt ? refuse.conflict("consultations.hiddenContribution") : null);

/** Taking back a support: only one the actor gave (the consultation must still be open: stateRefusal "support"). */
export const withdrawSupportRefusal = (support: { id: string } | null): Refusal | null => (support ? null : refuse.conflict("consultations.notSupported"));

/**
 * A contribution becomes a draft proposal (lib/proposals' create command, with the link): by its
 * own author, who must be allowed to create proposals (`canCreateProposal`), once. Not one posted
 * under a pseudonym: a proposal names its organization and author, which would undo the pseudonym.
 */
export function convertRefusal(
  actor: Actor | null,
  c: (ContributionOwner & { pseudonymId: string | null; parentId: string | null; converted: boolean; hiddenAt?: Date | null; consultation: Dated }) | null,
  now: Date,
): Refusal | null {
  if (!actor) return refuse.notSignedIn();
  if (!canCreateProposal(actor)) return refuse.forbidden("proposals.noDraftingOrganization");
  if (!c) return refuse.field("sourceContributionId", "consultations.contributionNotFound");
  if (c.pseudonymId) return refuse.forbidden("consultations.pseudonymousCannotConvert");
  if (!isOwnContribution(actor, c)) return refuse.forbidden("consultations.notYourContribution");
  if (c.converted) return refuse.conflict("consultations.alreadyConverted");
  return hiddenRefusal(c) ?? stateRefusal(c.consultation, "convert", now);
}
