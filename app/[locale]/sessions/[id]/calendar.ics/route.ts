import { isLocale } from "@/i18n/routing";
import { feedNotFound } from "@/lib/feeds/response";
import { publicUrl } from "@/lib/url";
import { buildSessionsCalendar } from "@/lib/sessions/ics";
import { getCalendarSession } from "@/lib/sessions/queries";

export const dynamic = "force-dynamic";

/** One public session as a calendar event (drafts are not found), in the language of the URL. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const session = await getCalendarSession(id);
  if (!session) return feedNotFound();
  const body = buildSessionsCalendar({ sessions: [session], locale, origin: publicUrl(), feed: false });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="session-${session.id}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
