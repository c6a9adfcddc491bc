// Every change to monitoring reports, cases and summaries (issue 13); each runs through the one
// path (lib/commands/run.ts). The reporter's side: filing, and following a case with its receipt code.
export { fileReport } from "./file-report";
export { readReceipt } from "./read-receipt";
export { replyAsReporter } from "./reply-as-reporter";
export { eraseMyContact } from "./erase-my-contact";
// The reviewers' side.
export * from "./review-index";
