import { z } from "zod";

/** How many notifications one "mark as read" may name (a page shows fewer). */
export const MARK_READ_MAX_IDS = 100;

/** One id or several (repeated form fields) always become a list. */
const toList = (value: unknown) => (value === undefined || value === null || value === "" ? undefined : Array.isArray(value) ? value : [value]);

/** `ids` names the notifications to mark as read; without it, every unread one is marked. */
export const markNotificationsReadSchema = z.preprocess(
  // Nothing at all reads as "every one".
  (value) => value ?? {},
  z.object({ ids: z.preprocess(toList, z.array(z.uuid()).min(1).max(MARK_READ_MAX_IDS).optional()) }),
);
