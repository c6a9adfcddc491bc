import { defineCommand, requires } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import { canManageApiKeys, revokeApiKeyRefusal } from "../policy";
import { revokeApiKeySchema } from "../schemas";

/** An admin revokes a partner's key: the next request with it is refused (401). */
export const revokeApiKey = defineCommand({
  name: "openData.revokeApiKey",
  input: revokeApiKeySchema,
  actor: "required",
  allow: requires(canManageApiKeys),
  async load({ tx, input }) {
    const key = await tx.apiKey.findUnique({ where: { id: input.keyId }, select: { id: true, partner: true, revokedAt: true } });
    if (!key) throw notFound();
    return key;
  },
  authorize: ({ loaded }) => revokeApiKeyRefusal(loaded),
  async work({ tx, now, loaded, record }) {
    // Only a key still active: two admins revoking at once change it once.
    const revoked = await tx.apiKey.updateMany({ where: { id: loaded.id, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 1) record({ action: "api_key.revoked", entityType: "ApiKey", entityId: loaded.id, isPublic: false, data: { partner: loaded.partner } });
    return { id: loaded.id, revokedAt: now };
  },
  invalidates: ["admin"],
});
