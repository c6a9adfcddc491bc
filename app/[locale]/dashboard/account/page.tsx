import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { listOpenSessions, type OpenSession } from "@/lib/auth/queries";
import { signOutAction } from "../../(auth)/actions";
import { endOtherSessionsAction, endSessionAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("account.title"), robots: { index: false } };
}

/** The signed-in person's account: who they are signed in as, and every browser still signed in. */
export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dashboard/account");
  const { ended } = await searchParams;
  const t = await getTranslations("auth.account");
  const format = await getFormatter();
  const sessions = await listOpenSessions(actor);
  const others = sessions.filter((s) => !s.isCurrent);
  const when = (date: Date) => (
    <time dateTime={date.toISOString()}>{format.dateTime(date, "long")}</time>
  );
  const device = (s: OpenSession) =>
    s.browser && s.os ? t("device", { browser: s.browser, os: s.os }) : (s.browser ?? s.os ?? t("unknownDevice"));

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead", { name: actor.name, email: actor.email })} />
      {ended === "one" || ended === "others" ? (
        <div className="mb-6">
          <Alert tone="success" live>
            {t(ended === "one" ? "endedOne" : "endedOthers")}
          </Alert>
        </div>
      ) : null}
      <Card>
        <h2 id="sessions-title" className="mb-2 text-xl font-semibold text-slate-950">
          {t("sessionsHeading")}
        </h2>
        <p className="mb-4 text-slate-800">{t("sessionsIntro")}</p>
        <ul aria-labelledby="sessions-title" className="divide-y divide-slate-200" data-testid="open-sessions">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0" data-session={s.isCurrent ? "current" : "other"}>
              <div className="min-w-0 flex-1 space-y-1">
                <p className="font-semibold break-words text-slate-950">
                  {device(s)}{" "}
                  {s.isCurrent ? (
                    <span className="ml-1">
                      <Badge tone="info">{t("thisBrowser")}</Badge>
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-slate-800">{t.rich("signedIn", { when: () => when(s.createdAt) })}</p>
                <p className="text-sm text-slate-800">{t.rich("lastSeen", { when: () => when(s.lastSeenAt) })}</p>
                <p className="text-sm text-slate-800">{t.rich("expires", { when: () => when(s.expiresAt) })}</p>
              </div>
              {s.isCurrent ? (
                <form action={signOutAction} className="shrink-0">
                  <input type="hidden" name="locale" value={locale} />
                  <Button variant="secondary">{t("signOutHere")}</Button>
                </form>
              ) : (
                <ActionForm action={endSessionAction} className="shrink-0" aria-label={t("endLabel", { device: device(s) })}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <Button variant="secondary" pendingLabel={t("working")}>
                    {t("end")}
                    <span className="sr-only"> ({device(s)})</span>
                  </Button>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
        {others.length > 0 ? (
          <ActionForm action={endOtherSessionsAction} className="mt-5 space-y-2 border-t border-slate-200 pt-4" aria-label={t("endOthers")}>
            <input type="hidden" name="locale" value={locale} />
            <p className="text-sm text-slate-800">{t("endOthersHint", { count: others.length })}</p>
            <Button variant="danger" pendingLabel={t("working")}>
              {t("endOthers")}
            </Button>
          </ActionForm>
        ) : (
          <p className="mt-4 text-sm text-slate-800">{t("noOthers")}</p>
        )}
      </Card>
    </>
  );
}
