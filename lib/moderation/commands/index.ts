// Every moderation change; each runs through the one path (lib/commands/run.ts).
export { flagPost } from "./flag-post";
export { hidePost } from "./hide-post";
export { dismissFlags } from "./dismiss-flags";
export { unhidePost } from "./unhide-post";
