import fc from "fast-check";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { API_LIMITS, API_MAX_LIMIT, encodeCursor } from "@/lib/open-data/api";
import { createApiKey, revokeApiKey } from "@/lib/open-data/commands";
import { dataPackage, openApiDocument } from "@/lib/open-data/describe";
import { csvStream, jsonStream } from "@/lib/open-data/export";
import { DATASETS, findDataset } from "@/lib/open-data/registry";
import type { Dataset } from "@/lib/open-data/types";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor, resetDatabase } from "../helpers/factories";
import { apiGet, crawlApi, fileText, parseCsv } from "../helpers/open-data";

// Issue 15, open data and the API: every dataset reads the same rows as CSV, as JSON and through
// the API; big files stream batch by batch; the API pages with a cursor, answers 304 to its own
// ETag, limits rates (more with a partner's key, never more data), answers every input without
// a 5xx, and matches its own OpenAPI document.

const ADDRESS_HEADER = "x-puente-client-address";
let addressCounter = 0;
/** A fresh client address, so one test's requests never spend another's limit. */
const fresh = () => ({ [ADDRESS_HEADER]: `203.0.113.${++addressCounter % 250}` });
const previousEntry = process.env.PUENTE_ENTRY_POINT;
let partnerKey = "";

beforeAll(async () => {
  await resetDatabase();
  await seedDemo();
  // As behind the production entry point: the address header is the socket's.
  process.env.PUENTE_ENTRY_POINT = "1";
  const admin = await db.user.findFirstOrThrow({ where: { roles: { some: { role: "ADMIN" } } }, select: { id: true } });
  partnerKey = (await createApiKey(await actorFor(admin.id), { partner: "IOM data team" })).key;
}, 120_000);

afterAll(() => {
  process.env.PUENTE_ENTRY_POINT = previousEntry;
});

const keyHeaders = () => ({ authorization: `Bearer ${partnerKey}`, ...fresh() });

describe("every dataset, three ways", () => {
  it("has rows in the demo, and the CSV, the JSON file and the API give the same ids, as many as counted", async () => {
    for (const dataset of DATASETS) {
      const count = await dataset.count();
      expect(count, dataset.name).toBeGreaterThan(0);
      const csv = await fileText(`${dataset.name}.csv`);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const [header, ...lines] = parseCsv(csv.text);
      expect(header).toEqual(dataset.fields.map((f) => f.name));
      const json = await fileText(`${dataset.name}.json`);
      const file = JSON.parse(json.text) as { name: string; license: { name: string }; generatedAt: string; rows: { id: string }[] };
      expect(file).toMatchObject({ name: dataset.name, license: { name: "CC-BY-4.0" } });
      const api = await crawlApi(dataset.name, keyHeaders(), 7);
      const csvIds = lines.map((l) => l[0]);
      expect(csvIds, dataset.name).toEqual(file.rows.map((r) => r.id));
      expect(api.rows.map((r) => r.id), dataset.name).toEqual(csvIds);
      expect(new Set(csvIds).size).toBe(count);
      // Each row has exactly the dataset's fields.
      for (const row of file.rows) expect(Object.keys(row)).toEqual(dataset.fields.map((f) => f.name));
    }
  }, 120_000);

  it("answers 404 for a file that is not a dataset", async () => {
    for (const file of ["nothing.csv", "proposals.xml", "../etc/passwd", "PROPOSALS.csv", ""]) expect((await fileText(file)).status).toBe(404);
  });
});

/** A dataset of n synthetic rows that counts its reads, to watch the stream pull batch by batch. */
function countingDataset(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
  const reads: number[] = [];
  const dataset: Dataset = {
    name: "synthetic",
    fields: [
      { name: "id", type: "string" },
      { name: "text", type: "string" },
      { name: "tags", type: "array", items: "string" },
    ],
    idPattern: /^[0-9a-f-]{36}$/,
    async page(after, limit) {
      reads.push(limit);
      return ids
        .filter((id) => after === null || id > after)
        .slice(0, limit)
        .map((id, i) => ({ id, text: i % 2 ? `=SUM(A1), "quoted"\nline` : `row ${id}`, tags: ["a", "b,c"] }));
    },
    count: async () => n,
  };
  return { dataset, reads, ids };
}

describe("large files stream", () => {
  it("reads a dataset larger than one batch in batches, only as the reader pulls, and writes every row once", async () => {
    const { dataset, reads, ids } = countingDataset(2_345);
    const reader = csvStream(dataset, 100).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // One batch read for the first chunk: the rest waits for the reader.
    expect(reads).toEqual([100]);
    const chunks = [new TextDecoder().decode(first.value)];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(new TextDecoder().decode(next.value));
    expect(reads.length).toBe(24);
    const [header, ...rows] = parseCsv(chunks.join(""));
    expect(header).toEqual(["id", "text", "tags"]);
    expect(rows.map((r) => r[0])).toEqual(ids);
    // A formula is defused; quotes, commas and line breaks survive; lists are JSON.
    expect(rows[1][1]).toBe(`'=SUM(A1), "quoted"\nline`);
    expect(JSON.parse(rows[0][2])).toEqual(["a", "b,c"]);
  });

  it("streams the JSON file the same way, as one valid document with every row", async () => {
    const { dataset, reads, ids } = countingDataset(1_001);
    const text = await new Response(jsonStream(dataset, new Date("2026-12-06T00:00:00Z"), 250)).text();
    const parsed = JSON.parse(text) as { rows: { id: string; text: string }[]; generatedAt: string };
    expect(parsed.rows.map((r) => r.id)).toEqual(ids);
    expect(parsed.rows[1].text).toBe(`=SUM(A1), "quoted"\nline`);
    expect(parsed.generatedAt).toBe("2026-12-06T00:00:00.000Z");
    expect(reads).toEqual([250, 250, 250, 250, 250]);
  });

  it("streams a real dataset larger than one batch completely", async () => {
    const proposals = findDataset("proposals")!;
    const count = await proposals.count();
    expect(count).toBeGreaterThan(10);
    const text = await new Response(csvStream(proposals, 4)).text();
    const ids = parseCsv(text).slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(count);
    expect(ids).toEqual([...ids].sort());
  });
});

describe("the API", () => {
  it("pages with an opaque cursor and a next link, 100 rows at most", async () => {
    const first = await apiGet("/api/v1/proposals?limit=5", fresh());
    expect(first.status).toBe(200);
    const body = JSON.parse(first.text) as { data: { id: string }[]; next: string };
    expect(body.data).toHaveLength(5);
    expect(body.next).toMatch(/^\/api\/v1\/proposals\?limit=5&cursor=[A-Za-z0-9_-]+$/);
    const second = JSON.parse((await apiGet(body.next, fresh())).text) as { data: { id: string }[] };
    expect(second.data[0].id > body.data[4].id).toBe(true);
    expect((await apiGet(`/api/v1/proposals?limit=${API_MAX_LIMIT + 1}`, fresh())).status).toBe(400);
    const all = JSON.parse((await apiGet("/api/v1/organizations?limit=100", fresh())).text) as { data: unknown[]; next: string | null };
    expect(all.data.length).toBe(await findDataset("organizations")!.count());
    expect(all.next).toBeNull();
  });

  it("refuses a cursor it did not give, or one of another dataset, as a problem", async () => {
    const other = encodeCursor("organizations", "00000000-0000-4000-8000-000000000000");
    for (const cursor of ["abc", other, encodeCursor("proposals", "x' OR 1=1"), "%%%", "a".repeat(400)]) {
      const answer = await apiGet(`/api/v1/proposals?cursor=${encodeURIComponent(cursor)}`, fresh());
      expect(answer.status).toBe(400);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
      expect(JSON.parse(answer.text)).toMatchObject({ status: 400, title: "Bad Request" });
    }
    const missing = await apiGet("/api/v1/nothing", fresh());
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ status: 404 });
  });

  it("answers 304 to its own ETag, and 200 again once the data changed", async () => {
    const first = await apiGet("/api/v1/organizations?limit=3", fresh());
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await apiGet("/api/v1/organizations?limit=3", { ...fresh(), "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect((await apiGet("/api/v1/organizations?limit=3", { ...fresh(), "if-none-match": `W/${etag}, "other"` })).status).toBe(304);
    const firstId = (JSON.parse(first.text) as { data: { id: string }[] }).data[0].id;
    await db.organization.update({ where: { id: firstId }, data: { description: "Changed for the ETag test" } });
    expect((await apiGet("/api/v1/organizations?limit=3", { ...fresh(), "if-none-match": etag })).status).toBe(200);
  });

  it("limits requests per address, and more with a partner's key, which gives exactly the same rows", async () => {
    await db.rateLimitCounter.deleteMany();
    const address = { [ADDRESS_HEADER]: "198.51.100.7" };
    for (let i = 0; i < API_LIMITS.anonymous; i++) expect((await apiGet("/api/v1/sessions?limit=1", address)).status).toBe(200);
    const limited = await apiGet("/api/v1/sessions?limit=1", address);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(JSON.parse(limited.text)).toMatchObject({ status: 429 });
    // The same address with a key still reads, and reads the same.
    const withKey = await apiGet("/api/v1/sessions?limit=100", { ...address, authorization: `Bearer ${partnerKey}` });
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get("ratelimit-limit")).toBe(String(API_LIMITS.key));
    for (const dataset of DATASETS) {
      const anonymous = await crawlApi(dataset.name, fresh());
      const keyed = await crawlApi(dataset.name, { ...keyHeaders(), "x-api-key": partnerKey });
      expect(keyed.texts, dataset.name).toEqual(anonymous.texts);
    }
  }, 60_000);

  it("refuses a wrong or revoked key with 401 (a key never silently downgrades)", async () => {
    expect((await apiGet("/api/v1/sessions", { ...fresh(), authorization: "Bearer pk_nope" })).status).toBe(401);
    const admin = await db.user.findFirstOrThrow({ where: { roles: { some: { role: "ADMIN" } } }, select: { id: true } });
    const actor = await actorFor(admin.id);
    const made = await createApiKey(actor, { partner: "ECLAC statistics" });
    expect((await apiGet("/api/v1/sessions", { ...fresh(), "x-api-key": made.key })).status).toBe(200);
    await revokeApiKey(actor, { keyId: made.id });
    expect((await apiGet("/api/v1/sessions", { ...fresh(), "x-api-key": made.key })).status).toBe(401);
  });

  it("never answers a 5xx, whatever the parameters (fuzzed)", async () => {
    const names = [...DATASETS.map((d) => d.name), "openapi.json", "", "..", "__proto__", "constructor", "Proposals"];
    const anyString = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("0", "-1", "1e3", "100", "101", "NaN", " 5", "5 ", "0x10", "Infinity"));
    const cursor = fc.oneof(
      anyString,
      fc.base64String(),
      fc.tuple(fc.constantFrom(...names), anyString).map(([d, a]) => encodeCursor(d, a)),
      fc.json().map((j) => Buffer.from(j).toString("base64url")),
    );
    await db.rateLimitCounter.deleteMany();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.option(anyString), fc.option(cursor), fc.option(anyString), async (name, limit, cur, etag) => {
        const url = new URL(`http://localhost/api/v1/${encodeURIComponent(name)}`);
        if (limit !== null) url.searchParams.set("limit", limit);
        if (cur !== null) url.searchParams.set("cursor", cur);
        const headers: Record<string, string> = keyHeaders();
        if (etag !== null && /^[\x20-\x7e]*$/.test(etag)) headers["if-none-match"] = etag;
        const { answerDatasetRequest } = await import("@/lib/open-data/api");
        const response = await answerDatasetRequest(new Request(url, { headers }), name);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(response.headers.get("content-type")).toContain("application/problem+json");
      }),
      { numRuns: 300, seed: 15 },
    );
  }, 120_000);
});

describe("the descriptions", () => {
  it("publishes a valid OpenAPI 3.1 document, and every endpoint's real answers match its schemas", async () => {
    const document = openApiDocument();
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");

    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const dataset of DATASETS) {
      const operation = document.paths[`/api/v1/${dataset.name}`].get;
      const validate = ajv.compile({ ...operation.responses["200"].content["application/json"].schema, $id: `page-${dataset.name}`, components: document.components });
      const first = JSON.parse((await apiGet(`/api/v1/${dataset.name}?limit=${API_MAX_LIMIT}`, keyHeaders())).text) as unknown;
      expect(validate(first), `${dataset.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const problem = ajv.compile({ ...document.components.schemas.Problem, $id: `problem-${dataset.name}` });
      expect(problem(JSON.parse((await apiGet(`/api/v1/${dataset.name}?limit=0`, keyHeaders())).text))).toBe(true);
    }
  }, 60_000);

  it("describes every dataset in datapackage.json with its CSV path, its fields and types, and CC BY 4.0", async () => {
    const descriptor = dataPackage(new Date());
    expect(descriptor.licenses[0].name).toBe("CC-BY-4.0");
    expect(descriptor.resources.map((r) => r.path)).toEqual(DATASETS.map((d) => `${d.name}.csv`));
    for (const resource of descriptor.resources) {
      expect(resource.schema.fields.length).toBeGreaterThan(1);
      for (const field of resource.schema.fields) expect(field.description, `${resource.name}.${field.name}`).not.toBe("");
    }
    const served = await fileText("datapackage.json");
    expect(JSON.parse(served.text).resources).toHaveLength(DATASETS.length);
    const readme = await fileText("README.txt");
    for (const dataset of DATASETS) expect(readme.text).toContain(`== ${dataset.name}:`);
  });
});
