// Partners' API keys for the open-data API; each runs through the one path (lib/commands/run.ts).
export { createApiKey } from "./create-api-key";
export { revokeApiKey } from "./revoke-api-key";
