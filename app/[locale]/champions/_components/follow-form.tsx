import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { Actor } from "@/lib/auth/actor";
import { canFollow } from "@/lib/champions/policy";
import { followAction, unfollowAction } from "../actions";

/** Follow or stop following a country or a commitment; a visitor is offered to sign in. */
export async function FollowForm(props: {
  actor: Actor | null;
  locale: AppLocale;
  subject: "COUNTRY" | "COMMITMENT";
  subjectKey: string;
  following: boolean;
  kind?: "initiative" | "recommendation";
  returnPath: string;
}) {
  const t = await getTranslations("champions.follow");
  if (!canFollow(props.actor)) {
    return (
      <p>
        <Link href={`/sign-in?next=/${props.locale}${props.returnPath}`}>{t("signIn")}</Link>
      </p>
    );
  }
  return (
    <ActionForm action={props.following ? unfollowAction : followAction} aria-label={props.following ? t("unfollow") : t("follow")} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="locale" value={props.locale} />
      <input type="hidden" name="subject" value={props.subject} />
      <input type="hidden" name="key" value={props.subjectKey} />
      {props.kind ? <input type="hidden" name="kind" value={props.kind} /> : null}
      {props.following ? <span className="text-slate-900">{t("following")}</span> : null}
      <Button variant={props.following ? "secondary" : "primary"} pendingLabel={t("working")}>
        {props.following ? t("unfollow") : t("follow")}
      </Button>
    </ActionForm>
  );
}
