import { describe, expect, it } from "vitest";
import {
  balanceIfSelected,
  BALANCE_THRESHOLD,
  computeBalance,
  countBalance,
  GENDER_KEYS,
  inPool,
  isFirstTimeSpeaker,
  nomineeSubregion,
  slateMember,
  totalSeats,
  type SlateMember,
} from "@/lib/nominations/balance";

const member = (overrides: Partial<SlateMember> = {}): SlateMember => ({
  gender: null,
  subregion: "ANDEAN",
  organizationType: "CSO",
  languages: ["es"],
  firstTime: true,
  ...overrides,
});

const SPREAD = ["ANDEAN", "CARIBBEAN", "DIASPORA", "SOUTHERN_CONE_BRAZIL", "MEXICO_CENTRAL_AMERICA"] as const;

describe("the slate's balance", () => {
  it("counts people by gender choice, sub-region, organization types, languages and first-time speakers", () => {
    const balance = computeBalance(
      [
        member({ gender: "WOMAN", subregion: "CARIBBEAN", organizationType: "MIGRANT_LED", languages: ["es", "en"] }),
        member({ gender: "WOMAN", subregion: "ANDEAN", organizationType: "DIASPORA", languages: ["fr", "fr"], firstTime: false }),
        member({ gender: "NON_BINARY", subregion: "DIASPORA", organizationType: null, languages: ["pt"] }),
        member({ gender: null, subregion: "ANDEAN", organizationType: "REGIONAL_NETWORK", languages: ["es"] }),
      ],
      10,
    );
    expect(balance.seats).toBe(10);
    expect(balance.filled).toBe(4);
    expect(balance.people).toBe(4);
    // Every choice has a row, in the order forms offer them, "not stated" last.
    expect(Object.keys(balance.gender)).toEqual([...GENDER_KEYS]);
    expect(balance.gender).toEqual({ WOMAN: 2, MAN: 0, NON_BINARY: 1, ANOTHER: 0, PREFERS_NOT_TO_SAY: 0, NOT_STATED: 1 });
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
    const women = (n: number) => Array.from({ length: n }, (_, i) => member({ gender: "WOMAN", subregion: SPREAD[i % 4] }));
    // 3 of 5 seats is exactly 60%: no warning.
    expect(computeBalance(women(3), 5).warnings).toEqual([]);
    // 4 of 5: a warning, for the gender only (sub-regions are spread).
    expect(computeBalance(women(4), 5).warnings).toEqual([{ dimension: "gender", key: "WOMAN", count: 4, seats: 5 }]);
    // 2 selected of 10 seats is 20%, even though they are all the slate so far.
    expect(computeBalance(women(2), 10).warnings).toEqual([]);
    const sameRegion = (["WOMAN", "MAN", "NON_BINARY", "ANOTHER"] as const).map((gender) => member({ subregion: "CARIBBEAN", gender }));
    expect(computeBalance(sameRegion, 5).warnings).toEqual([{ dimension: "subregion", key: "CARIBBEAN", count: 4, seats: 5 }]);
  });

  it("never warns for a gender nobody stated or that the person prefers not to say, nor for a session without seats", () => {
    expect(computeBalance(SPREAD.map((subregion) => member({ subregion })), 5).warnings).toEqual([]);
    expect(computeBalance(SPREAD.map((subregion) => member({ subregion, gender: "PREFERS_NOT_TO_SAY" })), 5).warnings).toEqual([]);
    expect(computeBalance([], 0).warnings).toEqual([]);
    // "Another identity" is one group, whatever each person wrote: it can be over 60%.
    expect(computeBalance(SPREAD.slice(0, 4).map((subregion) => member({ subregion, gender: "ANOTHER" })), 5).warnings).toEqual([
      { dimension: "gender", key: "ANOTHER", count: 4, seats: 5 },
    ]);
  });

  it("tells what the slate would be with a candidate", () => {
    const slate = [member({ gender: "MAN", subregion: "ANDEAN" }), member({ gender: "MAN", subregion: "CARIBBEAN" }), member({ gender: "MAN", subregion: "DIASPORA" })];
    expect(balanceIfSelected(slate, member({ gender: "WOMAN", subregion: "SOUTHERN_CONE_BRAZIL" }), 5).warnings).toEqual([]);
    const worse = balanceIfSelected(slate, member({ gender: "MAN", subregion: "SOUTHERN_CONE_BRAZIL" }), 5);
    expect(worse.filled).toBe(4);
    expect(worse.warnings).toEqual([{ dimension: "gender", key: "MAN", count: 4, seats: 5 }]);
  });

  it("counts a pool without seats or warnings; the pool is everyone who accepted and has not withdrawn", () => {
    const pool = countBalance([member({ gender: "WOMAN" }), member({ gender: "WOMAN" }), member({ gender: "MAN" })]);
    expect(pool.people).toBe(3);
    expect(pool.gender).toMatchObject({ WOMAN: 2, MAN: 1, NOT_STATED: 0 });
    expect(pool).not.toHaveProperty("warnings");
    expect((["PROPOSED", "INVITED", "ACCEPTED", "DECLINED", "EXPIRED", "SELECTED", "NOT_SELECTED", "WITHDRAWN"] as const).filter(inPool)).toEqual([
      "ACCEPTED",
      "SELECTED",
      "NOT_SELECTED",
    ]);
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
        { nomineeUserId: null, nomineeEmail: "b@example.test", nomineeCountry: "HT", nomineeGender: "WOMAN", languages: ["fr"], nomineeOrganization: null },
        earlier,
      ),
    ).toEqual({ gender: "WOMAN", subregion: "CARIBBEAN", organizationType: null, languages: ["fr"], firstTime: true });
    expect(totalSeats({ panelistSeats: 3, rapporteurSeats: 1, moderatorSeats: 1 })).toBe(5);
  });
});
