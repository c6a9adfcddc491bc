// Every change to a person's own account data (issue 15); each runs through the one path.
export { updateProfile } from "./update-profile";
export { requestAccountArchive } from "./request-archive";
export { buildAccountArchive } from "./prepare-archive";
export { deleteOwnAccount } from "./delete-own-account";
