"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { followLiveQuestions, LIVE_QUESTIONS_POLL_MS } from "@/components/sessions/live-questions";

type Props = {
  sessionId: string;
  /** The signature of the list the server rendered (lib/session-questions/signature.ts). */
  signature: string;
  ids: string[];
  announceOne: string;
  /** With "{count}" where the number goes. */
  announceMany: string;
};

/**
 * While the session is live, keeps its questions current (components/sessions/live-questions.ts)
 * by re-rendering the page's server components with router.refresh(): the list updates in place
 * and what the reader is typing stays, since no form is replaced. New questions are announced
 * politely, without moving focus. On a page sent without Next's scripts (a visitor's), the
 * region it renders carries what the front's inline script needs to do the same.
 */
export function QuestionsLive({ sessionId, signature, ids, announceOne, announceMany }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  // Where following starts; from then on the poll knows the list better than these props.
  const start = useRef({ signature, ids });

  useEffect(
    () =>
      followLiveQuestions(document, {
        sessionId,
        signature: start.current.signature,
        ids: start.current.ids,
        pollMs: LIVE_QUESTIONS_POLL_MS,
        refresh: async () => {
          router.refresh();
          return null;
        },
        announce: (count) => setMessage(count === 1 ? announceOne : announceMany.replace("{count}", String(count))),
      }),
    [sessionId, router, announceOne, announceMany],
  );

  return (
    <p
      aria-live="polite"
      className="min-h-6 text-sm text-slate-700"
      data-live-questions={sessionId}
      data-signature={signature}
      data-ids={ids.join(" ")}
      data-announce-one={announceOne}
      data-announce-many={announceMany}
    >
      {message}
    </p>
  );
}
