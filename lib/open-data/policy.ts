import type { Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";

/** Partners' API keys: admins make and revoke them (a key only raises limits, but it is a credential). */
export const canManageApiKeys = (actor: Actor | null): actor is Actor => !!actor?.isAdmin;

/** A revoked key stays revoked: revoking it again says so. */
export const revokeApiKeyRefusal = (key: { revokedAt: Date | null }): Refusal | null => (key.revokedAt ? refuse.conflict("openData.alreadyRevoked") : null);
