-- CreateEnum
CREATE TYPE "AccountArchiveStatus" AS ENUM ('PENDING', 'READY');

-- DropForeignKey
ALTER TABLE "Pseudonym" DROP CONSTRAINT "Pseudonym_userId_fkey";

-- AlterTable
ALTER TABLE "Pseudonym" ALTER COLUMN "userId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AccountArchive" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "AccountArchiveStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readyAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "size" INTEGER,
    "file" BYTEA,

    CONSTRAINT "AccountArchive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountArchive_userId_requestedAt_idx" ON "AccountArchive"("userId", "requestedAt" DESC);

-- CreateIndex
CREATE INDEX "AccountArchive_expiresAt_idx" ON "AccountArchive"("expiresAt");

-- AddForeignKey
ALTER TABLE "Pseudonym" ADD CONSTRAINT "Pseudonym_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountArchive" ADD CONSTRAINT "AccountArchive_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A person who deletes their account leaves the audit log one change, and only this one: their
-- actor id becomes the tombstone account (lib/account/tombstone.ts), and text in `data` that
-- named them becomes "[…]". Same row, same action, same entity, same shape; any other UPDATE,
-- any DELETE and TRUNCATE are still refused.
CREATE FUNCTION "audit_data_redacted"(o jsonb, n jsonb) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  k text;
  i integer;
BEGIN
  IF o = n THEN RETURN true; END IF;
  IF jsonb_typeof(o) = 'string' AND jsonb_typeof(n) = 'string' THEN RETURN n = to_jsonb('[…]'::text); END IF;
  IF jsonb_typeof(o) = 'object' AND jsonb_typeof(n) = 'object' THEN
    IF (SELECT array_agg(x ORDER BY x) FROM jsonb_object_keys(o) x) IS DISTINCT FROM (SELECT array_agg(x ORDER BY x) FROM jsonb_object_keys(n) x) THEN
      RETURN false;
    END IF;
    FOR k IN SELECT jsonb_object_keys(o) LOOP
      IF NOT "audit_data_redacted"(o -> k, n -> k) THEN RETURN false; END IF;
    END LOOP;
    RETURN true;
  END IF;
  IF jsonb_typeof(o) = 'array' AND jsonb_typeof(n) = 'array' AND jsonb_array_length(o) = jsonb_array_length(n) THEN
    FOR i IN 0 .. jsonb_array_length(o) - 1 LOOP
      IF NOT "audit_data_redacted"(o -> i, n -> i) THEN RETURN false; END IF;
    END LOOP;
    RETURN true;
  END IF;
  RETURN false;
END;
$$;

CREATE OR REPLACE FUNCTION "audit_entry_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id AND NEW."createdAt" = OLD."createdAt" AND NEW.action = OLD.action
       AND NEW."entityType" = OLD."entityType" AND NEW."entityId" = OLD."entityId" AND NEW."isPublic" = OLD."isPublic"
       AND (NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
            OR (OLD."actorId" IS NOT NULL AND NEW."actorId" = 'dead0000-0000-4000-8000-000000000000'::uuid))
       AND "audit_data_redacted"(OLD.data, NEW.data) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'AuditEntry is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
