import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Locale, SessionQuestionState } from "@/lib/generated/prisma/enums";
import { PUBLIC_SESSION_STATUSES } from "@/lib/sessions/policy";
import {
  askRefusal,
  canDrawOn,
  canModerate,
  isConfirmedSlate,
  isSessionLive,
  liveWindow,
  showsAskerOrganization,
  type LiveWindowSession,
} from "./policy";
import { questionsSignature } from "./signature";
import { loadStanding } from "./standing";

// Reads for the questions of a session's panel. The list is one query (Prisma adds one per
// nested relation), whatever the number of questions and supports.

/** A session holds a few dozen questions; this bounds a page (and the JSON a poll reads). */
const QUESTION_LIMIT = 500;

/**
 * Who asked, as the reader may see it (policy: showsAskerOrganization). Never the name. Under a
 * pseudonym: the pseudonym, "vouched for by a verified organization", named only if the member chose.
 */
export type AskerLabel =
  | { kind: "organization"; organizationName: string; country: string }
  | { kind: "registered" }
  | { kind: "speaker" }
  | { kind: "pseudonym"; pseudonym: string; organization: { name: string; slug: string } | null };

export type SessionQuestionItem = {
  id: string;
  /** Null when moderators hid the question (lib/moderation): `hidden` says why. */
  body: string | null;
  hidden: { reason: string; at: Date } | null;
  language: Locale;
  state: SessionQuestionState;
  setAsideReason: string | null;
  createdAt: Date;
  supportCount: number;
  /** The summary draws on it. */
  drawnOn: boolean;
  asker: AskerLabel;
  /** For the signed-in reader: their own question, and whether they support it. */
  mine: boolean;
  supportedByMe: boolean;
};

/** Taken up first (the panel is on it), then waiting, then answered, then set aside. */
const STATE_RANK: Record<SessionQuestionState, number> = { TAKEN_UP: 0, OPEN: 1, ANSWERED: 2, SET_ASIDE: 3 };

type SessionRef = LiveWindowSession & { id: string };

/**
 * The questions of one session as `reader` may see them: most supported first within each
 * state. A visitor's query reads nothing about the askers but whether they were registered.
 */
export async function listSessionQuestions(reader: Actor | null, session: { id: string }): Promise<SessionQuestionItem[]> {
  const rows = await db.sessionQuestion.findMany({
    where: { sessionId: session.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: QUESTION_LIMIT,
    select: {
      id: true,
      askerId: true,
      body: true,
      language: true,
      state: true,
      setAsideReason: true,
      createdAt: true,
      drawnOnAt: true,
      hiddenAt: true,
      hiddenReason: true,
      showOrganization: true,
      // The person behind a pseudonym is read only for a signed-in reader, to mark their own question.
      pseudonym: { select: { name: true, organization: { select: { name: true, slug: true } }, userId: !!reader } },
      _count: { select: { supports: true } },
      supports: reader ? { where: { userId: reader.userId }, select: { userId: true } } : false,
      asker: {
        select: {
          registrations: { where: { sessionId: session.id }, select: { listed: true } },
          // The organization only for a signed-in reader (for a visitor, none is read).
          memberships: {
            where: { organization: { status: "VERIFIED" } },
            orderBy: { createdAt: "asc" },
            take: reader ? 1 : 0,
            select: { organization: { select: { name: true, country: true } } },
          },
        },
      },
    },
  });
  const items = rows.map((row): SessionQuestionItem => {
    const registration = row.asker?.registrations[0];
    const organization = row.asker?.memberships?.[0]?.organization;
    let asker: AskerLabel = registration || !row.asker ? { kind: "registered" } : { kind: "speaker" };
    if (registration && organization && showsAskerOrganization(reader, registration)) {
      asker = { kind: "organization", organizationName: organization.name, country: organization.country };
    }
    if (row.pseudonym) asker = { kind: "pseudonym", pseudonym: row.pseudonym.name, organization: row.showOrganization ? row.pseudonym.organization : null };
    const hidden = row.hiddenAt ? { reason: row.hiddenReason ?? "", at: row.hiddenAt } : null;
    return {
      id: row.id,
      // A hidden question's words reach no page, poll or summary: only the public reason does.
      body: hidden ? null : row.body,
      hidden,
      language: row.language,
      state: row.state,
      setAsideReason: row.state === "SET_ASIDE" ? row.setAsideReason : null,
      createdAt: row.createdAt,
      supportCount: row._count.supports,
      drawnOn: !!row.drawnOnAt,
      asker,
      mine: !!reader && (row.askerId ?? row.pseudonym?.userId) === reader.userId,
      supportedByMe: !!row.supports?.length,
    };
  });
  return items.sort((a, b) => STATE_RANK[a.state] - STATE_RANK[b.state] || b.supportCount - a.supportCount || a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Everything the questions section of a session page needs: whether it is live, the list, and
 * what the reader may do (the same policy functions the commands use). Null before the slate
 * is confirmed: a session without a panel has no questions section.
 */
export async function getSessionQuestionsForPage(reader: Actor | null, session: SessionRef, now = new Date()) {
  if (!isConfirmedSlate(session.status)) return null;
  const [standing, questions] = await Promise.all([loadStanding(db, reader?.userId ?? null, session), listSessionQuestions(reader, session)]);
  return {
    live: isSessionLive(session, now),
    window: liveWindow(session),
    questions,
    signature: questionsSignature(questions),
    standing,
    /** null: the reader may post now; else why not (the page says it instead of the form). */
    askRefusal: reader ? askRefusal(standing, session, now) : null,
    canModerate: canModerate(reader, standing, session, now),
    canDrawOn: canDrawOn(reader, standing, session, now),
  };
}

export type SessionQuestionsPageData = NonNullable<Awaited<ReturnType<typeof getSessionQuestionsForPage>>>;

/** A question in the public JSON the page polls: nothing a visitor could not read on the page. */
export type PublicQuestion = Omit<SessionQuestionItem, "mine" | "supportedByMe" | "createdAt" | "hidden"> & {
  createdAt: string;
  hidden: { reason: string; at: string } | null;
};

/**
 * The public list of a session's questions, as a visitor reads it, for the JSON route the page
 * polls; null when the session is not public or has no panel yet.
 */
export async function listPublicQuestions(rawSessionId: string, now = new Date()) {
  const id = z.uuid().safeParse(rawSessionId);
  if (!id.success) return null;
  const session = await db.reviewSession.findFirst({
    where: { id: id.data, status: { in: PUBLIC_SESSION_STATUSES } },
    select: { id: true, status: true, startsAt: true, endsAt: true },
  });
  if (!session || !isConfirmedSlate(session.status)) return null;
  const questions = await listSessionQuestions(null, session);
  return {
    live: isSessionLive(session, now),
    signature: questionsSignature(questions),
    questions: questions.map(
      (q): PublicQuestion => ({
        id: q.id,
        body: q.body,
        hidden: q.hidden ? { reason: q.hidden.reason, at: q.hidden.at.toISOString() } : null,
        language: q.language,
        state: q.state,
        setAsideReason: q.setAsideReason,
        supportCount: q.supportCount,
        drawnOn: q.drawnOn,
        asker: q.asker,
        createdAt: q.createdAt.toISOString(),
      }),
    ),
  };
}
