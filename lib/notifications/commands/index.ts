// The notification changes a user makes; each runs through the one path (lib/commands/run.ts).
// Writing notifications is not a command: other commands call notify() (../notify.ts) in their work.
export { markNotificationsRead } from "./mark-read";
