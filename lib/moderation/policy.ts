import { isCommitteeMember, isStaff, type Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { ModerationPost } from "./targets";

// Who may flag and who moderates: plain functions of (actor, rows), deny by default. The
// command refuses with the refusal; the page shows the form only when it is null.

/** Flags a person may file in an hour (any posts): enough for a bad thread, not for a flood. */
export const FLAGS_PER_HOUR = 30;

/** Moderators: staff (admins are staff) and members of the Civil Society Committee with an active term. */
export const canModerate = (actor: Actor | null): actor is Actor => isStaff(actor) || isCommitteeMember(actor);

/** Anyone signed in may flag. */
export const canFlag = (actor: Actor | null): actor is Actor => !!actor;

/**
 * Whether the actor may flag this post: it must exist on a public page (a draft's comments are
 * for moderators, who hide directly), not be their own, and not be hidden already.
 */
export function flagRefusal(actor: Actor, post: Pick<ModerationPost, "authorId" | "hidden" | "isPublic"> | null): Refusal | null {
  if (!post || !post.isPublic) return refuse.notFound();
  if (post.authorId === actor.userId) return refuse.forbidden("moderation.ownPost");
  if (post.hidden) return refuse.conflict("moderation.alreadyHidden");
  return null;
}

/** A post is hidden once. */
export function hideRefusal(post: Pick<ModerationPost, "hidden"> | null): Refusal | null {
  if (!post) return refuse.notFound();
  return post.hidden ? refuse.conflict("moderation.alreadyHidden") : null;
}

/** Only a hidden post is shown again. */
export function unhideRefusal(post: Pick<ModerationPost, "hidden"> | null): Refusal | null {
  if (!post) return refuse.notFound();
  return post.hidden ? null : refuse.conflict("moderation.notHidden");
}

/** Dismissing needs open flags. */
export const dismissRefusal = (openFlags: number): Refusal | null => (openFlags > 0 ? null : refuse.conflict("moderation.noOpenFlags"));
