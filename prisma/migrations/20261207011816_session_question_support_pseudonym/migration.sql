-- AlterTable
ALTER TABLE "SessionQuestionSupport" ADD COLUMN     "pseudonymId" UUID;

-- AddForeignKey
ALTER TABLE "SessionQuestionSupport" ADD CONSTRAINT "SessionQuestionSupport_pseudonymId_fkey" FOREIGN KEY ("pseudonymId") REFERENCES "Pseudonym"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A support given under a pseudonym keeps the person in "userId" (the primary key, question and
-- person, is what allows one support each across both voices, as DialogueSupport's unique index
-- does); the pseudonym is what the support speaks as. Losing the pseudonym (its organization
-- deleted) keeps the support, as the dialogue's do.
