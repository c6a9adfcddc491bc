import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseView } from "@/lib/monitoring/review-queries";

type Event = CaseView["events"][number];
const str = (data: unknown, key: string): string | null => {
  const value = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : null;
  return typeof value === "string" ? value : null;
};
const num = (data: unknown, key: string): number => {
  const value = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : null;
  return typeof value === "number" ? value : 0;
};

/** The case history as sentences; `names` are the reviewers' names by id (events store ids only). */
export async function CaseHistory({ events, names }: { events: Event[]; names: Map<string, string> }) {
  const [t, format] = await Promise.all([getTranslations("monitoringReview"), getFormatter()]);
  const who = (id: string | null) => (id ? (names.get(id) ?? t("history.deleted")) : t("history.automatic"));
  const status = (value: string | null) => (value ? t(`statuses.${value as "RECEIVED"}`) : "—");
  function sentence(e: Event): string {
    switch (e.action) {
      case "case.assigned": {
        const assignee = str(e.data, "assigneeId");
        return assignee ? t("history.actions.case_assigned", { name: who(assignee) }) : t("history.actions.case_unassigned");
      }
      case "case.locked": {
        const from = str(e.data, "tookOverFrom");
        const until = str(e.data, "until");
        if (from) return t("history.actions.case_lock_taken", { name: who(from) });
        return t("history.actions.case_locked", { time: until ? format.dateTime(new Date(until), { timeStyle: "short" }) : "—" });
      }
      case "case.released":
        return t("history.actions.case_released");
      case "case.status_changed":
        return t("history.actions.case_status_changed", { from: status(str(e.data, "from")), to: status(str(e.data, "to")) });
      case "case.referred":
        return t("history.actions.case_referred", { to: str(e.data, "referredTo") ?? "—" });
      case "case.message_sent":
        return t("history.actions.case_message_sent");
      case "case.contact_erased":
        return t("history.actions.case_contact_erased", { days: num(e.data, "retentionDays") });
      case "summary.written":
        return t("history.actions.summary_written");
      case "summary.submitted":
        return t("history.actions.summary_submitted");
      case "summary.approved":
        return t("history.actions.summary_approved");
      case "summary.published":
        return t("history.actions.summary_published");
      case "summary.withdrawn":
        return t("history.actions.summary_withdrawn", { reason: str(e.data, "reason") ?? "—" });
      default:
        return t("history.actions.other");
    }
  }
  if (events.length === 0) return <p className="text-slate-800">{t("history.empty")}</p>;
  return (
    <ol className="space-y-2">
      {events.map((e) => (
        <li key={e.id} className="text-slate-900">
          <time dateTime={e.createdAt.toISOString()} className="text-sm text-slate-700">
            {format.dateTime(e.createdAt, "long")}
          </time>{" "}
          · {e.actor?.name ?? (e.actorId ? t("history.deleted") : t("history.automatic"))}: {sentence(e)}
        </li>
      ))}
    </ol>
  );
}
