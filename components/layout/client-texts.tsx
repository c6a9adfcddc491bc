"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * Every catalogue sentence the browser gets: client components take their words as props from
 * the server page; only the error page, which Next renders without props, reads these. There is
 * no NextIntlClientProvider (its runtime and the catalogues would ship on every page);
 * tests/unit/client-messages.test.ts holds client files to this.
 */
export type ClientTexts = { errorPage: { title: string; body: string; retry: string } };

const ClientTextsContext = createContext<ClientTexts | null>(null);

export function ClientTextsProvider({ texts, children }: { texts: ClientTexts; children: ReactNode }) {
  return <ClientTextsContext.Provider value={texts}>{children}</ClientTextsContext.Provider>;
}

export function useClientTexts(): ClientTexts {
  const texts = useContext(ClientTextsContext);
  if (!texts) throw new Error("useClientTexts outside the [locale] layout");
  return texts;
}
