import { refuse, type Refusal } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * Opening a session needs no actor: the caller proved who it is for just before (a checked
 * password, an account just created, a reset link used up). Never called with a user id from a form.
 */
export const sessionOpenedByProof = (): Refusal | null => null;

/** A session opens only for an account that exists (one deleted after its password was checked has none). */
export const sessionOwnerRefusal = (owner: { id: string } | null): Refusal | null => (owner ? null : refuse.notFound());

/** A signed-in person manages their own sessions; a visitor has none. */
export const managesOwnSessions = ({ actor }: { actor: Actor | null }): Refusal | null => (actor ? null : refuse.notSignedIn());

/**
 * Only the owner ends a session; someone else's (or an unknown id) is "not found", so ids of
 * other people's sessions cannot be told apart from ids that do not exist.
 */
export function endSessionRefusal(actor: Actor, session: { userId: string } | null): Refusal | null {
  return session && session.userId === actor.userId ? null : refuse.notFound();
}
