import { defineCommand, requires } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { canManageCommitteeTerms } from "../policy";
import { endCommitteeTermSchema } from "../schemas";
import { todayUtc } from "./target-user";

/** Staff end a current (or cancel an upcoming) term now; the member loses their rights at the next click. */
export const endCommitteeTerm = defineCommand({
  name: "roles.endCommitteeTerm",
  input: endCommitteeTermSchema,
  actor: "required",
  allow: requires(canManageCommitteeTerms),
  async work({ tx, input, now, record }) {
    const term = await tx.committeeTerm.findUnique({
      where: { id: input.termId },
      select: { id: true, endsOn: true, endedEarlyAt: true, user: { select: { name: true } } },
    });
    if (!term) throw notFound();
    if (term.endedEarlyAt || term.endsOn < todayUtc(now)) throw conflict("roles.termAlreadyOver");
    const ended = await tx.committeeTerm.updateMany({ where: { id: term.id, endedEarlyAt: null }, data: { endedEarlyAt: now } });
    if (ended.count !== 1) throw conflict("roles.termAlreadyOver");
    record({ action: "committee_term.ended", entityType: "CommitteeTerm", entityId: term.id, isPublic: true, data: { userName: term.user.name } });
    return { termId: term.id };
  },
  invalidates: ["admin", "dashboard", "transparency"],
});
