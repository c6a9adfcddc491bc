import en from "@/messages/en/openData.json";
import { API_DEFAULT_LIMIT, API_LIMITS, API_MAX_LIMIT } from "./api";
import { DATASETS, LICENSE } from "./registry";
import type { Dataset, FieldDef } from "./types";

// What describes the datasets to machines and people, all made from the registry and the
// English catalogue: the Frictionless data package, the OpenAPI document and the README.

type Words = typeof en;
const datasetWords = (d: Dataset) => (en.datasets as Record<string, { title: string; description: string }>)[d.name];
export const fieldDescription = (messages: Pick<Words, "fields">, field: FieldDef): string => (messages.fields as Record<string, string>)[field.name] ?? "";

/** datapackage.json: paths are relative to /open-data/, where the descriptor lives. */
export function dataPackage(generatedAt: Date) {
  return {
    profile: "tabular-data-package",
    name: "puente-open-data",
    title: "Puente – open data of the regional review of the Global Compact for Migration (Latin America and the Caribbean)",
    created: generatedAt.toISOString(),
    licenses: [LICENSE],
    resources: DATASETS.map((d) => ({
      profile: "tabular-data-resource",
      name: d.name,
      path: `${d.name}.csv`,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      title: datasetWords(d).title,
      description: datasetWords(d).description,
      licenses: [LICENSE],
      schema: {
        primaryKey: "id",
        fields: d.fields.map((f) => ({
          name: f.name,
          type: f.type,
          description: fieldDescription(en, f),
          ...(f.type === "datetime" ? { format: "any" } : {}),
          constraints: { required: !f.nullable },
        })),
      },
    })),
  };
}

const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };

function fieldSchema(f: FieldDef): Record<string, unknown> {
  let schema: Record<string, unknown>;
  if (f.type === "datetime") schema = { type: "string", format: "date-time" };
  else if (f.type === "date") schema = { type: "string", format: "date" };
  else if (f.type === "array") schema = { type: "array", items: { type: f.items ?? "string" } };
  else if (f.type === "object") schema = { type: "object", additionalProperties: { type: "string" } };
  else schema = { type: f.type };
  if (f.nullable) schema = { ...schema, type: [schema.type, "null"] };
  return { ...schema, description: fieldDescription(en, f) };
}

const schemaName = (d: Dataset) => d.name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** The OpenAPI 3.1 document of /api/v1, one path per dataset. */
export function openApiDocument() {
  const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: PROBLEM_REF } } });
  const paths = Object.fromEntries(
    DATASETS.map((d) => [
      `/api/v1/${d.name}`,
      {
        get: {
          operationId: `list${schemaName(d)}`,
          summary: datasetWords(d).title,
          description: datasetWords(d).description,
          parameters: [
            { name: "limit", in: "query", required: false, description: `Rows per page (default ${API_DEFAULT_LIMIT}).`, schema: { type: "integer", minimum: 1, maximum: API_MAX_LIMIT } },
            { name: "cursor", in: "query", required: false, description: "The cursor of the previous page's next link (opaque).", schema: { type: "string" } },
            { name: "If-None-Match", in: "header", required: false, description: "An ETag of a previous answer.", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "A page of rows, in id order.",
              headers: { ETag: { schema: { type: "string" } }, "RateLimit-Limit": { schema: { type: "string" } }, "RateLimit-Remaining": { schema: { type: "string" } } },
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["data", "next"],
                    additionalProperties: false,
                    properties: { data: { type: "array", items: { $ref: `#/components/schemas/${schemaName(d)}` } }, next: { type: ["string", "null"], description: "The next page, or null on the last." } },
                  },
                },
              },
            },
            "304": { description: "Not modified: the ETag sent still describes this page." },
            "400": problem("A parameter is not valid."),
            "401": problem("The API key is not valid or was revoked."),
            "404": problem("No such dataset."),
            "429": problem("Too many requests: wait for Retry-After seconds."),
          },
        },
      },
    ]),
  );
  const rowSchemas = Object.fromEntries(
    DATASETS.map((d) => [
      schemaName(d),
      {
        type: "object",
        description: datasetWords(d).description,
        required: d.fields.map((f) => f.name),
        additionalProperties: false,
        properties: Object.fromEntries(d.fields.map((f) => [f.name, fieldSchema(f)])),
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Puente open data API",
      version: "1.0.0",
      description: `Read-only public data of Puente. Without a key: ${API_LIMITS.anonymous} requests a minute per address; partners' keys allow ${API_LIMITS.key} and never more data.`,
      license: { name: LICENSE.title, identifier: LICENSE.name },
    },
    servers: [{ url: "/" }],
    security: [{}, { bearer: [] }, { apiKey: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" } },
      schemas: {
        ...rowSchemas,
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail"],
          properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" } },
        },
      },
    },
  };
}

/** The README of /open-data, in plain text. */
export function readme(generatedAt: Date): string {
  const lines = [
    "PUENTE – OPEN DATA",
    "",
    en.lead,
    "",
    `Generated: ${generatedAt.toISOString()}`,
    `Licence: ${LICENSE.title} (${LICENSE.name}), ${LICENSE.path}`,
    "",
    "Every dataset is at /open-data/<name>.csv and /open-data/<name>.json, and page by page at /api/v1/<name>.",
    "datapackage.json describes the files (Frictionless Data Package); /api/v1/openapi.json describes the API.",
    en.csvNote,
    "",
    `API: ?limit=1..${API_MAX_LIMIT} (default ${API_DEFAULT_LIMIT}) and the cursor of the "next" link; ETag and If-None-Match; errors as application/problem+json.`,
    `Rate limits: ${API_LIMITS.anonymous} requests a minute per address, ${API_LIMITS.key} with a partner's key (Authorization: Bearer <key>). A key never gives more data.`,
    "",
  ];
  for (const d of DATASETS) {
    const words = datasetWords(d);
    lines.push(`== ${d.name}: ${words.title}`, words.description, "");
    for (const f of d.fields) lines.push(`  ${f.name} (${f.type}${f.items ? ` of ${f.items}` : ""}${f.nullable ? ", may be empty" : ""}): ${fieldDescription(en, f)}`);
    lines.push("");
  }
  return lines.join("\n");
}
