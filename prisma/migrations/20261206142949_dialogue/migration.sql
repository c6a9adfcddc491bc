-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('IOM', 'ECLAC', 'STATE');

-- AlterEnum
ALTER TYPE "SiteRole" ADD VALUE 'DELEGATE';

-- CreateTable
CREATE TABLE "DialogueInstitution" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(40) NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "country" CHAR(2),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DialogueInstitution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelegateProfile" (
    "userId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "displayName" VARCHAR(120) NOT NULL,
    "portfolio" JSONB NOT NULL DEFAULT '{}',
    "languagesSpoken" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DelegateProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Pseudonym" (
    "id" UUID NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "userId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pseudonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PseudonymDisclosure" (
    "id" UUID NOT NULL,
    "pseudonymId" UUID NOT NULL,
    "requesterId" UUID,
    "reason" VARCHAR(1000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PseudonymDisclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueQuestion" (
    "id" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "delegateId" UUID,
    "askerId" UUID,
    "pseudonymId" UUID,
    "showOrganization" BOOLEAN NOT NULL DEFAULT false,
    "language" "Locale" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "objectives" INTEGER[],
    "deadlineAt" TIMESTAMPTZ(3) NOT NULL,
    "answerBody" VARCHAR(8000),
    "answerLanguage" "Locale",
    "answeredById" UUID,
    "answeredAt" TIMESTAMPTZ(3),
    "mergedIntoId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DialogueQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueSupport" (
    "id" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "pseudonymId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DialogueSupport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DialogueInstitution_slug_key" ON "DialogueInstitution"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueInstitution_kind_country_key" ON "DialogueInstitution"("kind", "country");

-- CreateIndex
CREATE INDEX "DelegateProfile_institutionId_idx" ON "DelegateProfile"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "Pseudonym_name_key" ON "Pseudonym"("name");

-- CreateIndex
CREATE INDEX "Pseudonym_organizationId_idx" ON "Pseudonym"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Pseudonym_userId_organizationId_key" ON "Pseudonym"("userId", "organizationId");

-- CreateIndex
CREATE INDEX "DialogueQuestion_institutionId_answeredAt_idx" ON "DialogueQuestion"("institutionId", "answeredAt");

-- CreateIndex
CREATE INDEX "DialogueQuestion_createdAt_idx" ON "DialogueQuestion"("createdAt");

-- CreateIndex
CREATE INDEX "DialogueQuestion_mergedIntoId_idx" ON "DialogueQuestion"("mergedIntoId");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueSupport_questionId_userId_key" ON "DialogueSupport"("questionId", "userId");

-- AddForeignKey
ALTER TABLE "DelegateProfile" ADD CONSTRAINT "DelegateProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegateProfile" ADD CONSTRAINT "DelegateProfile_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "DialogueInstitution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pseudonym" ADD CONSTRAINT "Pseudonym_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pseudonym" ADD CONSTRAINT "Pseudonym_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PseudonymDisclosure" ADD CONSTRAINT "PseudonymDisclosure_pseudonymId_fkey" FOREIGN KEY ("pseudonymId") REFERENCES "Pseudonym"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PseudonymDisclosure" ADD CONSTRAINT "PseudonymDisclosure_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "DialogueInstitution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_pseudonymId_fkey" FOREIGN KEY ("pseudonymId") REFERENCES "Pseudonym"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "DialogueQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueSupport" ADD CONSTRAINT "DialogueSupport_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "DialogueQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueSupport" ADD CONSTRAINT "DialogueSupport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueSupport" ADD CONSTRAINT "DialogueSupport_pseudonymId_fkey" FOREIGN KEY ("pseudonymId") REFERENCES "Pseudonym"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: a question names a person or a pseudonym, never both (a pseudonymous post must
-- not carry the user id); a State focal point names its country, IOM and ECLAC do not.
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_author_check" CHECK ("askerId" IS NULL OR "pseudonymId" IS NULL);
ALTER TABLE "DialogueInstitution" ADD CONSTRAINT "DialogueInstitution_country_check" CHECK (("kind" = 'STATE') = ("country" IS NOT NULL));
