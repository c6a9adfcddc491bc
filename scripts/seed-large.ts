// npm run seed:large — 3,000 organizations, 100,000 proposals, 300,000 co-sponsorships in the
// local database (or DATABASE_URL), to measure the proposal pages at scale.
import { LARGE_SEED, seedLarge } from "../prisma/seed/large";
import { withDatabase } from "./lib/database";

await withDatabase(async (url) => {
  const started = Date.now();
  await seedLarge(url, LARGE_SEED);
  console.log(
    `Seeded ${LARGE_SEED.organizations} organizations, ${LARGE_SEED.proposals} proposals and up to ${LARGE_SEED.cosponsorships} co-sponsorships in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
});
