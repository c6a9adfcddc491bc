import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createFormatter, createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { listPublicLog, type PublicLogEntry } from "@/lib/audit/queries";
import { locales, type AppLocale } from "@/i18n/routing";
import { endCommitteeTerm, grantCommitteeTerm, grantSiteRole, revokeSiteRole } from "@/lib/roles/commands";
import { AUDIT_ACTIONS, visibilityOf } from "@/lib/audit/events";
import { actionKey, catalogueHelpers, DAY_FORMAT, describeEntry, INSTANT_FORMAT, publicSignature, type EntrySentence } from "@/components/transparency/entries";
import { buildWorld, resetDatabase } from "../helpers/factories";

function catalogue(locale: AppLocale) {
  return JSON.parse(readFileSync(path.join("messages", locale, "transparency.json"), "utf8"));
}

/** The sentence the page shows, as text with the organization link as <a>, rendered from the real catalogue. */
function render(locale: AppLocale, entry: Pick<PublicLogEntry, "action" | "data">, messages = catalogue(locale)) {
  const t = createTranslator({
    locale,
    messages: { transparency: messages },
    namespace: "transparency",
    // A missing value or a broken message must fail the test, not print a fallback.
    onError: (error) => {
      throw error;
    },
  });
  const format = createFormatter({ locale, timeZone: "America/Mexico_City" });
  // The catalogue is read at run time: use the translator with plain string keys.
  const tt = t as unknown as Parameters<typeof catalogueHelpers>[0] & {
    markup: (key: string, values: Record<string, string | number | ((chunks: string) => string)>) => string;
  };
  const common = JSON.parse(readFileSync(path.join("messages", locale, "common.json"), "utf8"));
  const helpers = catalogueHelpers(tt, (date) => format.dateTime(date, DAY_FORMAT), {
    locale,
    speakerRoleLabel: (role) => common.speakerRoles[role],
    formatInstant: (date) => format.dateTime(date, INSTANT_FORMAT),
  });
  const sentence: EntrySentence = describeEntry(entry, helpers);
  const text =
    sentence.kind === "known"
      ? tt.markup(`actions.${sentence.key}`, {
          ...sentence.values,
          org: (chunks: string) => (sentence.organizationSlug ? `<a href="/organizations/${sentence.organizationSlug}">${chunks}</a>` : chunks),
          session: (chunks: string) =>
            sentence.session?.id ? `<a href="/sessions/${sentence.session.id}" lang="${sentence.session.lang}">${chunks}</a>` : chunks,
          report: (chunks: string) => (sentence.link ? `<a href="${sentence.link.href}">${chunks}</a>` : chunks),
          item: (chunks: string) => (sentence.link ? `<a href="${sentence.link.href}">${chunks}</a>` : chunks),
        })
      : tt("genericAction", { action: sentence.action });
  return { sentence, text };
}

describe("the public log of role and committee decisions", () => {
  beforeEach(resetDatabase);

  it("shows every role and committee change, without a single email", async () => {
    const { actors, users, otherOrg } = await buildWorld();
    await grantSiteRole(actors.admin, { email: users.participant.email, role: "STAFF" });
    await revokeSiteRole(actors.admin, { userId: users.participant.id, role: "STAFF" });
    const term = await grantCommitteeTerm(actors.staff, {
      email: users.orgAdmin.email,
      organizationId: otherOrg.id,
      startsOn: "2030-01-01",
      endsOn: "2030-12-31",
      isChair: "on",
    });
    await endCommitteeTerm(actors.staff, { termId: term.id });
    // A private entry (may hold what the public must not read) never shows.
    await db.$transaction((tx) =>
      recordAudit(tx, { actorId: users.admin.id, action: "organization.rejected", entityType: "Organization", entityId: otherOrg.id, isPublic: false, data: { organizationName: "Rejected", organizationSlug: "rejected", reason: "a@b.c" } }),
    );

    const log = await listPublicLog(1);
    expect(log.entries.map((e) => e.action)).toEqual(["committee_term.ended", "committee_term.granted", "role.revoked", "role.granted"]);
    expect(JSON.stringify(log)).not.toContain("@");
    expect(log.entries.map((e) => e.actorName)).toEqual(["Staff", "Staff", "Admin", "Admin"]);

    for (const locale of locales) {
      const texts = log.entries.map((entry) => render(locale, entry));
      for (const { sentence, text } of texts) {
        expect(sentence.kind).toBe("known");
        expect(text).not.toMatch(/[{}]/);
        expect(text).not.toContain("@");
      }
      const [ended, granted, revoked, given] = texts.map((x) => x.text);
      expect(ended).toContain("Org Admin");
      expect(granted).toContain("Org Admin");
      expect(granted).toContain("Otra Organización");
      expect(granted).toContain("2030");
      expect(revoked).toContain("Participant");
      expect(given).toContain("Participant");
    }
  });

  it("writes no audit row when a command fails", async () => {
    const { actors, users } = await buildWorld();
    const today = new Date().toISOString().slice(0, 10);
    const before = await db.auditEntry.count();
    await expect(grantSiteRole(actors.admin, { email: users.staff.email, role: "STAFF" })).rejects.toThrow(/conflict/);
    await expect(revokeSiteRole(actors.admin, { userId: users.admin.id, role: "ADMIN" })).rejects.toThrow(/conflict/);
    await expect(
      // The committee member's term of buildWorld() runs until next year: overlapping.
      grantCommitteeTerm(actors.staff, { email: users.committee.email, startsOn: today, endsOn: today }),
    ).rejects.toThrow(/conflict/);
    expect(await db.auditEntry.count()).toBe(before);
    expect((await listPublicLog(1)).total).toBe(0);
  });
});

describe("sentences of the public log", () => {
  const verified = { action: "organization.verified", data: { organizationName: "Red Sin Fronteras", organizationSlug: "red-sin-fronteras" } };

  it("links an organization's name to its profile, in every language", () => {
    for (const locale of locales) {
      const { text } = render(locale, verified);
      expect(text).toContain('<a href="/organizations/red-sin-fronteras">Red Sin Fronteras</a>');
    }
    for (const action of ["organization.suspended", "organization.reinstated"]) {
      expect(render("es", { ...verified, action }).sentence).toMatchObject({ kind: "known", organizationSlug: "red-sin-fronteras" });
    }
  });

  it("reads an entry whose slug is not one as the generic sentence, never a link", () => {
    const { sentence, text } = render("en", { action: "organization.verified", data: { organizationName: "X", organizationSlug: "javascript:alert(1)" } });
    expect(sentence).toEqual({ kind: "generic", action: "organization.verified" });
    expect(text).not.toContain("<a");
  });

  it("names roles in the reader's language", () => {
    expect(render("es", { action: "role.granted", data: { userName: "Ana", role: "ADMIN" } }).text).toBe("Ana recibió el rol de administración.");
    expect(render("en", { action: "role.revoked", data: { userName: "Ana", role: "STAFF" } }).text).toBe("Ana no longer has the staff role.");
  });

  it("formats term dates as calendar days, with the chair and organization variants", () => {
    const data = { userName: "Ana", organizationName: null, startsOn: "2030-01-01", endsOn: "2030-12-31", isChair: false };
    expect(render("en", { action: "committee_term.granted", data }).text).toBe(
      "Ana was named to the Civil Society Committee from January 1, 2030 to December 31, 2030.",
    );
    expect(render("es", { action: "committee_term.granted", data: { ...data, isChair: true, organizationName: "Red" } }).sentence).toMatchObject({
      key: "committee_term_granted_chair_org",
    });
    expect(render("fr", { action: "committee_term.granted", data: { ...data, organizationName: "Red" } }).text).toContain("1 janvier 2030");
  });

  it("falls back to a generic sentence for unknown actions and incomplete data", () => {
    const cases = [
      { action: "something.new", data: { a: 1 } },
      { action: "role.granted", data: { userName: "Ana", role: "ROOT" } },
      { action: "role.granted", data: {} },
      { action: "organization.verified", data: { organizationName: 42 } },
      { action: "committee_term.granted", data: { userName: "Ana", startsOn: "soon", endsOn: "2030-01-01" } },
      { action: "committee_term.ended", data: { userName: "   " } },
    ];
    for (const entry of cases) {
      for (const locale of locales) {
        const { sentence, text } = render(locale, entry);
        expect(sentence, JSON.stringify(entry)).toEqual({ kind: "generic", action: entry.action });
        expect(text).toContain(entry.action);
      }
    }
  });

  it("has a catalogue sentence for every event that can be public, in every language", () => {
    for (const locale of locales) {
      const actions = catalogue(locale).actions as Record<string, string>;
      for (const action of AUDIT_ACTIONS.filter((a) => visibilityOf(a) !== "private")) {
        const keys = Object.keys(actions).filter((key) => key === actionKey(action) || key.startsWith(`${actionKey(action)}_`));
        expect(keys.length, `${locale} ${action}`).toBeGreaterThan(0);
      }
    }
  });

  it("never reads an event that is always private, whatever its data", () => {
    const { sentence } = render("en", { action: "organization.rejected", data: { organizationName: "X", organizationSlug: "x", reason: "why" } });
    expect(sentence).toEqual({ kind: "generic", action: "organization.rejected" });
  });
});

describe("sentences of review sessions and their speakers", () => {
  const sessionId = "3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b";
  const sessionTitle = { es: "Vías regulares en Centroamérica", en: "Regular pathways in Central America" };
  const base = { sessionId, sessionTitle };
  const confirmed = {
    ...base,
    role: "PANELIST",
    speakerName: "Rosa Martínez",
    organizationName: "Colectivo de Mujeres Migrantes de Honduras",
    selectedBy: "María Fernanda López, João Batista Souza",
    rationale: "Diez años acompañando a mujeres retornadas.",
    // What a careless writer might add: never read.
    nomineeEmail: "rosa@mujeresmigrantes.example",
    nomineeGender: "mujer",
    email: "rosa@mujeresmigrantes.example",
    gender: "mujer",
    nomineeCountry: "HN",
  };

  it("names the session in the reader's language (else Spanish) and links it", () => {
    const entry = { action: "session.held", data: base };
    expect(render("en", entry).text).toBe(
      `The review session <a href="/sessions/${sessionId}" lang="en">Regular pathways in Central America</a> was held.`,
    );
    expect(render("es", entry).text).toBe(`Se realizó la sesión de revisión <a href="/sessions/${sessionId}" lang="es">Vías regulares en Centroamérica</a>.`);
    // No Portuguese or French title: the Spanish one, marked as Spanish.
    for (const locale of ["pt", "fr"] as const) {
      const { sentence, text } = render(locale, entry);
      expect(sentence).toMatchObject({ kind: "known", session: { id: sessionId, lang: "es" } });
      expect(text).toContain(`lang="es">Vías regulares en Centroamérica</a>`);
    }
    // Only English written: every reader gets it.
    expect(render("fr", { action: "session.held", data: { sessionId, sessionTitle: { en: "Only English" } } }).text).toContain("Only English");
  });

  it("has a sentence for every public session action, in every language", () => {
    const entries = [
      { action: "session.opened", data: { ...base, nominationDeadline: "2031-03-14T23:00:00.000Z" } },
      { action: "session.updated", data: base },
      { action: "session.held", data: base },
      { action: "session.report_published", data: base },
      { action: "session.report_corrected", data: base },
      { action: "session.speakers_confirmed", data: { ...base, speakerCount: 5 } },
      { action: "nomination.confirmed", data: confirmed },
    ];
    for (const locale of locales) {
      for (const entry of entries) {
        const { sentence, text } = render(locale, entry);
        expect(sentence.kind, `${locale} ${entry.action}`).toBe("known");
        expect(text, `${locale} ${entry.action}`).not.toMatch(/[{}]/);
        expect(text).toContain(`<a href="/sessions/${sessionId}"`);
      }
    }
    expect(render("en", entries[0]).text).toContain("until March 14, 2031");
    expect(render("fr", entries[0]).text).toContain("14 mars 2031");
    expect(render("en", entries[5]).text).toContain(": 5 people.");
    expect(render("es", { action: "session.speakers_confirmed", data: { ...base, speakerCount: 1 } }).text).toContain(": 1 persona.");
  });

  it("says who was selected, as what, by whom and why, and reads nothing private", () => {
    const { sentence, text } = render("en", { action: "nomination.confirmed", data: confirmed });
    expect(text).toBe(
      `Rosa Martínez (Colectivo de Mujeres Migrantes de Honduras) was confirmed as panelist of the review session <a href="/sessions/${sessionId}" lang="en">Regular pathways in Central America</a>. Selected by María Fernanda López, João Batista Souza. Rationale: “Diez años acompañando a mujeres retornadas.”`,
    );
    expect(sentence.kind === "known" && Object.keys(sentence.values).sort()).toEqual([
      "organizationName",
      "rationale",
      "role",
      "selectedBy",
      "sessionTitle",
      "speakerName",
    ]);
    for (const locale of locales) {
      for (const variant of [confirmed, { ...confirmed, speakerName: null }, { ...confirmed, organizationName: null }]) {
        const rendered = render(locale, { action: "nomination.confirmed", data: variant });
        expect(rendered.text).not.toContain("@");
        expect(rendered.text).not.toMatch(/mujer\b/);
        expect(JSON.stringify(rendered.sentence)).not.toContain("mujeresmigrantes.example");
      }
    }
    expect(render("es", { action: "nomination.confirmed", data: { ...confirmed, role: "RAPPORTEUR" } }).text).toContain("como relatora o relator de la sesión");
  });

  it("withholds the name and the organization when the speaker asked", () => {
    const cases = [
      { data: confirmed, key: "nomination_confirmed_named_org" },
      { data: { ...confirmed, organizationName: null }, key: "nomination_confirmed_named" },
      { data: { ...confirmed, speakerName: null }, key: "nomination_confirmed_withheld_org" },
      { data: { ...confirmed, speakerName: null, organizationName: null }, key: "nomination_confirmed_withheld" },
    ];
    for (const { data, key } of cases) {
      for (const locale of locales) {
        const { sentence, text } = render(locale, { action: "nomination.confirmed", data });
        expect(sentence).toMatchObject({ kind: "known", key });
        if (!data.speakerName) expect(text).not.toContain("Rosa");
        if (!data.organizationName) expect(text).not.toContain("Colectivo");
      }
    }
    expect(render("en", { action: "nomination.confirmed", data: { ...confirmed, speakerName: null } }).text).toMatch(
      /^A person from Colectivo de Mujeres Migrantes de Honduras, whose name is withheld at their request, was confirmed as panelist/,
    );
  });

  it("does not link a session id that is not one, and falls back to the generic sentence on bad data", () => {
    const bad = render("en", { action: "session.held", data: { sessionId: "javascript:alert(1)", sessionTitle } });
    expect(bad.sentence).toEqual({ kind: "generic", action: "session.held" });
    expect(bad.text).not.toContain("<a");
    const cases = [
      { action: "session.held", data: { sessionId } },
      { action: "session.held", data: { sessionId, sessionTitle: "Vías regulares" } },
      { action: "session.updated", data: { sessionId, sessionTitle: { de: "Reguläre Wege" } } },
      { action: "session.opened", data: { ...base, nominationDeadline: "soon" } },
      { action: "session.opened", data: base },
      { action: "session.speakers_confirmed", data: { ...base, speakerCount: "5" } },
      { action: "nomination.confirmed", data: { ...confirmed, role: "CHAIR" } },
      { action: "nomination.confirmed", data: { ...confirmed, selectedBy: " " } },
      { action: "nomination.confirmed", data: { ...confirmed, rationale: null } },
    ];
    for (const entry of cases) {
      for (const locale of locales) {
        expect(render(locale, entry).sentence, `${locale} ${JSON.stringify(entry)}`).toEqual({ kind: "generic", action: entry.action });
      }
    }
  });

  it("reads the confirmation generically where no role labels are given", () => {
    const sentence = describeEntry(
      { action: "nomination.confirmed", data: confirmed },
      { roleLabel: (r) => r, formatDay: (d) => d, rawMessage: (key) => catalogue("es").actions[key] ?? null },
    );
    expect(sentence).toEqual({ kind: "generic", action: "nomination.confirmed" });
  });
});

describe("sentences of the review report", () => {
  const opened = { versionNumber: 2, title: "Informe de la revisión regional", commentDeadline: "2031-03-14T23:00:00.000Z" };
  const commented = { versionNumber: 2, anchor: "p-k3x9a0qz", organizationName: "Red Andina de Movilidad Humana" };
  const entries = [
    { action: "report.version_opened", data: opened, href: "/report/versions/2" },
    { action: "report.version_closed", data: { versionNumber: 2, title: opened.title }, href: "/report/versions/2" },
    { action: "report.translation_added", data: { versionNumber: 2, title: opened.title, language: "en" }, href: "/report/versions/2" },
    { action: "report.final_published", data: { versionNumber: 4, title: "Informe final" }, href: "/report" },
    { action: "report.comment_posted", data: commented, href: "/report/versions/2#p-k3x9a0qz" },
    { action: "report.comment_answered", data: { ...commented, disposition: "PARTLY_ACCEPTED" }, href: "/report/versions/2#p-k3x9a0qz" },
    { action: "report.proposal_linked", data: { versionNumber: 2, anchor: "p-k3x9a0qz", proposalId: "3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b", proposalTitle: "Alternativas a la detención" }, href: "/report/versions/2#p-k3x9a0qz" },
    { action: "report.proposal_unlinked", data: { versionNumber: 2, anchor: "p-k3x9a0qz", proposalId: "3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b", proposalTitle: "Alternativas a la detención" }, href: "/report/versions/2#p-k3x9a0qz" },
  ];

  it("has a sentence for every public report action, in every language, linking to the version, the paragraph or the final report", () => {
    for (const locale of locales) {
      for (const { action, data, href } of entries) {
        const { sentence, text } = render(locale, { action, data });
        expect(sentence, `${locale} ${action}`).toMatchObject({ kind: "known", key: action.replace(".", "_"), link: { href } });
        expect(text, `${locale} ${action}`).not.toMatch(/[{}]/);
        expect(text).toContain(`<a href="${href}">`);
      }
    }
    expect(render("en", entries[0]).text).toBe(
      `Version 2 of the regional report, <a href="/report/versions/2">“Informe de la revisión regional”</a>, was opened for comment until March 14, 2031 at 11:00 PM UTC.`,
    );
    expect(render("fr", entries[0]).text).toContain("14 mars 2031");
    expect(render("es", entries[2]).text).toContain("una traducción al inglés de la versión 2");
    expect(render("en", entries[2]).text).toContain("A translation into English of version 2");
    expect(render("pt", entries[5]).text).toContain("foi respondido: aceito em parte.");
    expect(render("es", entries[5]).text).toBe(
      `Se respondió al comentario de Red Andina de Movilidad Humana sobre un <a href="/report/versions/2#p-k3x9a0qz">párrafo de la versión 2</a> del informe regional: aceptado en parte.`,
    );
    expect(render("en", entries[6]).text).toContain("takes up the proposal “Alternativas a la detención”.");
    expect(render("es", entries[3]).text).toBe(`Se publicó el informe final de la revisión regional: <a href="/report">«Informe final»</a> (versión 4).`);
  });

  it("reads only the fields it names", () => {
    const careless = {
      ...commented,
      disposition: "NOTED",
      body: "El texto completo del comentario",
      answer: "Respuesta interna",
      authorName: "Ana Castillo",
      email: "ana@sinfronteras.example",
      draftTitle: "Borrador confidencial",
    };
    for (const locale of locales) {
      const { sentence, text } = render(locale, { action: "report.comment_answered", data: careless });
      expect(sentence.kind === "known" && Object.keys(sentence.values).sort()).toEqual(["disposition", "organizationName", "versionNumber"]);
      for (const secret of ["El texto completo", "Respuesta interna", "Ana Castillo", "@", "Borrador confidencial"]) expect(text).not.toContain(secret);
    }
  });

  it("signs a comment with the organization, an answer with the person who gave it", () => {
    const entry = { action: "report.comment_posted", actorName: "Ana Castillo", data: commented };
    expect(publicSignature(entry)).toBe("Red Andina de Movilidad Humana");
    expect(publicSignature({ ...entry, action: "report.comment_answered" })).toBe("Ana Castillo");
  });

  it("says who signed a comment without an organization: the committee, or the secretariat", () => {
    const base = { versionNumber: 2, anchor: "p-k3x9a0qz", organizationName: null };
    for (const locale of locales) {
      for (const signedAs of ["committee", "secretariat"]) {
        for (const action of ["report.comment_posted", "report.comment_answered"]) {
          const { sentence, text } = render(locale, { action, data: { ...base, signedAs, disposition: "NOTED" } });
          expect(sentence, `${locale} ${action} ${signedAs}`).toMatchObject({ kind: "known", key: `${action.replace(".", "_")}_${signedAs}` });
          expect(text).not.toMatch(/[{}]/);
        }
      }
    }
    expect(render("en", { action: "report.comment_posted", data: { ...base, signedAs: "committee" } }).text).toBe(
      `The Civil Society Committee commented on a <a href="/report/versions/2#p-k3x9a0qz">paragraph of version 2</a> of the regional report.`,
    );
    // An organization's name wins over the signature kind.
    expect(render("es", { action: "report.comment_posted", data: { ...commented, signedAs: "organization" } }).sentence).toMatchObject({
      key: "report_comment_posted",
    });
    expect(publicSignature({ action: "report.comment_posted", actorName: "Carlos Quishpe", data: { ...base, signedAs: "committee" } })).toBe("Carlos Quishpe");
  });

  it("links to the version without a fragment when the anchor is not one", () => {
    for (const anchor of [undefined, "", 'x"><script>', "a".repeat(33), 42]) {
      const { sentence, text } = render("en", { action: "report.comment_posted", data: { ...commented, anchor } });
      expect(sentence).toMatchObject({ kind: "known", link: { href: "/report/versions/2" } });
      expect(text).not.toContain("script");
    }
  });

  it("falls back to the generic sentence on bad data", () => {
    const cases = [
      { action: "report.version_opened", data: { ...opened, commentDeadline: "soon" } },
      { action: "report.version_opened", data: { versionNumber: 2, title: opened.title } },
      { action: "report.version_closed", data: { versionNumber: "2", title: opened.title } },
      { action: "report.version_closed", data: { versionNumber: 0, title: opened.title } },
      { action: "report.version_closed", data: { versionNumber: 2.5, title: opened.title } },
      { action: "report.final_published", data: { versionNumber: 4, title: "  " } },
      { action: "report.translation_added", data: { versionNumber: 2, title: opened.title, language: "de" } },
      { action: "report.translation_added", data: { versionNumber: 2, title: opened.title } },
      { action: "report.comment_posted", data: { ...commented, organizationName: null } },
      { action: "report.comment_posted", data: { ...commented, organizationName: null, signedAs: "organization" } },
      { action: "report.comment_posted", data: { ...commented, organizationName: " ", signedAs: "visitor" } },
      { action: "report.comment_answered", data: { ...commented, disposition: "REJECTED" } },
      { action: "report.comment_answered", data: commented },
      { action: "report.proposal_linked", data: { versionNumber: 2, anchor: "p-1" } },
    ];
    for (const entry of cases) {
      for (const locale of locales) {
        expect(render(locale, entry).sentence, `${locale} ${JSON.stringify(entry)}`).toEqual({ kind: "generic", action: entry.action });
      }
    }
  });
});
