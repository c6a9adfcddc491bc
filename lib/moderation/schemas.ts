import { z } from "zod";
import { multiLineText, optionalMultiLineText } from "@/lib/validation/text";
import { POST_KINDS } from "./targets";

// Flags, hides and their reasons. The reasons are a fixed list (the ModerationReason enum): a
// flag names one, and a moderator's public reason for hiding is filed under one too.

export const MODERATION_REASONS = ["SPAM", "ABUSIVE", "PERSONAL_DATA", "OFF_TOPIC", "MISLEADING", "OTHER"] as const;
export const FLAG_STATUSES = ["OPEN", "UPHELD", "DISMISSED"] as const;
export type ModerationReasonName = (typeof MODERATION_REASONS)[number];
export type FlagStatusName = (typeof FLAG_STATUSES)[number];

/** Limits shared by the forms (maxLength), the commands and the tests; they match the columns. */
export const MODERATION_LIMITS = { note: 500, reason: 500 } as const;

const post = { kind: z.enum(POST_KINDS), postId: z.uuid() };

export const flagPostSchema = z.object({
  ...post,
  category: z.enum(MODERATION_REASONS),
  /** For moderators only; never shown with the flagger's name, nor anywhere public. */
  note: optionalMultiLineText({ max: MODERATION_LIMITS.note }),
});

export const hidePostSchema = z.object({
  ...post,
  category: z.enum(MODERATION_REASONS),
  /** Public: it replaces the text on every page and is in the public log. */
  reason: multiLineText({ max: MODERATION_LIMITS.reason }),
});

export const dismissFlagsSchema = z.object(post);

export const unhidePostSchema = z.object({
  ...post,
  /** Public, in the log: why the post is shown again. */
  reason: multiLineText({ max: MODERATION_LIMITS.reason }),
});
