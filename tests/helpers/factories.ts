import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { loadActor, type Actor } from "@/lib/auth/actor";
import type { OrganizationStatus, OrganizationType, MembershipRole, SiteRole } from "@/lib/generated/prisma/enums";

// Not a real hash: tests that sign in hash their own password with hashPassword().
const PLACEHOLDER_HASH = "$argon2id$v=19$m=19456,t=2,p=1$placeholder$placeholder";

export { resetDatabase } from "./reset-database";

export async function createUser(options: { name?: string; email?: string; roles?: SiteRole[]; passwordHash?: string } = {}) {
  const id = randomUUID();
  return db.user.create({
    data: {
      id,
      name: options.name ?? `User ${id.slice(0, 6)}`,
      email: options.email ?? `${id}@example.test`,
      passwordHash: options.passwordHash ?? PLACEHOLDER_HASH,
      roles: options.roles ? { create: options.roles.map((role) => ({ role })) } : undefined,
    },
  });
}

export async function createOrganization(options: {
  name?: string;
  status?: OrganizationStatus;
  type?: OrganizationType;
  country?: string;
  contactEmail?: string;
  members?: { userId: string; role: MembershipRole }[];
} = {}) {
  const id = randomUUID();
  const name = options.name ?? `Org ${id.slice(0, 8)}`;
  return db.organization.create({
    data: {
      id,
      slug: `org-${id.slice(0, 8)}`,
      name,
      country: options.country ?? "MX",
      subregion: "MEXICO_CENTRAL_AMERICA",
      type: options.type ?? "CSO",
      languages: ["es"],
      description: `Description of ${name}`,
      contactEmail: options.contactEmail ?? `contact-${id}@example.test`,
      status: options.status ?? "VERIFIED",
      memberships: options.members ? { create: options.members } : undefined,
    },
  });
}

export async function giveCommitteeTerm(userId: string, organizationId: string | null, options: { isChair?: boolean } = {}) {
  const start = new Date();
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  const end = new Date();
  end.setUTCFullYear(end.getUTCFullYear() + 1);
  return db.committeeTerm.create({
    data: { userId, organizationId, startsOn: start, endsOn: end, isChair: options.isChair ?? false },
  });
}

export async function actorFor(userId: string): Promise<Actor> {
  const actor = await loadActor(userId);
  if (!actor) throw new Error("no such user");
  return actor;
}

export type RoleName = "visitor" | "participant" | "otherOrgMember" | "orgAdmin" | "orgMember" | "committee" | "staff" | "admin";

/**
 * One of every kind of actor around one verified organization (`org`), for role × command tables.
 * The committee member belongs to `org` too, so their conflict of interest can be tested.
 */
export async function buildWorld() {
  const participant = await createUser({ name: "Participant" });
  const orgAdmin = await createUser({ name: "Org Admin" });
  const orgMember = await createUser({ name: "Org Member" });
  const otherOrgMember = await createUser({ name: "Other Org Member" });
  const committee = await createUser({ name: "Committee Member" });
  const staff = await createUser({ name: "Staff", roles: ["STAFF"] });
  const admin = await createUser({ name: "Admin", roles: ["ADMIN"] });
  const org = await createOrganization({
    name: "Red Regional de Prueba",
    members: [
      { userId: orgAdmin.id, role: "ADMIN" },
      { userId: orgMember.id, role: "MEMBER" },
      { userId: committee.id, role: "MEMBER" },
    ],
  });
  const otherOrg = await createOrganization({ name: "Otra Organización", members: [{ userId: otherOrgMember.id, role: "ADMIN" }] });
  await giveCommitteeTerm(committee.id, org.id);
  const users = { participant, orgAdmin, orgMember, otherOrgMember, committee, staff, admin };
  const actors: Record<RoleName, Actor | null> = { visitor: null } as Record<RoleName, Actor | null>;
  for (const [role, user] of Object.entries(users)) actors[role as RoleName] = await actorFor(user.id);
  return { users, org, otherOrg, actors };
}
