import { getFormatter, getLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { localeOr } from "@/i18n/routing";
import type { ReactNode } from "react";
import type { PublicLogEntry } from "@/lib/audit/queries";
import { describeEntry, publicSignature } from "./entries";
import { logHelpers } from "./log-helpers";

/** The words of a `<report>` or `<item>` tag: a link to the entry's page when it has one. */
function linked(link: { href: string } | undefined, chunks: ReactNode) {
  return link ? (
    <Link href={link.href} className="font-medium text-blue-800 underline">
      {chunks}
    </Link>
  ) : (
    <span className="font-medium">{chunks}</span>
  );
}

/** Public log entries as sentences in the reader's language (transparency page and home). */
export async function PublicLogList({ entries, label }: { entries: PublicLogEntry[]; label: string }) {
  const requestLocale = await getLocale();
  const [{ t, helpers }, format] = await Promise.all([logHelpers(localeOr(requestLocale)), getFormatter()]);
  return (
    <ol aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
      {entries.map((entry) => {
        const sentence = describeEntry(entry, helpers);
        const signature = publicSignature(entry);
        return (
          <li key={entry.id} id={`entry-${entry.id}`} className="px-4 py-3">
            <p className="text-slate-950">
              {sentence.kind === "known"
                ? t.rich(`actions.${sentence.key}`, {
                    ...sentence.values,
                    org: (chunks) =>
                      sentence.organizationSlug ? (
                        <Link href={`/organizations/${sentence.organizationSlug}`} className="font-medium text-blue-800 underline">
                          {chunks}
                        </Link>
                      ) : (
                        <span className="font-medium">{chunks}</span>
                      ),
                    session: (chunks) =>
                      sentence.session?.id ? (
                        <Link href={`/sessions/${sentence.session.id}`} lang={sentence.session.lang} className="font-medium text-blue-800 underline">
                          {chunks}
                        </Link>
                      ) : (
                        <span className="font-medium" lang={sentence.session?.lang}>
                          {chunks}
                        </span>
                      ),
                    report: (chunks) => linked(sentence.link, chunks),
                    item: (chunks) => linked(sentence.link, chunks),
                  })
                : t("genericAction", { action: sentence.action })}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, "long")}</time>
              {" · "}
              {signature ? t("byActor", { name: signature }) : t("bySystem")}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
