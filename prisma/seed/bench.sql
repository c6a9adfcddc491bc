-- The bench's bulk data on top of the demo and the large set (prisma/seed/bench.ts fills in the
-- sizes): review sessions in every public state, and a long public log. Generated inside
-- PostgreSQL in one round trip, so loading stays within seconds.
DO $$
DECLARE
  n_sessions int := __SESSIONS__;
  n_entries int := __LOG_ENTRIES__;
  zones text[] := ARRAY['America/Mexico_City','America/Bogota','America/Santiago','America/Port-au-Prince','America/Sao_Paulo','America/New_York'];
  formats text[] := ARRAY['IN_PERSON','VIRTUAL','HYBRID'];
  n_public int;
BEGIN
  -- Half in the past (held, most with the rapporteur's summary), half ahead (open for
  -- nominations or speakers confirmed), two days apart around today.
  INSERT INTO "ReviewSession" (id, title, description, "startsAt", "endsAt", "timeZone", format, place, "workingLanguages",
                               interpretation, objectives, "panelistSeats", status, "nominationDeadline", summary, "summaryLanguage",
                               "statusChangedAt", "updatedAt")
  SELECT gen_random_uuid(),
         jsonb_build_object('es', 'Sesión de revisión ' || i || ': objetivo ' || (1 + i % 23), 'en', 'Review session ' || i || ': objective ' || (1 + i % 23)),
         jsonb_build_object('es', repeat('Las organizaciones presentan avances y desafíos sobre protección, acceso a servicios y regularización. ', 4),
                            'en', repeat('Organizations present progress and challenges on protection, access to services and regularization. ', 4)),
         starts, starts + interval '2 hours', zones[1 + i % 6], fmt::"SessionFormat",
         CASE WHEN fmt <> 'VIRTUAL' THEN 'Sala ' || (1 + i % 12) || ', sede regional' END,
         ARRAY['es','en']::"Locale"[], ARRAY['pt','fr']::"Locale"[], ARRAY[1 + i % 23, 1 + (i * 5) % 23], 4,
         st::"SessionStatus",
         CASE WHEN st = 'OPEN_FOR_NOMINATIONS' THEN now() + (starts - now()) / 2 END,
         CASE WHEN st = 'REPORT_PUBLISHED' THEN repeat('La sesión recogió propuestas sobre documentación, niñez y trabajo. ', 20) END,
         CASE WHEN st = 'REPORT_PUBLISHED' THEN 'es'::"Locale" END,
         now(), now()
  FROM (
    SELECT i, now() + (i - n_sessions / 2) * interval '2 days' AS starts, formats[1 + i % 3] AS fmt,
           CASE WHEN i <= n_sessions / 2 THEN (CASE WHEN i % 4 = 0 THEN 'HELD' ELSE 'REPORT_PUBLISHED' END)
                ELSE (CASE WHEN i % 2 = 0 THEN 'OPEN_FOR_NOMINATIONS' ELSE 'SPEAKERS_CONFIRMED' END) END AS st
    FROM generate_series(1, n_sessions) AS i
  ) s;

  -- The public log: proposals submitted and taken up for review, over the past year, each
  -- entry with the public payload its event declares (lib/audit/events.ts).
  CREATE TEMP TABLE bench_public ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY p.id) - 1 AS k, p.id, p.title, o.name, o.slug
    FROM "Proposal" p JOIN "Organization" o ON o.id = p."organizationId"
    WHERE p.status <> 'DRAFT';
  n_public := (SELECT count(*) FROM bench_public);
  INSERT INTO "AuditEntry" ("createdAt", action, "entityType", "entityId", "isPublic", data)
  SELECT now() - (n_entries - i) * (interval '365 days' / n_entries),
         CASE WHEN i % 2 = 0 THEN 'proposal.submitted' ELSE 'proposal.review_started' END,
         'Proposal', b.id::text, true,
         jsonb_build_object('proposalTitle', b.title, 'organizationName', b.name, 'organizationSlug', b.slug,
                            'status', CASE WHEN i % 2 = 0 THEN 'SUBMITTED' ELSE 'UNDER_REVIEW' END)
  FROM generate_series(1, n_entries) AS i
  JOIN bench_public b ON b.k = i % n_public;
END $$;
