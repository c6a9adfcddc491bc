// Following and unfollowing; each runs through the one path (lib/commands/run.ts).
export { follow } from "./follow";
export { unfollow } from "./unfollow";
