import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "./create-client";

const globalForPrisma = globalThis as unknown as { puentePrisma?: PrismaClient };

// One client per process (dev hot reload would otherwise open a pool per edit), created on
// first use: `next build` imports route modules without a database to talk to.
function client(): PrismaClient {
  return (globalForPrisma.puentePrisma ??= createPrismaClient());
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});
