import type { ReactNode } from "react";
import { resolvePageLocale } from "@/i18n/page-locale";
import "@/components/report/print.css";

/** The report's pages share the print layout (components/report/print.css). */
export default async function ReportLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  await resolvePageLocale(params);
  return <div className="report-print">{children}</div>;
}
