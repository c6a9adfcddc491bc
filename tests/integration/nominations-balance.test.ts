import { describe, expect, it } from "vitest";
import {
  balanceIfSelected,
  BALANCE_THRESHOLD,
  computeBalance,
  isFirstTimeSpeaker,
  normalizeGender,
  nomineeSubregion,
  slateMember,
  totalSeats,
  type SlateMember,
} from "@/lib/nominations/balance";

const member = (overrides: Partial<SlateMember> = {}): SlateMember => ({
  gender: "",
  subregion: "ANDEAN",
  organizationType: "CSO",
  languages: ["es"],
  firstTime: true,
  ...overrides,
});

describe("the slate's balance", () => {
  it("counts gender (normalized), sub-region, organization types, languages and first-time speakers", () => {
    const balance = computeBalance(
      [
        member({ gender: normalizeGender(" Mujer "), subregion: "CARIBBEAN", organizationType: "MIGRANT_LED", languages: ["es", "en"] }),
        member({ gender: normalizeGender("MUJER"), subregion: "ANDEAN", organizationType: "DIASPORA", languages: ["fr", "fr"], firstTime: false }),
        member({ gender: normalizeGender("no  binarie"), subregion: "DIASPORA", organizationType: null, languages: ["pt"] }),
        member({ gender: normalizeGender(null), subregion: "ANDEAN", organizationType: "REGIONAL_NETWORK", languages: ["es"] }),
      ],
      10,
    );
    expect(balance.seats).toBe(10);
    expect(balance.filled).toBe(4);
    expect(balance.gender).toEqual([
      { key: "mujer", count: 2 },
      { key: "", count: 1 },
      { key: "no binarie", count: 1 },
    ]);
    expect(balance.subregion).toEqual({ MEXICO_CENTRAL_AMERICA: 0, CARIBBEAN: 1, ANDEAN: 2, SOUTHERN_CONE_BRAZIL: 0, DIASPORA: 1 });
    expect(balance.migrantLed).toBe(1);
    expect(balance.diaspora).toBe(1);
    expect(balance.organizationUnknown).toBe(1);
    // A language listed twice for one person counts once.
    expect(balance.languages).toEqual({ es: 2, en: 1, pt: 1, fr: 1 });
    expect(balance.firstTime).toBe(3);
    expect(balance.returning).toBe(1);
    expect(balance.warnings).toEqual([]);
  });

  it("warns when one gender or one sub-region holds MORE than 60% of all the seats (not of the filled ones)", () => {
    expect(BALANCE_THRESHOLD).toBe(0.6);
    const women = (n: number) => Array.from({ length: n }, (_, i) => member({ gender: "mujer", subregion: (["ANDEAN", "CARIBBEAN", "DIASPORA", "SOUTHERN_CONE_BRAZIL"] as const)[i % 4] }));
    // 3 of 5 seats is exactly 60%: no warning.
    expect(computeBalance(women(3), 5).warnings).toEqual([]);
    // 4 of 5: a warning, for the gender only (sub-regions are spread).
    expect(computeBalance(women(4), 5).warnings).toEqual([{ dimension: "gender", key: "mujer", count: 4, seats: 5 }]);
    // 2 selected of 10 seats is 20%, even though they are all the slate so far.
    expect(computeBalance(women(2), 10).warnings).toEqual([]);
    const sameRegion = Array.from({ length: 4 }, (_, i) => member({ subregion: "CARIBBEAN", gender: ["a", "b", "c", "d"][i] }));
    expect(computeBalance(sameRegion, 5).warnings).toEqual([{ dimension: "subregion", key: "CARIBBEAN", count: 4, seats: 5 }]);
  });

  it("never warns for a gender nobody stated, nor for a session without seats", () => {
    expect(computeBalance(Array.from({ length: 5 }, (_, i) => member({ subregion: (["ANDEAN", "CARIBBEAN", "DIASPORA", "SOUTHERN_CONE_BRAZIL", "MEXICO_CENTRAL_AMERICA"] as const)[i] })), 5).warnings).toEqual([]);
    expect(computeBalance([], 0).warnings).toEqual([]);
  });

  it("tells what the slate would be with a candidate", () => {
    const slate = [member({ gender: "hombre", subregion: "ANDEAN" }), member({ gender: "hombre", subregion: "CARIBBEAN" }), member({ gender: "hombre", subregion: "DIASPORA" })];
    expect(balanceIfSelected(slate, member({ gender: "mujer", subregion: "SOUTHERN_CONE_BRAZIL" }), 5).warnings).toEqual([]);
    const worse = balanceIfSelected(slate, member({ gender: "Hombre", subregion: "SOUTHERN_CONE_BRAZIL" }), 5);
    expect(worse.filled).toBe(4);
    expect(worse.warnings).toEqual([{ dimension: "gender", key: "hombre", count: 4, seats: 5 }]);
  });

  it("reads a nominee: organization's sub-region first, else the country's; first-time by account or email", () => {
    expect(nomineeSubregion({ nomineeCountry: "BR", nomineeOrganization: { subregion: "DIASPORA" } })).toBe("DIASPORA");
    expect(nomineeSubregion({ nomineeCountry: "BR", nomineeOrganization: null })).toBe("SOUTHERN_CONE_BRAZIL");
    expect(nomineeSubregion({ nomineeCountry: "ES", nomineeOrganization: null })).toBe("DIASPORA");
    const earlier = { userIds: new Set(["u1"]), emails: new Set(["ana@example.test"]) };
    expect(isFirstTimeSpeaker({ nomineeUserId: "u1", nomineeEmail: "x@example.test" }, earlier)).toBe(false);
    expect(isFirstTimeSpeaker({ nomineeUserId: null, nomineeEmail: " ANA@example.test" }, earlier)).toBe(false);
    expect(isFirstTimeSpeaker({ nomineeUserId: "u2", nomineeEmail: "b@example.test" }, earlier)).toBe(true);
    expect(
      slateMember(
        { nomineeUserId: null, nomineeEmail: "b@example.test", nomineeCountry: "HT", nomineeGender: "  Femme ", languages: ["fr"], nomineeOrganization: null },
        earlier,
      ),
    ).toEqual({ gender: "femme", subregion: "CARIBBEAN", organizationType: null, languages: ["fr"], firstTime: true });
    expect(totalSeats({ panelistSeats: 3, rapporteurSeats: 1, moderatorSeats: 1 })).toBe(5);
  });
});
