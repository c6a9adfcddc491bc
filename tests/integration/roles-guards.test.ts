import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";

// The session cookie only exists inside a Next request: here the current actor is set by hand,
// loaded from the real database like getCurrentActor does.
let current: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentActor: async () => current }));

const { requireAdmin, requireSignedIn, requireStaff, signInPath } = await import("@/lib/auth/guards");
const { buildWorld, resetDatabase } = await import("../helpers/factories");

type Result = "actor" | "notFound" | `redirect:${string}`;

async function guard(run: () => Promise<Actor>): Promise<Result> {
  try {
    await run();
    return "actor";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "notFound";
    throw error;
  }
}

describe("page guards", () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  const table = [
    ["visitor", "redirect", "redirect", "redirect"],
    ["participant", "actor", "notFound", "notFound"],
    ["orgAdmin", "actor", "notFound", "notFound"],
    ["committee", "actor", "notFound", "notFound"],
    ["staff", "actor", "actor", "notFound"],
    ["admin", "actor", "actor", "actor"],
  ] as const;

  it.each(table)("%s: signed in → %s, staff → %s, admin → %s", async (role, signedIn, staff, admin) => {
    current = world.actors[role];
    const expected = (e: string) => (e === "redirect" ? "redirect:/fr/sign-in?next=%2Ffr%2Fadmin%2Froles%3Fq%3Dana" : e);
    expect(await guard(() => requireSignedIn("fr", "/admin/roles?q=ana"))).toBe(expected(signedIn));
    expect(await guard(() => requireStaff("fr", "/admin/roles?q=ana"))).toBe(expected(staff));
    expect(await guard(() => requireAdmin("fr", "/admin/roles?q=ana"))).toBe(expected(admin));
  });

  it("sends visitors back only to a local path of the same language", () => {
    expect(signInPath("es", "/dashboard")).toBe("/es/sign-in?next=%2Fes%2Fdashboard");
    expect(signInPath("es", "/es/dashboard")).toBe("/es/sign-in?next=%2Fes%2Fdashboard");
    expect(signInPath("pt", "/")).toBe("/pt/sign-in?next=%2Fpt");
    expect(signInPath("en", "//evil.example/x")).toBe("/en/sign-in?next=%2Fen");
    expect(signInPath("en", "https://evil.example/")).toBe("/en/sign-in?next=%2Fen");
    expect(signInPath("en", "/\\evil.example")).toBe("/en/sign-in?next=%2Fen");
  });
});
