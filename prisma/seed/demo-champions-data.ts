// Demo champion States' initiatives: ILLUSTRATIVE examples written for the demo, not real
// government commitments. Every description starts by saying so, in its language; sources point
// at .example addresses. Days are relative to "now" (negative: in the past).
import type { Addressee, CommitmentStatus, InclusionLevel, Locale, RightsCentred } from "../../lib/generated/prisma/enums";
import type { FinalBlock } from "./demo-final-report";

export const ILLUSTRATIVE: Record<Locale, string> = {
  es: "Ejemplo ilustrativo de la demostración, no un compromiso real.",
  en: "Illustrative demo example, not a real commitment.",
  pt: "Exemplo ilustrativo da demonstração, não um compromisso real.",
  fr: "Exemple illustratif de la démonstration, pas un engagement réel.",
};

export type DemoUpdate = { day: number; language: Locale; body: string; status?: CommitmentStatus };
export type DemoAssessment = {
  org: string;
  language: Locale;
  progress: CommitmentStatus;
  inclusion: InclusionLevel;
  inclusionNote?: string;
  rightsCentred: RightsCentred;
  rightsNote: string;
  evidence?: string;
};
export type DemoInitiative = {
  /** Stable key: the commitment's id is derived from it (see demoChampionId). */
  key: string;
  country: "MX" | "SV" | "EC" | "HN";
  publicBody: string;
  objectives: number[];
  texts: Partial<Record<Locale, { title: string; description: string }>>;
  createdDay: number;
  status: CommitmentStatus;
  inclusion: InclusionLevel;
  inclusionEvidence?: string;
  milestones: { label: string; language: Locale; planned: number; done?: number }[];
  updates: DemoUpdate[];
  assessments: DemoAssessment[];
};

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    key: "mx-regularizacion-temporal",
    country: "MX",
    publicBody: "Instituto Nacional de Migración",
    objectives: [4, 7],
    texts: {
      es: { title: "Programa de regularización temporal para personas en tránsito", description: "Tarjetas de visitante por razones humanitarias con permiso de trabajo por un año, tramitadas en las oficinas de la frontera sur." },
      en: { title: "Temporary regularization programme for people in transit", description: "Humanitarian visitor cards with a one-year work permit, issued at the southern border offices." },
    },
    createdDay: -240,
    status: "IN_PROGRESS",
    inclusion: "CONSULTED",
    inclusionEvidence: "Dos mesas de consulta con albergues de Tapachula antes de publicar los lineamientos.",
    milestones: [
      { label: "Lineamientos publicados", language: "es", planned: -220, done: -215 },
      { label: "Oficinas abiertas en Tapachula y Tenosique", language: "es", planned: -150, done: -140 },
      { label: "Evaluación a un año", language: "es", planned: 60 },
    ],
    updates: [
      { day: -200, language: "es", body: "Se publicaron los lineamientos y comenzó la recepción de solicitudes.", status: "IN_PROGRESS" },
      { day: -30, language: "es", body: "Se entregaron 18.000 tarjetas; la espera promedio bajó a tres semanas." },
    ],
    assessments: [
      { org: "red-sin-fronteras", language: "es", progress: "IN_PROGRESS", inclusion: "CONSULTED", rightsCentred: "PARTLY", rightsNote: "La tarjeta protege del retorno, pero excluye a quienes ya tienen una orden de salida.", evidence: "Registro de 320 casos acompañados en nuestros albergues." },
      { org: "diaspora-network-for-the-americas", language: "en", progress: "STALLED", inclusion: "INFORMED", rightsCentred: "NO", rightsNote: "Families we support waited more than three months; the card is not renewed.", evidence: "Survey of 85 families in Chiapas." },
    ],
  },
  {
    key: "mx-ventanilla-retornados",
    country: "MX",
    publicBody: "Secretaría de Gobernación",
    objectives: [21],
    texts: { es: { title: "Ventanilla única para personas retornadas", description: "Atención en aeropuertos y puntos de repatriación: identidad, salud y empleo en un solo lugar." } },
    createdDay: -180,
    status: "ANNOUNCED",
    inclusion: "INFORMED",
    milestones: [{ label: "Piloto en el aeropuerto de la Ciudad de México", language: "es", planned: 30 }],
    updates: [{ day: -20, language: "es", body: "Se firmó el convenio con los gobiernos estatales." }],
    assessments: [],
  },
  {
    key: "mx-ninez-albergues",
    country: "MX",
    publicBody: "Sistema Nacional DIF",
    objectives: [7, 13],
    texts: {
      es: { title: "Fin de la detención de niñas, niños y adolescentes", description: "Traslado de la niñez migrante a centros de asistencia social en lugar de estaciones migratorias." },
      pt: { title: "Fim da detenção de crianças e adolescentes", description: "Transferência de crianças migrantes para centros de assistência social em vez de estações migratórias." },
    },
    createdDay: -300,
    status: "COMPLETED",
    inclusion: "INVOLVED",
    inclusionEvidence: "Organizaciones de niñez participaron en el protocolo de atención.",
    milestones: [{ label: "Protocolo de atención publicado", language: "es", planned: -270, done: -260 }],
    updates: [{ day: -60, language: "es", body: "Ninguna niña o niño permanece en estaciones migratorias según el último informe.", status: "COMPLETED" }],
    assessments: [
      { org: "red-sin-fronteras", language: "es", progress: "COMPLETED", inclusion: "INVOLVED", rightsCentred: "YES", rightsNote: "Coincidimos: el protocolo se cumple en los albergues que acompañamos." },
    ],
  },
  {
    key: "sv-remesas-inclusion-financiera",
    country: "SV",
    publicBody: "Banco Central de Reserva",
    objectives: [20],
    texts: { es: { title: "Remesas más baratas e inclusión financiera", description: "Cuentas sin costo para familias receptoras de remesas y comparador público de comisiones." } },
    createdDay: -260,
    status: "IN_PROGRESS",
    inclusion: "NOT_INCLUDED",
    milestones: [{ label: "Comparador de comisiones en línea", language: "es", planned: -120 }],
    // Not updated for more than 90 days: the pages mark it so.
    updates: [{ day: -130, language: "es", body: "Se presentó el comparador a la banca; falta su publicación." }],
    assessments: [
      { org: "centro-de-derechos-el-salvador", language: "es", progress: "STALLED", inclusion: "NOT_INCLUDED", rightsCentred: "PARTLY", rightsNote: "Las comisiones bajaron poco y nadie consultó a las familias.", evidence: "Comparamos las tarifas de cinco remesadoras en tres meses." },
    ],
  },
  {
    key: "sv-atencion-retornados",
    country: "SV",
    publicBody: "Dirección General de Migración y Extranjería",
    objectives: [21, 16],
    texts: {
      es: { title: "Reintegración de personas retornadas", description: "Programa de reinserción laboral y apoyo psicosocial para personas deportadas." },
      en: { title: "Reintegration of returnees", description: "Job placement and psychosocial support for deported people." },
    },
    createdDay: -200,
    status: "IN_PROGRESS",
    inclusion: "CONSULTED",
    milestones: [{ label: "Primeras 500 personas en el programa", language: "es", planned: -40, done: -45 }],
    updates: [{ day: -10, language: "en", body: "Five hundred people joined; a second intake opens next quarter." }],
    assessments: [
      { org: "centro-de-derechos-el-salvador", language: "es", progress: "IN_PROGRESS", inclusion: "CONSULTED", rightsCentred: "YES", rightsNote: "El apoyo psicosocial llega a quienes más lo necesitan." },
      { org: "reseau-caribeen-des-migrants", language: "fr", progress: "IN_PROGRESS", inclusion: "INFORMED", rightsCentred: "PARTLY", rightsNote: "Le programme n’atteint pas les personnes renvoyées depuis le Mexique." },
    ],
  },
  {
    key: "sv-registro-desaparecidos",
    country: "SV",
    publicBody: "Ministerio de Relaciones Exteriores",
    objectives: [8],
    texts: { es: { title: "Registro de personas migrantes desaparecidas", description: "Banco de datos forenses compartido con México y Guatemala." } },
    createdDay: -150,
    status: "ANNOUNCED",
    inclusion: "INFORMED",
    milestones: [{ label: "Convenio trilateral firmado", language: "es", planned: 20 }],
    updates: [{ day: -50, language: "es", body: "Reuniones técnicas con las fiscalías de los tres países." }],
    assessments: [],
  },
  {
    key: "ec-visa-virte",
    country: "EC",
    publicBody: "Ministerio de Relaciones Exteriores y Movilidad Humana",
    objectives: [5, 7],
    texts: {
      es: { title: "Proceso de regularización para personas venezolanas", description: "Visa de residencia temporal de excepción con registro migratorio previo." },
      pt: { title: "Processo de regularização para pessoas venezuelanas", description: "Visto de residência temporária de exceção com registro migratório prévio." },
    },
    createdDay: -320,
    status: "IN_PROGRESS",
    inclusion: "CONSULTED",
    inclusionEvidence: "Consulta pública en línea y reuniones con redes de personas venezolanas.",
    milestones: [
      { label: "Registro migratorio abierto", language: "es", planned: -300, done: -300 },
      { label: "100.000 visas otorgadas", language: "es", planned: -60, done: -20 },
    ],
    updates: [
      { day: -280, language: "es", body: "Abrió el registro en todas las provincias.", status: "IN_PROGRESS" },
      { day: -15, language: "es", body: "Se superaron las 100.000 visas; se amplió el plazo de registro." },
    ],
    assessments: [
      { org: "red-andina-de-movilidad-humana", language: "es", progress: "IN_PROGRESS", inclusion: "CONSULTED", rightsCentred: "PARTLY", rightsNote: "El costo de la visa sigue siendo una barrera para familias numerosas." },
      { org: "rede-cone-sul-migracoes", language: "pt", progress: "IN_PROGRESS", inclusion: "INVOLVED", rightsCentred: "YES", rightsNote: "O processo segue o modelo do Acordo de Residência do Mercosul." },
    ],
  },
  {
    key: "ec-alternativas-detencion",
    country: "EC",
    publicBody: "Ministerio del Interior",
    objectives: [13],
    texts: { en: { title: "Community case management instead of detention", description: "Case workers follow people in the community while their status is decided." } },
    createdDay: -210,
    status: "IN_PROGRESS",
    inclusion: "CO_LED",
    inclusionEvidence: "Co-designed with Red Andina and two shelters in Quito.",
    milestones: [{ label: "Pilot in Quito and Guayaquil", language: "en", planned: -100, done: -90 }],
    updates: [{ day: -25, language: "en", body: "The pilot reached 400 people; none absconded." }],
    assessments: [
      { org: "red-andina-de-movilidad-humana", language: "es", progress: "IN_PROGRESS", inclusion: "CO_LED", rightsCentred: "YES", rightsNote: "Coincidimos: el piloto se diseñó con nosotras y funciona." },
    ],
  },
  {
    key: "ec-salud-frontera-norte",
    country: "EC",
    publicBody: "Ministerio de Salud Pública",
    objectives: [15],
    texts: { es: { title: "Atención de salud en la frontera norte", description: "Brigadas móviles de salud en Tulcán y Lago Agrio sin exigir documentos." } },
    createdDay: -170,
    status: "ANNOUNCED",
    inclusion: "NOT_INCLUDED",
    milestones: [],
    updates: [{ day: -35, language: "es", body: "Se asignó el presupuesto de las brigadas." }],
    assessments: [],
  },
  {
    key: "hn-proteccion-desplazados",
    country: "HN",
    publicBody: "Secretaría de Derechos Humanos",
    objectives: [2],
    texts: {
      es: { title: "Ley de protección de personas desplazadas internamente", description: "Reglamento y fondo para atender a personas desplazadas por violencia." },
      fr: { title: "Loi sur la protection des personnes déplacées internes", description: "Règlement et fonds pour les personnes déplacées par la violence." },
    },
    createdDay: -330,
    // Stalled: the update says why.
    status: "STALLED",
    inclusion: "CONSULTED",
    milestones: [
      { label: "Reglamento aprobado", language: "es", planned: -200 },
      { label: "Fondo con presupuesto", language: "es", planned: -100 },
    ],
    updates: [
      { day: -250, language: "es", body: "El reglamento pasó a consulta interinstitucional.", status: "IN_PROGRESS" },
      { day: -45, language: "es", body: "El reglamento no se aprobó en el plazo previsto; el fondo no tiene presupuesto.", status: "STALLED" },
    ],
    assessments: [
      { org: "mujeres-migrantes-de-honduras", language: "es", progress: "STALLED", inclusion: "INFORMED", rightsCentred: "NO", rightsNote: "Sin fondo no hay protección: las familias desplazadas siguen sin apoyo.", evidence: "Acompañamos a 60 familias desplazadas en San Pedro Sula." },
    ],
  },
  {
    key: "hn-mujeres-retornadas",
    country: "HN",
    publicBody: "Secretaría de la Mujer",
    objectives: [21, 16],
    texts: { es: { title: "Centros de atención a mujeres retornadas", description: "Atención psicosocial, legal y de empleo para mujeres deportadas." } },
    createdDay: -190,
    status: "IN_PROGRESS",
    inclusion: "INVOLVED",
    milestones: [{ label: "Centro en San Pedro Sula", language: "es", planned: -90, done: -80 }],
    updates: [{ day: -12, language: "es", body: "Abrió el segundo centro, en Tegucigalpa." }],
    assessments: [
      { org: "mujeres-migrantes-de-honduras", language: "es", progress: "IN_PROGRESS", inclusion: "INVOLVED", rightsCentred: "YES", rightsNote: "Participamos en el diseño de los centros y en su seguimiento." },
      { org: "red-sin-fronteras", language: "es", progress: "ANNOUNCED", inclusion: "INFORMED", rightsCentred: "PARTLY", rightsNote: "Fuera de las dos ciudades el servicio aún no existe." },
    ],
  },
  {
    key: "hn-documentacion-consular",
    country: "HN",
    publicBody: "Secretaría de Relaciones Exteriores",
    objectives: [4],
    texts: { en: { title: "Consular documents for Hondurans abroad", description: "Mobile consulates issuing identity cards and passports in the United States." } },
    createdDay: -140,
    status: "IN_PROGRESS",
    inclusion: "INFORMED",
    milestones: [{ label: "Mobile consulate in Houston", language: "en", planned: -60, done: -58 }],
    updates: [{ day: -8, language: "en", body: "Mobile consulates visited six cities." }],
    assessments: [
      { org: "diaspora-network-for-the-americas", language: "en", progress: "IN_PROGRESS", inclusion: "INFORMED", rightsCentred: "YES", rightsNote: "We agree: people got documents without travelling far." },
    ],
  },
];

/** A pending suggestion (El Salvador) and a declined one (Mexico), with who sent them. */
export const DEMO_SUGGESTIONS = [
  {
    key: "sv-becas-hijos-migrantes",
    org: "centro-de-derechos-el-salvador",
    author: "salvadorAdmin",
    country: "SV",
    language: "es" as Locale,
    title: "Becas para hijas e hijos de personas migrantes",
    description: "El Ministerio de Educación anunció becas para estudiantes cuyos padres migraron. (Ejemplo ilustrativo de la demostración.)",
    publicBody: "Ministerio de Educación",
    sourceUrl: "https://noticias.example/becas",
    day: -5,
  },
  {
    key: "mx-ventanilla-duplicada",
    org: "red-sin-fronteras",
    author: "orgAdmin",
    country: "MX",
    language: "es" as Locale,
    title: "Oficina de atención a personas deportadas",
    description: "Atención a personas deportadas en los puntos de repatriación. (Ejemplo ilustrativo de la demostración.)",
    publicBody: "Secretaría de Gobernación",
    sourceUrl: "https://noticias.example/oficina",
    day: -40,
    declined: "Ya está listada como «Ventanilla única para personas retornadas».",
  },
];

export type DemoRecommendation = {
  /** The final report's paragraph it is (prisma/seed/demo-final-report.ts). */
  block: FinalBlock;
  addressee: Addressee;
  objectives: number[];
  /** A title in English beside the Spanish one taken from the paragraph. */
  englishTitle: string;
  /** Days after "now" (negative) it was marked. */
  markedDay: number;
  status: CommitmentStatus;
  inclusion: InclusionLevel;
  inclusionEvidence?: string;
  updates: DemoUpdate[];
  assessments: DemoAssessment[];
};

/**
 * The previous review's recommendations, followed up: one progressing with agreeing and
 * disagreeing assessments, one stalled, one completed, one without an update for more than 90
 * days, and one addressed to everyone. Illustrative, like the final report they come from.
 */
export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  {
    block: "regularization",
    addressee: "STATES",
    objectives: [5, 7],
    englishTitle: "Affordable, fast regularization without impossible documents",
    markedDay: -390,
    status: "IN_PROGRESS",
    inclusion: "CONSULTED",
    inclusionEvidence: "La secretaría consultó a las redes regionales antes de fijar los indicadores de seguimiento.",
    updates: [
      { day: -300, language: "es", body: "Tres Estados redujeron el costo de sus trámites de regularización; dos eliminaron el requisito de antecedentes penales apostillados.", status: "IN_PROGRESS" },
      { day: -40, language: "en", body: "Five States now offer regularization online; average processing time fell from 9 to 4 months." },
    ],
    assessments: [
      { org: "rede-cone-sul-migracoes", language: "pt", progress: "IN_PROGRESS", inclusion: "CONSULTED", rightsCentred: "PARTLY", rightsNote: "Os custos caíram, mas quem chegou depois de 2023 continua excluído dos programas.", evidence: "Acompanhamento de 140 pedidos em São Paulo e Buenos Aires." },
      { org: "red-andina-de-movilidad-humana", language: "es", progress: "STALLED", inclusion: "INFORMED", rightsCentred: "NO", rightsNote: "En la región andina los trámites siguen costando más de un salario mínimo.", evidence: "Encuesta a 300 familias en Quito, Lima y Bogotá." },
    ],
  },
  {
    block: "detention",
    addressee: "STATES",
    objectives: [13],
    englishTitle: "End the immigration detention of children and families",
    markedDay: -390,
    status: "STALLED",
    inclusion: "INFORMED",
    updates: [
      { day: -280, language: "es", body: "Dos Estados aprobaron protocolos de alternativas a la detención para familias.", status: "IN_PROGRESS" },
      { day: -60, language: "es", body: "Los protocolos no se aplican por falta de presupuesto; la detención de familias continúa en la frontera norte.", status: "STALLED" },
    ],
    assessments: [
      { org: "red-sin-fronteras", language: "es", progress: "STALLED", inclusion: "INFORMED", rightsCentred: "NO", rightsNote: "Seguimos documentando niñas y niños detenidos en estaciones migratorias.", evidence: "42 casos documentados en el último semestre." },
    ],
  },
  {
    block: "data",
    addressee: "IOM",
    objectives: [1],
    englishTitle: "Disaggregated, open migration data with safeguards",
    markedDay: -390,
    status: "COMPLETED",
    inclusion: "INVOLVED",
    inclusionEvidence: "Dos redes de la sociedad civil integraron el grupo técnico que definió las variables.",
    updates: [{ day: -25, language: "en", body: "The regional data portal went live with quarterly, disaggregated figures for twelve countries.", status: "COMPLETED" }],
    assessments: [
      { org: "diaspora-network-for-the-americas", language: "en", progress: "COMPLETED", inclusion: "INVOLVED", rightsCentred: "YES", rightsNote: "We agree: the portal publishes what we asked for and no personal data." },
    ],
  },
  {
    block: "development",
    addressee: "ECLAC",
    objectives: [19, 20],
    englishTitle: "Measure migrants' contribution to development, diaspora included",
    markedDay: -390,
    // Marked, announced, and nothing since: the page says it has not been updated for 90 days.
    status: "ANNOUNCED",
    inclusion: "NOT_INCLUDED",
    updates: [{ day: -200, language: "es", body: "La CEPAL anunció un estudio regional sobre remesas y desarrollo para el próximo año." }],
    assessments: [],
  },
  {
    block: "participation",
    addressee: "ALL",
    objectives: [23],
    englishTitle: "Civil society, migrants and the diaspora in the follow-up",
    markedDay: -390,
    status: "IN_PROGRESS",
    inclusion: "CO_LED",
    inclusionEvidence: "El Comité de la Sociedad Civil copreside el seguimiento de la revisión en Puente.",
    updates: [{ day: -10, language: "es", body: "El seguimiento de cada recomendación se publica en Puente, con la valoración de la sociedad civil." }],
    assessments: [
      { org: "reseau-caribeen-des-migrants", language: "fr", progress: "IN_PROGRESS", inclusion: "INVOLVED", rightsCentred: "PARTLY", rightsNote: "Le suivi est public, mais les organisations haïtiennes de la diaspora n'y participent pas encore.", evidence: "Compte rendu de la réunion du Comité." },
    ],
  },
];
