import { readFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { unavailablePage } from "@/components/layout/unavailable-page";
import { locales } from "@/i18n/routing";
import { parseTrustedProxies } from "@/lib/rate-limit/client-address";
import { createRequestHandler, type NextHandler } from "@/server/handler";
import type { RequestMessages } from "@/server/pages";

const messages = Object.fromEntries(
  locales.map((locale) => [locale, JSON.parse(readFileSync(path.join("messages", locale, "errors.request.json"), "utf8")) as RequestMessages]),
);
const ACTION_ID = "6039605067bfcbc730838b0a481823b71d43b6d945";

/** Stands in for Next: records what reached it, reads the whole body and, like Next, answers a body it cannot take with 500. */
let calls: { headers: IncomingMessage["headers"]; rawHeaders: string[]; size: number }[] = [];
let answer: (size: number) => number = () => 200;
const stubNext: NextHandler = (req: IncomingMessage, res: ServerResponse) =>
  new Promise<void>((done) => {
    let size = 0;
    req.on("data", (chunk: Buffer) => (size += chunk.length));
    req.on("end", () => {
      calls.push({ headers: { ...req.headers }, rawHeaders: [...req.rawHeaders], size });
      res.statusCode = answer(size);
      res.setHeader("content-type", "text/x-component");
      res.write("from next");
      res.end();
      done();
    });
  });

let databaseUp = true;
let probes = 0;

function serve(trusted: string) {
  const handler = createRequestHandler({
    next: stubNext,
    trusted: parseTrustedProxies(trusted),
    publicUrl: "https://puente.example.org",
    messages,
    defaultLocale: "es",
    databaseUp: async () => {
      probes++;
      return databaseUp;
    },
    unavailablePage,
  });
  const server = http.createServer((req, res) => void handler(req, res));
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

let direct: Awaited<ReturnType<typeof serve>>;
let behindProxy: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  direct = await serve("");
  behindProxy = await serve("127.0.0.0/8");
});
afterAll(async () => {
  await direct.close();
  await behindProxy.close();
});
beforeEach(() => {
  calls = [];
  answer = () => 200;
  databaseUp = true;
  probes = 0;
});

const multipart = (boundary: string, body: string) => ({ "content-type": `multipart/form-data; boundary=${boundary}`, body });
const form = (boundary: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="$ACTION_ID_${ACTION_ID}"\r\n\r\n\r\n--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n${value}\r\n--${boundary}--\r\n`;

describe("the production entry point's front", () => {
  it("replaces any client copy of the address header with the socket's address, ignoring a forged X-Forwarded-For", async () => {
    await fetch(`${direct.url}/es`, { headers: { "x-puente-client-address": "6.6.6.6", "x-forwarded-for": "7.7.7.7" } });
    expect(calls[0].headers["x-puente-client-address"]).toBe("127.0.0.1");
    const copies = calls[0].rawHeaders.filter((_, i) => i % 2 === 0 && calls[0].rawHeaders[i].toLowerCase() === "x-puente-client-address");
    expect(copies).toHaveLength(1);
    expect(calls[0].rawHeaders).not.toContain("6.6.6.6");
  });

  it("behind a trusted proxy takes the address that proxy saw", async () => {
    await fetch(`${behindProxy.url}/es`, { headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.4", "x-puente-client-address": "6.6.6.6" } });
    expect(calls[0].headers["x-puente-client-address"]).toBe("198.51.100.4");
  });

  it("passes a server action from the portal's own origin through to Next", async () => {
    const { body, ...headers } = multipart("B1", form("B1", "hello"));
    const response = await fetch(`${direct.url}/en/sign-in`, { method: "POST", headers: { ...headers, origin: "https://puente.example.org" }, body });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("from next");
    expect(calls).toHaveLength(1);
  });

  it("answers 403 with a page in the URL's language to a server action from another site, without running it", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const response = await fetch(`${direct.url}/pt/sign-in`, { method: "POST", headers: { origin, "next-action": ACTION_ID, "content-type": "text/plain;charset=UTF-8" }, body: "[]" });
      expect(response.status).toBe(403);
      const page = await response.text();
      expect(page).toContain('<html lang="pt">');
      expect(page).toContain(messages.pt.foreignOrigin.title);
    }
    expect(calls).toHaveLength(0);
  });

  it("answers 413 to a server action over 1 MB, declared or streamed", async () => {
    const big = "a".repeat(1024 * 1024 + 10);
    const declared = await fetch(`${direct.url}/fr/sign-in`, { method: "POST", body: form("B2", big), headers: { "content-type": "multipart/form-data; boundary=B2" } });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain(messages.fr.tooLarge.title);
    expect(calls).toHaveLength(0);

    // No Content-Length: Next reads it, fails at the limit with a 500; the front tells why.
    answer = (size) => (size > 1024 * 1024 ? 500 : 200);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(form("B3", big)));
        controller.close();
      },
    });
    const streamed = await fetch(`${direct.url}/en/sign-in`, {
      method: "POST",
      body: stream,
      headers: { "content-type": "multipart/form-data; boundary=B3", "next-action": ACTION_ID },
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await streamed.text()).toContain(messages.en.tooLarge.title);
  });

  it("answers 400 to a malformed server action: bad id, no boundary, cut multipart, broken JSON", async () => {
    answer = () => 500;
    const cases: [string, Record<string, string>, string][] = [
      ["bad id", { "next-action": "../../x", "content-type": "text/plain;charset=UTF-8" }, "[]"],
      ["no boundary", { "content-type": "multipart/form-data" }, "x"],
      ["cut multipart", { "content-type": "multipart/form-data; boundary=B4" }, form("B4", "x").slice(0, 60)],
      ["broken JSON", { "next-action": ACTION_ID, "content-type": "text/plain;charset=UTF-8" }, "[{{{"],
    ];
    for (const [name, headers, body] of cases) {
      const response = await fetch(`${direct.url}/es/sign-in`, { method: "POST", headers, body });
      expect(response.status, name).toBe(400);
      expect(await response.text(), name).toContain(messages.es.malformed.title);
    }
  });

  it("leaves Next's own 500 alone when the request was well formed", async () => {
    answer = () => 500;
    const { body, ...headers } = multipart("B5", form("B5", "hello"));
    const response = await fetch(`${direct.url}/es/sign-in`, { method: "POST", headers, body });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("from next");
  });

  it("has the same page texts in every language", () => {
    const keys = (value: object): string[] => Object.entries(value).flatMap(([k, v]) => (typeof v === "object" ? keys(v).map((s) => `${k}.${s}`) : [k]));
    for (const locale of locales) expect(keys(messages[locale]).sort(), locale).toEqual(keys(messages.es).sort());
  });
});

describe("an address that cannot be decoded", () => {
  it("answers 400 with a page in the address's language, without reaching Next", async () => {
    for (const bad of ["/pt/sessions/%J/calendar.ics", "/pt/proposals/%E0%A4%A", "/pt/%"]) {
      const response = await fetch(`${direct.url}${bad}?page=1`);
      expect(response.status, bad).toBe(400);
      expect(await response.text()).toContain(messages.pt.badAddress.title);
    }
    expect(calls).toEqual([]);
    // A well-formed escape goes through.
    expect((await fetch(`${direct.url}/pt/proposals?q=%C3%A7%25`)).status).toBe(200);
  });
});

describe("a page caught mid-query when the database stops", () => {
  it("answers the readable 503 in the page's language instead of Next's 500 when the database is down", async () => {
    answer = () => 500;
    databaseUp = false;
    const response = await fetch(`${direct.url}/fr/proposals?page=2`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("10");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const body = await response.text();
    expect(body).toContain(JSON.parse(readFileSync("messages/fr/errors.json", "utf8")).unavailable.title);
    expect(body).not.toContain("from next");
    expect(probes).toBe(1);
  });

  it("keeps Next's 500 when the database answers, and never probes for a good answer", async () => {
    answer = () => 500;
    const failed = await fetch(`${direct.url}/es`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe("from next");
    expect(probes).toBe(1);
    answer = () => 200;
    databaseUp = false;
    const ok = await fetch(`${direct.url}/es`);
    expect([ok.status, await ok.text()]).toEqual([200, "from next"]);
    expect(probes).toBe(1);
  });
});
