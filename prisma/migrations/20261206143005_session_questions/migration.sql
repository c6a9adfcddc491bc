-- CreateEnum
CREATE TYPE "SessionQuestionState" AS ENUM ('OPEN', 'TAKEN_UP', 'ANSWERED', 'SET_ASIDE');

-- CreateTable
CREATE TABLE "SessionQuestion" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "askerId" UUID,
    "language" "Locale" NOT NULL,
    "body" VARCHAR(600) NOT NULL,
    "state" "SessionQuestionState" NOT NULL DEFAULT 'OPEN',
    "setAsideReason" VARCHAR(300),
    "stateChangedAt" TIMESTAMPTZ(3),
    "stateChangedById" UUID,
    "drawnOnAt" TIMESTAMPTZ(3),
    "drawnOnById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionQuestionSupport" (
    "questionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionQuestionSupport_pkey" PRIMARY KEY ("questionId","userId")
);

-- CreateIndex
CREATE INDEX "SessionQuestion_sessionId_createdAt_idx" ON "SessionQuestion"("sessionId", "createdAt");

-- CreateIndex
CREATE INDEX "SessionQuestion_askerId_idx" ON "SessionQuestion"("askerId");

-- CreateIndex
CREATE INDEX "SessionQuestionSupport_userId_idx" ON "SessionQuestionSupport"("userId");

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_stateChangedById_fkey" FOREIGN KEY ("stateChangedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_drawnOnById_fkey" FOREIGN KEY ("drawnOnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQuestionSupport" ADD CONSTRAINT "SessionQuestionSupport_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SessionQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQuestionSupport" ADD CONSTRAINT "SessionQuestionSupport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

