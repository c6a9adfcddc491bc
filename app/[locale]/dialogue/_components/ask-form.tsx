import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { locales, type AppLocale } from "@/i18n/routing";
import { DIALOGUE_LIMITS } from "@/lib/dialogue/schemas";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import { askQuestionAction } from "../actions";
import { VoiceFields } from "@/components/dialogue/voice-fields";

type Option = { value: string; label: string };

export async function AskForm({ locale, addressees, defaultAddressee, organizations }: { locale: AppLocale; addressees: Option[]; defaultAddressee?: string; organizations: Option[] }) {
  const [t, tc, tg] = await Promise.all([getTranslations("dialogue"), getTranslations("common"), getTranslations("gcm")]);
  return (
    <ActionForm action={askQuestionAction} aria-label={t("ask.title")}>
      <input type="hidden" name="locale" value={locale} />
      <Select name="addressee" label={t("ask.addressee")} options={addressees} defaultValue={defaultAddressee} placeholder={t("ask.chooseAddressee")} required requiredLabel={tc("requiredField")} />
      <Select name="language" label={t("ask.language")} hint={t("ask.languageHint")} defaultValue={locale} options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} />
      <Field name="title" label={t("ask.questionTitle")} required requiredLabel={tc("requiredField")} maxLength={DIALOGUE_LIMITS.title} />
      <TextArea name="body" label={t("ask.body")} required requiredLabel={tc("requiredField")} maxLength={DIALOGUE_LIMITS.body} rows={6} />
      <CheckboxGroup name="objectives" legend={t("ask.objectives")} hint={t("ask.objectivesHint")} options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))} columns={1} />
      <VoiceFields organizations={organizations} />
      <Button pendingLabel={t("working")}>{t("ask.submit")}</Button>
    </ActionForm>
  );
}
