import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { DelegateCard } from "@/lib/dialogue/queries";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { InstitutionLink } from "./parts";

/** The language of a spoken-language code in the reader's language ("quechua", "Haitian Creole"). */
const languageName = (code: string, locale: AppLocale) => new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;

/** Delegates as cards: name, institution, portfolio in the reader's language (else another, marked), languages spoken, and a link to ask them. */
export async function DelegateCards({ delegates, locale, showInstitution }: { delegates: DelegateCard[]; locale: AppLocale; showInstitution: boolean }) {
  const [t, tc] = await Promise.all([getTranslations("dialogue"), getTranslations("common")]);
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {delegates.map((d) => {
        const portfolio = pickLocalized(d.portfolio, locale);
        return (
          <li key={d.userId}>
            <Card>
              <h2 className="text-lg font-semibold text-slate-950">{d.displayName}</h2>
              {showInstitution ? (
                <p className="text-slate-800">
                  <InstitutionLink t={t} institution={d.institution} locale={locale} />
                </p>
              ) : null}
              {portfolio ? (
                <div className="mt-2">
                  {portfolio.lang !== locale ? <p className="text-sm text-slate-700">{t("writtenIn", { language: tc(`languages.${portfolio.lang}`) })}</p> : null}
                  <p lang={portfolio.lang} className="break-words whitespace-pre-line text-slate-900">
                    {portfolio.text}
                  </p>
                </div>
              ) : null}
              {d.languagesSpoken.length ? (
                <p className="mt-2 text-sm text-slate-800">{t("delegates.speaks", { languages: d.languagesSpoken.map((l) => languageName(l, locale)).join(", ") })}</p>
              ) : null}
              <p className="mt-2">
                <Link href={`/dialogue/questions/new?to=delegate:${d.userId}`}>{t("delegates.ask", { name: d.displayName })}</Link>
              </p>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
