/**
 * A well-formed UUID. The looser `[0-9a-f-]{36}` let "----…" through to PostgreSQL, which
 * refuses it as a uuid: a server error where "not found" is the answer.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
