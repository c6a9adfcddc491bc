/**
 * What a log line may carry. Every line passes through `redact` (the logger's only formatter),
 * so a caller cannot leak a secret by passing the wrong object: keys that name a secret or a
 * user's text are censored at any depth, strings are cut short and scanned for token-shaped
 * values, and errors keep their name, message and stack with the same scrubbing.
 */

export const CENSOR = "[REDACTED]";

/** A key whose name contains one of these (any case, ignoring `-`, `_`, `.`) holds a secret. */
export const SECRET_KEY_PARTS = [
  "password", // password, newPassword, passwordHash, currentPassword
  "passwd",
  "passphrase",
  "token", // invitation, nomination, reset and session tokens, tokenHash, csrfToken
  "secret", // AUTH_SECRET, clientSecret
  "receipt", // receipt codes, receiptCode
  "cookie", // cookie, set-cookie
  "authorization", // Authorization and Proxy-Authorization headers
  "apikey", // x-api-key
  "credential",
  "privatekey",
  "jwt",
  "csrf",
] as const;

/** Keys (exact, any case) holding what people wrote: report and proposal text, comments, mail bodies. */
export const CONTENT_KEYS = [
  "body", // proposals, report versions and translations, comments, HTTP bodies
  "text", // report paragraphs, mail text
  "html",
  "markdown",
  "content",
  "contents",
  "description",
  "comment",
  "proposedText",
  "answer",
  "rationale",
  "selectionRationale",
  "bio",
  "internalNote",
  "incorporatedNote",
  "accessNote",
  "hiddenReason",
  "nomineeGenderDescription",
  // Monitoring reports (issue 13): what could identify a reporter or a victim. The receipt code
  // is covered by "receipt" above; a bare "code" is not listed, as it would hide Prisma's error codes.
  "narrative",
  "place",
  "affected",
  "evidence",
  "evidenceText",
  "evidenceLinks",
  "contact",
] as const;

const normalize = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, "");
const contentKeys = new Set<string>(CONTENT_KEYS.map(normalize));

export function isSecretKey(key: string): boolean {
  const name = normalize(key);
  return contentKeys.has(name) || SECRET_KEY_PARTS.some((part) => name.includes(part));
}

// Bounds: a hostile object costs at most this much time and this much line.
const MAX_DEPTH = 8;
const MAX_ENTRIES = 50; // keys of one object, items of one array
const MAX_NODES = 500; // values visited in one line
const MAX_STRING = 2_000;
const MAX_TOTAL_STRING = 32_000; // characters of long strings in one line
const SHORT_STRING = 100; // ids, names, numbers: always kept whole, whatever the budget
const MAX_FRAMES = 30;

const TOKEN_CHAR = /[A-Za-z0-9_-]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The same words in running text, written with or without separators (api_key, api-key, apikey).
const SECRET_WORDS = SECRET_KEY_PARTS.map((part) => part.split("").join("[-_]?")).join("|");
const ASSIGNMENT = new RegExp(`((?:${SECRET_WORDS})[\\w.-]{0,40}["']?\\s{0,5}[:=]\\s{0,5}["']?)[^\\s"'&;,)}\\]]+`, "gi");

// Each pattern is linear: every repetition is bounded or cannot overlap the next.
const TEXT_RULES: ((text: string) => string)[] = [
  // Authorization header values.
  (text) => text.replace(/\b(Bearer|Basic|Digest)\s{1,5}[A-Za-z0-9._~+/=-]{4,}/gi, `$1 ${CENSOR}`),
  // user:password@ in connection strings (DATABASE_URL, SMTP_URL).
  (text) => text.replace(/\/\/[^\s/@:]{0,256}:[^\s/@]{0,256}@/g, `//${CENSOR}@`),
  // name=value, name: value, "name":"value" where the name says secret (queries, headers, JSON).
  (text) => text.replace(ASSIGNMENT, `$1${CENSOR}`),
  // Opaque tokens: 32+ base64url characters (ours are 43; JWT/JWE session cookies are longer).
  // UUIDs are row ids, kept.
  (text) => text.replace(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g, (match) => (UUID.test(match) ? match : CENSOR)),
];

// Database messages quote the values that failed: `invalid input syntax for type integer: "…"`,
// `Key (email)=(…) already exists`. Applied to everything inside an error.
const ERROR_TEXT_RULES: ((text: string) => string)[] = [
  (text) => text.replace(/(:\s{0,3})"(?:[^"\\\n]|\\.){0,2000}"/g, `$1"${CENSOR}"`),
  (text) => text.replace(/(:\s{0,3})'(?:[^'\\\n]|\\.){0,2000}'/g, `$1'${CENSOR}'`),
  (text) => text.replace(/=\([^()\n]{0,2000}\)/g, `=(${CENSOR})`),
];

/** Censors token-shaped values in free text (messages, URLs, headers written as text). */
export function scrubText(text: string): string {
  return TEXT_RULES.reduce((out, rule) => rule(out), text);
}

function scrubErrorText(text: string): string {
  return ERROR_TEXT_RULES.reduce((out, rule) => rule(out), scrubText(text));
}

type Walk = { nodes: number; chars: number; ancestors: Set<object> };

function cut(text: string, walk: Walk, limit = MAX_STRING): string {
  const room = Math.min(limit, Math.max(SHORT_STRING, MAX_TOTAL_STRING - walk.chars));
  walk.chars += Math.min(text.length, room);
  if (text.length <= room) return text;
  // A token cut in half stays a secret: drop the token-like run the cut went through.
  let end = room;
  if (TOKEN_CHAR.test(text[room])) while (end > 0 && TOKEN_CHAR.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…[truncated ${text.length - end} chars]`;
}

function str(text: string, walk: Walk, inError: boolean, limit?: number): string {
  const short = cut(text, walk, limit);
  return inError ? scrubErrorText(short) : scrubText(short);
}

/** Prisma's message renders the call with its arguments (and the caller's source); the last line says what failed. */
function errorMessage(error: Error, name: string): string {
  const message = String(read(error, "message") ?? "");
  if (!name.startsWith("PrismaClient")) return message;
  const lines = message.split("\n").filter((line) => line.trim() !== "");
  return lines.at(-1)?.trim() ?? "";
}

function errorToObject(error: Error, walk: Walk, depth: number): Record<string, unknown> {
  const rawName = String(read(error, "name") ?? "Error");
  const name = str(rawName, walk, true, 100);
  const message = str(errorMessage(error, rawName), walk, true);
  // The stack's first line repeats the raw message: rebuild it from the scrubbed one.
  // Frames are at the end; a huge message before them is not split.
  const frames = String(read(error, "stack") ?? "")
    .slice(-MAX_FRAMES * 500)
    .split("\n")
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => str(line, walk, true, 500));
  const out: Record<string, unknown> = { name, message, stack: [`${name}: ${message}`, ...frames].join("\n") };
  // Own fields (Prisma's code and meta, pg's detail, cause, AggregateError's errors), censored the same way.
  for (const key of ["cause", "errors", ...Object.keys(error).slice(0, MAX_ENTRIES)]) {
    if (key === "name" || key === "message" || key === "stack" || key in out) continue;
    const value = read(error, key);
    if (value === undefined) continue;
    // pg's pool errors carry the live client (a socket, its buffers, its parser): 4 KB of state
    // on every line of an outage, and nothing that says what failed. Name it only.
    setEntry(out, key, isLiveObject(value) ? `[${liveObjectName(value)}]` : value, walk, depth + 1, true);
  }
  return out;
}

/** An event emitter (a database client, a socket, a stream): state, not data. */
function isLiveObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !(value instanceof Error) && typeof read(value, "on") === "function" && typeof read(value, "emit") === "function";
}

function liveObjectName(value: object): string {
  const name = String(read(read(value, "constructor") as object, "name") ?? "");
  // Short enough never to look like a token (32 characters or more are censored elsewhere).
  return /^[A-Za-z_$][\w$]{0,30}$/.test(name) ? name : "Object";
}

function read(target: object, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return "[Unreadable]";
  }
}

function setEntry(out: Record<string, unknown>, key: string, value: unknown, walk: Walk, depth: number, inError: boolean) {
  const censored = isSecretKey(key) && value !== null && value !== undefined && typeof value !== "boolean";
  // defineProperty: a key named "__proto__" stays a plain field.
  // Keys are short by nature and bounded by MAX_ENTRIES: they do not spend the line's string budget.
  Object.defineProperty(out, scrubText(key.length > 100 ? `${key.slice(0, 100)}…` : key), {
    value: censored ? CENSOR : visit(value, walk, depth, inError),
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function entriesToObject(entries: Iterable<[unknown, unknown]>, walk: Walk, depth: number, inError: boolean) {
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const [key, value] of entries) {
    if (count++ >= MAX_ENTRIES) {
      out["…"] = "[more entries]";
      break;
    }
    setEntry(out, String(key), value, walk, depth + 1, inError);
  }
  return out;
}

function visit(value: unknown, walk: Walk, depth: number, inError: boolean): unknown {
  if (++walk.nodes > MAX_NODES) return "[Truncated]";
  switch (typeof value) {
    case "string":
      return str(value, walk, inError);
    case "number":
    case "boolean":
    case "undefined":
      return value;
    case "bigint":
    case "symbol":
      return str(String(value), walk, inError, 100);
    case "function":
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (depth >= MAX_DEPTH) return "[Truncated]";
  if (walk.ancestors.has(object)) return "[Circular]";
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
  if (object instanceof URL) return str(object.href, walk, inError);
  if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer) return `[Binary ${object.byteLength} bytes]`;
  walk.ancestors.add(object);
  try {
    if (object instanceof Error) return errorToObject(object, walk, depth);
    if (object instanceof Map || (typeof Headers !== "undefined" && object instanceof Headers)) {
      return entriesToObject((object as Map<unknown, unknown>).entries(), walk, depth, inError);
    }
    if (Array.isArray(object) || object instanceof Set) {
      const size = object instanceof Set ? object.size : object.length;
      const items: unknown[] = [];
      for (const item of object as Iterable<unknown>) {
        if (items.length === MAX_ENTRIES) break;
        items.push(visit(item, walk, depth + 1, inError));
      }
      return size > MAX_ENTRIES ? [...items, `[${size - MAX_ENTRIES} more items]`] : items;
    }
    const keys = Object.keys(object).slice(0, MAX_ENTRIES + 1);
    return entriesToObject(
      keys.map((key) => [key, read(object, key)] as [string, unknown]),
      walk,
      depth,
      inError,
    );
  } finally {
    walk.ancestors.delete(value as object);
  }
}

/** A copy of `value` that is safe to write to a log: bounded, acyclic, secrets censored. */
export function redact(value: unknown): unknown {
  return visit(value, { nodes: 0, chars: 0, ancestors: new Set() }, 0, false);
}
