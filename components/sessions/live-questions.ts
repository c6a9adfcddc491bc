/**
 * A live session's questions to the panel, kept current in the reader's browser: every few
 * seconds the page asks the public JSON of its questions (a small cacheable answer) and, only
 * when it changed, has the list refreshed and says how many questions are new. Stops when the
 * session is no longer live, after refreshing the page once more; pauses while the tab is hidden.
 *
 * Two pages use it: the hydrated one (`QuestionsLive` refreshes with the router, so what the
 * reader is typing stays) and the one sent without Next's scripts to visitors (server/hydration.ts
 * sends these functions' source, and `refreshLeanPage` replaces the parts of the page marked
 * `data-live-part`). So they use nothing but the browser's globals: no import, no helper outside
 * their bodies.
 */
/** How often a live session's page asks whether its questions changed. */
export const LIVE_QUESTIONS_POLL_MS = 5_000;

export type LiveQuestionsOptions = {
  sessionId: string;
  /** The signature of the list on the page (lib/session-questions/signature.ts). */
  signature: string;
  ids: readonly string[];
  pollMs: number;
  /** Brings the page's list up to date; the signature of the list now shown, when it knows it. */
  refresh: () => Promise<string | null>;
  /** Says how many questions arrived (only when some did). */
  announce: (count: number) => void;
};

/** Starts following; returns the function that stops. */
export function followLiveQuestions(root: Document, options: LiveQuestionsOptions): () => void {
  const known = new Set(options.ids);
  let signature = options.signature;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let busy = false;

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped && root.visibilityState === "visible") timer = setTimeout(tick, options.pollMs);
  };

  async function tick() {
    if (busy || stopped || root.visibilityState !== "visible") return;
    busy = true;
    try {
      const response = await fetch(`/api/sessions/${encodeURIComponent(options.sessionId)}/questions`, { headers: { accept: "application/json" } });
      if (response.ok) {
        const data = (await response.json()) as { live: boolean; signature: string; questions: { id: string }[] };
        // A session that just closed changes the page (its status, the invitation to ask, this
        // hint that it updates by itself) even when no question did: one last refresh shows it.
        if (data.signature !== signature || !data.live) {
          let fresh = 0;
          for (const question of data.questions) {
            if (!known.has(question.id)) fresh++;
            known.add(question.id);
          }
          signature = (await options.refresh()) || data.signature;
          if (fresh > 0) options.announce(fresh);
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

  const onVisibility = () => (root.visibilityState === "visible" ? void tick() : clearTimeout(timer));
  root.addEventListener("visibilitychange", onVisibility);
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    root.removeEventListener("visibilitychange", onVisibility);
  };
}

/**
 * On a page without Next's scripts: reads what `QuestionsLive` rendered into its live region
 * (`data-live-questions`, the session's id, and the words to announce) and follows the session,
 * refreshing by fetching the page again (the page cache answers) and swapping each
 * `data-live-part` for the fresh one. The live region itself stays, so announcements are heard.
 */
export function refreshLeanPage(root: Document, follow: typeof followLiveQuestions, pollMs: number): void {
  const place = root.querySelector<HTMLElement>("[data-live-questions]");
  if (!place) return;
  const data = place.dataset;
  follow(root, {
    sessionId: data.liveQuestions || "",
    signature: data.signature || "",
    ids: (data.ids || "").split(" ").filter(Boolean),
    pollMs,
    refresh: async () => {
      const response = await fetch(root.location.pathname + root.location.search, { headers: { accept: "text/html" } });
      if (!response.ok) return null;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      const parts = root.querySelectorAll<HTMLElement>("[data-live-part]");
      for (let i = 0; i < parts.length; i++) {
        const next = fresh.querySelector(`[data-live-part="${parts[i].dataset.livePart}"]`);
        if (next) parts[i].replaceWith(root.importNode(next, true));
      }
      const renderedWith = fresh.querySelector<HTMLElement>("[data-live-questions]");
      return renderedWith ? renderedWith.dataset.signature || null : null;
    },
    announce: (count) => {
      place.textContent = count === 1 ? data.announceOne || "" : (data.announceMany || "").replace("{count}", String(count));
    },
  });
}
