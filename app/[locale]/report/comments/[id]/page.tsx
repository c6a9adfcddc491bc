import { notFound, redirect } from "next/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { locateReportComment } from "@/lib/report/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

/**
 * A report comment's lasting address: the version page shows only each paragraph's latest
 * comments, so a link to any comment (moderation, notifications) goes here and is sent to the
 * page of its paragraph's comments it is on.
 */
export default async function ReportCommentRedirect({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const found = await locateReportComment(await getCurrentActor(), id);
  if (!found) notFound();
  const page = found.page > 1 ? `?page=${found.page}` : "";
  redirect(`/${locale}/report/versions/${found.versionNumber}/paragraphs/${encodeURIComponent(found.anchor)}${page}#report-comment-${id}`);
}
