-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('INITIATIVE', 'RECOMMENDATION');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('ANNOUNCED', 'IN_PROGRESS', 'COMPLETED', 'STALLED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "InclusionLevel" AS ENUM ('NOT_INCLUDED', 'INFORMED', 'CONSULTED', 'INVOLVED', 'CO_LED');

-- CreateEnum
CREATE TYPE "Addressee" AS ENUM ('STATES', 'IOM', 'ECLAC', 'ALL');

-- CreateEnum
CREATE TYPE "RightsCentred" AS ENUM ('YES', 'PARTLY', 'NO');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "FollowSubject" AS ENUM ('COUNTRY', 'COMMITMENT');

-- CreateTable
CREATE TABLE "ChampionTerm" (
    "id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "grantedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChampionTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" UUID NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "country" CHAR(2),
    "publicBody" VARCHAR(300),
    "addressee" "Addressee",
    "reportVersionId" UUID,
    "paragraphAnchor" VARCHAR(32),
    "objectives" INTEGER[],
    "status" "CommitmentStatus" NOT NULL DEFAULT 'ANNOUNCED',
    "inclusion" "InclusionLevel" NOT NULL DEFAULT 'NOT_INCLUDED',
    "inclusionEvidence" VARCHAR(4000),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "lastUpdatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentText" (
    "commitmentId" UUID NOT NULL,
    "language" "Locale" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" VARCHAR(8000) NOT NULL,

    CONSTRAINT "CommitmentText_pkey" PRIMARY KEY ("commitmentId","language")
);

-- CreateTable
CREATE TABLE "CommitmentMilestone" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" VARCHAR(300) NOT NULL,
    "language" "Locale" NOT NULL,
    "plannedOn" DATE NOT NULL,
    "doneOn" DATE,

    CONSTRAINT "CommitmentMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentSource" (
    "id" UUID NOT NULL,
    "commitmentId" UUID,
    "updateId" UUID,
    "assessmentId" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" VARCHAR(300) NOT NULL,
    "publisher" VARCHAR(200),
    "publishedOn" DATE,
    "url" VARCHAR(2000) NOT NULL,

    CONSTRAINT "CommitmentSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentUpdate" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "reportedOn" DATE NOT NULL,
    "language" "Locale" NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "status" "CommitmentStatus",
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitmentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentRevision" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitmentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "authorId" UUID,
    "language" "Locale" NOT NULL,
    "progress" "CommitmentStatus" NOT NULL,
    "progressNote" VARCHAR(4000),
    "inclusion" "InclusionLevel" NOT NULL,
    "inclusionNote" VARCHAR(4000),
    "rightsCentred" "RightsCentred" NOT NULL,
    "rightsNote" VARCHAR(4000) NOT NULL,
    "evidence" VARCHAR(8000),
    "hiddenAt" TIMESTAMPTZ(3),
    "hiddenReason" VARCHAR(1000),
    "hiddenById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeSuggestion" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "authorId" UUID,
    "country" CHAR(2) NOT NULL,
    "language" "Locale" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" VARCHAR(8000) NOT NULL,
    "publicBody" VARCHAR(300),
    "sourceUrl" VARCHAR(2000),
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "decisionReason" VARCHAR(1000),
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "commitmentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativeSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "userId" UUID NOT NULL,
    "subject" "FollowSubject" NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("userId","subject","key")
);

-- CreateIndex
CREATE INDEX "ChampionTerm_country_startsOn_idx" ON "ChampionTerm"("country", "startsOn");

-- CreateIndex
CREATE INDEX "Commitment_kind_country_status_idx" ON "Commitment"("kind", "country", "status");

-- CreateIndex
CREATE INDEX "Commitment_kind_lastUpdatedAt_idx" ON "Commitment"("kind", "lastUpdatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_reportVersionId_paragraphAnchor_key" ON "Commitment"("reportVersionId", "paragraphAnchor");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentMilestone_commitmentId_position_key" ON "CommitmentMilestone"("commitmentId", "position");

-- CreateIndex
CREATE INDEX "CommitmentSource_commitmentId_idx" ON "CommitmentSource"("commitmentId");

-- CreateIndex
CREATE INDEX "CommitmentSource_updateId_idx" ON "CommitmentSource"("updateId");

-- CreateIndex
CREATE INDEX "CommitmentSource_assessmentId_idx" ON "CommitmentSource"("assessmentId");

-- CreateIndex
CREATE INDEX "CommitmentUpdate_commitmentId_reportedOn_idx" ON "CommitmentUpdate"("commitmentId", "reportedOn" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentRevision_commitmentId_revision_key" ON "CommitmentRevision"("commitmentId", "revision");

-- CreateIndex
CREATE INDEX "Assessment_commitmentId_hiddenAt_idx" ON "Assessment"("commitmentId", "hiddenAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_commitmentId_organizationId_key" ON "Assessment"("commitmentId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "InitiativeSuggestion_commitmentId_key" ON "InitiativeSuggestion"("commitmentId");

-- CreateIndex
CREATE INDEX "InitiativeSuggestion_status_createdAt_idx" ON "InitiativeSuggestion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Follow_subject_key_idx" ON "Follow"("subject", "key");

-- AddForeignKey
ALTER TABLE "ChampionTerm" ADD CONSTRAINT "ChampionTerm_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_reportVersionId_fkey" FOREIGN KEY ("reportVersionId") REFERENCES "ReportVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentText" ADD CONSTRAINT "CommitmentText_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentMilestone" ADD CONSTRAINT "CommitmentMilestone_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentSource" ADD CONSTRAINT "CommitmentSource_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentSource" ADD CONSTRAINT "CommitmentSource_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "CommitmentUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentSource" ADD CONSTRAINT "CommitmentSource_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentUpdate" ADD CONSTRAINT "CommitmentUpdate_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentUpdate" ADD CONSTRAINT "CommitmentUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentRevision" ADD CONSTRAINT "CommitmentRevision_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentRevision" ADD CONSTRAINT "CommitmentRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSuggestion" ADD CONSTRAINT "InitiativeSuggestion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSuggestion" ADD CONSTRAINT "InitiativeSuggestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSuggestion" ADD CONSTRAINT "InitiativeSuggestion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSuggestion" ADD CONSTRAINT "InitiativeSuggestion_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what the schema cannot say.
-- A source belongs to exactly one of: the commitment, one of its updates, one assessment.
ALTER TABLE "CommitmentSource" ADD CONSTRAINT "CommitmentSource_one_owner" CHECK (num_nonnulls("commitmentId", "updateId", "assessmentId") = 1);
-- An initiative names its State; a recommendation its addressee and its paragraph of the report.
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_kind_fields" CHECK (
  ("kind" = 'INITIATIVE' AND "country" IS NOT NULL AND "reportVersionId" IS NULL)
  OR ("kind" = 'RECOMMENDATION' AND "addressee" IS NOT NULL AND "reportVersionId" IS NOT NULL AND "paragraphAnchor" IS NOT NULL)
);
-- A hidden assessment always carries its public reason.
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_hidden_reason" CHECK ("hiddenAt" IS NULL OR "hiddenReason" IS NOT NULL);
ALTER TABLE "ChampionTerm" ADD CONSTRAINT "ChampionTerm_dates" CHECK ("endsOn" IS NULL OR "endsOn" >= "startsOn");
