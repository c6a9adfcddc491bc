import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

const DONE = ["commented", "answered", "linked", "unlinked"] as const;

/** The notice after a comment form came back (?done=commented|answered|linked|unlinked); nothing otherwise. */
export async function CommentDoneNotice({ done }: { done: string | string[] | undefined }) {
  const value = typeof done === "string" ? DONE.find((d) => d === done) : undefined;
  if (!value) return null;
  const t = await getTranslations("reportComments");
  return (
    <Alert tone="success" live>
      {t(`done.${value}`)}
    </Alert>
  );
}
