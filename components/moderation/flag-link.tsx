import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { kindSlug, type PostKind } from "@/lib/moderation/targets";

// What the screen-reader half of "Flag" names, by kind of post.
const TARGET_LABEL = {
  PROPOSAL_COMMENT: "flagLinkTarget",
  REPORT_COMMENT: "flagLinkTarget",
  DIALOGUE_QUESTION: "flagLinkTargetQuestion",
  SESSION_QUESTION: "flagLinkTargetQuestion",
  CONSULTATION_CONTRIBUTION: "flagLinkTargetContribution",
} as const satisfies Record<PostKind, string>;

/** "Flag", by a post, for someone signed in: the flag page works without JavaScript. */
export async function FlagLink({ kind, postId }: { kind: PostKind; postId: string }) {
  const t = await getTranslations("moderation");
  return (
    <Link href={`/moderation/flag/${kindSlug(kind)}/${postId}`} className="text-sm font-medium text-blue-800 underline underline-offset-2" rel="nofollow">
      {t("flagLink")}
      <span className="sr-only"> {t(TARGET_LABEL[kind])}</span>
    </Link>
  );
}

/** In place of a hidden post's text: that moderators hid it, when, and their public reason. */
export async function HiddenNotice({ reason, at, format }: { reason: string; at: Date; format: (date: Date) => string }) {
  const t = await getTranslations("moderation");
  return (
    <div className="rounded-md border-l-4 border-slate-500 bg-slate-100 p-3 text-slate-900">
      <p className="whitespace-pre-wrap break-words font-medium">{t("hidden.notice", { reason })}</p>
      <p className="mt-1 text-sm text-slate-700">{t("hidden.on", { date: format(at) })}</p>
    </div>
  );
}
