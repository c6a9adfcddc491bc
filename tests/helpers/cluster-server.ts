// A stand-in for scripts/server.ts under server/cluster.ts's supervision, without Next: each
// process answers with who it is. tests/unit/cluster.test.ts starts it.
import cluster from "node:cluster";
import http from "node:http";
import { superviseServerProcesses } from "../../server/cluster";

const port = Number(process.env.PORT);
if (cluster.isPrimary) {
  superviseServerProcesses({ count: 2, onListening: () => console.log("listening"), graceMs: 3000 });
} else {
  const server = http.createServer((_req, res) =>
    res.end(JSON.stringify({ pid: process.pid, slot: process.env.PUENTE_SERVER_SLOT, jobWorker: process.env.PUENTE_WORKER !== "0" })),
  );
  server.listen(port);
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
