import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// What could identify a reporter or a victim is sealed with AES-256-GCM (node:crypto: no
// dependency needed for one authenticated cipher) under MONITORING_KEY, 32 random bytes in base64.
// A row records which key sealed it (keyId); during a rotation MONITORING_KEY_PREVIOUS still
// opens the rows the old key sealed, and `npm run monitoring:rotate-key` re-seals them.
// Layout of a sealed value: 12-byte nonce ‖ 16-byte tag ‖ ciphertext.

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

type Key = { id: string; bytes: Buffer };

/** The key's public name: 16 hex characters of its SHA-256 (never the key itself). */
export function keyIdOf(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

export function parseKey(value: string | undefined, name = "MONITORING_KEY"): Key | null {
  if (!value) return null;
  const bytes = Buffer.from(value.trim(), "base64");
  if (bytes.length !== 32) throw new Error(`${name} must be 32 random bytes in base64 (for example: openssl rand -base64 32)`);
  return { id: keyIdOf(bytes), bytes };
}

/** A new key, as `npm start` writes it to .data/ and an operator would generate it. */
export function generateKey(): string {
  return randomBytes(32).toString("base64");
}

function currentKey(): Key {
  const key = parseKey(process.env.MONITORING_KEY);
  if (!key) throw new Error("MONITORING_KEY is not set");
  return key;
}

function keyFor(keyId: string): Key {
  for (const [value, name] of [
    [process.env.MONITORING_KEY, "MONITORING_KEY"],
    [process.env.MONITORING_KEY_PREVIOUS, "MONITORING_KEY_PREVIOUS"],
  ] as const) {
    const key = parseKey(value, name);
    if (key?.id === keyId) return key;
  }
  throw new Error(`No monitoring key with id ${keyId} is configured (MONITORING_KEY or MONITORING_KEY_PREVIOUS)`);
}

export type Sealed = { sealed: Buffer; keyId: string };

/** Seals a JSON value under the current key. `context` (e.g. the row's table) is authenticated too. */
export function seal(value: unknown, context: string): Sealed {
  const key = currentKey();
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, nonce);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { sealed: Buffer.concat([nonce, cipher.getAuthTag(), body]), keyId: key.id };
}

/** Opens a sealed value; throws when the key is unknown or the bytes were altered. */
export function unseal<T>(sealed: Uint8Array, keyId: string, context: string): T {
  const key = keyFor(keyId);
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, bytes.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  const text = Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  return JSON.parse(text) as T;
}

/** The id of MONITORING_KEY, the key new rows are sealed under. */
export const currentKeyId = () => currentKey().id;

/** Whether a row must be re-sealed by a rotation. */
export const needsRotation = (keyId: string) => keyId !== currentKey().id;
