import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findFreePort } from "../../lib/db/embedded";
import { availableMemory, MAX_DEFAULT_PROCESSES, restartDelayMs, serverProcessCount, slotEnvironment } from "../../server/cluster";

const GIB = 1024 ** 3;

describe("how many server processes", () => {
  it.each([
    [undefined, 2, 8, 2],
    [undefined, 1, 8, 1],
    [undefined, 16, 64, MAX_DEFAULT_PROCESSES],
    ["", 8, 64, MAX_DEFAULT_PROCESSES],
    [undefined, 4, 2.5, 2],
    [undefined, 4, 0.5, 1],
    ["1", 8, 64, 1],
    [" 6 ", 2, 1, 6],
  ])("WEB_CONCURRENCY %j on %i cores and %d GiB: %i", (setting, cores, gib, expected) => {
    expect(serverProcessCount({ WEB_CONCURRENCY: setting }, cores, gib * GIB)).toBe(expected);
  });

  it("counts a container's memory limit, not the machine's, when it is the smaller", () => {
    expect(availableMemory(32 * GIB, 2 * GIB)).toBe(2 * GIB);
    expect(availableMemory(32 * GIB, 2 ** 64)).toBe(32 * GIB);
    expect(availableMemory(32 * GIB, 0)).toBe(32 * GIB);
    expect(availableMemory(32 * GIB, undefined)).toBe(32 * GIB);
  });

  it.each(["0", "-1", "two", "1.5", "1000", "2 3"])("refuses WEB_CONCURRENCY %j with a message naming it", (setting) => {
    expect(() => serverProcessCount({ WEB_CONCURRENCY: setting }, 2)).toThrow(/WEB_CONCURRENCY/);
  });
});

describe("each process's part", () => {
  it("only the first runs the job worker, and PUENTE_WORKER=0 keeps it off there too", () => {
    expect(slotEnvironment(0, {})).toEqual({ PUENTE_SERVER_SLOT: "0", PUENTE_WORKER: "" });
    expect(slotEnvironment(1, {})).toEqual({ PUENTE_SERVER_SLOT: "1", PUENTE_WORKER: "0" });
    expect(slotEnvironment(0, { PUENTE_WORKER: "0" }).PUENTE_WORKER).toBe("0");
  });

  it("waits longer each time a process stops soon after starting, up to 30 s", () => {
    const delays = [0, 1, 2, 3, 4, 10, 20].map(restartDelayMs);
    expect(delays).toEqual([500, 500, 1000, 2000, 4000, 30_000, 30_000]);
  });
});

// The supervisor for real: two processes on one port, with a stand-in for the Next server.
const FIXTURE = path.resolve("tests/helpers/cluster-server.ts");
let running: ChildProcess | undefined;
afterEach(() => {
  running?.kill("SIGKILL");
  running = undefined;
});

function startFixture(port: number) {
  const child = spawn(process.execPath, ["--import=tsx", FIXTURE], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  running = child;
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

type Answer = { pid: number; slot: string; jobWorker: boolean };
/** One request on a new connection: the cluster hands each connection to the next process. */
function ask(port: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, agent: false, timeout: 3000 }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk));
        res.on("end", () => resolve(JSON.parse(body) as Answer));
      })
      .on("timeout", function (this: http.ClientRequest) {
        this.destroy(new Error("no answer within 3 s"));
      })
      .on("error", reject);
  });
}

async function answersFrom(port: number, requests: number): Promise<Map<string, Answer>> {
  const bySlot = new Map<string, Answer>();
  for (let i = 0; i < requests; i++) {
    const answer = await ask(port);
    bySlot.set(answer.slot, answer);
  }
  return bySlot;
}

describe("the supervisor", () => {
  it("runs two processes on one port, starts again one that is killed, and stops both on SIGTERM", async () => {
    const port = await findFreePort();
    const fixture = startFixture(port);
    await vi.waitFor(() => expect(fixture.output()).toContain("listening"), { timeout: 20_000, interval: 50 });

    const before = await answersFrom(port, 6);
    expect([...before.keys()].sort()).toEqual(["0", "1"]);
    expect(before.get("0")?.jobWorker).toBe(true);
    expect(before.get("1")?.jobWorker).toBe(false);

    // A process dies (what it was answering is lost, as with any crash): once the supervisor
    // knows, the other answers, and slot 1 comes back as a new process.
    process.kill(before.get("1")!.pid, "SIGKILL");
    await vi.waitFor(() => expect(fixture.output()).toMatch(/Server process 1 stopped \(SIGKILL\); starting it again/), { timeout: 10_000, interval: 50 });
    const during = await ask(port);
    expect(during.pid).not.toBe(before.get("1")!.pid);
    const replaced = await vi.waitFor(
      async () => {
        const answer = (await answersFrom(port, 4)).get("1");
        expect(answer?.pid).toBeDefined();
        expect(answer?.pid).not.toBe(before.get("1")!.pid);
        return answer!;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(replaced.jobWorker).toBe(false);

    fixture.child.kill("SIGTERM");
    expect(await fixture.exited).toBe(0);
    await expect(ask(port)).rejects.toThrow();
  }, 40_000);

  it("stops the start when the processes cannot listen (the port is taken)", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const fixture = startFixture(port);
      expect(await fixture.exited).toBe(1);
      expect(fixture.output()).toMatch(/stopped before the server could listen/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 30_000);
});
