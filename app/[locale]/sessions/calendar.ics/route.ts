import { isLocale } from "@/i18n/routing";
import { feedNotFound } from "@/lib/feeds/response";
import { publicUrl } from "@/lib/url";
import { buildSessionsCalendar } from "@/lib/sessions/ics";
import { listCalendarSessions } from "@/lib/sessions/queries";

export const dynamic = "force-dynamic";

/** Every public session as one calendar to subscribe to, in the language of the URL. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const sessions = await listCalendarSessions();
  const body = buildSessionsCalendar({ sessions, locale, origin: publicUrl(), feed: true });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="puente-sessions.ics"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
