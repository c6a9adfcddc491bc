// Every change to sign-in sessions; each one runs through the one path (lib/commands/run.ts).
export { openAuthSession } from "./open-session";
export { endAuthSession } from "./end-session";
export { endOtherAuthSessions } from "./end-other-sessions";
