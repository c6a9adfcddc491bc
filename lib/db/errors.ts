import { Prisma } from "@/lib/generated/prisma/client";

/** A unique index refused the row (Prisma's P2002): a parallel request made it first. */
export const isUniqueViolation = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
