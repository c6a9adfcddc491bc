import { getTranslations } from "next-intl/server";
import { ActionForm, type FormStateAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { Actor } from "@/lib/auth/actor";
import type { FollowSubject } from "@/lib/generated/prisma/enums";

type Props = {
  actor: Actor | null;
  locale: AppLocale;
  subject: FollowSubject;
  subjectKey: string;
  /** From followState (lib/follows/queries). */
  state: { following: boolean; followers: number };
  /** mayFollow(actor, target): the same rule the command applies. */
  mayFollow: boolean;
  /** The page, without the locale, a visitor comes back to after signing in. */
  returnPath: string;
  actions: { follow: FormStateAction; unfollow: FormStateAction };
};

/**
 * Follow or stop following an item, with how many people follow it. A plain form posting to a
 * server action: it works without JavaScript (the page comes back with the new state), and with
 * it the page stays put. Someone already following can always stop, even once following is closed.
 */
export async function FollowSection({ actor, locale, subject, subjectKey, state, mayFollow, returnPath, actions }: Props) {
  const t = await getTranslations("follows");
  const offer = state.following || mayFollow;
  return (
    <section id="follow" aria-labelledby="follow-heading" className="space-y-2 rounded border border-slate-300 bg-white p-4">
      <h2 id="follow-heading" className="text-lg font-semibold text-slate-950">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-800">{t("followers", { count: state.followers })}</p>
      {!actor ? (
        <p>
          <Link href={`/sign-in?next=/${locale}${returnPath}`}>{t("signIn")}</Link>
        </p>
      ) : offer ? (
        <ActionForm action={state.following ? actions.unfollow : actions.follow} aria-label={state.following ? t("unfollow") : t("follow")} className="space-y-2">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="subject" value={subject} />
          <input type="hidden" name="key" value={subjectKey} />
          <p className="text-slate-900">{state.following ? t("following") : t("notFollowing")}</p>
          <Button variant={state.following ? "secondary" : "primary"} pendingLabel={t("working")}>
            {state.following ? t("unfollow") : t("follow")}
          </Button>
        </ActionForm>
      ) : (
        <p className="text-slate-800">{t("closed")}</p>
      )}
    </section>
  );
}
