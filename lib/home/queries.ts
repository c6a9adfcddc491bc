import { db } from "@/lib/db/client";

/** The figures on the home page: public facts only, three small counts in parallel. */
export async function getHomeFigures() {
  const today = new Date();
  const [organizations, countries, committeeMembers] = await Promise.all([
    db.organization.count({ where: { status: "VERIFIED" } }),
    db.organization.groupBy({ by: ["country"], where: { status: "VERIFIED" } }).then((rows) => rows.length),
    db.committeeTerm.count({ where: { startsOn: { lte: today }, endsOn: { gte: today }, endedEarlyAt: null } }),
  ]);
  return { organizations, countries, committeeMembers };
}
