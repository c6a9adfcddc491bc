import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { describeNotification } from "@/lib/notifications/kinds";

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

/** One notification as a sentence in the reader's language, with a link to its proposal. */
export async function NotificationText({ kind, data }: { kind: string; data: unknown }) {
  const t = await getTranslations("notifications");
  const sentence = describeNotification(kind, data);
  const link = (proposalId: string) =>
    function ProposalLink(chunks: ReactNode) {
      return (
        <Link href={`/proposals/${proposalId}`} className={linkClass}>
          {chunks}
        </Link>
      );
    };
  if (sentence.kind === "known") return <>{t.rich(`kinds.${sentence.key}`, { ...sentence.values, link: link(sentence.proposalId) })}</>;
  if (sentence.proposalId) return <>{t.rich("genericProposal", { link: link(sentence.proposalId) })}</>;
  return <>{t("generic")}</>;
}
