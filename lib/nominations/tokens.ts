import { createHash } from "node:crypto";
import { hashInvitationToken, newInvitationToken } from "@/lib/organizations/tokens";

// The nominee's personal links: 256 random bits (base64url, 43 characters); only the sha256 is
// stored, so a database leak does not leak working links.

export const newNominationToken = newInvitationToken;
export const hashNominationToken = hashInvitationToken;

/** What a token looks like; anything else is not even looked up. */
export const NOMINATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const isTokenShaped = (token: unknown): token is string => typeof token === "string" && NOMINATION_TOKEN_PATTERN.test(token);

/** "Do not nominate me again for this session" is kept by the sha256 of the lower-cased email, not the email. */
export const hashOptOutEmail = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
