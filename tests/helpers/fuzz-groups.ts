/**
 * The capabilities whose commands are fuzzed, in groups of about equal time (seconds measured
 * alone: 28, 22, 22, 19), one test file each: tests/integration/fuzz-commands-<group>.test.ts.
 * tests/unit/fuzz-groups.test.ts checks that every capability with commands is in exactly one.
 */
export const FUZZ_GROUPS = {
  "monitoring-auth": ["monitoring", "auth"],
  "proposals-accounts": ["proposals", "nominations", "email-preferences", "follows", "accounts"],
  "champions-sessions": ["champions", "session-questions", "sessions", "roles", "notifications", "account-data"],
  "dialogue-report": ["consultations", "report", "evaluations", "organizations", "dialogue", "moderation", "open-data"],
} as const satisfies Record<string, readonly string[]>;

export type FuzzGroup = keyof typeof FUZZ_GROUPS;
