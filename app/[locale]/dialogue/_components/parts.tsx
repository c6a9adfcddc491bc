import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { PublicAuthor } from "@/lib/dialogue/authorship";
import type { QuestionStatus } from "@/lib/dialogue/schemas";
import { countryName } from "@/lib/i18n/countries";
import type { DialogueDone } from "../actions";

type Translate = Awaited<ReturnType<typeof getTranslations<"dialogue">>>;

/** An institution's name in the reader's language: IOM, ECLAC, or a State's focal point with its country. */
export const institutionName = (t: Translate, institution: { kind: "IOM" | "ECLAC" | "STATE"; country: string | null }, locale: AppLocale) =>
  t(`institutions.${institution.kind}`, { country: institution.country ? countryName(institution.country, locale) : "" });

export function InstitutionLink({ t, institution, locale }: { t: Translate; institution: { slug: string; kind: "IOM" | "ECLAC" | "STATE"; country: string | null }; locale: AppLocale }) {
  return <Link href={`/dialogue/institutions/${institution.slug}`}>{institutionName(t, institution, locale)}</Link>;
}

const TONES: Record<QuestionStatus, "info" | "success" | "danger"> = { awaiting: "info", answered: "success", overdue: "danger" };

export function StatusBadge({ t, status }: { t: Translate; status: QuestionStatus }) {
  return <Badge tone={TONES[status]}>{t(`status.${status}`)}</Badge>;
}

/** Who asked: a name, or a pseudonym vouched for by a verified organization (named only if the member chose). */
export function AuthorLine({ t, author }: { t: Translate; author: PublicAuthor }) {
  if (author.kind === "person") return <>{t("author.person", { name: author.name })}</>;
  if (author.kind === "gone") return <>{t("author.gone")}</>;
  return (
    <>
      {t("author.pseudonym", { pseudonym: author.pseudonym })}{" "}
      {author.organization ? (
        <>
          {t("author.vouchedBy")} <Link href={`/organizations/${author.organization.slug}`}>{author.organization.name}</Link>
        </>
      ) : (
        t("author.vouched")
      )}
    </>
  );
}

const DONE: readonly DialogueDone[] = ["asked", "supported", "unsupported", "answered", "profileSaved", "disclosed"];

/** The notice after an action (?done=…); anything else in the URL is ignored. */
export async function DoneNotice({ done }: { done: string | string[] | undefined }) {
  const t = await getTranslations("dialogue.done");
  if (typeof done !== "string" || !(DONE as readonly string[]).includes(done)) return null;
  return (
    <Alert tone="success" live>
      {t(done as DialogueDone)}
    </Alert>
  );
}
