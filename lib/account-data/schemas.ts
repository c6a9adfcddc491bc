import { z } from "zod";
import { localeSchema, NAME_MAX, PASSWORD_MAX } from "@/lib/accounts/schemas";
import { singleLineText } from "@/lib/validation/text";

/** The profile a person edits: the name others read and the language the portal and mail speak. */
export const updateProfileSchema = z.object({
  name: singleLineText({ max: NAME_MAX }),
  preferredLocale: localeSchema,
});

/** "Download my data": nothing to choose, everything is in it. */
export const requestAccountArchiveSchema = z.object({});

/** The background step that builds one requested archive. */
export const prepareAccountArchiveSchema = z.object({ requestId: z.uuid() });

/** Deleting one's account: the password typed again, checked on the server. */
export const deleteOwnAccountSchema = z.object({
  password: z.string().min(1).max(PASSWORD_MAX),
});
