import { CommitmentView } from "@/components/champions/commitment-view";
import type { AppLocale } from "@/i18n/routing";
import type { Actor } from "@/lib/auth/actor";
import { assessingOrganizations } from "@/lib/champions/commitment-queries";
import { canManageChampions } from "@/lib/champions/policy";
import { isFollowing, type CommitmentPage } from "@/lib/champions/queries";
import { AssessForm } from "./assess-form";
import { DoneNotice } from "./done-notice";
import { FollowForm } from "./follow-form";
import { AssessmentModeration, StaffTools } from "./staff-tools";

/**
 * An initiative's or a recommendation's page: the shared view, with the action areas this
 * viewer may use (follow, assess, staff's tools). Everything else is the same for every reader.
 */
export async function CommitmentPageBody({ commitment, actor, locale, done }: { commitment: CommitmentPage; actor: Actor | null; locale: AppLocale; done?: string | string[] }) {
  const kind = commitment.kind === "INITIATIVE" ? "initiative" : "recommendation";
  const path = kind === "initiative" ? `/champions/initiatives/${commitment.id}` : `/report/follow-up/${commitment.id}`;
  const staff = canManageChampions(actor);
  const [following, organizations] = await Promise.all([isFollowing(actor, "COMMITMENT", commitment.id), assessingOrganizations(actor, commitment)]);
  const target = { commitmentId: commitment.id, kind, locale } as const;
  return (
    <CommitmentView
      commitment={commitment}
      locale={locale}
      slots={{
        notice: <DoneNotice done={done} />,
        follow: <FollowForm actor={actor} locale={locale} subject="COMMITMENT" subjectKey={commitment.id} following={following} kind={kind} returnPath={path} />,
        assessForm: <AssessForm commitmentId={commitment.id} kind={kind} locale={locale} organizations={organizations} />,
        staffTools: staff ? <StaffTools {...target} editHref={`/champions/initiatives/${commitment.id}/edit`} /> : null,
        assessmentTools: staff ? (assessment) => <AssessmentModeration {...target} assessment={assessment} /> : undefined,
      }}
    />
  );
}
