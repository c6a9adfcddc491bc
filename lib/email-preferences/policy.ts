import type { Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { UpdateEmailPreferencesInput } from "./schemas";

// Who may choose what about email notices: plain functions, deny by default; the commands refuse
// with them and the page reads them too.

/** Any signed-in person chooses their own notices (the command only ever writes the actor's rows). */
export function canChooseEmailPreferences(actor: Actor | null): Refusal | null {
  return actor ? null : refuse.notSignedIn();
}

/** The monitoring category is only for monitoring reviewers. */
export function chooseCategoriesRefusal(actor: Actor, input: UpdateEmailPreferencesInput): Refusal | null {
  if (input.monitoring !== undefined && !actor.isMonitoringReviewer) return refuse.field("monitoring", "emailPreferences.onlyReviewers");
  return null;
}
