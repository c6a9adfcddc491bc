import type { Actor } from "@/lib/auth/actor";
import { canSeeConsultation } from "@/lib/consultations/policy";
import { refuse, type Refusal } from "@/lib/errors";
import type { ConsultationStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { canSeeSession } from "@/lib/sessions/policy";
import { isPublicSessionStatus } from "@/lib/proposals/visibility";

// Who may follow what: plain functions of (actor, item), deny by default. The commands refuse
// with the refusal; the pages show the button only when it is null.

/** Any signed-in person follows and unfollows; a visitor is asked to sign in. */
export const canFollow = (actor: Actor | null): actor is Actor => !!actor;

/**
 * What the decision needs about the item, as the reader's rights let them read it: a proposal
 * the actor may not read is not loaded at all (null), so a draft of another organization and an
 * unknown id get the same answer.
 */
export type FollowTarget =
  | { subject: "COUNTRY" }
  | { subject: "COMMITMENT" }
  | { subject: "PROPOSAL" }
  | { subject: "SESSION"; status: SessionStatus }
  | { subject: "CONSULTATION"; status: ConsultationStatus; ownerId: string | null };

/**
 * Following needs an item that exists, that the actor may read, and that will still change in
 * public: an unpublished session and a consultation not open are refused (as "not found" for
 * anyone who may not see them, so their existence does not leak).
 */
export function followRefusal(actor: Actor | null, target: FollowTarget | null): Refusal | null {
  if (!canFollow(actor)) return refuse.notSignedIn();
  if (!target) return refuse.notFound();
  if (target.subject === "SESSION") {
    if (!canSeeSession(actor, target)) return refuse.notFound();
    return isPublicSessionStatus(target.status) ? null : refuse.conflict("follows.notPublished");
  }
  if (target.subject === "CONSULTATION") {
    if (!canSeeConsultation(actor, target)) return refuse.notFound();
    if (target.status === "DRAFT") return refuse.conflict("follows.notPublished");
    return target.status === "OPEN" ? null : refuse.conflict("follows.consultationClosed");
  }
  return null;
}

/** Whether the page offers "follow" (the same rule the command applies). */
export const mayFollow = (actor: Actor | null, target: FollowTarget | null): actor is Actor => followRefusal(actor, target) === null;
