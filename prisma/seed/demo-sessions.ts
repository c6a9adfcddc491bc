// Demo review sessions: one in each state of the lifecycle, with nominations, endorsements,
// speakers, registrations, the proposals meant for them and the audit rows the commands would
// have written. Times are relative to "now", so the demo stays alive: the open session is
// always open, the confirmed one always about to start, the past one always past.
import { auditRow, type AuditInput } from "../../lib/audit/record";
import { createHash, randomUUID } from "node:crypto";
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { AccessNeed, Gender, Locale, NominationStatus, SessionFormat, SessionStatus, SpeakerRole } from "../../lib/generated/prisma/enums";
import { hashInvitationToken, newInvitationToken } from "../../lib/organizations/tokens";

type Tx = Prisma.TransactionClient;
type LocalizedText = Partial<Record<Locale, string>>;

/** What the seed knows about the demo people and organizations (from demo.ts). */
export type SessionSeedContext = {
  people: Record<string, { id: string; name: string; email: string }>;
  organizations: Record<string, { id: string; name: string; country: string }>;
  /** Demo proposals by title. */
  proposals: Map<string, string>;
  now: number;
};

/**
 * Titles that stay the same in every demo database, so tests and guides can find the sessions
 * (the ids are random): e.g. the e2e test opens /es/sessions and follows DEMO_SESSION_TITLES.open.es.
 */
export const DEMO_SESSION_TITLES = {
  past: {
    es: "Primera sesión de revisión: datos, información y vías regulares",
    en: "First review session: data, information and regular pathways",
    pt: "Primeira sessão de revisão: dados, informação e vias regulares",
    fr: "Première session d’examen : données, information et voies régulières",
  },
  confirmed: {
    es: "Niñez y adolescencia en movimiento: protección en tránsito y en el retorno",
    en: "Children and adolescents on the move: protection in transit and on return",
    fr: "Enfants et adolescents en mouvement : protection en transit et au retour",
  },
  open: {
    es: "Integración y regularización: acceso a derechos en los países de acogida",
    en: "Integration and regularization: access to rights in host countries",
    pt: "Integração e regularização: acesso a direitos nos países de acolhida",
    fr: "Intégration et régularisation : l’accès aux droits dans les pays d’accueil",
  },
  draft: {
    es: "Movilidad humana, desastres y cambio climático en el Caribe y Centroamérica",
  },
} as const satisfies Record<string, LocalizedText>;

/**
 * The nominee of the open session who belongs to a committee member's organization: Carlos
 * Quishpe (Red Andina de Movilidad Humana) is recused from it, and the committee page says why.
 */
export const DEMO_RECUSAL = {
  nomineeName: "Sofía Paredes",
  nomineeEmail: "sofia@redandina.example",
  recusedMemberEmail: "carlos@redandina.example",
  organizationSlug: "red-andina-de-movilidad-humana",
} as const;

/** A declined nomination of the open session: its email and gender must never reach a public page. */
export const DEMO_PRIVATE_NOMINEE = {
  name: "Gabriela Núñez",
  email: "gabriela.nunez@puentesdelsur.example",
  gender: "WOMAN",
} as const;

type DemoNomination = {
  role: SpeakerRole;
  status: NominationStatus;
  /** A member of a verified demo organization (user key + organization slug)… */
  user?: string;
  org?: string;
  /** …or someone without an account. */
  external?: { name: string; email: string; organizationName: string; country: string };
  gender?: Gender;
  /** The nominee's own words; kept only with ANOTHER, as the command does. */
  genderDescription?: string;
  languages: Locale[];
  rationale: string;
  nominatedBy: string;
  /** Days from now when the nomination was made (negative: in the past). */
  day: number;
  /** When the nominee answered (accepted or declined). */
  respondedDay?: number;
  bio?: string;
  hide?: { name?: boolean; organization?: boolean; bio?: boolean };
  /** One member (chair mode) or two (the votes of two members) selected it. */
  selection?: { by: string[]; rationale: string; day: number };
  endorsedBy?: string[];
  /** "Do not nominate me again for this session." */
  optOut?: boolean;
};

// Only people of verified organizations opt in to the participant list in the demo (it shows
// their organization's name, and pending organizations are not public).
type DemoRegistration = { user: string; language: Locale; needs?: AccessNeed[]; note?: string; listed?: boolean; day: number };

type DemoSession = {
  title: LocalizedText;
  description: LocalizedText;
  /** Start: a day relative to now and a local time in the session's zone. */
  startDay: number;
  startTime: string;
  hours: number;
  timeZone: string;
  format: SessionFormat;
  place?: string;
  link?: string;
  workingLanguages: Locale[];
  interpretation: Locale[];
  objectives: number[];
  seats: { panelist: number; rapporteur: number; moderator: number };
  status: SessionStatus;
  deadline?: { day: number; time: string };
  createdDay: number;
  openedDay?: number;
  confirmedDay?: number;
  /** A public change of details after opening. */
  updatedDay?: number;
  reportDay?: number;
  summary?: string;
  nominations: DemoNomination[];
  registrations: DemoRegistration[];
  /** Titles of demo proposals meant for it. */
  proposals: string[];
};

const PAST_SUMMARY = `## Mensajes principales

La primera sesión regional de revisión reunió a 86 organizaciones de 19 países, además de la diáspora en los Estados Unidos, Canadá y España. Las intervenciones coincidieron en que **sin datos confiables y sin información clara no hay vías regulares que funcionen** (objetivos 1, 3 y 5 del Pacto Mundial).

## Datos para políticas basadas en evidencia (objetivo 1)

- Los países de la región publican cifras de detención migratoria de forma irregular y casi nunca desagregadas por edad, género y nacionalidad.
- Las organizaciones pidieron que los datos sean abiertos, trimestrales y que protejan la identidad de las personas.
- La academia ofreció apoyo técnico para armonizar encuestas de hogares y registros administrativos.

## Información en todas las etapas de la migración (objetivo 3)

- La información oficial llega tarde y en un solo idioma. Se pidió publicarla también en portugués, francés, inglés y criollo haitiano, y en lenguas indígenas en las rutas de Centroamérica.
- Las casas del migrante y los albergues ya funcionan como puntos de información; deben ser reconocidos y contar con materiales verificados.

## Vías regulares (objetivo 5)

- Se reconocieron avances en la regularización de personas venezolanas y en el Acuerdo de Residencia del Mercosur, pero los costos y los requisitos de antecedentes penales apostillados siguen excluyendo a muchas familias.
- Se propuso extender visas humanitarias para personas desplazadas por desastres en el Caribe.

## Recomendaciones al informe regional

1. Publicar datos trimestrales desagregados sobre detención migratoria, en formato abierto.
2. Crear portales y líneas de información multilingües, actualizados cada mes, con participación de la sociedad civil.
3. Eliminar o reducir las tasas de regularización para personas en situación de vulnerabilidad.
4. Incluir a las organizaciones de personas migrantes y de la diáspora en el seguimiento de estas recomendaciones.

*Relatoría preparada por el relator de la sesión y revisada por la secretaría OIM/CEPAL.*`;

const SESSIONS: Record<keyof typeof DEMO_SESSION_TITLES, DemoSession> = {
  past: {
    title: DEMO_SESSION_TITLES.past,
    description: {
      es: "Sesión híbrida en la sede de la CEPAL sobre la producción de datos migratorios, el acceso a información confiable y las vías de migración regular (objetivos 1, 3 y 5 del Pacto Mundial).",
      en: "A hybrid session at ECLAC headquarters on migration data, access to reliable information and regular migration pathways (Global Compact objectives 1, 3 and 5).",
      pt: "Sessão híbrida na sede da CEPAL sobre dados migratórios, acesso a informação confiável e vias de migração regular (objetivos 1, 3 e 5 do Pacto Global).",
      fr: "Session hybride au siège de la CEPALC sur les données migratoires, l’accès à une information fiable et les voies de migration régulière (objectifs 1, 3 et 5 du Pacte mondial).",
    },
    startDay: -75,
    startTime: "10:00",
    hours: 4,
    timeZone: "America/Santiago",
    format: "HYBRID",
    place: "Sede de la CEPAL, Av. Dag Hammarskjöld 3477, Vitacura, Santiago de Chile",
    link: "https://reuniones.example/puente/primera-sesion",
    workingLanguages: ["es", "en", "pt", "fr"],
    interpretation: ["es", "en", "pt", "fr"],
    objectives: [1, 3, 5],
    seats: { panelist: 3, rapporteur: 1, moderator: 1 },
    status: "REPORT_PUBLISHED",
    deadline: { day: -95, time: "23:59" },
    createdDay: -130,
    openedDay: -120,
    confirmedDay: -90,
    reportDay: -68,
    summary: PAST_SUMMARY,
    nominations: [
      {
        role: "PANELIST",
        status: "SELECTED",
        user: "hondurasAdmin",
        org: "mujeres-migrantes-de-honduras",
        gender: "WOMAN",
        languages: ["es"],
        rationale: "Voz de las mujeres retornadas y de las familias de personas desaparecidas de Honduras.",
        nominatedBy: "committeeEc",
        day: -115,
        respondedDay: -110,
        bio: "Fundadora del Colectivo de Mujeres Migrantes de Honduras. Desde 2012 acompaña a mujeres retornadas en San Pedro Sula y coordina una red de familias que buscan a sus seres queridos desaparecidos en la ruta.",
        selection: { by: ["chair"], rationale: "Aporta la experiencia directa de mujeres retornadas sobre la falta de información en la ruta y al volver.", day: -93 },
        endorsedBy: ["committeeBr", "committeeHt"],
      },
      {
        role: "PANELIST",
        status: "SELECTED",
        user: "academiaAdmin",
        org: "instituto-de-estudios-migratorios",
        gender: "WOMAN",
        languages: ["es", "en"],
        rationale: "Coordina el observatorio de datos sobre movilidad humana más citado de la región andina.",
        nominatedBy: "committeeEc",
        day: -114,
        respondedDay: -108,
        bio: "Investigadora del Instituto de Estudios Migratorios de Colombia. Coordina el observatorio de datos sobre movilidad humana y la encuesta de integración de personas venezolanas en Colombia.",
        selection: { by: ["chair"], rationale: "Experiencia técnica en datos desagregados, central para el objetivo 1.", day: -93 },
        endorsedBy: ["chair", "committeeUs"],
      },
      {
        role: "PANELIST",
        status: "SELECTED",
        external: {
          name: "Marc-Édouard Pierre",
          email: "me.pierre@familles-nord-ouest.example",
          organizationName: "Comité des familles de migrants du Nord-Ouest",
          country: "HT",
        },
        gender: "MAN",
        languages: ["fr", "es"],
        rationale: "Trabaja con familias haitianas repatriadas en la frontera noroeste; aporta la perspectiva del Caribe francófono.",
        nominatedBy: "committeeHt",
        day: -112,
        respondedDay: -104,
        bio: "Travaille depuis quinze ans avec les familles de migrants haïtiens rapatriés ; coordonne un réseau d’accueil à Port-de-Paix.",
        hide: { name: true },
        selection: { by: ["chair"], rationale: "Aporta la perspectiva de las familias haitianas repatriadas y del Caribe francófono.", day: -92 },
        endorsedBy: ["chair", "committeeUs"],
      },
      {
        role: "RAPPORTEUR",
        status: "SELECTED",
        user: "salvadorAdmin",
        org: "centro-de-derechos-el-salvador",
        gender: "MAN",
        languages: ["es", "en"],
        rationale: "Abogado con experiencia en litigio sobre detención migratoria; escribe con claridad para públicos diversos.",
        nominatedBy: "chair",
        day: -113,
        respondedDay: -109,
        bio: "Abogado del Centro de Derechos Humanos de las Personas Migrantes. Litiga casos de detención migratoria y acompaña a familias de personas migrantes desaparecidas.",
        selection: { by: ["chair"], rationale: "Experiencia en la documentación de casos y en la redacción de informes de incidencia.", day: -92 },
        endorsedBy: ["committeeBr", "committeeEc"],
      },
      {
        role: "MODERATOR",
        status: "SELECTED",
        external: {
          name: "Valentina Rojas Morales",
          email: "valentina.rojas@observatorio-movilidad.example",
          organizationName: "Observatorio Ciudadano de Movilidad Humana",
          country: "CL",
        },
        gender: "WOMAN",
        languages: ["es", "en", "pt"],
        rationale: "Periodista con experiencia moderando diálogos entre gobiernos y sociedad civil en el Cono Sur.",
        nominatedBy: "committeeBr",
        day: -111,
        respondedDay: -106,
        bio: "Periodista y facilitadora de diálogos multiactor sobre migración en el Cono Sur.",
        selection: { by: ["chair"], rationale: "Modera en tres idiomas y conoce a los actores del Cono Sur.", day: -92 },
        endorsedBy: ["chair", "committeeEc", "committeeHt"],
      },
      {
        role: "PANELIST",
        status: "NOT_SELECTED",
        external: {
          name: "Diego Fernández",
          email: "diego.fernandez@migrantesenaccion.example",
          organizationName: "Asociación Civil Migrantes en Acción",
          country: "AR",
        },
        gender: "MAN",
        languages: ["es"],
        rationale: "Experiencia en regularización migratoria en Argentina.",
        nominatedBy: "committeeBr",
        day: -110,
        respondedDay: -103,
        bio: "Coordinador de la Asociación Civil Migrantes en Acción en Buenos Aires.",
        endorsedBy: ["committeeEc"],
      },
    ],
    registrations: [
      { user: "participant", language: "es", listed: true, day: -100 },
      { user: "committeeHt", language: "fr", needs: ["INTERPRETATION"], listed: true, day: -99 },
      { user: "orgAdmin", language: "es", listed: true, day: -98 },
      { user: "roraimaAdmin", language: "pt", needs: ["INTERPRETATION"], listed: false, day: -97 },
      { user: "jamaicaAdmin", language: "en", needs: ["INTERPRETATION", "CAPTIONS"], listed: false, day: -96 },
    ],
    proposals: ["Datos desagregados sobre personas migrantes detenidas", "Información clara y oportuna en todas las etapas de la migración"],
  },

  confirmed: {
    title: DEMO_SESSION_TITLES.confirmed,
    description: {
      es: "Sesión virtual sobre la protección de niñas, niños y adolescentes migrantes: identificación en las fronteras, alternativas a la detención, acceso a la identidad y retorno seguro (objetivos 7, 10, 12, 13 y 21).",
      en: "A virtual session on the protection of migrant children and adolescents: identification at borders, alternatives to detention, legal identity and safe return (objectives 7, 10, 12, 13 and 21).",
      fr: "Session virtuelle sur la protection des enfants et adolescents migrants : identification aux frontières, alternatives à la détention, accès à l’identité et retour sûr (objectifs 7, 10, 12, 13 et 21).",
    },
    startDay: 12,
    startTime: "09:00",
    hours: 3,
    timeZone: "America/Mexico_City",
    format: "VIRTUAL",
    link: "https://reuniones.example/puente/ninez-en-movimiento",
    workingLanguages: ["es", "en", "fr"],
    interpretation: ["en", "fr"],
    objectives: [7, 10, 12, 13, 21],
    seats: { panelist: 3, rapporteur: 1, moderator: 1 },
    status: "SPEAKERS_CONFIRMED",
    deadline: { day: -10, time: "23:59" },
    createdDay: -50,
    openedDay: -45,
    confirmedDay: -6,
    updatedDay: -3,
    nominations: [
      {
        role: "PANELIST",
        status: "SELECTED",
        user: "orgAdmin",
        org: "red-sin-fronteras",
        gender: "WOMAN",
        languages: ["es", "en"],
        rationale: "Coordina albergues para niñas, niños y adolescentes no acompañados en el sur de México.",
        nominatedBy: "committeeUs",
        day: -40,
        respondedDay: -37,
        bio: "Coordinadora de la Red Regional Sin Fronteras. Coordina albergues de puertas abiertas para niñas, niños y adolescentes no acompañados en Tapachula y Tenosique.",
        // The chair is recused (same organization): two members selected her together.
        selection: {
          by: ["committeeBr", "committeeEc"],
          rationale: "Diez años de trabajo directo con niñez no acompañada en la frontera sur de México.",
          day: -8,
        },
        endorsedBy: ["committeeHt", "committeeBr"],
      },
      {
        role: "PANELIST",
        status: "SELECTED",
        external: {
          name: "Jean-Robert Dorval",
          email: "jr.dorval@timoun-lakay.example",
          organizationName: "Kolektif Timoun Lakay",
          country: "HT",
        },
        gender: "MAN",
        languages: ["fr", "es"],
        rationale: "Acompaña el retorno de niñas y niños haitianos desde República Dominicana.",
        nominatedBy: "committeeHt",
        day: -38,
        respondedDay: -33,
        bio: "Éducateur et cofondateur du Kolektif Timoun Lakay, qui accompagne le retour et la réintégration scolaire des enfants haïtiens rapatriés de République dominicaine.",
        selection: { by: ["chair"], rationale: "Conoce el retorno de niñez haitiana y la reintegración escolar.", day: -8 },
        endorsedBy: ["chair", "committeeEc"],
      },
      {
        role: "PANELIST",
        status: "SELECTED",
        external: {
          name: "Camila Duarte Ferreira",
          email: "camila.duarte@nucleo-criancas.example",
          organizationName: "Núcleo de Apoio a Crianças Migrantes",
          country: "BR",
        },
        gender: "WOMAN",
        languages: ["pt", "es"],
        rationale: "Psicóloga especializada en niñez venezolana en Roraima.",
        nominatedBy: "committeeBr",
        day: -36,
        respondedDay: -30,
        bio: "Psicóloga. Atende crianças e adolescentes venezuelanos que chegam sozinhos a Pacaraima e Boa Vista.",
        hide: { organization: true },
        selection: { by: ["chair"], rationale: "Aporta la atención psicosocial a niñez no acompañada en Brasil.", day: -7 },
        endorsedBy: ["chair", "committeeHt"],
      },
      {
        role: "RAPPORTEUR",
        status: "SELECTED",
        external: {
          name: "Daniela Ortiz Cux",
          email: "daniela.ortiz@defensoria-ninez.example",
          organizationName: "Red de Defensoría de la Niñez en Movilidad",
          country: "GT",
        },
        gender: "WOMAN",
        languages: ["es"],
        rationale: "Abogada maya k'iche' con experiencia en representación legal de niñez migrante.",
        nominatedBy: "committeeEc",
        day: -35,
        respondedDay: -31,
        bio: "Abogada maya k'iche'. Representa a niñas, niños y adolescentes retornados desde México y los Estados Unidos en Quetzaltenango.",
        selection: { by: ["chair"], rationale: "Experiencia legal y perspectiva de los pueblos indígenas.", day: -7 },
        endorsedBy: ["chair", "committeeUs"],
      },
      {
        role: "MODERATOR",
        status: "SELECTED",
        external: {
          name: "Michael Thompson",
          email: "m.thompson@childrights-caribbean.example",
          organizationName: "Caribbean Child Rights Forum",
          country: "JM",
        },
        gender: "MAN",
        languages: ["en"],
        rationale: "Modera foros regionales sobre derechos de la niñez en el Caribe anglófono.",
        nominatedBy: "committeeUs",
        day: -34,
        respondedDay: -29,
        bio: "Chairs the Caribbean Child Rights Forum.",
        hide: { bio: true },
        selection: { by: ["chair"], rationale: "Acerca la sesión al Caribe anglófono.", day: -7 },
        endorsedBy: ["committeeHt"],
      },
      {
        role: "PANELIST",
        status: "NOT_SELECTED",
        external: {
          name: "Héctor Salinas",
          email: "hector.salinas@casahogar-frontera.example",
          organizationName: "Casa Hogar Frontera Sur",
          country: "MX",
        },
        gender: "MAN",
        languages: ["es"],
        rationale: "Director de una casa hogar en la frontera sur.",
        nominatedBy: "committeeUs",
        day: -33,
        respondedDay: -27,
        bio: "Director de la Casa Hogar Frontera Sur en Tapachula.",
      },
      {
        role: "MODERATOR",
        status: "EXPIRED",
        external: {
          name: "Lucía Benítez",
          email: "lucia.benitez@ninez-paraguay.example",
          organizationName: "Coordinadora por los Derechos de la Niñez",
          country: "PY",
        },
        languages: ["es"],
        rationale: "Experiencia en moderación de consultas con adolescentes.",
        nominatedBy: "committeeBr",
        day: -32,
      },
    ],
    registrations: [
      { user: "participant", language: "es", listed: true, day: -20 },
      { user: "hondurasAdmin", language: "es", needs: ["CAPTIONS"], listed: true, day: -19 },
      { user: "montrealAdmin", language: "fr", needs: ["INTERPRETATION"], listed: false, day: -18 },
      {
        user: "caminosAdmin",
        language: "es",
        needs: ["OTHER"],
        note: "Uso un lector de pantalla: necesito los documentos de la sesión con antelación y en formato accesible.",
        listed: false,
        day: -15,
      },
      { user: "jamaicaAdmin", language: "en", needs: ["INTERPRETATION", "CAPTIONS"], listed: false, day: -12 },
      { user: "roraimaAdmin", language: "pt", needs: ["INTERPRETATION", "SIGN_LANGUAGE"], listed: false, day: -11 },
      { user: "committeeHt", language: "fr", needs: ["INTERPRETATION"], listed: true, day: -9 },
      { user: "academiaAdmin", language: "es", listed: true, day: -5 },
    ],
    proposals: [
      "Protocolo regional de atención a niñas, niños y adolescentes no acompañados en tránsito",
      "Alternativas a la detención migratoria basadas en la comunidad",
      "Accès à l'état civil pour les enfants nés de parents migrants",
      "Prevención de la trata de mujeres y niñas en las rutas migratorias",
      "Accueil des personnes migrantes haïtiennes à la frontière nord du Mexique",
      "Reintegración con enfoque de género para mujeres retornadas",
    ],
  },

  open: {
    title: DEMO_SESSION_TITLES.open,
    description: {
      es: "Sesión híbrida en Ciudad de Panamá sobre regularización, acceso a salud, educación y trabajo decente, reconocimiento de títulos e inclusión social de las personas migrantes (objetivos 5, 6, 15, 16 y 18). Las nominaciones están abiertas.",
      en: "A hybrid session in Panama City on regularization, access to health, education and decent work, recognition of qualifications and the social inclusion of migrants (objectives 5, 6, 15, 16 and 18). Nominations are open.",
      pt: "Sessão híbrida na Cidade do Panamá sobre regularização, acesso a saúde, educação e trabalho decente, reconhecimento de diplomas e inclusão social das pessoas migrantes (objetivos 5, 6, 15, 16 e 18). As indicações estão abertas.",
      fr: "Session hybride à Panama sur la régularisation, l’accès à la santé, à l’éducation et au travail décent, la reconnaissance des diplômes et l’inclusion sociale des personnes migrantes (objectifs 5, 6, 15, 16 et 18). Les nominations sont ouvertes.",
    },
    startDay: 42,
    startTime: "10:00",
    hours: 5,
    timeZone: "America/Panama",
    format: "HYBRID",
    place: "Ciudad del Saber, Ciudad de Panamá",
    link: "https://reuniones.example/puente/integracion-y-regularizacion",
    workingLanguages: ["es", "en", "pt", "fr"],
    interpretation: ["en", "pt", "fr"],
    objectives: [5, 6, 15, 16, 18],
    seats: { panelist: 3, rapporteur: 1, moderator: 1 },
    status: "OPEN_FOR_NOMINATIONS",
    deadline: { day: 21, time: "23:59" },
    createdDay: -12,
    openedDay: -10,
    nominations: [
      {
        role: "PANELIST",
        status: "PROPOSED",
        external: {
          name: "Luis Fernando Ayala",
          email: "lf.ayala@trabajadores-agricolas.example",
          organizationName: "Asociación de Trabajadores Agrícolas Migrantes",
          country: "GT",
        },
        languages: ["es", "en"],
        rationale: "Organiza a trabajadores agrícolas temporales guatemaltecos en México y Canadá; conoce de cerca el reclutamiento abusivo.",
        nominatedBy: "committeeUs",
        day: -2,
        endorsedBy: ["committeeBr"],
      },
      {
        role: "PANELIST",
        status: "INVITED",
        external: {
          name: "Patrícia Mendes",
          email: "patricia.mendes@amazonia-sem-fronteiras.example",
          organizationName: "Coletivo Amazônia Sem Fronteiras",
          country: "BR",
        },
        gender: "ANOTHER",
        genderDescription: "gênero fluido",
        languages: ["pt", "es"],
        rationale: "Lidera la acogida de personas venezolanas e indígenas warao en Manaos; experiencia en acceso a salud y escuela.",
        nominatedBy: "committeeBr",
        day: -5,
        endorsedBy: ["committeeHt"],
      },
      {
        role: "PANELIST",
        status: "ACCEPTED",
        user: "academiaAdmin",
        org: "instituto-de-estudios-migratorios",
        gender: "WOMAN",
        languages: ["es", "en"],
        rationale: "Sus estudios sobre el aporte económico de la población venezolana en Colombia son la mejor evidencia disponible sobre integración.",
        nominatedBy: "committeeEc",
        day: -9,
        respondedDay: -7,
        bio: "Investigadora del Instituto de Estudios Migratorios de Colombia. Estudia la integración laboral de personas venezolanas y el efecto de la regularización en sus ingresos.",
        endorsedBy: ["chair", "committeeUs"],
      },
      {
        // A member of Carlos Quishpe's organization: he is recused from this one.
        role: "PANELIST",
        status: "ACCEPTED",
        user: "sofia",
        org: "red-andina-de-movilidad-humana",
        gender: "WOMAN",
        languages: ["es"],
        rationale: "Coordina el programa de regularización y acceso a servicios de la Red Andina en Quito y Lima.",
        nominatedBy: "chair",
        day: -8,
        respondedDay: -6,
        bio: "Trabajadora social. Coordina el programa de orientación para la regularización y el acceso a salud y educación de la Red Andina de Movilidad Humana en Quito y Lima.",
        endorsedBy: ["committeeBr", "committeeHt"],
      },
      {
        role: "RAPPORTEUR",
        status: "ACCEPTED",
        external: {
          name: "Wilson Ochoa",
          email: "wilson.ochoa@asociaciones-ecuatorianas.example",
          organizationName: "Federación de Asociaciones Ecuatorianas en España",
          country: "ES",
        },
        gender: "MAN",
        languages: ["es"],
        rationale: "Aporta la mirada de la diáspora sobre el reconocimiento de títulos y la portabilidad de derechos.",
        nominatedBy: "committeeUs",
        day: -8,
        respondedDay: -4,
        bio: "Ingeniero y dirigente asociativo en Madrid. Impulsa acuerdos de reconocimiento de títulos entre Ecuador y España.",
        endorsedBy: ["committeeEc"],
      },
      {
        role: "PANELIST",
        status: "DECLINED",
        external: {
          name: DEMO_PRIVATE_NOMINEE.name,
          email: DEMO_PRIVATE_NOMINEE.email,
          organizationName: "Fundación Puentes del Sur",
          country: "AR",
        },
        gender: DEMO_PRIVATE_NOMINEE.gender,
        languages: ["es", "pt"],
        rationale: "Experiencia en inserción laboral de personas migrantes en Buenos Aires.",
        nominatedBy: "committeeBr",
        day: -7,
        respondedDay: -5,
        optOut: true,
      },
      {
        role: "MODERATOR",
        status: "SELECTED",
        external: {
          name: "Juana Xoc",
          email: "juana.xoc@mujeres-mayas-migrantes.example",
          organizationName: "Asociación de Mujeres Mayas Migrantes",
          country: "GT",
        },
        gender: "WOMAN",
        languages: ["es", "en"],
        rationale: "Moderó los diálogos nacionales sobre integración en Guatemala; aporta la voz de mujeres indígenas migrantes.",
        nominatedBy: "committeeHt",
        day: -9,
        respondedDay: -6,
        bio: "Lideresa maya q'eqchi'. Moderó los diálogos nacionales sobre migración e integración en Guatemala y coordina una red de mujeres indígenas retornadas.",
        selection: {
          by: ["chair"],
          rationale: "Experiencia probada moderando diálogos entre organizaciones de base y autoridades; aporta la voz de mujeres indígenas migrantes.",
          day: -1,
        },
        endorsedBy: ["chair", "committeeEc", "committeeUs"],
      },
    ],
    registrations: [
      { user: "participant", language: "es", listed: false, day: -8 },
      { user: "salvadorAdmin", language: "es", needs: ["SIGN_LANGUAGE"], listed: true, day: -6 },
      { user: "hondurasAdmin", language: "es", needs: ["CAPTIONS"], listed: true, day: -4 },
      { user: "montrealAdmin", language: "fr", needs: ["INTERPRETATION"], listed: false, day: -3 },
    ],
    proposals: [
      "Regularização migratória ampla e permanente no Cone Sul",
      "Reconhecimento de diplomas e competências de pessoas migrantes",
      "Acesso de crianças migrantes à escola sem documentação",
      "Inclusión financiera de personas venezolanas en los países andinos",
      "Combate ao trabalho forçado de migrantes na agricultura",
    ],
  },

  draft: {
    title: DEMO_SESSION_TITLES.draft,
    description: {
      es: "Borrador de la secretaría: sesión sobre personas desplazadas por huracanes, sequías y terremotos, visas humanitarias y planes de reubicación (objetivos 2 y 5).",
    },
    startDay: 100,
    startTime: "10:00",
    hours: 3,
    timeZone: "America/Port-au-Prince",
    format: "VIRTUAL",
    workingLanguages: ["es", "fr", "en"],
    interpretation: ["fr", "en"],
    objectives: [2, 5],
    seats: { panelist: 4, rapporteur: 1, moderator: 1 },
    status: "DRAFT",
    createdDay: -2,
    nominations: [],
    registrations: [],
    proposals: [],
  },
};

/** The extra demo account: a member of a committee member's organization (see DEMO_RECUSAL). */
const EXTRA_PEOPLE = [{ key: "sofia", name: DEMO_RECUSAL.nomineeName, email: DEMO_RECUSAL.nomineeEmail, locale: "es" as Locale, org: DEMO_RECUSAL.organizationSlug }];

const DAY = 86_400_000;
const MINUTE = 60_000;
const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/** Writes the demo sessions inside the demo's transaction. `passwordHash` is the demo password's. */
export async function seedSessions(tx: Tx, ctx: SessionSeedContext, passwordHash: string): Promise<void> {
  const people = { ...ctx.people };
  for (const extra of EXTRA_PEOPLE) {
    const user = await tx.user.create({
      data: {
        name: extra.name,
        email: extra.email,
        passwordHash,
        preferredLocale: extra.locale,
        memberships: { create: [{ organizationId: ctx.organizations[extra.org].id, role: "MEMBER" }] },
      },
    });
    people[extra.key] = { id: user.id, name: user.name, email: user.email };
  }
  const { organizations, now } = ctx;
  const today = (offset: number) => formatInTimeZone(new Date(now + offset * DAY), "UTC", "yyyy-MM-dd");
  /** A local time in `zone` on the day `offset` days from now. */
  const localTime = (offset: number, time: string, zone: string) => fromZonedTime(`${today(offset)}T${time}:00`, zone);
  const at = (offset: number, minutes = 0) => new Date(now + offset * DAY + minutes * MINUTE);

  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  const log = (when: Date, actor: string | null, action: string, entityType: string, entityId: string, isPublic: boolean, data: Prisma.InputJsonObject) =>
    audit.push(auditRow({ actorId: actor ? people[actor].id : null, action, entityType, entityId, isPublic, data } as AuditInput, when));

  for (const session of Object.values(SESSIONS)) {
    const sessionId = randomUUID();
    const startsAt = localTime(session.startDay, session.startTime, session.timeZone);
    const endsAt = new Date(startsAt.getTime() + session.hours * 3_600_000);
    const deadline = session.deadline ? localTime(session.deadline.day, session.deadline.time, session.timeZone) : null;
    const reportAt = session.reportDay !== undefined ? at(session.reportDay) : null;
    const heldAt = new Date(endsAt.getTime() + 60 * MINUTE);
    const statusChangedAt =
      session.status === "REPORT_PUBLISHED"
        ? reportAt
        : session.status === "HELD"
          ? heldAt
          : session.status === "SPEAKERS_CONFIRMED"
            ? at(session.confirmedDay!)
            : session.status === "OPEN_FOR_NOMINATIONS"
              ? at(session.openedDay!)
              : null;
    const summaryFields = session.summary ? { summary: session.summary, summaryLanguage: "es" as Locale } : {};
    await tx.reviewSession.create({
      data: {
        id: sessionId,
        title: session.title,
        description: session.description,
        startsAt,
        endsAt,
        timeZone: session.timeZone,
        format: session.format,
        place: session.place,
        link: session.link,
        workingLanguages: session.workingLanguages,
        interpretation: session.interpretation,
        objectives: session.objectives,
        panelistSeats: session.seats.panelist,
        rapporteurSeats: session.seats.rapporteur,
        moderatorSeats: session.seats.moderator,
        status: session.status,
        nominationDeadline: deadline,
        statusChangedAt,
        createdById: people.staffIom.id,
        createdAt: at(session.createdDay),
        ...summaryFields,
      },
    });

    // The session's own history, as the sessions commands record it.
    const publicData = { sessionId, sessionTitle: session.title };
    log(at(session.createdDay), "staffIom", "session.created", "ReviewSession", sessionId, false, publicData);
    if (session.openedDay !== undefined) {
      log(at(session.openedDay), "staffIom", "session.opened", "ReviewSession", sessionId, true, {
        ...publicData,
        nominationDeadline: deadline!.toISOString(),
        timeZone: session.timeZone,
      });
    }

    // Nominations, with the steps the nominations commands record (private but the confirmation).
    const nominations: Prisma.NominationCreateManyInput[] = [];
    const tokens: Prisma.NominationTokenCreateManyInput[] = [];
    const endorsements: Prisma.NominationEndorsementCreateManyInput[] = [];
    const votes: Prisma.NominationSelectionVoteCreateManyInput[] = [];
    const confirmations: { nominationId: string; data: Prisma.InputJsonObject }[] = [];
    for (const n of session.nominations) {
      const id = randomUUID();
      const member = n.user ? people[n.user] : null;
      const org = n.org ? organizations[n.org] : null;
      const name = member?.name ?? n.external!.name;
      const nominatedAt = at(n.day);
      const invited = n.status !== "PROPOSED";
      const respondedAt = n.respondedDay !== undefined ? at(n.respondedDay) : null;
      const invitationExpiresAt = invited ? new Date(Math.min(nominatedAt.getTime() + 14 * DAY, startsAt.getTime())) : null;
      const selectedAt = n.selection ? at(n.selection.day) : null;
      const selector = n.selection ? n.selection.by[n.selection.by.length - 1] : null;
      nominations.push({
        id,
        sessionId,
        role: n.role,
        nomineeUserId: member?.id ?? null,
        nomineeName: name,
        nomineeEmail: member?.email ?? n.external!.email,
        nomineeOrganizationId: org?.id ?? null,
        nomineeOrganizationName: org ? null : n.external!.organizationName,
        nomineeCountry: org?.country ?? n.external!.country,
        nomineeGender: n.gender ?? null,
        nomineeGenderDescription: n.gender === "ANOTHER" ? (n.genderDescription ?? null) : null,
        languages: n.languages,
        rationale: n.rationale,
        status: n.status,
        nominatedById: people[n.nominatedBy].id,
        invitationExpiresAt,
        respondedAt,
        bio: n.bio ?? null,
        publishName: !n.hide?.name,
        publishOrganization: !n.hide?.organization,
        publishBio: !n.hide?.bio,
        selectedAt,
        selectedById: selector ? people[selector].id : null,
        selectionRationale: n.selection?.rationale ?? null,
        createdAt: nominatedAt,
      });
      const about = { sessionId, nominationId: id, nomineeName: name, role: n.role };
      log(nominatedAt, n.nominatedBy, "nomination.proposed", "Nomination", id, false, about);
      if (invited) {
        log(new Date(nominatedAt.getTime() + MINUTE), n.nominatedBy, "nomination.invited", "Nomination", id, false, {
          ...about,
          expiresAt: invitationExpiresAt!.toISOString(),
        });
        // Only the hash of a link nobody needs: the demo nominees never receive one.
        tokens.push({
          nominationId: id,
          purpose: "RESPOND",
          tokenHash: hashInvitationToken(newInvitationToken()),
          expiresAt: invitationExpiresAt!,
          usedAt: respondedAt,
          createdAt: new Date(nominatedAt.getTime() + MINUTE),
        });
      }
      if (respondedAt) {
        const accepted = n.status !== "DECLINED";
        log(
          respondedAt,
          n.user ?? null,
          accepted ? "nomination.accepted" : "nomination.declined",
          "Nomination",
          id,
          false,
          accepted
            ? { ...about, publishName: !n.hide?.name, publishOrganization: !n.hide?.organization, publishBio: !n.hide?.bio }
            : { ...about, optOut: false },
        );
        if (accepted) {
          tokens.push({ nominationId: id, purpose: "WITHDRAW", tokenHash: hashInvitationToken(newInvitationToken()), expiresAt: startsAt, createdAt: respondedAt });
        }
      }
      for (const [i, endorser] of (n.endorsedBy ?? []).entries()) {
        const when = new Date((respondedAt ?? nominatedAt).getTime() + (i + 1) * 3_600_000);
        endorsements.push({ nominationId: id, userId: people[endorser].id, createdAt: when });
        log(when, endorser, "nomination.endorsed", "Nomination", id, false, about);
      }
      if (n.selection && selectedAt) {
        if (n.selection.by.length > 1) {
          for (const [i, voter] of n.selection.by.entries()) {
            const when = new Date(selectedAt.getTime() - (n.selection.by.length - 1 - i) * 3_600_000);
            votes.push({ nominationId: id, userId: people[voter].id, rationale: n.selection.rationale, createdAt: when });
            log(when, voter, "nomination.vote", "Nomination", id, false, { ...about, rationale: n.selection.rationale });
          }
        }
        log(selectedAt, selector, "nomination.selected", "Nomination", id, false, {
          ...about,
          mode: n.selection.by.length > 1 ? "TWO_MEMBERS" : "CHAIR",
          rationale: n.selection.rationale,
          ...(n.selection.by.length > 1 ? { votes: n.selection.by.length } : {}),
        });
        // What the public log will say at confirmation: no email, no gender, nothing withheld.
        confirmations.push({
          nominationId: id,
          data: {
            ...publicData,
            role: n.role,
            speakerName: n.hide?.name ? null : name,
            organizationName: n.hide?.organization ? null : (org?.name ?? n.external!.organizationName),
            selectedBy: n.selection.by.map((key) => people[key].name).join(", "),
            rationale: n.selection.rationale,
          },
        });
      }
      if (n.optOut) {
        await tx.nominationOptOut.create({ data: { sessionId, emailHash: emailHash(n.external?.email ?? member!.email), createdAt: respondedAt ?? nominatedAt } });
      }
    }
    // SELECTED rows go in through the seat-limit trigger, like the select command's.
    if (nominations.length) await tx.nomination.createMany({ data: nominations });
    if (tokens.length) await tx.nominationToken.createMany({ data: tokens });
    if (endorsements.length) await tx.nominationEndorsement.createMany({ data: endorsements });
    if (votes.length) await tx.nominationSelectionVote.createMany({ data: votes });

    // Staff confirmed the slate: one public entry per speaker, then the session's.
    if (session.confirmedDay !== undefined) {
      const confirmedAt = at(session.confirmedDay);
      for (const [i, { nominationId, data }] of confirmations.entries()) {
        log(new Date(confirmedAt.getTime() + i), "staffEclac", "nomination.confirmed", "Nomination", nominationId, true, data);
      }
      log(new Date(confirmedAt.getTime() + confirmations.length), "staffEclac", "session.speakers_confirmed", "ReviewSession", sessionId, true, {
        ...publicData,
        speakerCount: confirmations.length,
      });
    }
    if (session.updatedDay !== undefined) log(at(session.updatedDay), "staffIom", "session.updated", "ReviewSession", sessionId, true, publicData);
    if (session.status === "HELD" || session.status === "REPORT_PUBLISHED") {
      log(heldAt, "staffIom", "session.held", "ReviewSession", sessionId, true, publicData);
    }
    if (session.status === "REPORT_PUBLISHED") log(reportAt!, "staffIom", "session.report_published", "ReviewSession", sessionId, true, publicData);

    if (session.registrations.length) {
      await tx.sessionRegistration.createMany({
        data: session.registrations.map((r) => ({
          sessionId,
          userId: people[r.user].id,
          language: r.language,
          accessNeeds: r.needs ?? [],
          accessNote: r.note ?? null,
          listed: r.listed ?? false,
          createdAt: at(r.day),
        })),
      });
      for (const r of session.registrations) log(at(r.day), r.user, "session.registered", "ReviewSession", sessionId, false, publicData);
    }

    const proposalIds = session.proposals.map((title) => {
      const id = ctx.proposals.get(title);
      if (!id) throw new Error(`Demo proposal not found: ${title}`);
      return id;
    });
    if (proposalIds.length) await tx.proposal.updateMany({ where: { id: { in: proposalIds } }, data: { sessionId } });
  }

  await tx.auditEntry.createMany({ data: audit });
}
