import { z } from "zod";
import { seal, unseal, type Sealed } from "./crypto";

// What a report seals: everything that could identify a reporter, a victim or a place. One type
// for both sides (the reporter files it, the reviewers open it and erase the contact).

export const sealedReportSchema = z.strictObject({
  narrative: z.string(),
  place: z.string().nullable(),
  affected: z.string(),
  evidence: z.string().nullable(),
  contact: z.string().nullable(),
});
export type SealedReport = z.infer<typeof sealedReportSchema>;

/** The authenticated context of each sealed column: a blob cannot be moved to another table. */
export const REPORT_CONTEXT = "MonitoringReport";
export const MESSAGE_CONTEXT = "MonitoringMessage";

export const sealReport = (report: SealedReport): Sealed => seal(sealedReportSchema.parse(report), REPORT_CONTEXT);

/** Opens a report's blob and checks its shape (a damaged or foreign blob throws, never half-shows). */
export const openReport = (row: { sealed: Uint8Array; keyId: string }): SealedReport =>
  sealedReportSchema.parse(unseal<unknown>(row.sealed, row.keyId, REPORT_CONTEXT));

const sealedMessageSchema = z.strictObject({ body: z.string() });

export const sealMessage = (body: string): Sealed => seal({ body }, MESSAGE_CONTEXT);

export const openMessage = (row: { sealed: Uint8Array; keyId: string }): string =>
  sealedMessageSchema.parse(unseal<unknown>(row.sealed, row.keyId, MESSAGE_CONTEXT)).body;
