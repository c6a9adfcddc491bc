import { beforeAll, describe, expect, it } from "vitest";
import { countryFilterOptions } from "@/lib/i18n/countries";
import { directoryCountries } from "@/lib/organizations/queries";
import { publicProposalCountries } from "@/lib/proposals/search";
import { createOrganization, resetDatabase } from "../helpers/factories";
import { createProposal } from "../helpers/proposal-fixtures";

const asMap = (rows: { country: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.country, r.count]));

describe("country filters offer the countries that have public items, with their counts", () => {
  beforeAll(async () => {
    await resetDatabase();
    const hn = await createOrganization({ country: "HN" });
    const mx = await createOrganization({ country: "MX" });
    await createOrganization({ country: "HN" });
    // Not public: their countries must not be offered, nor counted.
    const pending = await createOrganization({ country: "HT", status: "PENDING" });
    await createOrganization({ country: "JM", status: "SUSPENDED" });
    await createProposal(hn.id, { countries: ["HN", "GT"] });
    await createProposal(hn.id, { countries: ["HN"], status: "ACCEPTED" });
    await createProposal(mx.id, { countries: ["MX", "HN"] });
    await createProposal(mx.id, { countries: ["CR"], status: "DRAFT" });
    await createProposal(pending.id, { countries: ["HT"] });
  });

  it("counts verified organizations by country", async () => {
    expect(asMap(await directoryCountries())).toEqual({ HN: 2, MX: 1 });
  });

  it("counts public proposals by the countries they name, never drafts or unverified organizations'", async () => {
    expect(asMap(await publicProposalCountries())).toEqual({ HN: 3, GT: 1, MX: 1 });
  });

  it("labels each country in the reader's language with its count, by name, and keeps the one chosen", () => {
    const counts = [
      { country: "HN", count: 3 },
      { country: "MX", count: 1200 },
      { country: "GT", count: 0 },
    ];
    expect(countryFilterOptions(counts, "es")).toEqual([
      { value: "HN", label: "Honduras (3)" },
      { value: "MX", label: "México (1200)".replace("1200", new Intl.NumberFormat("es").format(1200)) },
    ]);
    expect(countryFilterOptions(counts, "fr").map((o) => o.label)).toEqual(["Honduras (3)", `Mexique (${new Intl.NumberFormat("fr").format(1200)})`]);
    // A stale link's country stays visible in the form, at zero.
    expect(countryFilterOptions(counts, "en", "ht").map((o) => o.value)).toEqual(["HT", "HN", "MX"]);
  });
});
