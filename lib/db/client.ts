import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "./create-client";

const globalForPrisma = globalThis as unknown as { puentePrisma?: PrismaClient };

// One client per process: dev hot reload would otherwise open a pool per edit.
export const db: PrismaClient = globalForPrisma.puentePrisma ?? createPrismaClient();
globalForPrisma.puentePrisma = db;
