-- CreateEnum
CREATE TYPE "ModerationReason" AS ENUM ('SPAM', 'ABUSIVE', 'PERSONAL_DATA', 'OFF_TOPIC', 'MISLEADING', 'OTHER');

-- CreateEnum
CREATE TYPE "ModerationFlagStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- AlterTable
ALTER TABLE "ProposalComment" ADD COLUMN     "hiddenCategory" "ModerationReason";

-- AlterTable
ALTER TABLE "ReportComment" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenById" UUID,
ADD COLUMN     "hiddenCategory" "ModerationReason",
ADD COLUMN     "hiddenReason" VARCHAR(500);

-- CreateTable
CREATE TABLE "ModerationFlag" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "postId" UUID NOT NULL,
    "flaggerId" UUID,
    "reason" "ModerationReason" NOT NULL,
    "note" VARCHAR(500),
    "status" "ModerationFlagStatus" NOT NULL DEFAULT 'OPEN',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModerationFlag_status_kind_postId_idx" ON "ModerationFlag"("status", "kind", "postId");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationFlag_kind_postId_flaggerId_key" ON "ModerationFlag"("kind", "postId", "flaggerId");

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationFlag" ADD CONSTRAINT "ModerationFlag_flaggerId_fkey" FOREIGN KEY ("flaggerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationFlag" ADD CONSTRAINT "ModerationFlag_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

