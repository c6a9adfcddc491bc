import { isLocale } from "@/i18n/routing";
import { buildSessionsCalendar } from "@/lib/sessions/ics";
import { getCalendarSession } from "@/lib/sessions/queries";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** One public session as a calendar event (drafts are not found), in the language of the URL. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) return notFound();
  const session = await getCalendarSession(id);
  if (!session) return notFound();
  const body = buildSessionsCalendar({ sessions: [session], locale, origin: new URL(request.url).origin, feed: false });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="session-${session.id}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
