import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, Td } from "@/components/ui/table";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { canRequestDisclosure } from "@/lib/dialogue/policy";
import { listOwnDisclosures, listPseudonymNames, listVouchedPseudonyms } from "@/lib/dialogue/pseudonym-queries";
import { DIALOGUE_LIMITS } from "@/lib/dialogue/schemas";
import { requestDisclosureAction } from "../actions";
import { DoneNotice } from "../_components/parts";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "dialogue" });
  return { title: t("pseudonyms.title"), robots: { index: false } };
}

/**
 * Who is behind a pseudonym: an organization's admins see the ones it vouches for; a site admin
 * sees a person only through a request with a reason, listed here with its answer. Everyone else
 * sees nothing (the queries are scoped by the actor).
 */
export default async function PseudonymsPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dialogue/pseudonyms");
  const [t, tc, format, vouched, names, disclosures] = await Promise.all([
    getTranslations("dialogue"),
    getTranslations("common"),
    getFormatter(),
    listVouchedPseudonyms(actor),
    listPseudonymNames(actor),
    listOwnDisclosures(actor),
  ]);
  const admin = canRequestDisclosure(actor);
  return (
    <>
      <PageHeader title={t("pseudonyms.title")} lead={t("pseudonyms.lead")} />
      <div className="space-y-8">
        <DoneNotice done={(await searchParams).done} />
        <section aria-labelledby="vouched" className="space-y-3">
          <h2 id="vouched" className="text-xl font-semibold text-slate-950">
            {t("pseudonyms.vouchedHeading")}
          </h2>
          {vouched.length === 0 ? (
            <EmptyState title={t("pseudonyms.noneVouched")} />
          ) : (
            <Table caption={t("pseudonyms.vouchedHeading")} head={[t("pseudonyms.pseudonym"), t("pseudonyms.member"), t("pseudonyms.organization")]}>
              {vouched.map((p) => (
                <tr key={p.id}>
                  <Td>{p.name}</Td>
                  <Td>{p.user?.name ?? t("pseudonyms.deletedAccount")}</Td>
                  <Td>{p.organization.name}</Td>
                </tr>
              ))}
            </Table>
          )}
        </section>
        {admin ? (
          <>
            <Card>
              <h2 id="request" className="mb-2 text-xl font-semibold text-slate-950">
                {t("pseudonyms.requestHeading")}
              </h2>
              <p className="mb-4 text-slate-800">{t("pseudonyms.requestLead")}</p>
              {names.length === 0 ? (
                <p className="text-slate-800">{t("pseudonyms.noPseudonyms")}</p>
              ) : (
                <ActionForm action={requestDisclosureAction} aria-label={t("pseudonyms.requestHeading")}>
                  <input type="hidden" name="locale" value={locale} />
                  <Select name="pseudonymId" label={t("pseudonyms.pseudonym")} required requiredLabel={tc("requiredField")} placeholder={t("pseudonyms.choose")} options={names.map((n) => ({ value: n.id, label: n.name }))} />
                  <TextArea name="reason" label={t("pseudonyms.reason")} hint={t("pseudonyms.reasonHint")} required requiredLabel={tc("requiredField")} maxLength={DIALOGUE_LIMITS.reason} rows={4} />
                  <Button pendingLabel={t("working")}>{t("pseudonyms.request")}</Button>
                </ActionForm>
              )}
            </Card>
            <section aria-labelledby="mine" className="space-y-3">
              <h2 id="mine" className="text-xl font-semibold text-slate-950">
                {t("pseudonyms.mineHeading")}
              </h2>
              {disclosures.length === 0 ? (
                <EmptyState title={t("pseudonyms.noneMine")} />
              ) : (
                <Table caption={t("pseudonyms.mineHeading")} head={[t("pseudonyms.when"), t("pseudonyms.pseudonym"), t("pseudonyms.member"), t("pseudonyms.reason")]}>
                  {disclosures.map((d) => (
                    <tr key={d.id}>
                      <Td>{format.dateTime(d.createdAt, "short")}</Td>
                      <Td>{d.pseudonym.name}</Td>
                      <Td>{`${d.pseudonym.user?.name ?? t("pseudonyms.deletedAccount")} (${d.pseudonym.organization.name})`}</Td>
                      <Td>{d.reason}</Td>
                    </tr>
                  ))}
                </Table>
              )}
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
