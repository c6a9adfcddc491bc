"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** How often a live session's page asks whether its questions changed. */
const POLL_MS = 5_000;

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
 * While the session is live, asks the public JSON of its questions every few seconds (a small
 * cacheable response) and, only when it changed, re-renders the page's server components with
 * router.refresh(): the list updates in place and what the reader is typing stays, since no
 * form is replaced. New questions are announced politely, without moving focus. Stops when the
 * tab is hidden (resumes when shown) and when the session is no longer live.
 */
export function QuestionsLive({ sessionId, signature, ids, announceOne, announceMany }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const known = useRef(new Set(ids));
  const current = useRef(signature);

  useEffect(() => {
    current.current = signature;
    for (const id of ids) known.current.add(id);
  }, [signature, ids]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let busy = false;

    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState === "visible") timer = setTimeout(tick, POLL_MS);
    };

    async function tick() {
      if (busy || stopped || document.visibilityState !== "visible") return;
      busy = true;
      try {
        const response = await fetch(`/api/sessions/${sessionId}/questions`, { headers: { accept: "application/json" } });
        if (response.ok) {
          const data = (await response.json()) as { live: boolean; signature: string; questions: { id: string }[] };
          if (data.signature !== current.current) {
            const fresh = data.questions.filter((q) => !known.current.has(q.id)).length;
            for (const q of data.questions) known.current.add(q.id);
            current.current = data.signature;
            if (fresh > 0) setMessage(fresh === 1 ? announceOne : announceMany.replace("{count}", String(fresh)));
            router.refresh();
          }
          if (!data.live) stopped = true;
        }
      } catch {
        // A dropped connection: the next tick tries again.
      } finally {
        busy = false;
        schedule();
      }
    }

    const onVisibility = () => (document.visibilityState === "visible" ? void tick() : clearTimeout(timer));
    document.addEventListener("visibilitychange", onVisibility);
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [sessionId, router, announceOne, announceMany]);

  return (
    <p aria-live="polite" className="min-h-6 text-sm text-slate-700">
      {message}
    </p>
  );
}
