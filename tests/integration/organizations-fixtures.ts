// Shared by tests/integration/organizations*.test.ts (not a test file itself).
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import type { RoleName } from "../helpers/factories";
import { deliverQueuedMail } from "../helpers/mail";

export const ROLES: RoleName[] = ["visitor", "participant", "orgAdmin", "orgMember", "otherOrgMember", "committee", "staff", "admin"];

export { appError, outcome, type Outcome } from "../helpers/outcomes";

/** Row counts of every table a command of this capability may write. */
export async function rowCounts() {
  const [organizations, memberships, invitations, audit, outbox] = await Promise.all([
    db.organization.count(),
    db.membership.count(),
    db.organizationInvitation.count(),
    db.auditEntry.count(),
    // Mail the command queued (sent later by the worker).
    db.emailDelivery.count(),
  ]);
  return { organizations, memberships, invitations, audit, outbox };
}

/** A complete, valid registration; override what a test is about. */
export function validRegistration(overrides: Record<string, unknown> = {}) {
  return {
    name: "Red de Apoyo a Migrantes",
    acronym: "RAM",
    country: "GT",
    type: "CSO",
    languages: ["es", "en"],
    website: "https://www.ram.example.org",
    description: "Acompañamos a personas migrantes en tránsito.",
    contactEmail: "contacto@ram.example.org",
    ...overrides,
  };
}

/** The invitation token from the newest email in the outbox. */
export async function tokenFromOutbox(to: string): Promise<{ token: string; locale: string; subject: string; text: string }> {
  await deliverQueuedMail();
  const mail = await db.outboxEmail.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
  if (!mail) expect.fail(`no email to ${to}`);
  const match = mail.text.match(/\/(es|en|pt|fr)\/invitations\/([A-Za-z0-9_-]{43})/);
  if (!match) expect.fail("no invitation link in the email");
  return { token: match[2], locale: match[1], subject: mail.subject, text: mail.text };
}
