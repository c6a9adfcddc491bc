/**
 * Tables whose changes are not announced (the change_notifications migration leaves them
 * without its trigger): no public page reads them, and they change on nearly every request or
 * job. A page that reads one of them is never kept by the page cache. Every other table is
 * watched; tests/integration/change-notifications.test.ts holds the database to this list.
 */
export const UNWATCHED_TABLES: ReadonlySet<string> = new Set([
  "_prisma_migrations",
  "AuthSession",
  "RateLimitCounter",
  "EmailDelivery",
  "OutboxEmail",
  "NotificationEmail",
  "Notification",
  "PasswordResetToken",
  "NominationToken",
  "AccountArchive",
  "EmailPreference",
  "ApiKey",
]);
