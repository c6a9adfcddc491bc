import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as sessionCalendar } from "@/app/[locale]/sessions/[id]/calendar.ics/route";
import { GET as feedCalendar } from "@/app/[locale]/sessions/calendar.ics/route";
import { vtimezoneComponent } from "@/lib/sessions/ics";
import { resetDatabase } from "../helpers/factories";
import { createSession, insertNomination } from "../helpers/session-fixtures";

// Links in a calendar come from PUBLIC_URL; the request is addressed elsewhere on purpose (a
// Host header is whatever the client writes).
const ORIGIN = "https://puente.example.org";
const previousUrl = process.env.PUBLIC_URL;
beforeAll(() => {
  process.env.PUBLIC_URL = ORIGIN;
});
afterAll(() => {
  process.env.PUBLIC_URL = previousUrl;
});

async function getSession(locale: string, id: string) {
  return sessionCalendar(new Request(`http://evil.example/${locale}/sessions/${id}/calendar.ics`), { params: Promise.resolve({ locale, id }) });
}

async function getFeed(locale: string) {
  return feedCalendar(new Request(`http://evil.example/${locale}/sessions/calendar.ics`), { params: Promise.resolve({ locale }) });
}

/** The file's lines with RFC 5545 folding undone. */
const unfold = (body: string) => body.replace(/\r\n[ \t]/g, "").split("\r\n");

/** The VTIMEZONE block for `zone`. */
function vtimezone(lines: string[], zone: string): string[] {
  const start = lines.findIndex((l, i) => l === "BEGIN:VTIMEZONE" && lines[i + 1] === `TZID:${zone}`);
  expect(start, `VTIMEZONE for ${zone}`).toBeGreaterThanOrEqual(0);
  return lines.slice(start, lines.indexOf("END:VTIMEZONE", start) + 1);
}

describe("a session's .ics file", () => {
  beforeEach(resetDatabase);

  it("writes 10:00 in Tegucigalpa as 10:00 with its TZID and a VTIMEZONE without daylight time", async () => {
    const session = await createSession({
      status: "SPEAKERS_CONFIRMED",
      timeZone: "America/Tegucigalpa",
      // 10:00–12:00 in Tegucigalpa (UTC−6 all year).
      startsAt: new Date("2099-03-10T16:00:00Z"),
      endsAt: new Date("2099-03-10T18:00:00Z"),
      title: { es: "Sesión en Honduras", fr: "Séance au Honduras" },
      description: { es: "Descripción; con coma, y punto." },
      place: "Centro Cívico, Tegucigalpa",
      link: "https://meet.example.org/enlace-privado",
    });
    const response = await getSession("fr", session.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const body = await response.text();
    const lines = unfold(body);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("DTSTART;TZID=America/Tegucigalpa:20990310T100000");
    expect(lines).toContain("DTEND;TZID=America/Tegucigalpa:20990310T120000");
    expect(lines).toContain(`UID:${session.id}@puente`);
    expect(lines).toContain("SUMMARY:Séance au Honduras");
    expect(lines).toContain(`URL;VALUE=URI:${ORIGIN}/fr/sessions/${session.id}`);
    expect(lines).toContain("LOCATION:Centro Cívico\\, Tegucigalpa");
    // No French description: the Spanish one, escaped, then the page's address.
    expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toBe(
      `DESCRIPTION:Descripción\\; con coma\\, y punto.\\n\\nDétails et inscription : ${ORIGIN}/fr/sessions/${session.id}`,
    );
    expect(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    const zone = vtimezone(lines, "America/Tegucigalpa");
    expect(zone).toContain("TZOFFSETTO:-0600");
    expect(zone).not.toContain("BEGIN:DAYLIGHT");
    // The private link never leaves the site in a calendar.
    expect(body).not.toContain("enlace-privado");
  });

  it("writes a daylight-saving zone with both observances (New York, July: UTC−4)", async () => {
    const session = await createSession({
      status: "OPEN_FOR_NOMINATIONS",
      timeZone: "America/New_York",
      startsAt: new Date("2099-07-10T14:00:00Z"),
      endsAt: new Date("2099-07-10T15:30:00Z"),
    });
    const lines = unfold(await (await getSession("en", session.id)).text());
    expect(lines).toContain("DTSTART;TZID=America/New_York:20990710T100000");
    expect(lines).toContain("DTEND;TZID=America/New_York:20990710T113000");
    const zone = vtimezone(lines, "America/New_York").join("\n");
    // Clocks go forward on the second Sunday of March at 02:00 and back on the first Sunday of November.
    expect(zone).toContain("BEGIN:DAYLIGHT\nDTSTART:20990308T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nEND:DAYLIGHT");
    expect(zone).toContain("BEGIN:STANDARD\nDTSTART:20991101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nEND:STANDARD");
  });

  it("writes Madrid's summer time (UTC+2) and its European rules", async () => {
    const session = await createSession({
      status: "OPEN_FOR_NOMINATIONS",
      timeZone: "Europe/Madrid",
      startsAt: new Date("2099-06-15T07:00:00Z"),
      endsAt: new Date("2099-06-15T09:00:00Z"),
    });
    const lines = unfold(await (await getSession("es", session.id)).text());
    expect(lines).toContain("DTSTART;TZID=Europe/Madrid:20990615T090000");
    const zone = vtimezone(lines, "Europe/Madrid").join("\n");
    expect(zone).toContain("BEGIN:DAYLIGHT\nDTSTART:20990329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT");
    expect(zone).toContain("BEGIN:STANDARD\nDTSTART:20991025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD");
  });

  it("writes a UTC session in UTC", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS", timeZone: "UTC", startsAt: new Date("2099-01-05T12:00:00Z") });
    const lines = unfold(await (await getSession("en", session.id)).text());
    expect(lines).toContain("DTSTART:20990105T120000Z");
    expect(lines).not.toContain("BEGIN:VTIMEZONE");
  });

  it("is not found for a draft, an unknown id or an unknown language", async () => {
    const draft = await createSession({ status: "DRAFT" });
    expect((await getSession("es", draft.id)).status).toBe(404);
    expect((await getSession("es", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await getSession("es", "nope")).status).toBe(404);
    const open = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    expect((await getSession("de", open.id)).status).toBe(404);
    expect((await getFeed("de")).status).toBe(404);
  });
});

describe("the calendar feed", () => {
  beforeEach(resetDatabase);

  it("has every public session once, one VTIMEZONE per zone, and nothing private", async () => {
    const honduras = await createSession({ status: "OPEN_FOR_NOMINATIONS", timeZone: "America/Tegucigalpa" });
    const mexico = await createSession({ status: "REPORT_PUBLISHED", timeZone: "America/Mexico_City", startsAt: new Date("2026-05-10T16:00:00Z") });
    const alsoHonduras = await createSession({ status: "SPEAKERS_CONFIRMED", timeZone: "America/Tegucigalpa" });
    const draft = await createSession({ status: "DRAFT", title: { es: "Borrador oculto" } });
    await insertNomination(alsoHonduras.id, { nomineeEmail: "speaker.private@example.test", nomineeGender: "ANOTHER", nomineeGenderDescription: "no binarie", rationale: "Razón privada" });
    const response = await getFeed("es");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const body = await response.text();
    const lines = unfold(body);
    const uids = lines.filter((l) => l.startsWith("UID:"));
    expect(uids.sort()).toEqual([`UID:${honduras.id}@puente`, `UID:${mexico.id}@puente`, `UID:${alsoHonduras.id}@puente`].sort());
    expect(lines.filter((l) => l === "TZID:America/Tegucigalpa")).toHaveLength(1);
    // Mexico has had no daylight saving time since 2022: 10:00 in May is UTC−6.
    expect(lines).toContain("DTSTART;TZID=America/Mexico_City:20260510T100000");
    expect(vtimezone(lines, "America/Mexico_City")).not.toContain("BEGIN:DAYLIGHT");
    expect(lines).toContain("X-WR-CALNAME:Puente: sesiones de revisión");
    for (const secret of [draft.id, "Borrador oculto", "@example.test", "no binarie", "ANOTHER", "Razón privada", "sesion-secreta"]) {
      expect(body).not.toContain(secret);
    }
  });
});

describe("vtimezoneComponent", () => {
  it("follows the zone's current rules (Brazil has had no daylight saving time since 2019)", () => {
    const block = vtimezoneComponent("America/Sao_Paulo", new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
    expect(block).not.toContain("DAYLIGHT");
    expect(block).toContain("TZOFFSETTO:-0300");
  });

  it("finds southern-hemisphere transitions to the minute (Santiago, 2026)", () => {
    const block = vtimezoneComponent("America/Santiago", new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
    expect(block).toContain("BEGIN:STANDARD\r\nDTSTART:20260405T000000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0400\r\nEND:STANDARD");
    expect(block).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20260906T000000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0300\r\nEND:DAYLIGHT");
  });
});
