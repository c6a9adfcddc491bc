"use client";

import { useTranslations } from "next-intl";

// Unexpected errors: the server already logged the details; the reader gets a plain message.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">{t("page.title")}</h1>
      <p className="mt-3 text-slate-800">{t("page.body")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-blue-800 px-4 py-2 font-semibold text-white">
        {t("page.retry")}
      </button>
    </div>
  );
}
