import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { refuse } from "@/lib/errors";
import { asLocalizedText } from "@/lib/i18n/localized-text";
import { canSetSelectionMode, setSelectionModeRefusal } from "../policy";
import { selectionModeSchema } from "../schemas";
import { sessionSelect, SURFACES } from "./shared";

/** The chair or staff decide, per session, whether the chair selects or any two members together (until the slate is confirmed). */
export const setSelectionMode = defineCommand({
  name: "nominations.setSelectionMode",
  input: selectionModeSchema,
  actor: "required",
  allow: requires(canSetSelectionMode),
  async load({ tx, input }) {
    await lockRow(tx, "ReviewSession", input.sessionId);
    return tx.reviewSession.findFirst({ where: { id: input.sessionId, status: { not: "DRAFT" } }, select: sessionSelect });
  },
  authorize: ({ actor, loaded: session }) => (session ? setSelectionModeRefusal(actor, session) : refuse.notFound()),
  async work({ tx, input, loaded, record }) {
    const session = loaded!;
    if (session.selectionMode === input.mode) return { sessionId: session.id, mode: input.mode, changed: false };
    await tx.reviewSession.update({ where: { id: session.id }, data: { selectionMode: input.mode } });
    record({
      action: "nomination.selection_mode_changed",
      entityType: "ReviewSession",
      entityId: session.id,
      isPublic: false,
      data: { sessionId: session.id, sessionTitle: asLocalizedText(session.title), mode: input.mode, previousMode: session.selectionMode },
    });
    return { sessionId: session.id, mode: input.mode, changed: true };
  },
  invalidates: (done) => (done.changed ? SURFACES.private : []),
});
