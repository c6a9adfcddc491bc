import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { refuse } from "@/lib/errors";
import { canActOnNominations, inviteRefusal } from "../policy";
import { nominationRefSchema } from "../schemas";
import { hashOptOutEmail } from "../tokens";
import { issueInvitation, nominationSelect, result, SURFACES, visibleNomination } from "./shared";

/**
 * A committee member sends the nominee a (new) personal link: to a nomination not yet invited,
 * or whose invitation expired. The link works for 14 days, never after the session starts.
 */
export const invite = defineCommand({
  name: "nominations.invite",
  input: nominationRefSchema,
  actor: "required",
  allow: requires(canActOnNominations),
  async load({ tx, input }) {
    await lockRow(tx, "Nomination", input.nominationId);
    const n = await tx.nomination.findFirst({ where: visibleNomination(input.nominationId), select: nominationSelect });
    const optedOut = n
      ? !!(await tx.nominationOptOut.findUnique({
          where: { sessionId_emailHash: { sessionId: n.sessionId, emailHash: hashOptOutEmail(n.nomineeEmail) } },
          select: { sessionId: true },
        }))
      : false;
    return { n, optedOut };
  },
  authorize: ({ actor, now, loaded: { n, optedOut } }) => (n ? inviteRefusal(actor, n.session, n, now, optedOut) : refuse.notFound()),
  async work({ tx, now, loaded, record, mail }) {
    const n = loaded.n!;
    mail(await issueInvitation(tx, n, now, record));
    return result(n, "INVITED");
  },
  respond: (invited, { mailDelivered }) => ({ ...invited, emailSent: mailDelivered }),
  invalidates: SURFACES.private,
});
