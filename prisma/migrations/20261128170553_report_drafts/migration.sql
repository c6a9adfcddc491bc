-- CreateEnum
CREATE TYPE "ReportVersionStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'SUPERSEDED', 'FINAL');

-- CreateEnum
CREATE TYPE "CommentDisposition" AS ENUM ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'NOTED');

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "language" "Locale" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "status" "ReportVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "commentDeadline" TIMESTAMPTZ(3),
    "timeZone" VARCHAR(64) NOT NULL DEFAULT 'America/Santiago',
    "previousId" UUID,
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "finalAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportParagraph" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "anchor" VARCHAR(32) NOT NULL,
    "position" INTEGER NOT NULL,
    "markdown" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headingLevel" INTEGER,

    CONSTRAINT "ReportParagraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportTranslation" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "language" "Locale" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportComment" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "paragraphId" UUID NOT NULL,
    "authorId" UUID,
    "organizationId" UUID,
    "body" VARCHAR(4000) NOT NULL,
    "proposedText" VARCHAR(8000),
    "language" "Locale",
    "disposition" "CommentDisposition",
    "answer" VARCHAR(2000),
    "dispositionById" UUID,
    "dispositionAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportParagraphProposal" (
    "paragraphId" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "linkedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportParagraphProposal_pkey" PRIMARY KEY ("paragraphId","proposalId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_number_key" ON "ReportVersion"("number");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_previousId_key" ON "ReportVersion"("previousId");

-- CreateIndex
CREATE INDEX "ReportVersion_status_idx" ON "ReportVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ReportParagraph_versionId_anchor_key" ON "ReportParagraph"("versionId", "anchor");

-- CreateIndex
CREATE UNIQUE INDEX "ReportParagraph_versionId_position_key" ON "ReportParagraph"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ReportTranslation_versionId_language_key" ON "ReportTranslation"("versionId", "language");

-- CreateIndex
CREATE INDEX "ReportComment_versionId_paragraphId_createdAt_idx" ON "ReportComment"("versionId", "paragraphId", "createdAt");

-- CreateIndex
CREATE INDEX "ReportComment_versionId_disposition_idx" ON "ReportComment"("versionId", "disposition");

-- CreateIndex
CREATE INDEX "ReportParagraphProposal_proposalId_idx" ON "ReportParagraphProposal"("proposalId");

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "ReportVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportParagraph" ADD CONSTRAINT "ReportParagraph_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportTranslation" ADD CONSTRAINT "ReportTranslation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "ReportParagraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_dispositionById_fkey" FOREIGN KEY ("dispositionById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportParagraphProposal" ADD CONSTRAINT "ReportParagraphProposal_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "ReportParagraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportParagraphProposal" ADD CONSTRAINT "ReportParagraphProposal_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportParagraphProposal" ADD CONSTRAINT "ReportParagraphProposal_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

