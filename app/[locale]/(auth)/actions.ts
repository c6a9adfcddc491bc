"use server";

import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/session";
import { isLocale } from "@/i18n/routing";

export async function signOutAction(formData: FormData) {
  await endSession();
  const locale = formData.get("locale");
  redirect(`/${isLocale(locale) ? locale : "es"}`);
}
