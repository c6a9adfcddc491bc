import { defineRouting } from "next-intl/routing";
import { defaultLocale, locales } from "./locales";

export { defaultLocale, isLocale, localeOr, locales, type AppLocale } from "./locales";

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "always",
  // The language is in the URL; a cookie would only make shared links behave differently.
  localeCookie: false,
});
