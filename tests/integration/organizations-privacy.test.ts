import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listPublicLog } from "@/lib/audit/queries";
import { suspendOrganization, verifyOrganization } from "@/lib/organizations/commands";
import { getOrganizationProfile, listPublicOrganizations, publicOrganizationSelect } from "@/lib/organizations/queries";
import { actorFor, buildWorld, createOrganization, createUser, resetDatabase } from "../helpers/factories";
import { ROLES } from "./organizations-fixtures";

describe("what the public sees of organizations", () => {
  beforeEach(resetDatabase);

  async function seed() {
    const pendingAdmin = await createUser({ name: "Pending Admin", email: "pending-admin-secret@example.test" });
    const pendingMember = await createUser({ name: "Pending Member", email: "pending-member-secret@example.test" });
    const verifiedAdmin = await createUser({ name: "Verified Admin", email: "verified-admin-secret@example.test" });
    const verifiedMember = await createUser({ name: "Verified Member", email: "verified-member-secret@example.test" });
    const pending = await createOrganization({
      name: "Organización Pendiente Oculta",
      status: "PENDING",
      contactEmail: "pending-contact-secret@example.test",
      members: [
        { userId: pendingAdmin.id, role: "ADMIN" },
        { userId: pendingMember.id, role: "MEMBER" },
      ],
    });
    const verified = await createOrganization({
      name: "Organización Verificada Visible",
      status: "VERIFIED",
      contactEmail: "verified-contact-secret@example.test",
      members: [
        { userId: verifiedAdmin.id, role: "ADMIN" },
        { userId: verifiedMember.id, role: "MEMBER" },
      ],
    });
    await db.organization.update({ where: { id: verified.id }, data: { statusReason: "INTERNAL-NOTE" } });
    const emails = [
      "pending-admin-secret@example.test",
      "pending-member-secret@example.test",
      "verified-admin-secret@example.test",
      "verified-member-secret@example.test",
      "pending-contact-secret@example.test",
      "verified-contact-secret@example.test",
    ];
    return { pending, verified, emails, pendingAdmin, pendingMember };
  }

  it("never includes contact emails, member emails or unverified organizations in the directory or a visitor's profile", async () => {
    const { pending, verified, emails } = await seed();
    const list = await listPublicOrganizations({}, 1);
    const profile = await getOrganizationProfile(null, verified.slug);
    expect(list.items.map((o) => o.name)).toEqual(["Organización Verificada Visible"]);
    expect(profile?.organization.name).toBe("Organización Verificada Visible");
    expect(profile?.private).toBeNull();
    for (const text of [JSON.stringify(list), JSON.stringify(profile)]) {
      for (const email of emails) expect(text).not.toContain(email);
      expect(text).not.toContain("@");
      expect(text).not.toContain(pending.name);
      expect(text).not.toContain(pending.slug);
      expect(text).not.toContain("INTERNAL-NOTE");
    }
    expect(await getOrganizationProfile(null, pending.slug)).toBeNull();
  });

  it("keeps contactEmail out of the public select", () => {
    expect(Object.keys(publicOrganizationSelect)).not.toContain("contactEmail");
    expect(Object.keys(publicOrganizationSelect)).not.toContain("statusReason");
  });

  it("shows an unverified organization only to its own members and staff", async () => {
    const { actors } = await buildWorld();
    const { pending, pendingAdmin, pendingMember } = await seed();
    for (const status of ["PENDING", "REJECTED", "SUSPENDED"] as const) {
      await db.organization.update({ where: { id: pending.id }, data: { status } });
      for (const role of ROLES) {
        const profile = await getOrganizationProfile(actors[role], pending.slug);
        expect(!!profile, `${status} ${role}`).toBe(role === "staff" || role === "admin");
      }
      const member = await getOrganizationProfile(await actorFor(pendingMember.id), pending.slug);
      expect(member?.organization.status).toBe(status);
      expect(member?.private).toBeNull();
      expect(JSON.stringify(member)).not.toContain("@");
      const admin = await getOrganizationProfile(await actorFor(pendingAdmin.id), pending.slug);
      expect(admin?.private?.contactEmail).toBe("pending-contact-secret@example.test");
    }
  });

  it("returns null for unknown or malformed slugs", async () => {
    await seed();
    expect(await getOrganizationProfile(null, "does-not-exist")).toBeNull();
    expect(await getOrganizationProfile(null, "../etc")).toBeNull();
    expect(await getOrganizationProfile(null, "x".repeat(500))).toBeNull();
  });

  it("publishes verification and suspension without reasons or emails", async () => {
    const { pending } = await seed();
    const staff = await actorFor((await createUser({ roles: ["STAFF"], email: "staff-secret@example.test" })).id);
    await verifyOrganization(staff, { organizationId: pending.id });
    await suspendOrganization(staff, { organizationId: pending.id, reason: "CONFIDENTIAL-REASON" });
    const text = JSON.stringify(await listPublicLog(1, 50));
    expect(text).toContain(pending.slug);
    expect(text).not.toContain("CONFIDENTIAL-REASON");
    expect(text).not.toContain("@");
    // Suspended: out of the directory and the public profile again.
    expect((await listPublicOrganizations({}, 1)).items.map((o) => o.id)).not.toContain(pending.id);
    expect(await getOrganizationProfile(null, pending.slug)).toBeNull();
  });
});

describe("the public directory", () => {
  beforeEach(resetDatabase);

  it("pages 20 at a time, sorted by name", async () => {
    for (let i = 0; i < 25; i++) await createOrganization({ name: `Org ${String(i).padStart(2, "0")}`, status: "VERIFIED" });
    await createOrganization({ name: "Org 00 pending", status: "PENDING" });
    const first = await listPublicOrganizations({}, 1);
    expect(first.total).toBe(25);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(20);
    expect(first.items[0].name).toBe("Org 00");
    const second = await listPublicOrganizations({}, 2);
    expect(second.items.map((o) => o.name)).toEqual(["Org 20", "Org 21", "Org 22", "Org 23", "Org 24"]);
    expect((await listPublicOrganizations({}, 9)).items).toEqual([]);
  });

  it("filters by country, sub-region and type, and ignores unknown filter values", async () => {
    await createOrganization({ name: "Mexicana", country: "MX", type: "CSO" });
    await createOrganization({ name: "Peruana", country: "PE", type: "ACADEMIA" });
    const peru = await createOrganization({ name: "Red Andina", country: "PE", type: "REGIONAL_NETWORK" });
    await db.organization.update({ where: { id: peru.id }, data: { subregion: "ANDEAN" } });
    const names = async (filters: Record<string, unknown>) => (await listPublicOrganizations(filters, 1)).items.map((o) => o.name);
    expect(await names({ country: "PE" })).toEqual(["Peruana", "Red Andina"]);
    expect(await names({ country: "pe", type: "ACADEMIA" })).toEqual(["Peruana"]);
    expect(await names({ subregion: "ANDEAN" })).toEqual(["Red Andina"]);
    expect(await names({ subregion: "MEXICO_CENTRAL_AMERICA", type: "CSO" })).toEqual(["Mexicana"]);
    expect(await names({ country: "ZZ", subregion: "MARS", type: "'; DROP TABLE" })).toEqual(["Mexicana", "Peruana", "Red Andina"]);
    expect(await names({ country: "AR" })).toEqual([]);
  });
});
