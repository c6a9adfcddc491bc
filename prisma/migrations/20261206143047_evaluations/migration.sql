-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "EvaluationQuestionKind" AS ENUM ('SCALE', 'TEXT');

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" UUID NOT NULL,
    "sessionId" UUID,
    "title" JSONB NOT NULL,
    "intro" JSONB NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'DRAFT',
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationQuestion" (
    "id" UUID NOT NULL,
    "evaluationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "EvaluationQuestionKind" NOT NULL,
    "text" JSONB NOT NULL,
    "lowLabel" JSONB NOT NULL DEFAULT '{}',
    "highLabel" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "EvaluationQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationParticipation" (
    "evaluationId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "EvaluationParticipation_pkey" PRIMARY KEY ("evaluationId","userId")
);

-- CreateTable
CREATE TABLE "EvaluationResponse" (
    "id" UUID NOT NULL,
    "evaluationId" UUID NOT NULL,

    CONSTRAINT "EvaluationResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationAnswer" (
    "responseId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "score" INTEGER,
    "text" VARCHAR(4000),

    CONSTRAINT "EvaluationAnswer_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateIndex
CREATE INDEX "Evaluation_status_closesOn_idx" ON "Evaluation"("status", "closesOn");

-- CreateIndex
CREATE INDEX "Evaluation_sessionId_idx" ON "Evaluation"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationQuestion_evaluationId_position_key" ON "EvaluationQuestion"("evaluationId", "position");

-- CreateIndex
CREATE INDEX "EvaluationParticipation_userId_idx" ON "EvaluationParticipation"("userId");

-- CreateIndex
CREATE INDEX "EvaluationResponse_evaluationId_idx" ON "EvaluationResponse"("evaluationId");

-- CreateIndex
CREATE INDEX "EvaluationAnswer_questionId_idx" ON "EvaluationAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationQuestion" ADD CONSTRAINT "EvaluationQuestion_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationParticipation" ADD CONSTRAINT "EvaluationParticipation_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationParticipation" ADD CONSTRAINT "EvaluationParticipation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAnswer" ADD CONSTRAINT "EvaluationAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "EvaluationResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAnswer" ADD CONSTRAINT "EvaluationAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "EvaluationQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: a score is 1 to 5 and an answer holds a score or words (never both, never neither);
-- an evaluation closes on or after the day it opens.
ALTER TABLE "EvaluationAnswer" ADD CONSTRAINT "EvaluationAnswer_score_or_text" CHECK (
  (score IS NOT NULL AND text IS NULL AND score BETWEEN 1 AND 5) OR (score IS NULL AND text IS NOT NULL)
);
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_dates" CHECK ("closesOn" >= "opensOn");
