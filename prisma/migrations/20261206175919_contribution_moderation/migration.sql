-- AlterTable
ALTER TABLE "ConsultationContribution" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenById" UUID,
ADD COLUMN     "hiddenCategory" "ModerationReason",
ADD COLUMN     "hiddenReason" VARCHAR(500);

-- AddForeignKey
ALTER TABLE "ConsultationContribution" ADD CONSTRAINT "ConsultationContribution_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

