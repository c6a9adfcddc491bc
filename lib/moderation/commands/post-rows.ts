import type { Tx } from "@/lib/commands/run";
import { targetOf, type ModerationPost, type PostKind } from "../targets";

/** The post a command decides about, with its row lock, or null when there is none. */
export async function lockPost(tx: Tx, kind: PostKind, postId: string, lock: "share" | "update"): Promise<ModerationPost | null> {
  const [post] = await targetOf(kind).load(tx, [postId], lock);
  return post ?? null;
}

/** Closes the post's open flags with an outcome; how many. */
export async function closeOpenFlags(tx: Tx, kind: PostKind, postId: string, status: "UPHELD" | "DISMISSED", byId: string, at: Date): Promise<number> {
  const { count } = await tx.moderationFlag.updateMany({
    where: { kind, postId, status: "OPEN" },
    data: { status, decidedById: byId, decidedAt: at },
  });
  return count;
}
