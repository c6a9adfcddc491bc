import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { schemaDiffSql } from "@/lib/db/prisma-cli";

// Two empty databases, one built from prisma/migrations and one from schema.prisma alone,
// must describe the same tables, columns, types, defaults, indexes and constraints.
const adminUrl = inject("pgAdminUrl");
const urlFor = (name: string) => adminUrl.replace(/\/postgres$/, `/${name}`);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Indexes in NULLS LAST order, which Prisma's schema cannot express, written by hand in their migration.
const HAND_WRITTEN_INDEXES = ["Proposal_newest_idx", "Proposal_cosponsored_idx", "Proposal_answered_idx"];
// CHECK constraints likewise (the nomination_seat_limit and champions migrations).
const HAND_WRITTEN_CHECKS = [
  "ReviewSession_seats_check",
  "ReviewSession_times_check",
  "CommitmentSource_one_owner",
  "Commitment_kind_fields",
  "Assessment_hidden_reason",
  "ChampionTerm_dates",
  "MonitoringReport_period",
  "MonitoringReport_categories",
  "MonitoringSummary_month",
  "MonitoringSummary_two_people",
  "EvaluationAnswer_score_or_text",
  "Evaluation_dates",
  "DialogueQuestion_author_check",
  "DialogueInstitution_country_check",
  "ConsultationContribution_author_check",
  "SessionQuestion_author_check",
  "Consultation_dates",
];

async function describeDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await q(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await q(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
          AND indexname <> ALL ('{${HAND_WRITTEN_INDEXES.join(",")}}'::text[]) ORDER BY tablename, indexname`),
      constraints: await q(`
        SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'
          AND con.conname <> ALL ('{${HAND_WRITTEN_CHECKS.join(",")}}'::text[]) ORDER BY rel.relname, con.conname`),
      enums: await q(`
        SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`),
    };
  }
  finally {
    await client.end();
  }
}

describe("migrations and schema.prisma", () => {
  beforeAll(async () => {
    await admin("DROP DATABASE IF EXISTS drift_migrations");
    await admin("DROP DATABASE IF EXISTS drift_schema");
    await admin("CREATE DATABASE drift_migrations");
    await admin("CREATE DATABASE drift_schema");
  });
  afterAll(async () => {
    await admin("DROP DATABASE IF EXISTS drift_migrations");
    await admin("DROP DATABASE IF EXISTS drift_schema");
  });

  it("describe the same database", async () => {
    await applyMigrations(urlFor("drift_migrations"));
    const sql = schemaDiffSql(urlFor("drift_schema"), null, path.join("prisma", "schema.prisma"));
    const client = new pg.Client({ connectionString: urlFor("drift_schema") });
    await client.connect();
    await client.query(sql);
    await client.end();

    const fromMigrations = await describeDatabase(urlFor("drift_migrations"));
    const fromSchema = await describeDatabase(urlFor("drift_schema"));
    expect(fromSchema.columns.length).toBeGreaterThan(10);
    expect(fromMigrations).toEqual(fromSchema);
    // The hand-written ones exist, from the migrations.
    const client2 = new pg.Client({ connectionString: urlFor("drift_migrations") });
    await client2.connect();
    const { rows } = await client2.query(`SELECT indexname FROM pg_indexes WHERE indexname = ANY($1::text[])`, [HAND_WRITTEN_INDEXES]);
    expect(rows).toHaveLength(HAND_WRITTEN_INDEXES.length);
    const checks = await client2.query(`SELECT conname FROM pg_constraint WHERE conname = ANY($1::text[])`, [HAND_WRITTEN_CHECKS]);
    expect(checks.rows).toHaveLength(HAND_WRITTEN_CHECKS.length);
    await client2.end();
  }, 60_000);
});
