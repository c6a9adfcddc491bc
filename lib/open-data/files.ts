import { dataPackage, readme } from "./describe";
import { csvStream, jsonStream } from "./export";
import { findDataset } from "./registry";

// The files of /open-data. Made when asked (the date of generation is the request's), streamed.

const CACHE = "public, max-age=300";

export function answerOpenDataFile(file: string, now = new Date()): Response {
  if (file === "datapackage.json") return Response.json(dataPackage(now), { headers: { "Cache-Control": CACHE } });
  if (file === "README.txt") return new Response(readme(now), { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CACHE } });
  const match = /^([a-z-]{1,60})\.(csv|json)$/.exec(file);
  const dataset = match ? findDataset(match[1]) : null;
  if (!match || !dataset) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const headers = { "Cache-Control": CACHE, "Content-Disposition": `attachment; filename="puente-${dataset.name}.${match[2]}"`, "Last-Modified": now.toUTCString() };
  return match[2] === "csv"
    ? new Response(csvStream(dataset), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } })
    : new Response(jsonStream(dataset, now), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
