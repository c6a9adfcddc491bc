// Every change to site roles and committee terms; each one runs through the one path (lib/commands/run.ts).
export { grantSiteRole } from "./grant-site-role";
export { revokeSiteRole } from "./revoke-site-role";
export { grantCommitteeTerm } from "./grant-committee-term";
export { endCommitteeTerm } from "./end-committee-term";
