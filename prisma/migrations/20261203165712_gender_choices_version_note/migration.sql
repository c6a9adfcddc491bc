-- Gender becomes a fixed choice (the balance panel counts people, not spellings); what was
-- typed before is mapped to a choice in the four languages, and anything else is kept as the
-- nominee's own description under "another identity".
CREATE TYPE "Gender" AS ENUM ('WOMAN', 'MAN', 'NON_BINARY', 'ANOTHER', 'PREFERS_NOT_TO_SAY');

ALTER TABLE "Nomination" RENAME COLUMN "nomineeGender" TO "nomineeGenderTyped";
ALTER TABLE "Nomination" ADD COLUMN "nomineeGender" "Gender",
ADD COLUMN "nomineeGenderDescription" VARCHAR(60);

UPDATE "Nomination" SET "nomineeGender" = CASE
    WHEN lower(btrim("nomineeGenderTyped")) IN ('mujer', 'woman', 'mulher', 'femme', 'female', 'femenino', 'feminino', 'féminin', 'f') THEN 'WOMAN'::"Gender"
    WHEN lower(btrim("nomineeGenderTyped")) IN ('hombre', 'man', 'homem', 'homme', 'male', 'masculino', 'masculin', 'm') THEN 'MAN'::"Gender"
    WHEN lower(btrim("nomineeGenderTyped")) IN ('no binario', 'no binaria', 'non-binary', 'nonbinary', 'non binary', 'não binário', 'não binária', 'nao binario', 'non-binaire', 'non binaire') THEN 'NON_BINARY'::"Gender"
    WHEN lower(btrim("nomineeGenderTyped")) IN ('prefiero no decir', 'prefer not to say', 'prefiro não dizer', 'préfère ne pas dire') THEN 'PREFERS_NOT_TO_SAY'::"Gender"
    ELSE 'ANOTHER'::"Gender"
  END
  WHERE "nomineeGenderTyped" IS NOT NULL AND btrim("nomineeGenderTyped") <> '';

UPDATE "Nomination" SET "nomineeGenderDescription" = btrim("nomineeGenderTyped")
  WHERE "nomineeGender" = 'ANOTHER';

ALTER TABLE "Nomination" DROP COLUMN "nomineeGenderTyped";

-- A version's internal note (staff and the committee) is kept apart from its public title.
ALTER TABLE "ReportVersion" ADD COLUMN "internalNote" VARCHAR(1000);
