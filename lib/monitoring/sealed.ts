import { z } from "zod";
import { seal, unseal, type Sealed } from "./crypto";

// What of a report and its messages is sealed (lib/monitoring/crypto.ts): everything that could
// identify a reporter or the people affected. The reviewers' pages open the same shapes.

export const REPORT_CONTEXT = "MonitoringReport";
export const MESSAGE_CONTEXT = "MonitoringMessage";

/** The sealed part of a report. `contact` is null when never given or erased at the reporter's request. */
export type ReportSecrets = {
  narrative: string;
  place: string | null;
  affected: string;
  evidence: { links: string[]; text: string | null };
  contact: string | null;
};

/** The sealed part of a message between the reviewers and the reporter. */
export type MessageSecrets = { body: string };

type SealedRow = { sealed: Uint8Array; keyId: string };

/** As a Bytes column takes it (Prisma wants a Uint8Array over a plain ArrayBuffer, not a Buffer). */
export type StoredSeal = { sealed: Uint8Array<ArrayBuffer>; keyId: string };
const stored = ({ sealed, keyId }: Sealed): StoredSeal => ({ sealed: new Uint8Array(sealed), keyId });

export const sealReport = (value: ReportSecrets): StoredSeal => stored(seal(value, REPORT_CONTEXT));
export const openReport = (row: SealedRow): ReportSecrets => unseal<ReportSecrets>(row.sealed, row.keyId, REPORT_CONTEXT);
export const sealMessage = (value: MessageSecrets): StoredSeal => stored(seal(value, MESSAGE_CONTEXT));
export const openMessage = (row: SealedRow): MessageSecrets => unseal<MessageSecrets>(row.sealed, row.keyId, MESSAGE_CONTEXT);

/** The sealed report's shape as a schema, for code that must check a blob (tests, rotation). */
export const reportSecretsSchema = z.strictObject({
  narrative: z.string(),
  place: z.string().nullable(),
  affected: z.string(),
  evidence: z.strictObject({ links: z.array(z.string()), text: z.string().nullable() }),
  contact: z.string().nullable(),
}) satisfies z.ZodType<ReportSecrets>;
