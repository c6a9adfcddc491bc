import type { AppLocale } from "@/i18n/routing";

/** The hidden fields every report desk form posts: the page's locale and, when acting on one, the version. */
export function DeskHiddenFields({ locale, versionId }: { locale: AppLocale; versionId?: string }) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      {versionId ? <input type="hidden" name="versionId" value={versionId} /> : null}
    </>
  );
}
