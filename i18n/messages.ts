import { errorCapabilities, namespaces } from "./namespaces";
import type { AppLocale } from "./routing";

export type Messages = Record<string, Record<string, unknown>>;

export async function loadMessages(locale: AppLocale): Promise<Messages> {
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
