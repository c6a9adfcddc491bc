import { revalidatePath } from "next/cache";
import { logError } from "@/lib/log";

/**
 * The public surfaces a command can change. A command names the ones it affects; this is the
 * one place that turns them into what Next's cache understands.
 */
const SURFACES = {
  everything: ["/[locale]", "layout"],
  home: ["/[locale]", "page"],
  proposals: ["/[locale]/proposals", "layout"],
  sessions: ["/[locale]/sessions", "layout"],
  report: ["/[locale]/report", "layout"],
  organizations: ["/[locale]/organizations", "layout"],
  dashboard: ["/[locale]/dashboard", "layout"],
  admin: ["/[locale]/admin", "layout"],
  transparency: ["/[locale]/transparency", "layout"],
  champions: ["/[locale]/champions", "layout"],
  monitoring: ["/[locale]/monitoring", "layout"],
  dialogue: ["/[locale]/dialogue", "layout"],
} as const satisfies Record<string, readonly [string, "page" | "layout"]>;

export type Surface = keyof typeof SURFACES;

/** What the last commands invalidated, newest last: tests read it (commands also run outside Next). */
export const invalidated: Surface[] = [];

export function invalidate(surfaces: readonly Surface[]) {
  for (const surface of new Set(surfaces)) {
    invalidated.push(surface);
    if (invalidated.length > 1000) invalidated.splice(0, invalidated.length - 1000);
    const [path, type] = SURFACES[surface];
    try {
      revalidatePath(path, type);
    } catch (error) {
      // Scripts and tests run commands outside a request, where Next keeps no cache to invalidate.
      if (error instanceof Error && error.message.includes("static generation store missing")) continue;
      logError("commands.invalidate", error, { surface });
    }
  }
}
