import { errorCapabilities, namespaces } from "./namespaces";
import type { AppLocale } from "./routing";

export type Messages = Record<string, Record<string, unknown>>;

async function readMessages(locale: AppLocale): Promise<Messages> {
  const entries = await Promise.all(
    namespaces.map(async (ns) => [ns, (await import(`../messages/${locale}/${ns}.json`)).default] as const),
  );
  const messages: Messages = Object.fromEntries(entries);
  const capabilityErrors = await Promise.all(
    errorCapabilities.map(async (cap) => [cap, (await import(`../messages/${locale}/errors.${cap}.json`)).default] as const),
  );
  messages.errors = { ...messages.errors, ...Object.fromEntries(capabilityErrors) };
  return messages;
}

// Read once per language and kept: the bundler's import of 56 catalogues, redone on every
// request, cost a signed-in page about a third of its time (measured with --cpu-prof) and most
// of its garbage. In development they are read again each time, so edits show at once.
const loaded = new Map<AppLocale, Promise<Messages>>();

/** The whole catalogue of a language. Shared between requests: read it, never change it. */
export function loadMessages(locale: AppLocale): Promise<Messages> {
  if (process.env.NODE_ENV !== "production") return readMessages(locale);
  let messages = loaded.get(locale);
  if (!messages) {
    messages = readMessages(locale);
    loaded.set(locale, messages);
    // A failed read is tried again on the next request rather than kept.
    messages.catch(() => loaded.delete(locale));
  }
  return messages;
}
