import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes in base64url (43 characters): the secret part of an invitation link. */
export const newInvitationToken = () => randomBytes(32).toString("base64url");

/** Only this is stored: a database leak does not leak working links. */
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");
