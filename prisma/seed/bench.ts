// The data `npm run bench` measures: the demo (champions, monitoring summaries, dialogue,
// consultations: every page has something to show), the large set (prisma/seed/large.ts), and on
// top 200 review sessions, a 300-paragraph report version with 2,000 comments, 200,000 public log
// entries, and the organization admin the bench signs in as. Bulk rows are generated inside
// PostgreSQL; only the report goes through lib/report/paragraphs (its anchors must be real).
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { LARGE_SEED, seedLarge, type LargeSeedSize } from "./large";

export type BenchSeedSize = LargeSeedSize & { sessions: number; paragraphs: number; comments: number; logEntries: number };

export const BENCH_SEED: BenchSeedSize = { ...LARGE_SEED, sessions: 200, paragraphs: 300, comments: 2_000, logEntries: 200_000 };
/** `npm run bench -- --quick`: the same shapes, small enough for a smoke test. */
export const QUICK_BENCH_SEED: BenchSeedSize = {
  organizations: 200,
  proposals: 2_000,
  cosponsorships: 5_000,
  sessions: 20,
  paragraphs: 30,
  comments: 100,
  logEntries: 5_000,
};

/** The organization admin the bench signs in as (a throwaway database only). */
export const BENCH_ACCOUNT = { email: "bench.admin@puente.example", password: "puente-bench-2026", organizationSlug: "large-org-1" };

const WORDS = "migración personas Estados región derechos protección acceso documentos salud educación trabajo regularización niñez género retorno integración datos fronteras".split(" ");
const sentence = (seed: number, length: number) => Array.from({ length }, (_, k) => WORDS[(seed * 7 + k * 13) % WORDS.length]).join(" ");

/** `count` blocks: a heading every 15, paragraphs of 60–120 words; the newer version changes a third a little. */
function reportMarkdown(count: number, newer: boolean): string {
  return Array.from({ length: count }, (_, i) => {
    if (i % 15 === 0) return `## Anexo ${i / 15 + 1}`;
    let text = `${sentence(i, 60 + (i % 60))}.`;
    if (newer && i % 3 === 1) text = text.replace(/salud/g, "salud mental").replace(/datos/, "datos abiertos");
    if (newer && i % 50 === 7) text = `Párrafo reescrito ${i}: ${sentence(i + 1000, 40)}.`;
    return text;
  }).join("\n\n");
}

async function runSql(databaseUrl: string, statements: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export type SeedStep = (label: string, seconds: number) => void;

/**
 * Loads everything into an empty, migrated database. DATABASE_URL and MONITORING_KEY must be
 * set (the demo seals its monitoring reports). Returns the row counts the pages read.
 */
export async function seedBench(databaseUrl: string, size: BenchSeedSize, step: SeedStep = () => {}): Promise<Record<string, number>> {
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    step(label, (performance.now() - started) / 1000);
  };
  const { seedDemo } = await import("./demo");
  const { db } = await import("../../lib/db/client");
  const { hashPassword } = await import("../../lib/auth/password");
  const { assignAnchors, splitMarkdown } = await import("../../lib/report/paragraphs");

  await timed("demo data", () => seedDemo());
  await timed(`${size.proposals} proposals, ${size.organizations} organizations, co-sponsorships`, () => seedLarge(databaseUrl, size));
  const template = await readFile(path.join(process.cwd(), "prisma", "seed", "bench.sql"), "utf8");
  const sql = template.replaceAll("__SESSIONS__", String(Math.trunc(size.sessions))).replaceAll("__LOG_ENTRIES__", String(Math.trunc(size.logEntries)));
  await timed(`${size.sessions} sessions, ${size.logEntries} public log entries`, () => runSql(databaseUrl, [sql]));

  let userId = "";
  await timed("organization admin to sign in as", async () => {
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: BENCH_ACCOUNT.organizationSlug }, select: { id: true } });
    const user = await db.user.create({
      data: { name: "Bench Admin", email: BENCH_ACCOUNT.email, passwordHash: await hashPassword(BENCH_ACCOUNT.password) },
    });
    await db.membership.create({ data: { userId: user.id, organizationId: organization.id, role: "ADMIN" } });
    userId = user.id;
  });

  await timed(`report: ${size.paragraphs} more paragraphs in the last two public versions, ${size.comments} comments`, async () => {
    // The demo's superseded and open versions grow by `paragraphs` blocks each (an annex), so the
    // report, a version and the comparison all carry the full size.
    const versions = await db.reportVersion.findMany({
      where: { status: { in: ["SUPERSEDED", "OPEN", "CLOSED", "FINAL"] } },
      orderBy: { number: "desc" },
      take: 2,
      select: { id: true, body: true, paragraphs: { select: { position: true }, orderBy: { position: "desc" }, take: 1 } },
    });
    const organizations = await db.organization.findMany({ where: { slug: { startsWith: "large-org-" }, status: "VERIFIED" }, select: { id: true }, take: 500 });
    let previous: { anchor: string; text: string; headingLevel: number | null }[] | null = null;
    for (const [index, version] of [...versions].reverse().entries()) {
      const newest = index === versions.length - 1;
      const markdown = reportMarkdown(size.paragraphs, newest && versions.length > 1);
      const start = (version.paragraphs[0]?.position ?? -1) + 1;
      type Row = { id: string; versionId: string; anchor: string; position: number; markdown: string; text: string; headingLevel: number | null };
      const rows: Row[] = assignAnchors(previous, splitMarkdown(markdown)).map((block) => ({
        id: randomUUID(),
        versionId: version.id,
        anchor: block.anchor,
        position: start + block.position,
        markdown: block.markdown,
        text: block.text,
        headingLevel: block.headingLevel,
      }));
      await db.reportParagraph.createMany({ data: rows });
      await db.reportVersion.update({ where: { id: version.id }, data: { body: `${version.body}\n\n${markdown}` } });
      previous = rows;
      if (!newest) continue;
      const commentable = rows.filter((row) => row.headingLevel === null);
      await db.reportComment.createMany({
        data: Array.from({ length: size.comments }, (_, i) => ({
          versionId: version.id,
          paragraphId: commentable[i % commentable.length].id,
          organizationId: organizations[i % organizations.length].id,
          authorId: userId,
          body: `Comentario ${i}: ${sentence(i, 30)}`,
          proposedText: i % 4 === 0 ? sentence(i + 7, 50) : null,
          language: "es" as const,
        })),
      });
    }
  });

  await timed("statistics (VACUUM ANALYZE)", () =>
    runSql(
      databaseUrl,
      ["ReviewSession", "AuditEntry", "ReportParagraph", "ReportComment", "User", "Membership"].map((table) => `VACUUM ANALYZE "${table}"`),
    ),
  );

  const [counts] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "Proposal") AS proposals, (SELECT count(*) FROM "Organization") AS organizations,
           (SELECT count(*) FROM "ProposalCosponsor") AS cosponsorships, (SELECT count(*) FROM "ReviewSession") AS sessions,
           (SELECT count(*) FROM "ReportComment") AS "reportComments", (SELECT count(*) FROM "AuditEntry" WHERE "isPublic") AS "publicLogEntries",
           (SELECT count(*) FROM "Commitment") AS "championInitiatives", (SELECT count(*) FROM "MonitoringSummary") AS "monitoringSummaries",
           (SELECT count(*) FROM "DialogueQuestion") AS "dialogueQuestions", (SELECT count(*) FROM "Consultation") AS consultations`;
  return Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, Number(value)]));
}
