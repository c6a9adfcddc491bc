// Every change to review sessions and their registrations; each one runs through the one path
// (lib/commands/run.ts). Confirming the speakers is the nominations module's.
export { createSession } from "./create-session";
export { updateSession } from "./update-session";
export { openSession } from "./open-session";
export { markSessionHeld } from "./mark-session-held";
export { publishSessionSummary } from "./publish-session-summary";
export { registerForSession } from "./register-for-session";
export { updateRegistration } from "./update-registration";
export { cancelRegistration } from "./cancel-registration";
