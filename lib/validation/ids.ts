/**
 * A well-formed UUID. The looser `[0-9a-f-]{36}` let "----…" through to PostgreSQL, which
 * refuses it as a uuid: a server error where "not found" is the answer.
 */
/** To build patterns that hold a UUID among other text ("institution:<uuid>"). */
export const UUID_SOURCE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UUID = new RegExp(`^${UUID_SOURCE}$`, "i");

export const isUuid = (value: string): boolean => UUID.test(value);
