// npm run bench:report — builds two report versions of 300 paragraphs, each with 2,000 comments
// (a third of the paragraphs changed from one to the next, a third of the comments accepted),
// in a throwaway embedded PostgreSQL, and prints how long the compare page's data takes (SQL +
// paragraph matching + word diff), the diff alone on in-memory data, and the version page's data.
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

const RUNS = 15;
const PARAGRAPHS = 300;
const COMMENTS = 2000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function time(label: string, work: () => unknown) {
  await work(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  console.log(`${label.padEnd(62)} median ${median(samples).toFixed(1)} ms   p95 ${p95(samples).toFixed(1)} ms`);
  return median(samples);
}

const WORDS = "migración personas Estados región derechos protección acceso documentos salud educación trabajo regularización niñez género retorno integración datos fronteras".split(" ");
const sentence = (seed: number, length: number) => Array.from({ length }, (_, k) => WORDS[(seed * 7 + k * 13) % WORDS.length]).join(" ");

/** A 300-block report: a heading every 15 blocks, paragraphs of 60–120 words. */
function reportBody(version: number) {
  return Array.from({ length: PARAGRAPHS }, (_, i) => {
    if (i % 15 === 0) return `## Sección ${i / 15 + 1}`;
    let text = `${sentence(i, 60 + (i % 60))}.`;
    // Version 2 changes a third of the paragraphs a little (a few words) and rewrites a few.
    if (version === 2 && i % 3 === 1) text = text.replace(/salud/g, "salud mental").replace(/datos/, "datos abiertos");
    if (version === 2 && i % 50 === 7) text = `Párrafo reescrito ${i}: ${sentence(i + 1000, 40)}.`;
    return text;
  }).join("\n\n");
}

const dir = await mkdtemp(path.join(os.tmpdir(), "puente-bench-report-"));
await chmod(dir, 0o755);
const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false, quiet: true });
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db/client");
  const { assignAnchors, splitMarkdown } = await import("../lib/report/paragraphs");
  const { compareParagraphs } = await import("../lib/report/diff");
  const { getComparison, getVersionPage } = await import("../lib/report/queries");

  const started = performance.now();
  const user = await db.user.create({ data: { name: "Bench", email: "bench@example.test", passwordHash: "x" } });
  const org = await db.organization.create({
    data: { slug: "bench", name: "Red de prueba", country: "MX", subregion: "MEXICO_CENTRAL_AMERICA", type: "CSO", languages: ["es"], description: "x", contactEmail: "org@example.test", status: "VERIFIED" },
  });
  let previous: { id: string; paragraphs: { id: string; anchor: string; text: string; headingLevel: number | null }[] } | null = null;
  for (const number of [1, 2]) {
    const body = reportBody(number);
    const anchored = assignAnchors(previous?.paragraphs ?? null, splitMarkdown(body));
    const id = randomUUID();
    await db.reportVersion.create({
      data: { id, number, language: "es", title: `Informe, versión ${number}`, body, status: number === 1 ? "SUPERSEDED" : "OPEN", commentDeadline: new Date(Date.now() + 7 * 86400_000), previousId: previous?.id ?? null },
    });
    const rows = anchored.map((p) => ({ id: randomUUID(), versionId: id, anchor: p.anchor, position: p.position, markdown: p.markdown, text: p.text, headingLevel: p.headingLevel }));
    await db.reportParagraph.createMany({ data: rows });
    await db.reportComment.createMany({
      data: Array.from({ length: COMMENTS }, (_, i) => ({
        versionId: id,
        paragraphId: rows[i % rows.length].id,
        organizationId: org.id,
        authorId: user.id,
        body: `Comentario ${i}: ${sentence(i, 30)}`,
        proposedText: i % 4 === 0 ? sentence(i + 7, 50) : null,
        language: "es" as const,
        disposition: i % 3 === 0 ? ("ACCEPTED" as const) : i % 3 === 1 ? ("NOTED" as const) : null,
        answer: i % 3 === 2 ? null : "Gracias.",
      })),
    });
    previous = { id, paragraphs: rows };
  }
  console.log(`Built 2 versions × ${PARAGRAPHS} paragraphs × ${COMMENTS} comments in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const data = await getComparison(null, 1, 2);
  console.log(`Comparison: ${JSON.stringify(data?.summary)}, ${data?.reasons.size} changed paragraphs with accepted comments behind them`);

  const [v1, v2] = await Promise.all(
    [1, 2].map(async (number) => {
      const version = await db.reportVersion.findUniqueOrThrow({ where: { number }, select: { id: true } });
      return db.reportParagraph.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" }, select: { id: true, anchor: true, position: true, markdown: true, text: true, headingLevel: true } });
    }),
  );

  console.log(`\n${RUNS} runs after a warm-up:`);
  const whole = await time("compare page data: versions 1 → 2 (SQL + matching + word diff)", () => getComparison(null, 1, 2));
  await time("diff alone, in memory (compareParagraphs)", () => compareParagraphs(v1, v2));
  await time("anchors for version 2 against version 1 (assignAnchors)", () => assignAnchors(v1, splitMarkdown(reportBody(2))));
  await time("version page data: 300 paragraphs, 2,000 comments", () => getVersionPage(null, 2));
  console.log(`\nCompare of two ${PARAGRAPHS}-paragraph versions: ${whole.toFixed(0)} ms (target: under 1,000 ms) — ${whole < 1000 ? "OK" : "TOO SLOW"}`);
  await db.$disconnect();
} finally {
  await database.stop();
}
