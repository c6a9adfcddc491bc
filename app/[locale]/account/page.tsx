import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { locales } from "@/i18n/routing";
import { deletionRefusal } from "@/lib/account-data/policy";
import { deletionBlockers, latestArchive } from "@/lib/account-data/queries";
import { NAME_MAX } from "@/lib/accounts/schemas";
import { requireSignedIn } from "@/lib/auth/guards";
import { listOpenSessions, type OpenSession } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { signOutAction } from "../(auth)/actions";
import { deleteAccountAction, endOtherSessionsAction, endSessionAction, requestArchiveAction, updateProfileAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "accountData" });
  return { title: t("title"), robots: { index: false } };
}

const linkClass = "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950";
const heading = "mb-2 text-xl font-semibold text-slate-950";

/** The signed-in person's own account: profile, language, notices, open sessions, their data, and leaving. */
export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/account");
  const { ended, saved, archive: archiveNotice } = await searchParams;
  const t = await getTranslations("accountData");
  const ta = await getTranslations("auth.account");
  const format = await getFormatter();
  const [sessions, archive, blockers] = await Promise.all([listOpenSessions(actor), latestArchive(actor), deletionBlockers(db, actor.userId)]);
  const others = sessions.filter((s) => !s.isCurrent);
  const blocked = deletionRefusal(blockers);
  const when = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, "long")}</time>;
  const device = (s: OpenSession) =>
    s.browser && s.os ? ta("device", { browser: s.browser, os: s.os }) : (s.browser ?? s.os ?? ta("unknownDevice"));
  const notice =
    ended === "one" || ended === "others"
      ? ta(ended === "one" ? "endedOne" : "endedOthers")
      : saved === "profile"
        ? t("profile.saved")
        : archiveNotice === "requested"
          ? t("archive.requested")
          : null;

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead", { name: actor.name, email: actor.email })} />
      {notice ? (
        <div className="mb-6">
          <Alert tone="success" live>
            {notice}
          </Alert>
        </div>
      ) : null}
      <div className="space-y-6">
        <Card>
          <h2 className={heading}>{t("profile.heading")}</h2>
          <p className="mb-4 text-slate-800">{t("profile.intro")}</p>
          <ActionForm action={updateProfileAction} className="space-y-4" aria-label={t("profile.heading")}>
            <Field name="name" label={t("profile.name")} defaultValue={actor.name} required maxLength={NAME_MAX} autoComplete="name" />
            <Select name="preferredLocale" label={t("profile.language")} defaultValue={actor.locale} options={locales.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
            <Button pendingLabel={t("profile.saving")}>{t("profile.save")}</Button>
          </ActionForm>
        </Card>

        <Card>
          <h2 className={heading}>{t("notifications.heading")}</h2>
          <p className="text-slate-800">{t("notifications.intro")}</p>
          <Link href="/account/notifications" className={linkClass}>
            {t("notifications.link")}
          </Link>
        </Card>

        <Card>
          <h2 id="sessions-title" className={heading}>
            {ta("sessionsHeading")}
          </h2>
          <p className="mb-4 text-slate-800">{ta("sessionsIntro")}</p>
          <ul aria-labelledby="sessions-title" className="divide-y divide-slate-200" data-testid="open-sessions">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0" data-session={s.isCurrent ? "current" : "other"}>
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="font-semibold break-words text-slate-950">
                    {device(s)}{" "}
                    {s.isCurrent ? (
                      <span className="ml-1">
                        <Badge tone="info">{ta("thisBrowser")}</Badge>
                      </span>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-800">{ta.rich("signedIn", { when: () => when(s.createdAt) })}</p>
                  <p className="text-sm text-slate-800">{ta.rich("lastSeen", { when: () => when(s.lastSeenAt) })}</p>
                  <p className="text-sm text-slate-800">{ta.rich("expires", { when: () => when(s.expiresAt) })}</p>
                </div>
                {s.isCurrent ? (
                  <form action={signOutAction} className="shrink-0">
                    <input type="hidden" name="locale" value={locale} />
                    <Button variant="secondary">{ta("signOutHere")}</Button>
                  </form>
                ) : (
                  <ActionForm action={endSessionAction} className="shrink-0" aria-label={ta("endLabel", { device: device(s) })}>
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <Button variant="secondary" pendingLabel={ta("working")}>
                      {ta("end")}
                      <span className="sr-only"> ({device(s)})</span>
                    </Button>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
          {others.length > 0 ? (
            <ActionForm action={endOtherSessionsAction} className="mt-5 space-y-2 border-t border-slate-200 pt-4" aria-label={ta("endOthers")}>
              <input type="hidden" name="locale" value={locale} />
              <p className="text-sm text-slate-800">{ta("endOthersHint", { count: others.length })}</p>
              <Button variant="danger" pendingLabel={ta("working")}>
                {ta("endOthers")}
              </Button>
            </ActionForm>
          ) : (
            <p className="mt-4 text-sm text-slate-800">{ta("noOthers")}</p>
          )}
        </Card>

        <Card>
          <h2 className={heading}>{t("archive.heading")}</h2>
          <p className="mb-4 text-slate-800">{t("archive.intro")}</p>
          {archive?.status === "READY" && archive.readyAt ? (
            <div className="mb-4 space-y-2" data-testid="archive-ready">
              <p className="text-slate-800">{t.rich("archive.ready", { when: () => when(archive.readyAt ?? archive.requestedAt), until: () => when(archive.expiresAt) })}</p>
              <a href={`/${locale}/account/archive/${archive.id}`} download className={linkClass}>
                {t("archive.download", { size: format.number((archive.size ?? 0) / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }) })}
              </a>
            </div>
          ) : archive?.status === "PENDING" ? (
            <p className="mb-4 text-slate-800" data-testid="archive-pending">
              {t.rich("archive.pending", { when: () => when(archive.requestedAt) })}
            </p>
          ) : null}
          <ActionForm action={requestArchiveAction} aria-label={t("archive.heading")}>
            <input type="hidden" name="locale" value={locale} />
            <Button variant="secondary" pendingLabel={t("archive.requesting")}>
              {archive?.status === "READY" ? t("archive.again") : t("archive.request")}
            </Button>
          </ActionForm>
        </Card>

        <Card>
          <h2 className={heading}>{t("delete.heading")}</h2>
          <p className="mb-2 text-slate-800">{t("delete.intro")}</p>
          <ul className="mb-4 list-disc space-y-1 pl-6 text-slate-800">
            <li>{t("delete.staysOrganization")}</li>
            <li>{t("delete.staysLog")}</li>
            <li>{t("delete.staysPseudonym")}</li>
            <li>{t("delete.goes")}</li>
          </ul>
          {blocked ? (
            <Alert tone="warning">
              {blockers.lastSiteAdmin ? t("delete.blockedSite") : t("delete.blockedOrganization", { organizations: blockers.lastAdminOf.join(", ") })}
            </Alert>
          ) : (
            <ActionForm action={deleteAccountAction} className="space-y-4" aria-label={t("delete.heading")}>
              <input type="hidden" name="locale" value={locale} />
              <Field name="password" type="password" label={t("delete.password")} hint={t("delete.passwordHint")} required autoComplete="current-password" />
              <Button variant="danger" pendingLabel={t("delete.working")}>
                {t("delete.confirm")}
              </Button>
            </ActionForm>
          )}
        </Card>
      </div>
    </>
  );
}
