// Every change to monitoring reports and summaries; each runs through the one path (lib/commands/run.ts).
export * from "./review-index";
