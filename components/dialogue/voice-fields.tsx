import { getTranslations } from "next-intl/server";
import { Checkbox } from "@/components/ui/checkbox-group";
import { Select } from "@/components/ui/select";

/**
 * Who the post speaks as. Only members of verified organizations see the pseudonym choice: the
 * organization vouches for them and is not named unless they tick the box.
 */
export async function VoiceFields({ organizations }: { organizations: { value: string; label: string }[] }) {
  const t = await getTranslations("dialogue");
  if (organizations.length === 0) return null;
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-300 p-4">
      <legend className="px-1 font-medium text-slate-900">{t("voice.legend")}</legend>
      <p className="text-sm text-slate-800">{t("voice.explain")}</p>
      <Select name="voice" label={t("voice.label")} defaultValue="self" options={[{ value: "self", label: t("voice.self") }, { value: "pseudonym", label: t("voice.pseudonym") }]} />
      <Select name="organizationId" label={t("voice.organization")} hint={t("voice.organizationHint")} defaultValue={organizations.length === 1 ? organizations[0].value : undefined} placeholder={organizations.length > 1 ? t("voice.chooseOrganization") : undefined} options={organizations} />
      <Checkbox name="showOrganization" label={t("voice.showOrganization")} />
    </fieldset>
  );
}
