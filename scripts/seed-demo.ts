// npm run seed:demo — loads the demo data into DATABASE_URL (or the local database) on request.
import path from "node:path";
import { withDatabase } from "./lib/database";
import { localMonitoringKey } from "./lib/tasks";

// The demo's monitoring reports are sealed: with the deployment's key, or the local one npm start uses.
if (!process.env.MONITORING_KEY) {
  if (process.env.DATABASE_URL) {
    console.error("Set MONITORING_KEY (the server's key) to load the demo into DATABASE_URL: its monitoring reports are sealed with it.");
    process.exit(1);
  }
  process.env.MONITORING_KEY = await localMonitoringKey(path.resolve(".data"));
}

await withDatabase(async () => {
  const { seedDemoIfEmpty } = await import("../prisma/seed/demo");
  const { db } = await import("../lib/db/client");
  console.log((await seedDemoIfEmpty()) ? "Demo data loaded." : "The database already has users: demo data not loaded.");
  await db.$disconnect();
});
