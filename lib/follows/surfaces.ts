import type { Surface } from "@/lib/commands/invalidate";
import type { FollowSubject } from "@/lib/generated/prisma/enums";

const PAGES = { COUNTRY: "champions", COMMITMENT: "champions", PROPOSAL: "proposals", SESSION: "sessions", CONSULTATION: "dialogue" } as const satisfies Record<
  FollowSubject,
  Surface
>;

/** The pages that show a subject's follow button and count of followers. */
export const pageOf = (subject: FollowSubject): Surface => PAGES[subject];
