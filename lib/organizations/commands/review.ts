import type { z } from "zod";
import type { AuditAction } from "@/lib/audit/events";
import { defineCommand, requires } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { statusChangeEmail } from "../emails";
import { canReviewOrganizations, nextStatus, reviewRefusal, type ReviewAction } from "../policy";
import { organizationData } from "./shared";

/** The log entry each decision writes. */
const AUDIT_ACTION = {
  verify: "organization.verified",
  reject: "organization.rejected",
  suspend: "organization.suspended",
  reinstate: "organization.reinstated",
} as const satisfies Record<ReviewAction, AuditAction>;

type ReviewInput = { organizationId: string; reason?: string };

/**
 * One staff decision on an organization: the state machine says whether it is allowed from
 * the current status, the status goes in the WHERE (if someone else decided first, nothing is
 * written), and the organization's admins are told by email after the commit.
 */
export function reviewCommand(action: ReviewAction, input: z.ZodType<ReviewInput>) {
  return defineCommand({
    name: `organizations.${action}`,
    input,
    actor: "required",
    allow: requires(canReviewOrganizations),
    async load({ tx, input }) {
      const organization = await tx.organization.findUnique({
        where: { id: input.organizationId },
        select: { id: true, name: true, slug: true, status: true },
      });
      if (!organization) throw notFound();
      return organization;
    },
    authorize: ({ loaded }) => reviewRefusal(loaded.status, action),
    async work({ tx, input, now, loaded: current, record, mail }) {
      // authorize refused every status the action has no next one from.
      const to = nextStatus(current.status, action)!;
      const { count } = await tx.organization.updateMany({
        where: { id: current.id, status: current.status },
        data: { status: to, statusReason: input.reason ?? null, statusChangedAt: now },
      });
      if (count !== 1) throw conflict("organizations.wrongState");
      // Rejected organizations were never public, so neither is their rejection. Public entries
      // carry the name and slug only: the reason goes to the organization's admins, not the log.
      const entry = { entityType: "Organization", entityId: current.id } as const;
      if (action === "reject") {
        record({ ...entry, action: AUDIT_ACTION.reject, isPublic: false, data: { ...organizationData(current), reason: input.reason ?? null } });
      } else {
        record({ ...entry, action: AUDIT_ACTION[action], isPublic: true, data: organizationData(current) });
      }
      const admins = await tx.membership.findMany({
        where: { organizationId: current.id, role: "ADMIN" },
        select: { user: { select: { email: true, preferredLocale: true } } },
      });
      for (const { user } of admins) {
        mail(
          statusChangeEmail({
            to: user.email,
            locale: user.preferredLocale,
            action,
            organizationName: current.name,
            organizationSlug: current.slug,
            reason: input.reason,
          }),
        );
      }
      return { ...current, status: to };
    },
    // The queue, the directory, the organization's page, the public log and the home page's figures.
    invalidates: ["admin", "organizations", "dashboard", "transparency", "home"],
  });
}
