-- AlterTable
ALTER TABLE "SessionQuestion" ADD COLUMN     "pseudonymId" UUID,
ADD COLUMN     "showOrganization" BOOLEAN NOT NULL DEFAULT false;

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_pseudonymId_fkey" FOREIGN KEY ("pseudonymId") REFERENCES "Pseudonym"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: a question to the panel names a person or a pseudonym, never both (a
-- pseudonymous question stores no user id), like DialogueQuestion and ConsultationContribution.
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_author_check" CHECK ("askerId" IS NULL OR "pseudonymId" IS NULL);
