import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireAdmin } from "@/lib/auth/guards";
import { listApiKeys } from "@/lib/open-data/queries";
import { CreateKeyForm } from "./_components/create-key-form";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "openData.keys" });
  return { title: t("title"), robots: { index: false } };
}

/** Partners' API keys: created here and shown once, revoked here. Admins only. */
export default async function ApiKeysPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireAdmin(locale, "/admin/api-keys");
  const t = await getTranslations("openData.keys");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const keys = (await listApiKeys(actor)) ?? [];
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="space-y-10">
        <Card>
          <h2 className="mb-4 text-xl font-semibold text-slate-950">{t("create")}</h2>
          <CreateKeyForm action={createApiKeyAction} label={t("create")} labels={{ createdHeading: t.raw("createdHeading") as string, createdText: t("createdText") }}>
            <Field name="partner" label={t("partner")} hint={t("partnerHint")} required requiredLabel={tc("requiredField")} autoComplete="off" maxLength={120} />
            <Button>{t("create")}</Button>
          </CreateKeyForm>
        </Card>
        <section aria-labelledby="keys-heading" className="space-y-4">
          <h2 id="keys-heading" className="text-xl font-semibold text-slate-950">
            {t("listHeading")}
          </h2>
          {keys.length === 0 ? (
            <EmptyState title={t("none")} />
          ) : (
            <Table caption={t("listHeading")} head={[t("partner"), t("prefix"), t("createdAt"), t("status")]}>
              {keys.map((key) => (
                <tr key={key.id}>
                  <Td>{key.partner}</Td>
                  <Td>
                    <code className="break-all">{key.prefix}…</code>
                  </Td>
                  <Td>{format.dateTime(key.createdAt, "short")}</Td>
                  <Td>
                    {key.revokedAt ? (
                      <Badge tone="neutral">{t("revoked", { date: format.dateTime(key.revokedAt, "short") })}</Badge>
                    ) : (
                      <ActionForm action={revokeApiKeyAction} successMessage={t("revoked", { date: format.dateTime(new Date(), "short") })} className="space-y-2">
                        <Badge tone="success">{t("active")}</Badge>
                        <input type="hidden" name="keyId" value={key.id} />
                        <Button variant="secondary">
                          {t("revoke")}
                          <span className="sr-only"> {t("revokeLabel", { partner: key.partner })}</span>
                        </Button>
                      </ActionForm>
                    )}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
