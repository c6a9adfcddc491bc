// The reporter's side of monitoring (issue 13): filing, and following a case with its receipt
// code. Each runs through the one path (lib/commands/run.ts).
export { fileReport } from "./file-report";
export { readReceipt } from "./read-receipt";
export { replyAsReporter } from "./reply-as-reporter";
export { eraseMyContact } from "./erase-my-contact";
