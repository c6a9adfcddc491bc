// npm run seed:demo — loads the demo data into DATABASE_URL (or the local database) on request.
import { withDatabase } from "./lib/database";

await withDatabase(async () => {
  const { seedDemoIfEmpty } = await import("../prisma/seed/demo");
  const { db } = await import("../lib/db/client");
  console.log((await seedDemoIfEmpty()) ? "Demo data loaded." : "The database already has users: demo data not loaded.");
  await db.$disconnect();
});
