import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring, messageRefusal } from "../policy";
import { messageReporterSchema } from "../review-schemas";
import { sealMessage } from "../sealed";
import { loadCase } from "./case-rows";

/**
 * A reviewer writes to the reporter, who reads it on the receipt page. The text is sealed like
 * the report; the case history names the message, never its text.
 *
 * Input: { reportId, body }
 */
export const messageReporter = defineCommand({
  name: "monitoring.messageReporter",
  input: messageReporterSchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadCase(tx, input.reportId),
  authorize: ({ actor, loaded, now }) => messageRefusal(actor, loaded, now),
  async work({ tx, input, actor, loaded }) {
    const { sealed, keyId } = sealMessage({ body: input.body });
    const message = await tx.monitoringMessage.create({
      data: { reportId: loaded.id, fromReporter: false, authorId: actor.userId, sealed, keyId },
      select: { id: true },
    });
    await recordCaseEvent(tx, loaded.id, actor.userId, "case.message_sent", { messageId: message.id });
    return { reportId: loaded.id, messageId: message.id };
  },
  invalidates: ["dashboard"],
});
