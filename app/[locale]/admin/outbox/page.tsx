import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { resolvePageLocale } from "@/i18n/page-locale";
import { parsePage } from "@/lib/organizations/schemas";
import { requireAdmin } from "@/lib/auth/guards";
import { listOutbox } from "@/lib/roles/queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "admin.outbox" });
  return { title: t("title"), robots: { index: false } };
}

/** Mail the portal kept instead of sending (no SMTP_URL): what developers read to follow links. Admins only. */
export default async function OutboxPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const locale = await resolvePageLocale(params);
  await requireAdmin(locale, "/admin/outbox");
  const sp = await searchParams;
  const page = parsePage(sp.page);
  const t = await getTranslations("admin.outbox");
  const tEmail = await getTranslations("emailPreferences");
  const format = await getFormatter();
  const outbox = await listOutbox(page);

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {outbox.total === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <>
          <p className="mb-4 text-slate-800">{t("total", { count: format.number(outbox.total) })}</p>
          <ol aria-label={t("listLabel")} className="space-y-4">
            {outbox.emails.map((email) => (
              <Card key={email.id} as="li">
                <article aria-labelledby={`email-${email.id}`}>
                  <h2 id={`email-${email.id}`} className="text-lg font-semibold text-slate-950 break-words">
                    {email.subject}
                  </h2>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-800">
                    <dt className="font-medium">{t("to")}</dt>
                    <dd className="break-all">{email.to}</dd>
                    <dt className="font-medium">{t("date")}</dt>
                    <dd>
                      <time dateTime={email.createdAt.toISOString()}>{format.dateTime(email.createdAt, "long")}</time>
                    </dd>
                    {headerLines(email.headers).length > 0 ? (
                      <>
                        <dt className="font-medium">{tEmail("outboxHeaders")}</dt>
                        <dd className="font-mono text-sm break-all" data-testid="outbox-headers">
                          {headerLines(email.headers).map((line) => (
                            <span key={line} className="block">
                              {line}
                            </span>
                          ))}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  <pre className="mt-3 max-h-96 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-sm whitespace-pre-wrap break-words text-slate-900" tabIndex={0}>
                    {email.text}
                  </pre>
                </article>
              </Card>
            ))}
          </ol>
          <Pagination page={outbox.page} pageCount={outbox.pageCount} pathname="/admin/outbox" query={sp} />
        </>
      )}
    </>
  );
}

/** The extra headers the email carried (List-Unsubscribe…), as "Name: value" lines. */
function headerLines(headers: unknown): string[] {
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return [];
  return Object.entries(headers as Record<string, unknown>)
    .filter(([, value]) => typeof value === "string")
    .map(([name, value]) => `${name}: ${String(value)}`);
}
