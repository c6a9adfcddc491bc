import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { CommentDisclosure } from "@/components/proposals/comment-disclosure";
import { ActionForm, type FormStateAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { MODERATION_LIMITS, MODERATION_REASONS } from "@/lib/moderation/schemas";
import type { PostKind } from "@/lib/moderation/targets";

/** Where the browser goes after the action: the queue, the post's page or the flag page. */
export type Back = "queue" | "post" | "flag";

type Props = {
  action: FormStateAction;
  kind: PostKind;
  postId: string;
  locale: string;
  back: Back;
  label?: string;
  /** Folds the fields under this summary (by a comment), opened again when the form comes back with an error. */
  folded?: ReactNode;
};

function Hidden({ kind, postId, locale, back }: Pick<Props, "kind" | "postId" | "locale" | "back">) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="back" value={back} />
    </>
  );
}

/** A moderator hides a post: a category and a public reason, both required. */
export async function HideForm(props: Props) {
  const t = await getTranslations("moderation");
  const tc = await getTranslations("common");
  const fields = (
    <>
      <Select
        name="category"
        label={t("moderate.category")}
        required
        requiredLabel={tc("requiredField")}
        placeholder={t("moderate.choose")}
        options={MODERATION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
      />
      <TextArea
        name="reason"
        label={t("moderate.reason")}
        hint={t("moderate.reasonHint", { max: MODERATION_LIMITS.reason })}
        required
        requiredLabel={tc("requiredField")}
        maxLength={MODERATION_LIMITS.reason}
        rows={2}
      />
      <Button variant="danger" pendingLabel={t("moderate.hiding")}>
        {t("moderate.hide")}
      </Button>
    </>
  );
  return (
    <ActionForm action={props.action} aria-label={props.label ?? t("moderate.heading")} className="space-y-4">
      <Hidden {...props} />
      {props.folded ? <CommentDisclosure summary={props.folded}>{fields}</CommentDisclosure> : fields}
    </ActionForm>
  );
}

/** A moderator shows a hidden post again, with a public reason. */
export async function UnhideForm(props: Props) {
  const t = await getTranslations("moderation");
  const tc = await getTranslations("common");
  return (
    <ActionForm action={props.action} aria-label={props.label ?? t("moderate.unhide")} className="space-y-4">
      <Hidden {...props} />
      <TextArea
        name="reason"
        label={t("moderate.unhideReason")}
        required
        requiredLabel={tc("requiredField")}
        maxLength={MODERATION_LIMITS.reason}
        rows={2}
      />
      <Button variant="secondary" pendingLabel={t("moderate.unhiding")}>
        {t("moderate.unhide")}
      </Button>
    </ActionForm>
  );
}

/** A moderator dismisses the post's open flags. */
export async function DismissForm(props: Props) {
  const t = await getTranslations("moderation");
  return (
    <ActionForm action={props.action} aria-label={props.label ?? t("moderate.dismiss")} className="space-y-2">
      <Hidden {...props} />
      <Button variant="secondary" pendingLabel={t("moderate.dismissing")}>
        {t("moderate.dismiss")}
      </Button>
    </ActionForm>
  );
}
