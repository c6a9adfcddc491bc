import "server-only";
import { notFound, redirect } from "next/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { Actor } from "./actor";
import { getCurrentActor } from "./session";

/**
 * Page guards. Layouts call them for a whole area, and every page calls them again for itself
 * (a layout is not re-rendered on every navigation). Commands check rights on their own too.
 *
 * `path` is the page's path without the locale, e.g. "/admin/roles" (query string allowed);
 * after signing in the user comes back to `/<locale><path>`.
 */

/** A safe local path for ?next=: starts with one slash, never "//" (another site). */
function localPath(locale: AppLocale, path: string) {
  const clean = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
  if (clean === `/${locale}` || clean.startsWith(`/${locale}/`) || clean.startsWith(`/${locale}?`)) return clean;
  return `/${locale}${clean === "/" ? "" : clean}`;
}

export function signInPath(locale: AppLocale, path: string) {
  return `/${locale}/sign-in?next=${encodeURIComponent(localPath(locale, path))}`;
}

/** The signed-in actor, or a redirect to sign in that comes back here. */
export async function requireSignedIn(locale: AppLocale, path: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(signInPath(locale, path));
  return actor;
}

/** Staff (admins included). A visitor is sent to sign in; anyone else gets "not found". */
export async function requireStaff(locale: AppLocale, path: string): Promise<Actor> {
  const actor = await requireSignedIn(locale, path);
  if (!actor.isStaff) notFound();
  return actor;
}

/** Admins only. A visitor is sent to sign in; anyone else gets "not found". */
export async function requireAdmin(locale: AppLocale, path: string): Promise<Actor> {
  const actor = await requireSignedIn(locale, path);
  if (!actor.isAdmin) notFound();
  return actor;
}
