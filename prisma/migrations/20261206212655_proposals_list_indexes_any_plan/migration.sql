-- The partial indexes of the public list (WHERE status <> 'DRAFT') were never used: Prisma sends
-- each status as CAST($n::text AS "ProposalStatus"), a stable (not immutable) cast the planner
-- cannot fold, so it cannot prove a query implies the index's predicate and sorted the whole
-- table instead (about 270 ms at 100,000 proposals for the five newest). Whole-table indexes in
-- the same orders serve every status filter; drafts (never submitted) sort last and are skipped.
-- NULLS LAST is beyond Prisma's schema: tests/integration/schema-drift.test.ts lists them.
DROP INDEX "Proposal_public_newest_idx";
DROP INDEX "Proposal_public_cosponsored_idx";
DROP INDEX "Proposal_public_answered_idx";
CREATE INDEX "Proposal_newest_idx" ON "Proposal" ("submittedAt" DESC NULLS LAST, "id");
CREATE INDEX "Proposal_cosponsored_idx" ON "Proposal" ("cosponsorCount" DESC, "submittedAt" DESC NULLS LAST, "id");
CREATE INDEX "Proposal_answered_idx" ON "Proposal" ("answeredAt" DESC NULLS LAST, "submittedAt" DESC NULLS LAST, "id");
