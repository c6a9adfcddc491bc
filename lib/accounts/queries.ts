import { db } from "@/lib/db/client";
import { sha256Hex } from "./policy";
import { resetTokenSchema } from "./schemas";

/**
 * Whether a reset link can still be used, so the page shows the form or says at once that the
 * link expired. The submit checks again (and marks the token) inside its transaction.
 */
export async function isResetTokenUsable(token: unknown): Promise<boolean> {
  const parsed = resetTokenSchema.safeParse(token);
  if (!parsed.success) return false;
  const row = await db.passwordResetToken.findFirst({
    where: { tokenHash: sha256Hex(parsed.data), usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return row !== null;
}
