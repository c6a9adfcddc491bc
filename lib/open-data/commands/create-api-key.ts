import { defineCommand, requires } from "@/lib/commands/run";
import { hashApiKey, keyPrefix, newApiKey } from "../api-keys";
import { canManageApiKeys } from "../policy";
import { createApiKeySchema } from "../schemas";

/**
 * An admin makes a key for a partner (IOM, ECLAC). The key is returned once, to be shown once;
 * only its SHA-256 and its first characters are stored, and the audit entry names the partner only.
 */
export const createApiKey = defineCommand({
  name: "openData.createApiKey",
  input: createApiKeySchema,
  actor: "required",
  allow: requires(canManageApiKeys),
  async work({ tx, input, actor, record }) {
    const key = newApiKey();
    const row = await tx.apiKey.create({ data: { partner: input.partner, prefix: keyPrefix(key), hash: hashApiKey(key), createdById: actor.userId }, select: { id: true } });
    record({ action: "api_key.created", entityType: "ApiKey", entityId: row.id, isPublic: false, data: { partner: input.partner } });
    return { id: row.id, partner: input.partner, key };
  },
  invalidates: ["admin"],
});
