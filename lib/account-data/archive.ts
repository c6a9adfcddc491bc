import { buildAccountArchive } from "./commands/prepare-archive";

/**
 * Prepares one requested archive: builds the zip once (a second call, or a call for an archive
 * already built or expired, changes nothing), stores it and tells the person. Today
 * requestAccountArchive runs it after its commit; as a job it is this one call with the id.
 */
export async function prepareAccountArchive(requestId: string): Promise<{ built: boolean }> {
  return buildAccountArchive(null, { requestId });
}
