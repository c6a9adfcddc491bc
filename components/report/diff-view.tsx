import { getTranslations } from "next-intl/server";
import { DispositionBadge } from "@/components/report/comments";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/i18n/navigation";
import type { WordPart } from "@/lib/report/diff";
import type { CompareComment, CompareData } from "@/lib/report/queries";

/**
 * Words of a changed paragraph: removed ones struck through in <del>, added ones underlined in
 * <ins>, each announced in words for screen readers (colour is never the only sign).
 */
export async function MarkedWords({ words, lang }: { words: WordPart[]; lang?: string }) {
  const t = await getTranslations("report");
  return (
    <p className="whitespace-pre-line leading-relaxed text-slate-900" lang={lang}>
      {words.map((w, i) =>
        w.kind === "same" ? (
          <span key={i}>{w.value}</span>
        ) : w.kind === "removed" ? (
          <del key={i} className="rounded bg-red-100 px-0.5 text-red-950 decoration-2">
            <span className="sr-only">[{t("compare.removedStart")} </span>
            {w.value}
            <span className="sr-only"> {t("compare.removedEnd")}]</span>
          </del>
        ) : (
          <ins key={i} className="rounded bg-green-100 px-0.5 text-green-950 decoration-2">
            <span className="sr-only">[{t("compare.addedStart")} </span>
            {w.value}
            <span className="sr-only"> {t("compare.addedEnd")}]</span>
          </ins>
        ),
      )}
    </p>
  );
}

const KIND_TONE = { added: "success", removed: "danger", changed: "warning", unchanged: "neutral" } as const;

/** The comparison: one item per paragraph (added, removed, changed, or unchanged when asked). */
export async function DiffView({ data, showUnchanged }: { data: CompareData; showUnchanged: boolean }) {
  const t = await getTranslations("report");
  const rows = showUnchanged ? data.rows : data.rows.filter((r) => r.kind !== "unchanged");
  const lang = data.to.language;
  if (rows.length === 0) return <p className="text-slate-800">{t("compare.noChanges")}</p>;
  return (
    <ol className="space-y-4">
      {rows.map((row) => {
        const reasons = row.kind === "changed" || row.kind === "removed" ? (data.reasons.get(row.anchor) ?? []) : [];
        const heading = (row.kind === "removed" ? row.from : row.to).headingLevel !== null;
        return (
          <li key={`${row.kind}-${row.anchor}`} className="rounded-lg border border-slate-300 bg-white p-4" data-diff={row.kind} data-anchor={row.anchor}>
            <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={KIND_TONE[row.kind]}>{t(`compare.kind.${row.kind}`)}</Badge>
              {heading ? <span className="text-slate-700">{t("compare.heading")}</span> : null}
              {row.kind !== "removed" ? (
                <Link href={`/report/versions/${data.to.number}#${row.anchor}`}>{t("compare.inVersion", { number: data.to.number })}</Link>
              ) : null}
              {row.kind !== "added" ? (
                <Link href={`/report/versions/${data.from.number}#${row.anchor}`}>{t("compare.inVersion", { number: data.from.number })}</Link>
              ) : null}
            </div>
            <div className={heading ? "font-semibold" : undefined}>
              {row.kind === "changed" ? (
                <MarkedWords words={row.words} lang={lang} />
              ) : row.kind === "added" ? (
                <MarkedWords words={[{ value: row.to.text, kind: "added" }]} lang={lang} />
              ) : row.kind === "removed" ? (
                <MarkedWords words={[{ value: row.from.text, kind: "removed" }]} lang={data.from.language} />
              ) : (
                <p className="text-slate-800" lang={lang}>
                  {row.to.text}
                </p>
              )}
            </div>
            {row.kind === "changed" && row.words.every((w) => w.kind === "same") ? (
              <p className="mt-1 text-sm text-slate-700">{t("compare.formattingOnly")}</p>
            ) : null}
            {reasons.length > 0 ? <Reasons comments={reasons} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

async function Reasons({ comments }: { comments: CompareComment[] }) {
  const t = await getTranslations("report");
  const tc = await getTranslations("reportComments");
  return (
    <div className="mt-3 border-l-4 border-green-700 pl-4">
      <h3 className="font-semibold text-slate-950">{t("compare.reasons", { count: comments.length })}</h3>
      <ul className="mt-2 space-y-3">
        {comments.map((c) => (
          <li key={c.id} className="space-y-1">
            <p className="flex flex-wrap items-center gap-2 text-slate-900">
              <span className="font-medium">{c.organizationName ?? tc(c.signedBySecretariat ? "signature.secretariat" : "signature.committee")}</span>
              <span className="text-sm text-slate-700">{t("compare.onVersion", { number: c.versionNumber })}</span>
              <DispositionBadge disposition={c.disposition} />
            </p>
            <p className="whitespace-pre-line text-slate-900" lang={c.language ?? undefined}>
              {c.body}
            </p>
            {c.proposedText ? (
              <div>
                <p className="text-sm font-medium text-slate-800">{t("compare.proposedText")}</p>
                <blockquote className="whitespace-pre-line border-l-4 border-slate-300 pl-3 text-slate-900" lang={c.language ?? undefined}>
                  {c.proposedText}
                </blockquote>
              </div>
            ) : null}
            {c.answer ? (
              <p className="text-slate-900">
                <span className="font-medium">{t("compare.answer")}</span> {c.answer}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
