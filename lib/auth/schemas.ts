import { z } from "zod";

/** Opening a session: who (already proven by the caller) and the browser's user agent. */
export const openSessionSchema = z.object({
  userId: z.uuid(),
  userAgent: z.string().max(2000).nullish(),
});

/** One session of the actor's to end (their own sign-out, or another browser from the account page). */
export const endSessionSchema = z.object({ sessionId: z.uuid() });

/** Every other session of the actor's: the one kept is the browser asking. */
export const endOtherSessionsSchema = z.object({});
