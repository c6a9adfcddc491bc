/**
 * The capabilities whose commands are fuzzed, in groups of about equal time (28, 22, 22 and 19 s,
 * summed from each command's time in one quiet run of the single file it was before), one test
 * file each: tests/integration/fuzz-commands-<group>.test.ts.
 * tests/unit/fuzz-groups.test.ts checks that every capability with commands is in exactly one.
 */
export const FUZZ_GROUPS = {
  "monitoring-auth": ["monitoring", "auth"],
  "proposals-accounts": ["proposals", "nominations", "email-preferences", "follows", "accounts"],
  "champions-sessions": ["champions", "session-questions", "sessions", "roles", "notifications", "account-data"],
  "dialogue-report": ["consultations", "report", "evaluations", "organizations", "dialogue", "moderation", "open-data"],
} as const satisfies Record<string, readonly string[]>;

export type FuzzGroup = keyof typeof FUZZ_GROUPS;
