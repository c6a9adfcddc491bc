-- AlterTable
ALTER TABLE "SessionQuestion" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenById" UUID,
ADD COLUMN     "hiddenCategory" "ModerationReason",
ADD COLUMN     "hiddenReason" VARCHAR(500);

-- AlterTable
ALTER TABLE "DialogueQuestion" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenById" UUID,
ADD COLUMN     "hiddenCategory" "ModerationReason",
ADD COLUMN     "hiddenReason" VARCHAR(500);

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

