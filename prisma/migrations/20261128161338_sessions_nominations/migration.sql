-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('DRAFT', 'OPEN_FOR_NOMINATIONS', 'SPEAKERS_CONFIRMED', 'HELD', 'REPORT_PUBLISHED');

-- CreateEnum
CREATE TYPE "SessionFormat" AS ENUM ('IN_PERSON', 'VIRTUAL', 'HYBRID');

-- CreateEnum
CREATE TYPE "SpeakerRole" AS ENUM ('PANELIST', 'RAPPORTEUR', 'MODERATOR');

-- CreateEnum
CREATE TYPE "SelectionMode" AS ENUM ('CHAIR', 'TWO_MEMBERS');

-- CreateEnum
CREATE TYPE "AccessNeed" AS ENUM ('INTERPRETATION', 'SIGN_LANGUAGE', 'CAPTIONS', 'OTHER');

-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('PROPOSED', 'INVITED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'SELECTED', 'NOT_SELECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "NominationTokenPurpose" AS ENUM ('RESPOND', 'WITHDRAW');

-- CreateTable
CREATE TABLE "ReviewSession" (
    "id" UUID NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" VARCHAR(64) NOT NULL,
    "format" "SessionFormat" NOT NULL,
    "place" VARCHAR(300),
    "link" VARCHAR(500),
    "workingLanguages" "Locale"[],
    "interpretation" "Locale"[],
    "objectives" INTEGER[],
    "panelistSeats" INTEGER NOT NULL,
    "rapporteurSeats" INTEGER NOT NULL DEFAULT 1,
    "moderatorSeats" INTEGER NOT NULL DEFAULT 1,
    "status" "SessionStatus" NOT NULL DEFAULT 'DRAFT',
    "nominationDeadline" TIMESTAMPTZ(3),
    "selectionMode" "SelectionMode" NOT NULL DEFAULT 'CHAIR',
    "summary" VARCHAR(20000),
    "summaryLanguage" "Locale",
    "statusChangedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionRegistration" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "language" "Locale" NOT NULL,
    "accessNeeds" "AccessNeed"[],
    "accessNote" VARCHAR(500),
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "role" "SpeakerRole" NOT NULL,
    "nomineeUserId" UUID,
    "nomineeName" VARCHAR(120) NOT NULL,
    "nomineeEmail" VARCHAR(254) NOT NULL,
    "nomineeOrganizationId" UUID,
    "nomineeOrganizationName" VARCHAR(200),
    "nomineeCountry" CHAR(2) NOT NULL,
    "nomineeGender" VARCHAR(60),
    "languages" "Locale"[],
    "rationale" VARCHAR(2000) NOT NULL,
    "status" "NominationStatus" NOT NULL DEFAULT 'PROPOSED',
    "nominatedById" UUID,
    "invitationExpiresAt" TIMESTAMPTZ(3),
    "respondedAt" TIMESTAMPTZ(3),
    "bio" VARCHAR(1000),
    "publishName" BOOLEAN NOT NULL DEFAULT true,
    "publishOrganization" BOOLEAN NOT NULL DEFAULT true,
    "publishBio" BOOLEAN NOT NULL DEFAULT true,
    "selectedAt" TIMESTAMPTZ(3),
    "selectedById" UUID,
    "selectionRationale" VARCHAR(1000),
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationToken" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "purpose" "NominationTokenPurpose" NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationEndorsement" (
    "nominationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationEndorsement_pkey" PRIMARY KEY ("nominationId","userId")
);

-- CreateTable
CREATE TABLE "NominationSelectionVote" (
    "nominationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "rationale" VARCHAR(1000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationSelectionVote_pkey" PRIMARY KEY ("nominationId","userId")
);

-- CreateTable
CREATE TABLE "NominationOptOut" (
    "sessionId" UUID NOT NULL,
    "emailHash" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationOptOut_pkey" PRIMARY KEY ("sessionId","emailHash")
);

-- CreateIndex
CREATE INDEX "ReviewSession_status_startsAt_idx" ON "ReviewSession"("status", "startsAt");

-- CreateIndex
CREATE INDEX "ReviewSession_startsAt_idx" ON "ReviewSession"("startsAt");

-- CreateIndex
CREATE INDEX "SessionRegistration_userId_idx" ON "SessionRegistration"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionRegistration_sessionId_userId_key" ON "SessionRegistration"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "Nomination_sessionId_role_status_idx" ON "Nomination"("sessionId", "role", "status");

-- CreateIndex
CREATE INDEX "Nomination_nomineeUserId_idx" ON "Nomination"("nomineeUserId");

-- CreateIndex
CREATE INDEX "Nomination_nomineeOrganizationId_idx" ON "Nomination"("nomineeOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "NominationToken_tokenHash_key" ON "NominationToken"("tokenHash");

-- CreateIndex
CREATE INDEX "NominationToken_nominationId_idx" ON "NominationToken"("nominationId");

-- CreateIndex
CREATE INDEX "NominationEndorsement_userId_idx" ON "NominationEndorsement"("userId");

-- CreateIndex
CREATE INDEX "Proposal_sessionId_status_idx" ON "Proposal"("sessionId", "status");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSession" ADD CONSTRAINT "ReviewSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionRegistration" ADD CONSTRAINT "SessionRegistration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionRegistration" ADD CONSTRAINT "SessionRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nomineeUserId_fkey" FOREIGN KEY ("nomineeUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nomineeOrganizationId_fkey" FOREIGN KEY ("nomineeOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_selectedById_fkey" FOREIGN KEY ("selectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationToken" ADD CONSTRAINT "NominationToken_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationEndorsement" ADD CONSTRAINT "NominationEndorsement_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationEndorsement" ADD CONSTRAINT "NominationEndorsement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationSelectionVote" ADD CONSTRAINT "NominationSelectionVote_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationSelectionVote" ADD CONSTRAINT "NominationSelectionVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationOptOut" ADD CONSTRAINT "NominationOptOut_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

