import { report } from "@/lib/db/availability";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    report(true);
    return Response.json({ status: "ok", database: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    // Pages answer the readable 503 from now on, without probing again.
    report(false);
    return Response.json({ status: "unavailable", database: "down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
