import { afterEach, describe, expect, it, vi } from "vitest";
import { findFreePort } from "@/lib/db/embedded";

const globals = globalThis as unknown as { puentePrisma?: unknown };

describe("GET /api/health", () => {
  const realUrl = process.env.DATABASE_URL;
  afterEach(() => {
    process.env.DATABASE_URL = realUrl;
    delete globals.puentePrisma;
    vi.resetModules();
  });

  it("answers 200 when the database answers", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ database: "up" });
  });

  it("answers 503 when the database is down", async () => {
    delete globals.puentePrisma;
    vi.resetModules();
    // A port where nothing listens stands for a database that went away.
    process.env.DATABASE_URL = `postgresql://postgres:x@127.0.0.1:${await findFreePort()}/puente`;
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ database: "down" });
  });
});
