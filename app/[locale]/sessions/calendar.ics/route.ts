import { isLocale } from "@/i18n/routing";
import { buildSessionsCalendar } from "@/lib/sessions/ics";
import { listCalendarSessions } from "@/lib/sessions/queries";

export const dynamic = "force-dynamic";

/** Every public session as one calendar to subscribe to, in the language of the URL. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const sessions = await listCalendarSessions();
  const body = buildSessionsCalendar({ sessions, locale, origin: new URL(request.url).origin, feed: true });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="puente-sessions.ics"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
