// The reviewers' commands (issue 13). Each runs through the one path (lib/commands/run.ts).
// None writes an audit row: the case history (MonitoringCaseEvent, ids and statuses only) is the
// record of every reviewer action, so nothing about a case ever reaches the audit log or its readers.
export { assignCase } from "./assign-case";
export { lockCase } from "./lock-case";
export { releaseCase } from "./release-case";
export { openCase } from "./open-case";
export { changeCaseStatus } from "./change-case-status";
export { referCase } from "./refer-case";
export { messageReporter } from "./message-reporter";
export { writeSummary } from "./write-summary";
export { submitSummary } from "./submit-summary";
export { approveSummary } from "./approve-summary";
export { publishSummary } from "./publish-summary";
export { withdrawSummary } from "./withdraw-summary";
export { eraseExpiredContacts, eraseExpiredContactsOnSchedule } from "./erase-expired-contacts";
