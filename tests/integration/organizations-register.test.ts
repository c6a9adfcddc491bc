import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { registerOrganization, verifyOrganization } from "@/lib/organizations/commands";
import { slugify } from "@/lib/organizations/slugs";
import { getOrganizationProfile } from "@/lib/organizations/queries";
import { actorFor, buildWorld, createOrganization, createUser, resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome, ROLES, rowCounts, validRegistration, type Outcome } from "./organizations-fixtures";

describe("registering an organization", () => {
  beforeEach(resetDatabase);

  const expected: Record<RoleName, Outcome> = {
    visitor: "unauthenticated",
    participant: "ok",
    orgAdmin: "ok",
    orgMember: "ok",
    otherOrgMember: "ok",
    committee: "ok",
    staff: "ok",
    admin: "ok",
  };

  it.each(ROLES)("role × register: %s", async (role) => {
    const { actors } = await buildWorld();
    const before = await rowCounts();
    const result = await outcome(registerOrganization(actors[role], validRegistration({ name: `Org of ${role}` })));
    expect(result).toBe(expected[role]);
    const after = await rowCounts();
    if (result === "ok") {
      const org = await db.organization.findFirstOrThrow({ where: { name: `Org of ${role}` }, include: { memberships: true } });
      expect(org.status).toBe("PENDING");
      expect(org.createdById).toBe(actors[role]!.userId);
      expect(org.memberships).toEqual([expect.objectContaining({ userId: actors[role]!.userId, role: "ADMIN" })]);
      expect(after).toEqual({ ...before, organizations: before.organizations + 1, memberships: before.memberships + 1, audit: before.audit + 1 });
    } else {
      expect(after).toEqual(before);
    }
  });

  it("stores every field, derives the sub-region, starts PENDING and writes a private audit entry", async () => {
    const user = await createUser({ name: "Registrant" });
    const actor = await actorFor(user.id);
    const org = await registerOrganization(
      actor,
      validRegistration({ country: "pe", languages: "fr", website: "www.ejemplo.org", contactEmail: "  Contacto@Ejemplo.ORG " }),
    );
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row).toMatchObject({
      name: "Red de Apoyo a Migrantes",
      acronym: "RAM",
      country: "PE",
      subregion: "ANDEAN",
      type: "CSO",
      languages: ["fr"],
      website: "https://www.ejemplo.org",
      contactEmail: "contacto@ejemplo.org",
      status: "PENDING",
      slug: "red-de-apoyo-a-migrantes",
    });
    const audit = await db.auditEntry.findMany();
    expect(audit).toEqual([
      expect.objectContaining({
        action: "organization.registered",
        isPublic: false,
        actorId: user.id,
        entityId: org.id,
        data: { organizationName: "Red de Apoyo a Migrantes", organizationSlug: "red-de-apoyo-a-migrantes" },
      }),
    ]);
  });

  it("puts a diaspora organization in the Diaspora sub-region, whatever its country", async () => {
    const actor = await actorFor((await createUser()).id);
    const inLac = await registerOrganization(actor, validRegistration({ name: "Diáspora en México", country: "MX", isDiaspora: "on" }));
    const abroad = await registerOrganization(actor, validRegistration({ name: "Colectivo en Madrid", country: "ES" }));
    const local = await registerOrganization(actor, validRegistration({ name: "Local en Honduras", country: "HN", isDiaspora: "" }));
    const rows = await db.organization.findMany({ where: { id: { in: [inLac.id, abroad.id, local.id] } }, select: { id: true, subregion: true } });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r.subregion]));
    expect(byId[inLac.id]).toBe("DIASPORA");
    expect(byId[abroad.id]).toBe("DIASPORA");
    expect(byId[local.id]).toBe("MEXICO_CENTRAL_AMERICA");
  });

  it("keeps optional fields empty when left blank, and stores each language once in a fixed order", async () => {
    const actor = await actorFor((await createUser()).id);
    const org = await registerOrganization(actor, validRegistration({ acronym: "  ", website: "", languages: ["pt", "es", "pt"] }));
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.acronym).toBeNull();
    expect(row.website).toBeNull();
    expect(row.languages).toEqual(["es", "pt"]);
  });

  const long = (n: number) => "x".repeat(n);
  // Wrong types: lib/errors.ts maps invalid_type to "required" unless zod reports the input,
  // so either message is accepted; what matters is the field error and that nothing is written.
  const WRONG_TYPE = ["invalidType", "required"];
  const badInputs: [string, Record<string, unknown>, string, string | string[]][] = [
    ["empty name", { name: "" }, "name", "required"],
    ["blank name", { name: "   " }, "name", "required"],
    ["name too long", { name: long(201) }, "name", "tooLong"],
    ["name of the wrong type", { name: 42 }, "name", WRONG_TYPE],
    ["missing name", { name: undefined }, "name", "required"],
    ["acronym too long", { acronym: long(21) }, "acronym", "tooLong"],
    ["empty country", { country: "" }, "country", "required"],
    ["unknown country", { country: "XX" }, "country", "organizations.invalidCountry"],
    ["alpha-3 country", { country: "MEX" }, "country", "organizations.invalidCountry"],
    ["country of the wrong type", { country: 52 }, "country", WRONG_TYPE],
    ["languages of the wrong type", { languages: { es: true } }, "languages", [...WRONG_TYPE, "invalidChoice"]],
    ["unknown type", { type: "NGO" }, "type", "invalidChoice"],
    ["missing type", { type: undefined }, "type", "invalidChoice"],
    ["type not chosen", { type: "" }, "type", "invalidChoice"],
    ["no language", { languages: [] }, "languages", "chooseAtLeast"],
    ["missing languages", { languages: undefined }, "languages", "chooseAtLeast"],
    ["unknown language", { languages: ["es", "de"] }, "languages", "invalidChoice"],
    ["javascript: website", { website: "javascript:alert(1)" }, "website", "invalidUrl"],
    ["ftp website", { website: "ftp://files.example.org" }, "website", "invalidUrl"],
    ["website too long", { website: `https://example.org/${long(281)}` }, "website", "tooLong"],
    ["empty description", { description: "" }, "description", "required"],
    ["description too long", { description: long(2001) }, "description", "tooLong"],
    ["empty contact email", { contactEmail: "" }, "contactEmail", "required"],
    ["invalid contact email", { contactEmail: "not-an-email" }, "contactEmail", "invalidEmail"],
    ["contact email too long", { contactEmail: `${long(250)}@example.org` }, "contactEmail", "tooLong"],
    ["diaspora flag of the wrong type", { isDiaspora: "maybe" }, "isDiaspora", WRONG_TYPE],
    ["whole input of the wrong type", { name: ["a", "b"], description: { text: "x" } }, "description", WRONG_TYPE],
  ];

  it.each(badInputs)("refuses %s with a message on the field and writes nothing", async (_label, overrides, field, key) => {
    const actor = await actorFor((await createUser()).id);
    const before = await rowCounts();
    const error = await appError(registerOrganization(actor, validRegistration(overrides)));
    expect(error.kind).toBe("invalid");
    const keys = error.fieldErrors[field]?.map((m) => m.key) ?? [];
    expect(keys.some((k) => (Array.isArray(key) ? key : [key]).includes(k)), `${field}: ${keys.join(",")}`).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it("accepts values exactly at each limit", async () => {
    const actor = await actorFor((await createUser()).id);
    const org = await registerOrganization(
      actor,
      validRegistration({ name: long(200), acronym: long(20), description: long(2000), website: `https://example.org/${long(280)}` }),
    );
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.name).toHaveLength(200);
    expect(row.website).toHaveLength(300);
    expect(row.slug.length).toBeLessThanOrEqual(120);
  });

  it("stores a <script> tag in the description as plain text", async () => {
    const actor = await actorFor((await createUser()).id);
    const description = `<script>alert("x")</script>\n<b>Hola</b> & adiós`;
    const org = await registerOrganization(actor, validRegistration({ description }));
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.description).toBe(description);
    const profile = await getOrganizationProfile(await actorFor(actor.userId), org.slug);
    expect(profile?.organization.description).toBe(description);
  });

  it("refuses a second pending organization with the same name by the same person, even submitted twice at once", async () => {
    const actor = await actorFor((await createUser()).id);
    const results = await Promise.all([
      outcome(registerOrganization(actor, validRegistration())),
      outcome(registerOrganization(actor, validRegistration())),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    const again = await appError(registerOrganization(actor, validRegistration({ name: "  red de apoyo a MIGRANTES " })));
    expect(again.kind).toBe("conflict");
    expect(again.userMessage.key).toBe("organizations.duplicatePending");
    expect(await db.organization.count()).toBe(1);
    expect(await db.membership.count()).toBe(1);
  });

  it("lets two different people register the same name, with distinct slugs", async () => {
    const a = await actorFor((await createUser()).id);
    const b = await actorFor((await createUser()).id);
    const [first, second] = await Promise.all([registerOrganization(a, validRegistration()), registerOrganization(b, validRegistration())]);
    expect(new Set([first.slug, second.slug])).toEqual(new Set(["red-de-apoyo-a-migrantes", "red-de-apoyo-a-migrantes-2"]));
  });
});

describe("slugs", () => {
  beforeEach(resetDatabase);

  it("are ASCII, lower case, without accents", () => {
    expect(slugify("Fundación Ñandú — Derechos & Migración")).toBe("fundacion-nandu-derechos-migracion");
    expect(slugify("  Associação São Paulo  ")).toBe("associacao-sao-paulo");
    expect(slugify("Œuvre d’entraide Straße")).toBe("oeuvre-d-entraide-strasse");
    expect(slugify("!!!")).toBe("organizacion");
    expect(slugify("x".repeat(300)).length).toBeLessThanOrEqual(100);
  });

  it("get -2, -3… on collision, never take a page's path, and never change", async () => {
    const actor = await actorFor((await createUser()).id);
    const staff = await actorFor((await createUser({ roles: ["STAFF"] })).id);
    await createOrganization({ name: "Existing" }); // slug org-xxxx: unrelated
    const slugs: string[] = [];
    for (const name of ["Casa Migrante", "Casa Migranté", "CASA MIGRANTE!"]) {
      slugs.push((await registerOrganization(actor, validRegistration({ name }))).slug);
    }
    expect(slugs).toEqual(["casa-migrante", "casa-migrante-2", "casa-migrante-3"]);
    expect((await registerOrganization(actor, validRegistration({ name: "Casa" }))).slug).toBe("casa");
    expect((await registerOrganization(actor, validRegistration({ name: "New" }))).slug).toBe("new-2");
    const first = await db.organization.findUniqueOrThrow({ where: { slug: "casa-migrante" } });
    await verifyOrganization(staff, { organizationId: first.id });
    expect((await db.organization.findUniqueOrThrow({ where: { id: first.id } })).slug).toBe("casa-migrante");
  });
});
