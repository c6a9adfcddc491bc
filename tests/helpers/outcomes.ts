import { expect } from "vitest";
import { AppError } from "@/lib/errors";

export type Outcome = "ok" | AppError["kind"];

/** "ok", or the kind of the AppError thrown; anything else fails the test. */
export async function outcome(work: Promise<unknown>): Promise<Outcome> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.kind;
    throw error;
  }
}

/** The AppError a command throws (fails the test when it throws none). */
export async function appError(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  expect.fail("expected an AppError");
}
