import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { describeNotification } from "@/lib/notifications/kinds";

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

/** One notification as a sentence in the reader's language, with a link to what it is about (a proposal, a session). */
export async function NotificationText({ kind, data }: { kind: string; data: unknown }) {
  const t = await getTranslations("notifications");
  const sentence = describeNotification(kind, data);
  const link = (href: string) =>
    function NotificationLink(chunks: ReactNode) {
      return (
        <Link href={href} className={linkClass}>
          {chunks}
        </Link>
      );
    };
  if (sentence.kind === "known") return <>{t.rich(`kinds.${sentence.key}`, { ...sentence.values, link: link(sentence.href) })}</>;
  if (sentence.proposalId) return <>{t.rich("genericProposal", { link: link(`/proposals/${sentence.proposalId}`) })}</>;
  return <>{t("generic")}</>;
}
