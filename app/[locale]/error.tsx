"use client";

import { useClientTexts } from "@/components/layout/client-texts";

// Unexpected errors: the server already logged the details; the reader gets a plain message.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useClientTexts().errorPage;
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-3 text-slate-800">{t.body}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-blue-800 px-4 py-2 font-semibold text-white">
        {t.retry}
      </button>
    </div>
  );
}
