import pg from "pg";
import { announceChanges, EVERYTHING, setHearing } from "./changes";

export { EVERYTHING };

/** The channel the change_notifications migration's trigger notifies, with a table's name. */
export const CHANGES_CHANNEL = "puente_changes";

export type ChangeListener = { ready: Promise<void>; connected: () => boolean; stop: () => Promise<void> };

/**
 * One connection per server that LISTENs for the database's change notices (from every server,
 * the job worker, scripts) and announces them in this process. While it is down nothing can be
 * trusted to be fresh: `connected()` is false, and on reconnecting everything counts as changed.
 */
export function listenForChanges(url: string, { retryMs = 1_000 } = {}): ChangeListener {
  let client: pg.Client | null = null;
  let up = false;
  let stopped = false;
  let everConnected = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    const lost = () => {
      if (client !== next) return;
      up = false;
      client = null;
      announceChanges([EVERYTHING]);
      next.end().catch(() => {});
      if (!stopped) setTimeout(() => void connect(), retryMs).unref();
    };
    next.on("error", lost);
    next.on("end", lost);
    next.on("notification", (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) announceChanges([message.payload]);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      up = true;
      // Whatever changed while nobody listened.
      if (everConnected) announceChanges([EVERYTHING]);
      everConnected = true;
      markReady();
    } catch {
      lost();
    }
  };
  void connect();
  setHearing(() => up);

  return {
    ready,
    connected: () => up,
    async stop() {
      stopped = true;
      up = false;
      setHearing(() => false);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
