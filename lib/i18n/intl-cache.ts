// Intl formatters are costly to build (ICU loads the locale's data each time) and cheap to
// reuse; a page with forty dates built forty. Kept per locale and options, for the server's life.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const collators = new Map<string, Intl.Collator>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

export function collator(locale: string): Intl.Collator {
  let value = collators.get(locale);
  if (!value) collators.set(locale, (value = new Intl.Collator(locale)));
  return value;
}

export function numberFormat(locale: string): Intl.NumberFormat {
  let value = numberFormats.get(locale);
  if (!value) numberFormats.set(locale, (value = new Intl.NumberFormat(locale)));
  return value;
}
