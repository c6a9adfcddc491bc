-- CreateEnum
CREATE TYPE "MonitoringCategory" AS ENUM ('DETENTION', 'DEPORTATION', 'BORDER_VIOLENCE', 'ASYLUM_DENIAL', 'DEFENDER_HARASSMENT', 'AID_CRIMINALIZATION', 'CIVIC_SPACE', 'OTHER');

-- CreateEnum
CREATE TYPE "MonitoringPerpetrator" AS ENUM ('STATE_AGENTS', 'PRIVATE_ACTORS', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "MonitoringCaseStatus" AS ENUM ('RECEIVED', 'UNDER_REVIEW', 'VERIFIED', 'NOT_VERIFIED', 'DUPLICATE', 'REFERRED');

-- CreateEnum
CREATE TYPE "MonitoringSummaryStatus" AS ENUM ('DRAFT', 'AWAITING_APPROVAL', 'PUBLISHED', 'WITHDRAWN');

-- AlterEnum
ALTER TYPE "SiteRole" ADD VALUE 'MONITORING_REVIEWER';

-- CreateTable
CREATE TABLE "MonitoringReport" (
    "id" UUID NOT NULL,
    "receiptHash" CHAR(64) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "occurredFrom" DATE NOT NULL,
    "occurredTo" DATE,
    "categories" "MonitoringCategory"[],
    "perpetrator" "MonitoringPerpetrator" NOT NULL,
    "objectives" INTEGER[],
    "language" "Locale" NOT NULL,
    "sealed" BYTEA NOT NULL,
    "keyId" VARCHAR(32) NOT NULL,
    "hasContact" BOOLEAN NOT NULL DEFAULT false,
    "consentPublish" BOOLEAN NOT NULL DEFAULT false,
    "consentContact" BOOLEAN NOT NULL DEFAULT false,
    "consentRefer" BOOLEAN NOT NULL DEFAULT false,
    "reporterId" UUID,
    "status" "MonitoringCaseStatus" NOT NULL DEFAULT 'RECEIVED',
    "possibleSpam" BOOLEAN NOT NULL DEFAULT false,
    "assigneeId" UUID,
    "lockedById" UUID,
    "lockedUntil" TIMESTAMPTZ(3),
    "referredTo" VARCHAR(300),
    "referredAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "contactErasedAt" TIMESTAMPTZ(3),
    "reporterSeenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MonitoringReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringMessage" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "fromReporter" BOOLEAN NOT NULL,
    "authorId" UUID,
    "sealed" BYTEA NOT NULL,
    "keyId" VARCHAR(32) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringCaseEvent" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "actorId" UUID,
    "action" VARCHAR(80) NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringCaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringAccess" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "userId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringSummary" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "language" "Locale" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "region" VARCHAR(120),
    "month" DATE NOT NULL,
    "categories" "MonitoringCategory"[],
    "riskChecklist" JSONB NOT NULL DEFAULT '{}',
    "status" "MonitoringSummaryStatus" NOT NULL DEFAULT 'DRAFT',
    "writerId" UUID,
    "approverId" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MonitoringSummary_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringReport_receiptHash_key" ON "MonitoringReport"("receiptHash");

-- CreateIndex
CREATE INDEX "MonitoringReport_status_createdAt_idx" ON "MonitoringReport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "MonitoringReport_country_status_idx" ON "MonitoringReport"("country", "status");

-- CreateIndex
CREATE INDEX "MonitoringMessage_reportId_createdAt_idx" ON "MonitoringMessage"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "MonitoringCaseEvent_reportId_createdAt_idx" ON "MonitoringCaseEvent"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "MonitoringAccess_reportId_createdAt_idx" ON "MonitoringAccess"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "MonitoringAccess_createdAt_idx" ON "MonitoringAccess"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringSummary_reportId_key" ON "MonitoringSummary"("reportId");

-- CreateIndex
CREATE INDEX "MonitoringSummary_status_country_month_idx" ON "MonitoringSummary"("status", "country", "month");

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_lockedById_fkey" FOREIGN KEY ("lockedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringMessage" ADD CONSTRAINT "MonitoringMessage_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringMessage" ADD CONSTRAINT "MonitoringMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringCaseEvent" ADD CONSTRAINT "MonitoringCaseEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringCaseEvent" ADD CONSTRAINT "MonitoringCaseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringAccess" ADD CONSTRAINT "MonitoringAccess_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringAccess" ADD CONSTRAINT "MonitoringAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringSummary" ADD CONSTRAINT "MonitoringSummary_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringSummary" ADD CONSTRAINT "MonitoringSummary_writerId_fkey" FOREIGN KEY ("writerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringSummary" ADD CONSTRAINT "MonitoringSummary_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: what the schema cannot say.
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_period" CHECK ("occurredTo" IS NULL OR "occurredTo" >= "occurredFrom");
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_categories" CHECK (cardinality("categories") > 0);
-- Month-level at most: a summary's date is the first day of a month.
ALTER TABLE "MonitoringSummary" ADD CONSTRAINT "MonitoringSummary_month" CHECK (extract(day from "month") = 1);
-- The two-person rule, also in the database: the approver is never the writer.
ALTER TABLE "MonitoringSummary" ADD CONSTRAINT "MonitoringSummary_two_people" CHECK ("approverId" IS NULL OR "writerId" IS NULL OR "approverId" <> "writerId");
