import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { refuse } from "@/lib/errors";
import type { NominationStatus } from "@/lib/generated/prisma/enums";
import { asLocalizedText } from "@/lib/i18n/localized-text";
import { notify } from "@/lib/notifications/notify";
import type { NominationNotificationKind } from "@/lib/notifications/kinds";
import { notSelectedEmail, selectedEmail } from "../emails";
import { canConfirmSlate, confirmSlateRefusal, nextNominationStatus, VOTES_TO_SELECT } from "../policy";
import { sessionRefSchema } from "../schemas";
import { mailContext, nominationSelect, sessionSelect, SURFACES, titleIn } from "./shared";

export type ConfirmResult = { sessionId: string; selected: number; notSelected: number; expired: number; emailsSent: boolean };

const slateSelect = {
  ...nominationSelect,
  publishName: true,
  publishOrganization: true,
  selectionRationale: true,
  nomineeOrganization: { select: { name: true, subregion: true, type: true } },
  selectedBy: { select: { name: true } },
  selectionVotes: { orderBy: { createdAt: "asc" }, select: { rationale: true, user: { select: { name: true } } } },
} as const;

/**
 * Staff confirm the slate of a session open for nominations: the selected stay selected, the
 * accepted ones are not selected, the ones never answered (proposed, invited) expire, and the
 * session moves to SPEAKERS_CONFIRMED. The public log gets one entry per speaker (what they
 * allowed to publish, who selected them and why) and one for the session; selected and
 * not-selected nominees are told by email, and in the app when they have an account.
 */
export const confirmSlate = defineCommand({
  name: "nominations.confirmSlate",
  input: sessionRefSchema,
  actor: "required",
  allow: requires(canConfirmSlate),
  async load({ tx, input }) {
    await lockRow(tx, "ReviewSession", input.sessionId);
    const session = await tx.reviewSession.findFirst({ where: { id: input.sessionId, status: { not: "DRAFT" } }, select: sessionSelect });
    if (!session) return null;
    const nominations = await tx.nomination.findMany({
      where: { sessionId: session.id },
      orderBy: [{ role: "asc" }, { selectedAt: "asc" }, { createdAt: "asc" }],
      select: slateSelect,
    });
    return { session, nominations };
  },
  authorize: ({ actor, loaded }) =>
    loaded ? confirmSlateRefusal(actor, loaded.session, loaded.nominations.filter((n) => n.status === "SELECTED").length) : refuse.notFound(),
  async work({ tx, now, loaded, record, mail }) {
    const { session, nominations } = loaded!;
    const selected = nominations.filter((n) => n.status === "SELECTED");
    // From the stored status: an invitation that ran out unnoticed (still INVITED) expires too.
    const byOutcome = (target: NominationStatus) => nominations.filter((n) => n.status !== target && nextNominationStatus(n.status, "confirm") === target);
    const notSelected = byOutcome("NOT_SELECTED");
    const expired = byOutcome("EXPIRED");
    if (notSelected.length) {
      await tx.nomination.updateMany({ where: { id: { in: notSelected.map((n) => n.id) }, status: "ACCEPTED" }, data: { status: "NOT_SELECTED" } });
    }
    if (expired.length) {
      await tx.nomination.updateMany({ where: { id: { in: expired.map((n) => n.id) }, status: { in: ["PROPOSED", "INVITED"] } }, data: { status: "EXPIRED" } });
      await tx.nominationToken.updateMany({ where: { nominationId: { in: expired.map((n) => n.id) }, purpose: "RESPOND", usedAt: null }, data: { usedAt: now } });
    }
    await tx.reviewSession.update({ where: { id: session.id }, data: { status: "SPEAKERS_CONFIRMED", statusChangedAt: now } });

    const sessionTitle = asLocalizedText(session.title);
    for (const n of selected) {
      const twoMembers = n.selectionVotes.length >= VOTES_TO_SELECT;
      record({
        action: "nomination.confirmed",
        entityType: "Nomination",
        entityId: n.id,
        isPublic: true,
        // Only what the speaker allowed to publish; never the email, the gender or the committee's nomination rationale.
        data: {
          sessionId: session.id,
          sessionTitle,
          role: n.role,
          speakerName: n.publishName ? n.nomineeName : null,
          organizationName: n.publishOrganization ? (n.nomineeOrganization?.name ?? n.nomineeOrganizationName ?? null) : null,
          selectedBy: twoMembers ? n.selectionVotes.map((v) => v.user.name).join(", ") : (n.selectedBy?.name ?? ""),
          rationale: twoMembers ? n.selectionVotes.map((v) => v.rationale).join("\n\n") : (n.selectionRationale ?? ""),
        },
      });
    }
    record({
      action: "session.speakers_confirmed",
      entityType: "ReviewSession",
      entityId: session.id,
      isPublic: true,
      data: { sessionId: session.id, sessionTitle, speakerCount: selected.length },
    });

    // In the app for nominees with an account, and by email, each in their language.
    const tell = async (list: typeof nominations, kind: NominationNotificationKind) => {
      for (const n of list) {
        if (n.nomineeUserId) {
          const sessionTitle = titleIn(session.title, n.nomineeUser?.preferredLocale ?? "es");
          await notify(tx, { userIds: [n.nomineeUserId], kind, data: { sessionId: session.id, sessionTitle } });
        }
      }
    };
    await tell(selected, "nomination.selected");
    await tell(notSelected, "nomination.not_selected");
    for (const n of selected) mail(selectedEmail(mailContext(n)));
    for (const n of notSelected) mail(notSelectedEmail(mailContext(n)));
    return { sessionId: session.id, selected: selected.length, notSelected: notSelected.length, expired: expired.length };
  },
  respond: (done, { mailDelivered }): ConfirmResult => ({ ...done, emailsSent: mailDelivered }),
  invalidates: SURFACES.confirmed,
});
