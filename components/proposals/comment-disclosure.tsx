"use client";

import type { ReactNode } from "react";
import { useFormStateContext } from "@/components/ui/action-form";

/**
 * A folded part of a form (a reply box, the staff "hide" box) that opens by itself when the
 * form comes back with an error, so the message next to the field is seen, with or without
 * JavaScript (the server renders it open from the action's state).
 */
export function CommentDisclosure({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const state = useFormStateContext();
  return (
    <details open={state.status === "error" || undefined} className="group">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
        {summary}
      </summary>
      <div className="mt-3 space-y-4">{children}</div>
    </details>
  );
}
