-- Full-text search over proposals in Spanish, Portuguese, English and French that ignores
-- accents and case. Each language has a configuration that strips accents (unaccent) before
-- stemming; a proposal is indexed with the configuration of its language, plus an unstemmed
-- one for its title and summary so exact words match whatever the reader's language.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION puente_es (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION puente_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION puente_pt (COPY = pg_catalog.portuguese);
ALTER TEXT SEARCH CONFIGURATION puente_pt ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;
CREATE TEXT SEARCH CONFIGURATION puente_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION puente_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION puente_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION puente_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION puente_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION puente_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- Prisma declares the column as Unsupported("tsvector"); here it becomes generated, so no
-- application code can forget to keep it up to date.
ALTER TABLE "Proposal" DROP COLUMN "search";
ALTER TABLE "Proposal" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(CASE "language"
      WHEN 'es' THEN 'puente_es'::regconfig WHEN 'pt' THEN 'puente_pt'::regconfig
      WHEN 'en' THEN 'puente_en'::regconfig ELSE 'puente_fr'::regconfig END, "title"), 'A') ||
  setweight(to_tsvector(CASE "language"
      WHEN 'es' THEN 'puente_es'::regconfig WHEN 'pt' THEN 'puente_pt'::regconfig
      WHEN 'en' THEN 'puente_en'::regconfig ELSE 'puente_fr'::regconfig END, "summary"), 'B') ||
  setweight(to_tsvector(CASE "language"
      WHEN 'es' THEN 'puente_es'::regconfig WHEN 'pt' THEN 'puente_pt'::regconfig
      WHEN 'en' THEN 'puente_en'::regconfig ELSE 'puente_fr'::regconfig END, "body"), 'C') ||
  setweight(to_tsvector('puente_simple'::regconfig, "title" || ' ' || "summary"), 'D')
) STORED;

CREATE INDEX "Proposal_search_idx" ON "Proposal" USING GIN ("search");

-- A reply's parent is never itself a reply (one level), and the parent is on the same proposal.
CREATE FUNCTION "proposal_comment_one_level"() RETURNS trigger AS $$
BEGIN
  IF NEW."parentId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "ProposalComment" p
    WHERE p.id = NEW."parentId" AND p."parentId" IS NULL AND p."proposalId" = NEW."proposalId"
  ) THEN
    RAISE EXCEPTION 'A reply must answer a top-level comment of the same proposal';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ProposalComment_one_level"
  BEFORE INSERT OR UPDATE OF "parentId" ON "ProposalComment"
  FOR EACH ROW EXECUTE FUNCTION "proposal_comment_one_level"();
