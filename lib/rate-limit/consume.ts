import { db } from "@/lib/db/client";

export type RateLimitRule = { key: string; limit: number; windowSeconds: number };

function windowStart(windowSeconds: number, now: Date): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Current count for a key's window (0 when nothing was recorded). */
export async function currentCount(rule: RateLimitRule, now = new Date()): Promise<number> {
  const row = await db.rateLimitCounter.findUnique({
    where: { key_windowStart: { key: rule.key, windowStart: windowStart(rule.windowSeconds, now) } },
    select: { count: true },
  });
  return row?.count ?? 0;
}

export async function isLimited(rules: RateLimitRule[], now = new Date()): Promise<boolean> {
  const counts = await Promise.all(rules.map((r) => currentCount(r, now)));
  return counts.some((count, i) => count >= rules[i].limit);
}

/**
 * Adds one to each key's counter in PostgreSQL, atomically, so every app server sees the
 * same counts. Fixed windows: simple, and good enough against guessing passwords.
 */
export async function recordHit(rules: RateLimitRule[], now = new Date()): Promise<void> {
  for (const rule of rules) {
    const start = windowStart(rule.windowSeconds, now);
    await db.$executeRaw`
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${rule.key}, ${start}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1`;
  }
  // Old windows are useless; a cheap delete now and then keeps the table small.
  if (Math.random() < 0.01) {
    await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
  }
}
