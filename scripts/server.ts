// The production server (`npm start`, the e2e server, a deployment): Next behind a small Node
// front that sees the connection's socket, which `next start` hides. See server/handler.ts.
// WEB_CONCURRENCY processes share the port (server/cluster.ts).
//   node --import tsx scripts/server.ts [-p PORT]
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { BlockList } from "node:net";
import path from "node:path";
import { unavailablePage } from "../components/layout/unavailable-page";
import { defaultLocale, locales } from "../i18n/locales";
import { databaseAvailable } from "../lib/db/availability";
import { parseKey } from "../lib/monitoring/crypto";
import { ENTRY_POINT_ENV, parseTrustedProxies } from "../lib/rate-limit/client-address";
import { listenForChanges } from "../lib/cache/listen";
import { serverProcessCount, superviseServerProcesses } from "../server/cluster";
import { createRequestHandler } from "../server/handler";
import { readClientModules, serveWithoutScripts } from "../server/hydration";
import { createPageCache } from "../server/page-cache";
import type { RequestMessages } from "../server/pages";

const portFlag = process.argv.indexOf("-p");
const port = Number(portFlag >= 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 3000));
const hostname = process.env.HOSTNAME || undefined;
const dir = path.resolve(process.env.PUENTE_DIR ?? ".");

// Read before Next loads: a bad TRUSTED_PROXIES stops the start with its own message.
let trusted: BlockList;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// Without its key no monitoring report can be sealed or read: refuse to serve rather than fail later.
let processes = 1;
try {
  if (!parseKey(process.env.MONITORING_KEY)) throw new Error("MONITORING_KEY is not set: 32 random bytes in base64 (openssl rand -base64 32). See the README's configuration.");
  processes = serverProcessCount();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const listeningLine = `Puente listening on ${hostname ?? "all addresses"}, port ${port}`;

if (cluster.isPrimary && processes > 1) {
  // This process only starts and watches the servers; each loads Next on its own.
  superviseServerProcesses({ count: processes, onListening: () => console.log(`${listeningLine} (${processes} processes)`) });
} else {
  await serve();
}

async function serve() {
  // What `next start` sets; and the app trusts CLIENT_ADDRESS_HEADER only in this process.
  Object.assign(process.env, { NODE_ENV: "production", [ENTRY_POINT_ENV]: "1" });

  const messages = Object.fromEntries(
    locales.map((locale) => [locale, JSON.parse(readFileSync(path.join(dir, "messages", locale, "errors.request.json"), "utf8")) as RequestMessages]),
  );

  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  // Anonymous visitors' pages from memory, dropped when what they show changes on any server
  // (PUENTE_PAGE_CACHE=0 turns it off). See server/page-cache.ts and the README, "Caching".
  const changes = process.env.PUENTE_PAGE_CACHE === "0" || !process.env.DATABASE_URL ? null : listenForChanges(process.env.DATABASE_URL);
  const pageCache = changes ? createPageCache({ fresh: changes.connected }) : null;
  // Anonymous visitors' pages that need no script go without Next's runtime (server/hydration.ts);
  // the cache above keeps them as sent.
  const rendered = serveWithoutScripts(app.getRequestHandler(), readClientModules(path.join(dir, ".next")));
  const handle = createRequestHandler({
    next: pageCache ? pageCache.wrap(rendered) : rendered,
    trusted,
    publicUrl: process.env.PUBLIC_URL,
    messages,
    defaultLocale,
    databaseUp: () => databaseAvailable(process.env.DATABASE_URL, { fresh: true }),
    unavailablePage,
  });

  const server = http.createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // As `next start`: longer than a load balancer's idle timeout, so it never reuses a closed connection.
  if (process.env.KEEP_ALIVE_TIMEOUT) server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT);
  server.listen(port, hostname, () => {
    if (!cluster.isWorker) console.log(listeningLine);
  });

  // The job worker (mail, digests, scheduled erasure) runs in this process (the first of several),
  // so every server started by `npm start` or a deployment sends mail; PUENTE_WORKER=0 leaves it
  // to other processes.
  const { startWorker, stopWorker, jobsStopping } = await import("../lib/jobs/worker");
  const worker = process.env.PUENTE_WORKER === "0" ? Promise.resolve(false) : startWorker().then(() => true);
  worker.catch((error: unknown) => {
    console.error("The job worker could not start:", error);
    process.exit(1);
  });

  // SIGTERM (a deployment, npm start's Ctrl-C): stop taking connections, let requests in flight finish.
  let stopping = false;
  function stop() {
    if (stopping) return;
    stopping = true;
    jobsStopping();
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => void Promise.all([app.close(), changes?.stop(), worker.then((started) => (started ? stopWorker() : undefined))]).finally(() => process.exit(0)));
    server.closeIdleConnections();
  }
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
