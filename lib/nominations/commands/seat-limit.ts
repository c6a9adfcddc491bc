import { conflict } from "@/lib/errors";

/** The seat-limit trigger's refusal (SQLSTATE PU001, 'nomination_seats_full'), wherever the driver put it. */
export function isSeatLimitError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown; originalCode?: unknown };
    if (e.code === "PU001" || e.originalCode === "PU001") return true;
    if (typeof e.message === "string" && e.message.includes("nomination_seats_full")) return true;
    if (e.meta && typeof e.meta === "object") {
      try {
        if (JSON.stringify(e.meta).includes("nomination_seats_full") || JSON.stringify(e.meta).includes("PU001")) return true;
      } catch {
        // not serializable: look further down
      }
    }
    current = e.cause;
  }
  return false;
}

/** A command's `recover`: the trigger's refusal is the same conflict as the command's own seat check. */
export function recoverSeatLimit<Out>(error: unknown): Out | undefined {
  if (isSeatLimitError(error)) throw conflict("nominations.seatsFull");
  return undefined;
}
