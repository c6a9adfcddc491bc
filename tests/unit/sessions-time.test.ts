import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/i18n/routing";
import { canSeeParticipants, canSeeSession, canSeeSessionLink, isOpenForNominations, isRegistrationOpen } from "@/lib/sessions/policy";
import {
  dateToLocalInput,
  formatSessionRange,
  isSessionTimeZone,
  localInputToDate,
  SESSION_TIME_ZONES,
  utcOffsetMinutes,
  zoneLabelKey,
} from "@/lib/sessions/time";
import type { Actor } from "@/lib/auth/actor";

describe("local times in a session's zone", () => {
  it("reads a datetime-local value in the zone", () => {
    expect(localInputToDate("2026-03-10T10:00", "America/Tegucigalpa")?.toISOString()).toBe("2026-03-10T16:00:00.000Z");
    expect(localInputToDate("2026-07-10T10:00", "America/New_York")?.toISOString()).toBe("2026-07-10T14:00:00.000Z");
    expect(localInputToDate("2026-01-10T10:00", "America/New_York")?.toISOString()).toBe("2026-01-10T15:00:00.000Z");
    expect(localInputToDate("2026-07-10T10:00:00", "Europe/Madrid")?.toISOString()).toBe("2026-07-10T08:00:00.000Z");
    // Mexico City has kept UTC−6 all year since 2022.
    expect(localInputToDate("2026-07-10T10:00", "America/Mexico_City")?.toISOString()).toBe("2026-07-10T16:00:00.000Z");
  });

  it("refuses what is not a local date-time, or does not exist in the zone", () => {
    for (const value of ["", "2026-03-10", "10:00", "2026-03-10 10:00", "2026-13-01T10:00", "2026-02-29T10:00", "2026-03-10T24:30", "2026-03-10T10:00Z"]) {
      expect(localInputToDate(value, "America/Tegucigalpa"), value).toBeNull();
    }
    // 02:30 does not happen in New York on 8 March 2026: the clocks jump from 02:00 to 03:00.
    expect(localInputToDate("2026-03-08T02:30", "America/New_York")).toBeNull();
    expect(localInputToDate("2026-03-08T03:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("writes an instant back as the form's value in the zone", () => {
    expect(dateToLocalInput(new Date("2026-03-10T16:00:00Z"), "America/Tegucigalpa")).toBe("2026-03-10T10:00");
    expect(dateToLocalInput(new Date("2026-07-10T08:00:00Z"), "Europe/Madrid")).toBe("2026-07-10T10:00");
  });

  it("knows each zone's offset at a moment", () => {
    expect(utcOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "America/Tegucigalpa")).toBe(-360);
    expect(utcOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(utcOffsetMinutes(new Date("2026-01-01T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(utcOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "Europe/Madrid")).toBe(120);
    expect(utcOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "UTC")).toBe(0);
    expect(utcOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "America/Caracas")).toBe(-240);
  });

  it("formats a session's time in its zone and the reader's language", () => {
    const start = new Date("2026-03-10T16:00:00Z");
    const end = new Date("2026-03-10T18:30:00Z");
    expect(formatSessionRange(start, end, "America/Tegucigalpa", "es")).toBe("martes, 10 de marzo de 2026, 10:00–12:30");
    expect(formatSessionRange(start, end, "America/Tegucigalpa", "en")).toContain("Tuesday, March 10, 2026");
    expect(formatSessionRange(start, end, "Europe/Madrid", "fr")).toContain("17:00");
  });
});

describe("the zone list", () => {
  it("holds real IANA zones, each once, with a label in every language", () => {
    const ids = SESSION_TIME_ZONES.map((z) => z.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(() => new Intl.DateTimeFormat("en", { timeZone: id }), id).not.toThrow();
      expect(isSessionTimeZone(id)).toBe(true);
    }
    expect(isSessionTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isSessionTimeZone(undefined)).toBe(false);
    for (const locale of locales) {
      const catalogue = JSON.parse(readFileSync(path.join("messages", locale, "sessions.json"), "utf8")) as { zones: Record<string, string> };
      for (const id of ids) expect(catalogue.zones[zoneLabelKey(id)!], `${locale} ${id}`).toBeTruthy();
    }
  });
});

describe("session policy", () => {
  const actor = (isStaff: boolean): Actor => ({
    userId: "u",
    name: "n",
    email: "e@example.test",
    locale: "es",
    isStaff,
    isAdmin: false,
    isMonitoringReviewer: false,
    isDelegate: false,
    memberships: [],
    committeeTerm: null,
  });
  const now = new Date("2026-05-01T12:00:00Z");

  it("takes nominations while open and before the deadline", () => {
    expect(isOpenForNominations({ status: "OPEN_FOR_NOMINATIONS", nominationDeadline: new Date("2026-05-02T00:00:00Z") }, now)).toBe(true);
    expect(isOpenForNominations({ status: "OPEN_FOR_NOMINATIONS", nominationDeadline: now }, now)).toBe(false);
    expect(isOpenForNominations({ status: "OPEN_FOR_NOMINATIONS", nominationDeadline: null }, now)).toBe(false);
    expect(isOpenForNominations({ status: "SPEAKERS_CONFIRMED", nominationDeadline: new Date("2026-06-01T00:00:00Z") }, now)).toBe(false);
  });

  it("takes registrations before the end of an open or confirmed session", () => {
    const ahead = new Date("2026-05-10T00:00:00Z");
    expect(isRegistrationOpen({ status: "OPEN_FOR_NOMINATIONS", endsAt: ahead }, now)).toBe(true);
    expect(isRegistrationOpen({ status: "SPEAKERS_CONFIRMED", endsAt: ahead }, now)).toBe(true);
    expect(isRegistrationOpen({ status: "SPEAKERS_CONFIRMED", endsAt: now }, now)).toBe(false);
    for (const status of ["DRAFT", "HELD", "REPORT_PUBLISHED"] as const) expect(isRegistrationOpen({ status, endsAt: ahead }, now)).toBe(false);
  });

  it("keeps drafts, the link and the participant list from whom they are not for", () => {
    expect(canSeeSession(null, { status: "DRAFT" })).toBe(false);
    expect(canSeeSession(actor(false), { status: "DRAFT" })).toBe(false);
    expect(canSeeSession(actor(true), { status: "DRAFT" })).toBe(true);
    expect(canSeeSession(null, { status: "OPEN_FOR_NOMINATIONS" })).toBe(true);
    expect(canSeeSessionLink(null, true)).toBe(false);
    expect(canSeeSessionLink(actor(false), false)).toBe(false);
    expect(canSeeSessionLink(actor(false), true)).toBe(true);
    expect(canSeeSessionLink(actor(true), false)).toBe(true);
    expect(canSeeParticipants(null)).toBe(false);
    expect(canSeeParticipants(actor(false))).toBe(true);
  });
});
