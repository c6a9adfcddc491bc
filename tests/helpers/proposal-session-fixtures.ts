// Review sessions for the proposals ↔ sessions tests, written straight to the database (the
// sessions' own commands are tested in tests/integration/sessions-*.test.ts).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;

export async function insertSession(
  options: { status?: SessionStatus; title?: Record<string, string>; startsInDays?: number; timeZone?: string } = {},
) {
  const id = randomUUID();
  const status = options.status ?? "OPEN_FOR_NOMINATIONS";
  const startsAt = new Date(Date.now() + (options.startsInDays ?? 30) * DAY);
  return db.reviewSession.create({
    data: {
      id,
      title: options.title ?? { es: `Sesión ${id.slice(0, 8)}`, en: `Session ${id.slice(0, 8)}` },
      description: { es: "Descripción de la sesión." },
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      timeZone: options.timeZone ?? "America/Mexico_City",
      format: "VIRTUAL",
      workingLanguages: ["es", "en"],
      interpretation: [],
      objectives: [7],
      panelistSeats: 3,
      status,
      nominationDeadline: status === "OPEN_FOR_NOMINATIONS" ? new Date(startsAt.getTime() - 7 * DAY) : null,
    },
  });
}

/** One session in each state, in the order of the lifecycle. */
export async function sessionsInEveryState() {
  return {
    draft: await insertSession({ status: "DRAFT", title: { es: "Sesión secreta en preparación" } }),
    open: await insertSession({ status: "OPEN_FOR_NOMINATIONS", title: { es: "Sesión abierta", en: "Open session" } }),
    confirmed: await insertSession({ status: "SPEAKERS_CONFIRMED", title: { es: "Sesión confirmada", fr: "Session confirmée" }, startsInDays: 10 }),
    held: await insertSession({ status: "HELD", title: { es: "Sesión realizada" }, startsInDays: -5 }),
    published: await insertSession({ status: "REPORT_PUBLISHED", title: { en: "Published session" }, startsInDays: -60 }),
  };
}
