// Email notices (issue 15): a person's choices, the one-click unsubscribe, and the jobs that
// email notifications (immediately or as digests). Each runs through the one path.
export { updateEmailPreferences } from "./update-preferences";
export { unsubscribe } from "./unsubscribe";
export { sendImmediateNotificationEmails, sendNotificationDigests } from "./send-notification-emails";
