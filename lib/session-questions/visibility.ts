import type { Prisma } from "@/lib/generated/prisma/client";
import { PUBLIC_SESSION_STATUSES } from "@/lib/sessions/policy";
import { isConfirmedSlate } from "./policy";

/** Sessions whose panel questions everyone reads: public, with a confirmed panel (listPublicQuestions' rule). */
export const QUESTION_SESSION_STATUSES = PUBLIC_SESSION_STATUSES.filter(isConfirmedSlate);

/**
 * A question whose words everyone reads: of such a session, and not hidden by moderators (a
 * hidden one shows only its reason). Who asked is never part of it: a public read selects no
 * asker, so no person behind a name or a pseudonym.
 */
export const publicSessionQuestionWhere = {
  hiddenAt: null,
  session: { status: { in: QUESTION_SESSION_STATUSES } },
} satisfies Prisma.SessionQuestionWhereInput;
