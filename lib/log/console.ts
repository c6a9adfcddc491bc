import { redact, scrubText } from "./redact";

/**
 * Next and libraries print what they catch with console.error/warn (Next's "⨯ Error …" lines
 * render a Prisma error's whole message, arguments included). On a production server those
 * calls pass through the same redaction: errors and objects are printed as their redacted
 * JSON, strings are scrubbed of token-shaped values. Our own lines (already redacted JSON)
 * pass unchanged. Returns the undo (tests).
 */

// Shared through globalThis: instrumentation.ts and the app are separate bundles.
const OWN = Symbol.for("puente.log.printingOwnLine");
const shared = globalThis as typeof globalThis & { [OWN]?: boolean };

/** How lib/log writes a line: through console, so tests and Next's dev overlay see it. */
export function printLine(stream: "stdout" | "stderr", line: string) {
  shared[OWN] = true;
  try {
    if (stream === "stderr") console.error(line);
    else console.log(line);
  } finally {
    shared[OWN] = false;
  }
}

const safe = (arg: unknown) =>
  typeof arg === "string" ? scrubText(arg) : arg !== null && typeof arg === "object" ? JSON.stringify(redact(arg)) : arg;

export function guardConsole(): () => void {
  const originals = { error: console.error, warn: console.warn };
  const guard =
    (print: (...args: unknown[]) => void) =>
    (...args: unknown[]) =>
      shared[OWN] ? print(...args) : print(...args.map(safe));
  console.error = guard(originals.error);
  console.warn = guard(originals.warn);
  return () => Object.assign(console, originals);
}
