// Loaded into every process `npm start` runs (the launcher, start.ts, the Next server). A parent
// killed with SIGKILL (out of memory, a closed terminal) cannot stop its children; without this
// they would keep the port and the database busy and the next `npm start` would fail. When the
// parent is gone the process is handed to another one, so its parent PID changes: stop then,
// through SIGTERM, so the process's own clean shutdown runs.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();
