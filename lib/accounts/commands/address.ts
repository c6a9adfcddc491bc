import type { RequestContext } from "@/lib/commands/run";

/** The client's address for the rate limits; a caller outside a request (a script) counts as "local", as clientAddress does. */
export const addressOf = (request: RequestContext) => request.address ?? "local";
