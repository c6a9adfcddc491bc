import pino, { type DestinationStream } from "pino";
import { printLine } from "./console";
import { redact } from "./redact";
import { currentRequestId } from "./request-id";

/**
 * The one logger. Synchronous JSON lines, no transports (worker threads do not survive Next's
 * bundling). Every object logged goes through `redact` (lib/log/redact.ts) before it is written.
 * Private to lib/log: callers use logError/logInfo from lib/log.ts.
 */

// Through console (synchronous on stdout/stderr for files, pipes and terminals) so that tests
// and Next's dev overlay see the same lines a production server writes.
const stdout: DestinationStream = { write: (line) => printLine("stdout", line.trimEnd()) };
const stderr: DestinationStream = { write: (line) => printLine("stderr", line.trimEnd()) };

export const logger = pino(
  {
    level: "info",
    base: null, // no pid/hostname: the platform adds where a line came from
    timestamp: () => `,"at":"${new Date().toISOString()}"`,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => {
        const safe = redact(object) as Record<string, unknown>;
        const requestId = currentRequestId();
        return requestId ? { requestId, ...safe } : safe;
      },
    },
  },
  // Warnings and errors to stderr, the rest to stdout; each line written once.
  pino.multistream(
    [
      { level: "info", stream: stdout },
      { level: "warn", stream: stderr },
    ],
    { dedupe: true },
  ),
);
