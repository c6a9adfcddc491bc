import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createFormatter, createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { listPublicLog, type PublicLogEntry } from "@/lib/audit/queries";
import { locales, type AppLocale } from "@/i18n/routing";
import { endCommitteeTerm, grantCommitteeTerm, grantSiteRole, revokeSiteRole } from "@/lib/roles/commands";
import { catalogueHelpers, DAY_FORMAT, describeEntry, type EntrySentence } from "@/components/transparency/entries";
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
    markup: (key: string, values: Record<string, string | ((chunks: string) => string)>) => string;
  };
  const helpers = catalogueHelpers(tt, (date) => format.dateTime(date, DAY_FORMAT));
  const sentence: EntrySentence = describeEntry(entry, helpers);
  const text =
    sentence.kind === "known"
      ? tt.markup(`actions.${sentence.key}`, {
          ...sentence.values,
          org: (chunks: string) => (sentence.organizationSlug ? `<a href="/organizations/${sentence.organizationSlug}">${chunks}</a>` : chunks),
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
      recordAudit(tx, { actorId: users.admin.id, action: "private.note", entityType: "User", entityId: "x", isPublic: false, data: { email: "a@b.c" } }),
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

  it("does not link a slug that is not one", () => {
    const { sentence, text } = render("en", { action: "organization.verified", data: { organizationName: "X", organizationSlug: "javascript:alert(1)" } });
    expect(sentence).toMatchObject({ kind: "known", organizationSlug: null });
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

  it("uses a catalogue sentence another capability adds, only when its data fills every placeholder", () => {
    const messages = { ...catalogue("en"), actions: { ...catalogue("en").actions, proposal_accepted: "The proposal {proposalTitle} was accepted." } };
    const ok = render("en", { action: "proposal.accepted", data: { proposalTitle: "Safe routes", extra: { nested: true } } }, messages);
    expect(ok.text).toBe("The proposal Safe routes was accepted.");
    const missing = render("en", { action: "proposal.accepted", data: { title: "Safe routes" } }, messages);
    expect(missing.sentence.kind).toBe("generic");
  });
});
