-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'SYNTHESIZED');

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "sourceContributionId" UUID;

-- CreateTable
CREATE TABLE "Consultation" (
    "id" UUID NOT NULL,
    "ownerId" UUID,
    "title" JSONB NOT NULL,
    "background" JSONB NOT NULL,
    "languages" "Locale"[],
    "objectives" INTEGER[],
    "status" "ConsultationStatus" NOT NULL DEFAULT 'DRAFT',
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "synthesis" JSONB,
    "synthesizedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationQuestion" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" JSONB NOT NULL,

    CONSTRAINT "ConsultationQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationContribution" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "parentId" UUID,
    "askerId" UUID,
    "pseudonymId" UUID,
    "showOrganization" BOOLEAN NOT NULL DEFAULT false,
    "language" "Locale" NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "cited" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationContribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationSupport" (
    "id" UUID NOT NULL,
    "contributionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "pseudonymId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationSupport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationUpdate" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "authorId" UUID,
    "language" "Locale" NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consultation_status_closesOn_idx" ON "Consultation"("status", "closesOn");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationQuestion_consultationId_position_key" ON "ConsultationQuestion"("consultationId", "position");

-- CreateIndex
CREATE INDEX "ConsultationContribution_consultationId_questionId_createdA_idx" ON "ConsultationContribution"("consultationId", "questionId", "createdAt");

-- CreateIndex
CREATE INDEX "ConsultationContribution_parentId_idx" ON "ConsultationContribution"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationSupport_contributionId_userId_key" ON "ConsultationSupport"("contributionId", "userId");

-- CreateIndex
CREATE INDEX "ConsultationUpdate_consultationId_createdAt_idx" ON "ConsultationUpdate"("consultationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_sourceContributionId_key" ON "Proposal"("sourceContributionId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_sourceContributionId_fkey" FOREIGN KEY ("sourceContributionId") REFERENCES "ConsultationContribution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationQuestion" ADD CONSTRAINT "ConsultationQuestion_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationContribution" ADD CONSTRAINT "ConsultationContribution_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationContribution" ADD CONSTRAINT "ConsultationContribution_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ConsultationQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationContribution" ADD CONSTRAINT "ConsultationContribution_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ConsultationContribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationContribution" ADD CONSTRAINT "ConsultationContribution_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationContribution" ADD CONSTRAINT "ConsultationContribution_pseudonymId_fkey" FOREIGN KEY ("pseudonymId") REFERENCES "Pseudonym"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationSupport" ADD CONSTRAINT "ConsultationSupport_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "ConsultationContribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationSupport" ADD CONSTRAINT "ConsultationSupport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationSupport" ADD CONSTRAINT "ConsultationSupport_pseudonymId_fkey" FOREIGN KEY ("pseudonymId") REFERENCES "Pseudonym"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationUpdate" ADD CONSTRAINT "ConsultationUpdate_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationUpdate" ADD CONSTRAINT "ConsultationUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written (listed in tests/integration/schema-drift.test.ts): a post speaks as a person or a
-- pseudonym, never both; a consultation closes on or after the day it opens.
ALTER TABLE "ConsultationContribution" ADD CONSTRAINT "ConsultationContribution_author_check" CHECK ("askerId" IS NULL OR "pseudonymId" IS NULL);
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_dates" CHECK ("closesOn" >= "opensOn");
