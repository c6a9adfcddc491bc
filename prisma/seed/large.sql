-- Bulk data for measuring the proposal pages at scale. The three sizes below are filled in
-- by prisma/seed/large.ts.
DO $$
DECLARE
  n_orgs int := __ORGANIZATIONS__;
  n_props int := __PROPOSALS__;
  n_cosp int := __COSPONSORSHIPS__;
  places text[][] := ARRAY[
    ['MX','MEXICO_CENTRAL_AMERICA'],['GT','MEXICO_CENTRAL_AMERICA'],['HN','MEXICO_CENTRAL_AMERICA'],['SV','MEXICO_CENTRAL_AMERICA'],
    ['CR','MEXICO_CENTRAL_AMERICA'],['PA','MEXICO_CENTRAL_AMERICA'],['HT','CARIBBEAN'],['DO','CARIBBEAN'],['JM','CARIBBEAN'],
    ['CU','CARIBBEAN'],['TT','CARIBBEAN'],['CO','ANDEAN'],['EC','ANDEAN'],['PE','ANDEAN'],['BO','ANDEAN'],['VE','ANDEAN'],
    ['BR','SOUTHERN_CONE_BRAZIL'],['AR','SOUTHERN_CONE_BRAZIL'],['CL','SOUTHERN_CONE_BRAZIL'],['UY','SOUTHERN_CONE_BRAZIL'],
    ['PY','SOUTHERN_CONE_BRAZIL'],['US','DIASPORA'],['CA','DIASPORA'],['ES','DIASPORA']];
  types text[] := ARRAY['REGIONAL_NETWORK','CSO','MIGRANT_LED','DIASPORA','ACADEMIA','OTHER'];
  words_es text[] := ARRAY['migración','niñez','protección','acceso','salud','frontera','documentación','regularización','retorno',
    'integración','trabajo','mujeres','género','detención','alternativas','consular','remesas','discriminación','derechos','familias',
    'tránsito','refugio','educación','vivienda','reunificación','desaparecidas','búsqueda','identidad','inclusión','violencia'];
  words_pt text[] := ARRAY['migração','infância','proteção','acesso','saúde','fronteira','documentação','regularização','retorno',
    'integração','trabalho','mulheres','gênero','detenção','alternativas','consular','remessas','discriminação','direitos','famílias',
    'trânsito','refúgio','educação','moradia','reunificação','desaparecidas','busca','identidade','inclusão','violência'];
  words_en text[] := ARRAY['migration','children','protection','access','health','border','documents','regularization','return',
    'integration','work','women','gender','detention','alternatives','consular','remittances','discrimination','rights','families',
    'transit','refuge','education','housing','reunification','missing','search','identity','inclusion','violence'];
  words_fr text[] := ARRAY['migration','enfance','protection','accès','santé','frontière','documentation','régularisation','retour',
    'intégration','travail','femmes','genre','détention','alternatives','consulaire','transferts','discrimination','droits','familles',
    'transit','refuge','éducation','logement','réunification','disparues','recherche','identité','inclusion','violence'];
  statuses text[] := ARRAY['SUBMITTED','SUBMITTED','UNDER_REVIEW','UNDER_REVIEW','ACCEPTED','NOT_RETAINED','INCORPORATED','WITHDRAWN','DRAFT'];
  org_ids uuid[];
  prop_ids uuid[];
BEGIN
  INSERT INTO "Organization" (id, slug, name, acronym, country, subregion, type, languages, description, "contactEmail", status, "updatedAt")
  SELECT gen_random_uuid(), 'large-org-' || i, 'Organización de prueba ' || i, NULL,
         places[1 + (i % array_length(places, 1))][1],
         places[1 + (i % array_length(places, 1))][2]::"Subregion",
         types[1 + (i % 6)]::"OrganizationType", ARRAY['es']::"Locale"[],
         'Organización generada para medir el portal a escala.', 'large-' || i || '@example.invalid',
         (CASE WHEN i % 20 = 0 THEN 'PENDING' ELSE 'VERIFIED' END)::"OrganizationStatus", now()
  FROM generate_series(1, n_orgs) AS i;

  org_ids := ARRAY(SELECT id FROM "Organization" WHERE slug LIKE 'large-org-%' ORDER BY slug);

  -- Proposals are drawn first, then their co-sponsorships, so each proposal is written once with
  -- its count: updating 90,000 rows afterwards would recompute every search vector (twice the time).
  CREATE TEMP TABLE large_proposals ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, i, statuses[1 + (i % array_length(statuses, 1))] AS st,
           (ARRAY['es','pt','en','fr'])[1 + (i % 4)] AS lang,
           CASE i % 4 WHEN 0 THEN words_es WHEN 1 THEN words_pt WHEN 2 THEN words_en ELSE words_fr END AS w
    FROM generate_series(1, n_props) AS i;

  prop_ids := ARRAY(SELECT id FROM large_proposals WHERE st <> 'DRAFT' ORDER BY i);

  CREATE TEMP TABLE large_cosponsors ON COMMIT DROP AS
    SELECT DISTINCT prop_ids[1 + ((i::bigint * 7919) % array_length(prop_ids, 1))] AS "proposalId",
           org_ids[1 + ((i::bigint * 104729) % array_length(org_ids, 1))] AS "organizationId"
    FROM generate_series(1, n_cosp) AS i;

  INSERT INTO "Proposal" (id, "organizationId", title, summary, body, language, objectives, countries, status,
                          "concernsChildren", "concernsGender", "concernsIrregular", "submittedAt", "answeredAt", answer,
                          "cosponsorCount", "updatedAt")
  SELECT g.id, org_ids[1 + (i % array_length(org_ids, 1))],
         initcap(w[1 + (i % 30)]) || ' y ' || w[1 + ((i * 7) % 30)] || ' ' || w[1 + ((i * 13) % 30)] || ' ' || i,
         w[1 + ((i * 3) % 30)] || ' ' || w[1 + ((i * 5) % 30)] || ' ' || w[1 + ((i * 11) % 30)] || ' ' || w[1 + ((i * 17) % 30)],
         repeat(w[1 + ((i * 19) % 30)] || ' ' || w[1 + ((i * 23) % 30)] || ' ' || w[1 + ((i * 29) % 30)] || '. ', 8),
         lang::"Locale",
         ARRAY[1 + (i % 23), 1 + ((i * 7) % 23)],
         ARRAY[places[1 + (i % 21)][1]]::varchar[],
         st::"ProposalStatus",
         i % 5 = 0, i % 4 = 0, i % 3 = 0,
         CASE WHEN st = 'DRAFT' THEN NULL ELSE now() - (i % 365) * interval '1 day' END,
         CASE WHEN st IN ('ACCEPTED','NOT_RETAINED','INCORPORATED') THEN now() - (i % 100) * interval '1 day' END,
         CASE WHEN st IN ('ACCEPTED','NOT_RETAINED','INCORPORATED') THEN jsonb_build_object(lang, 'Respuesta del comité ' || i) END,
         coalesce(c.n, 0),
         now()
  FROM large_proposals g
  LEFT JOIN (SELECT "proposalId", count(*) AS n FROM large_cosponsors GROUP BY "proposalId") c ON c."proposalId" = g.id
  ORDER BY g.i;

  INSERT INTO "ProposalCosponsor" ("proposalId", "organizationId")
  SELECT "proposalId", "organizationId" FROM large_cosponsors;
END $$;
