import { getFormatter, getTranslations } from "next-intl/server";
import type { FieldChange, RevisionView } from "@/lib/champions/history";

const LABELLED_FIELDS = ["texts", "objectives", "status", "inclusion", "inclusionEvidence", "milestones", "sources", "publicBody", "addressee", "country"] as const;
const CHANGE_KINDS = ["created", "edited", "update_posted", "recommendation_marked", "suggestion_accepted"] as const;

/** Each revision, newest first: what kind of change, when, by whom, and which fields it changed. */
export async function CommitmentHistory({ history }: { history: readonly RevisionView[] }) {
  const [t, format] = await Promise.all([getTranslations("champions"), getFormatter()]);
  if (history.length === 0) return null;
  const fieldLabel = (field: string) => ((LABELLED_FIELDS as readonly string[]).includes(field) ? t(`fields.${field as (typeof LABELLED_FIELDS)[number]}`) : field);
  const valueLabel = (change: FieldChange, value: FieldChange["before"]) => {
    if (value === null || value === undefined || value === "") return t("history.empty");
    if (change.field === "status") return t(`statuses.${String(value) as "ANNOUNCED"}`);
    if (change.field === "inclusion") return t(`inclusion.${String(value) as "INFORMED"}`);
    if (change.field === "addressee") return t(`addressees.${String(value) as "STATES"}`);
    return String(value);
  };
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="mb-2 text-xl font-semibold">
        {t("history.heading")}
      </h2>
      <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
        {history.map((r) => (
          <li key={r.revision}>
            <p className="font-medium text-slate-900">
              {t("history.revision", { revision: r.revision })}
              {" · "}
              {r.change && (CHANGE_KINDS as readonly string[]).includes(r.change) ? t(`history.kinds.${r.change as (typeof CHANGE_KINDS)[number]}`) : t("history.kinds.edited")}
            </p>
            <p className="text-sm text-slate-800">
              <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, "long")}</time>
              {r.authorName ? ` · ${r.authorName}` : null}
            </p>
            {r.changes.length ? (
              <ul className="mt-1 list-disc pl-5 text-sm text-slate-900">
                {r.changes.map((c) => (
                  <li key={c.field} className="break-words">
                    {"before" in c ? t("history.changedFromTo", { field: fieldLabel(c.field), before: valueLabel(c, c.before), after: valueLabel(c, c.after) }) : t("history.changed", { field: fieldLabel(c.field) })}
                  </li>
                ))}
              </ul>
            ) : !r.isFirst ? (
              <p className="text-sm text-slate-800">{t("history.noFieldChanged")}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
