import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

export const createApiKeySchema = z.object({ partner: singleLineText({ min: 2, max: 120 }) });
export const revokeApiKeySchema = z.object({ keyId: z.uuid() });
