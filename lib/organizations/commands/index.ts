// Every change to organizations, their members and invitations; each one runs through the one
// path (lib/commands/run.ts).
export { registerOrganization } from "./register-organization";
export { verifyOrganization } from "./verify-organization";
export { rejectOrganization } from "./reject-organization";
export { suspendOrganization } from "./suspend-organization";
export { reinstateOrganization } from "./reinstate-organization";
export { inviteMember } from "./invite-member";
export { revokeInvitation } from "./revoke-invitation";
export { acceptInvitation } from "./accept-invitation";
export { removeMember } from "./remove-member";
