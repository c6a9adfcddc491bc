// Each namespace is one file per language under messages/<locale>/<namespace>.json.
export const namespaces = [
  "common",
  "errors",
  "home",
  "auth",
  "organizations",
  "admin",
  "dashboard",
  "transparency",
  "gcm",
  "proposals",
  "proposalDiscussion",
  "proposalDesk",
  "proposalList",
  "notifications",
  "sessions",
  "sessionDesk",
  "nominations",
  "nominee",
  "report",
  "reportDesk",
  "reportComments",
  "champions",
  "monitoring",
  "monitoringReview",
  "monitoringPublic",
  "evaluations",
  "sessionQuestions",
  "dialogue",
  "moderation",
  "consultations",
  "follows",
  "dialogueFeeds",
  "openData",
  "accountData",
  "emailPreferences",
] as const;
export type Namespace = (typeof namespaces)[number];

// Error messages of one capability live in messages/<locale>/errors.<capability>.json and are
// read as errors.<capability>.<key>, so each capability owns its own file.
export const errorCapabilities = ["auth", "organizations", "roles", "proposals", "proposalDiscussion", "sessions", "nominations", "report", "reportComments", "champions", "monitoring", "monitoringReview", "evaluations", "sessionQuestions", "dialogue", "moderation", "consultations", "follows", "openData", "accountData", "emailPreferences"] as const;
