// Demo review report, this cycle's (version 1 is the previous review's final report:
// demo-final-report.ts): version 2 (superseded: commented, every comment answered, a
// translation), version 3 (open for comment for two more weeks, made from version 2 after the
// comments: some paragraphs changed a little, one removed, one added, so anchors carry over and the
// compare page has something to show), and version 4, a draft only staff and the committee see. Paragraphs are
// cut and anchored by lib/report/paragraphs.ts, as the commands do; links to demo proposals
// (an accepted one becomes incorporated) and the audit rows and notifications the commands write.
// Times are relative to "now", so version 3 is always open. Below, "version 1, 2, 3" name this
// cycle's first, second and third drafts; their numbers are DEMO_REPORT's.
import { auditRow, type AuditInput } from "../../lib/audit/record";
import { createHash, randomUUID } from "node:crypto";
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { CommentDisposition, Locale } from "../../lib/generated/prisma/enums";
import { assignAnchors, splitMarkdown, type AnchoredBlock } from "../../lib/report/paragraphs";

type Tx = Prisma.TransactionClient;

/** What the report seed knows about the demo people, organizations and proposals (from demo.ts). */
export type ReportSeedContext = {
  people: Record<string, { id: string; name: string }>;
  /** Demo organizations by slug. */
  organizations: Record<string, { id: string; name: string; slug: string; status: string }>;
  /** Demo proposals by title. */
  proposals: Map<string, string>;
  now: number;
};

// ─── The text ───────────────────────────────────────────────────────────────────────────────

const TITLE = "Informe de la revisión regional del Pacto Mundial para la Migración Segura, Ordenada y Regular en América Latina y el Caribe";

/** Version 1's blocks, by a name the changes below refer to. */
const V1 = {
  introHeading: "## 1. Introducción",
  intro1:
    "Este informe presenta los resultados de la revisión regional del Pacto Mundial para la Migración Segura, Ordenada y Regular en América Latina y el Caribe. Lo prepara la secretaría conjunta de la Organización Internacional para las Migraciones (OIM) y la Comisión Económica para América Latina y el Caribe (CEPAL), con la participación de la sociedad civil, de las personas migrantes y de sus familias.",
  intro2:
    "La revisión se apoyó en tres sesiones regionales, en las propuestas que las organizaciones de la sociedad civil presentaron a través de Puente y en los informes nacionales voluntarios de los Estados. Participaron más de 200 organizaciones de 24 países, entre ellas organizaciones de personas migrantes y de la diáspora en los Estados Unidos, Canadá y Europa.",
  intro3:
    "El informe no sustituye las evaluaciones nacionales. Identifica avances, brechas y prácticas prometedoras comunes a la región y formula recomendaciones para el Foro de Examen de la Migración Internacional.",
  contextHeading: "## 2. Contexto regional de la movilidad humana",
  context1:
    "América Latina y el Caribe es a la vez región de origen, de tránsito, de destino y de retorno. Más de 7,7 millones de personas venezolanas viven fuera de su país, la mayoría en países de la región; los cruces por la selva del Darién y por México hacia el norte alcanzaron cifras sin precedentes, y los desastres asociados al clima desplazan cada año a cientos de miles de personas en el Caribe y Centroamérica.",
  context2:
    "Las remesas superan el 20 % del producto interno bruto en Honduras y El Salvador y sostienen a millones de hogares. Al mismo tiempo persisten la xenofobia, la detención migratoria y las barreras para acceder a documentos, a un trabajo decente y a servicios básicos.",
  progressHeading: "## 3. Avances por objetivo",
  progressIntro:
    "Esta sección resume, para los objetivos del Pacto Mundial que las sesiones regionales trataron con más detalle, lo que avanzó desde la revisión anterior y lo que todavía falta.",
  dataHeading: "### 3.1 Datos e información (objetivos 1 y 3)",
  data:
    "Varios países mejoraron sus registros administrativos y publican estadísticas migratorias con mayor frecuencia. Sin embargo, los datos sobre **detención migratoria** siguen siendo escasos y casi nunca se desagregan por edad, género y nacionalidad.",
  info:
    "Las casas del migrante, los albergues y las organizaciones comunitarias cumplen en la práctica una función de información en las rutas migratorias. La información oficial llega tarde y, con frecuencia, en un solo idioma.",
  pathwaysHeading: "### 3.2 Vías regulares y regularización (objetivos 5 y 7)",
  pathways:
    "Los programas de regularización para personas venezolanas en Colombia, Ecuador, Perú y Brasil, y el Acuerdo de Residencia del Mercosur, muestran que la regularización amplia es posible y beneficia también a las comunidades de acogida. Los costos de los trámites y los requisitos documentales siguen excluyendo a muchas familias.",
  disasters:
    "Las personas desplazadas por huracanes, sequías y terremotos carecen en general de una vía de protección específica. Algunos países concedieron visas humanitarias de forma puntual, sin un marco regional común.",
  detentionHeading: "### 3.3 Detención migratoria y alternativas (objetivo 13)",
  detention:
    "La detención migratoria sigue aplicándose de forma generalizada, incluso a niñas, niños y familias. Las experiencias de gestión de casos en la comunidad en Ecuador y Perú ofrecen alternativas eficaces, más humanas y menos costosas.",
  consularHeading: "### 3.4 Protección consular, retorno y reintegración (objetivos 14 y 21)",
  consular:
    "Los consulados de la región ampliaron su presencia en los Estados Unidos y en México, pero sus visitas a los centros de detención siguen siendo irregulares y pocas personas detenidas reciben orientación jurídica. El retorno y la reintegración carecen todavía de acompañamiento psicosocial.",
  workHeading: "### 3.5 Trabajo decente y remesas (objetivos 6 y 20)",
  work:
    "El costo promedio de enviar remesas a Centroamérica se mantiene por encima del 5 %, lejos de la meta del 3 %. Se documentaron además casos de trabajo forzoso de personas migrantes en la agricultura del Cono Sur, con escasos canales seguros de denuncia.",
  participationHeading: "## 4. Participación de la sociedad civil",
  participation:
    "La sociedad civil participó en la preparación de este informe a través del Comité de la Sociedad Civil, de las sesiones regionales y de los comentarios públicos a sus borradores. Cada comentario recibe una respuesta pública de la secretaría, y el registro de transparencia de Puente conserva cada decisión.",
  recommendationsHeading: "## 5. Recomendaciones",
  recommendationsIntro: "La revisión regional recomienda a los Estados de América Latina y el Caribe:",
  recommendations: [
    "1. Publicar cada trimestre datos desagregados sobre detención migratoria, en formato abierto.",
    "2. Crear portales y líneas de información multilingües, actualizados cada mes, con la participación de la sociedad civil.",
    "3. Establecer mecanismos permanentes de regularización, con costos accesibles y plazos breves.",
    "4. Sustituir la detención migratoria por alternativas basadas en la comunidad y prohibir la detención de niñas, niños y familias.",
    "5. Reducir el costo de las remesas por debajo del 3 % antes de 2030.",
    "6. Incluir a las organizaciones de personas migrantes y de la diáspora en el seguimiento de estas recomendaciones.",
  ].join("\n"),
  closing:
    "La secretaría presentará estas recomendaciones al Foro de Examen de la Migración Internacional y dará cuenta de su seguimiento en la próxima revisión regional.",
};

type BlockName = keyof typeof V1;

/** What changed in version 2, after the comments on version 1 (see V1_COMMENTS). */
const V2_CHANGES: Partial<Record<BlockName, string | null>> = {
  intro2:
    "La revisión se apoyó en tres sesiones regionales, en las propuestas que las organizaciones de la sociedad civil presentaron a través de Puente y en los informes nacionales voluntarios de los Estados. Participaron más de 230 organizaciones de 25 países, entre ellas organizaciones de personas migrantes y de la diáspora en los Estados Unidos, Canadá y Europa.",
  // Removed: the comment that asked for it was accepted.
  intro3: null,
  data:
    "Varios países mejoraron sus registros administrativos y publican estadísticas migratorias con mayor frecuencia. Sin embargo, los datos sobre **detención migratoria** siguen siendo escasos y casi nunca se desagregan por edad, género y nacionalidad. Los Estados deberían publicarlos cada trimestre, en formato abierto y protegiendo los datos personales.",
  pathways:
    "Los programas de regularización para personas venezolanas en Colombia, Ecuador, Perú y Brasil, y el Acuerdo de Residencia del Mercosur, muestran que la regularización amplia y permanente es posible y beneficia también a las comunidades de acogida. Los costos de los trámites y los requisitos documentales, como los antecedentes penales apostillados del país de origen, siguen excluyendo a muchas familias; los trámites deberían ser gratuitos para las personas en situación de vulnerabilidad.",
  disasters:
    "Las personas desplazadas por huracanes, sequías y terremotos, como las que dejó el terremoto de 2021 en Haití, carecen en general de una vía de protección específica. Algunos países concedieron visas humanitarias de forma puntual, sin un marco regional común que la región debería acordar.",
  detention:
    "La detención migratoria sigue aplicándose de forma generalizada, incluso a niñas, niños y familias. Ninguna niña, niño o adolescente debería ser privado de libertad por motivos migratorios. Las experiencias de gestión de casos en la comunidad en Ecuador y Perú ofrecen alternativas eficaces, más humanas y menos costosas.",
  consular:
    "Los consulados de la región ampliaron su presencia en los Estados Unidos y en México, pero sus visitas a los centros de detención siguen siendo irregulares y pocas personas detenidas reciben orientación jurídica.",
  recommendations: [
    "1. Publicar cada trimestre datos desagregados sobre detención migratoria, en formato abierto.",
    "2. Crear portales y líneas de información multilingües, actualizados cada mes, con la participación de la sociedad civil.",
    "3. Establecer mecanismos permanentes y gratuitos de regularización, con plazos breves.",
    "4. Sustituir la detención migratoria por alternativas basadas en la comunidad y prohibir la detención de niñas, niños y familias.",
    "5. Reducir el costo de las remesas por debajo del 3 % antes de 2030.",
    "6. Incluir a las organizaciones de personas migrantes y de la diáspora en el seguimiento de estas recomendaciones.",
    "7. Garantizar visitas consulares periódicas a todos los centros de detención y programas de reintegración con enfoque de género.",
  ].join("\n"),
  closing:
    "La secretaría presentará estas recomendaciones al Foro de Examen de la Migración Internacional, indicando a qué instituciones se dirige cada una, y dará cuenta de su seguimiento en la próxima revisión regional.",
};

/** The paragraph version 2 adds (after `consular`), from an accepted comment. */
const V2_RETURN =
  "El retorno y la reintegración carecen todavía de acompañamiento psicosocial y de un enfoque de género. Las mujeres retornadas que sufrieron violencia en la ruta necesitan atención especializada, acceso prioritario a la vivienda y el apoyo de las redes de mujeres retornadas.";

/** Version 3 (the draft): one change from an answer on version 2, and a new section the committee reads first. */
const V3_DATA =
  "Varios países mejoraron sus registros administrativos y publican estadísticas migratorias con mayor frecuencia. Sin embargo, los datos sobre **detención migratoria** siguen siendo escasos y casi nunca se desagregan por edad, género y nacionalidad. Los Estados deberían publicarlos cada trimestre, en formato abierto, protegiendo los datos personales y con el apoyo técnico de las universidades de la región.";
const V3_FOLLOW_UP_HEADING = "## 6. Seguimiento de las recomendaciones";
const V3_FOLLOW_UP =
  "El Comité de la Sociedad Civil y la secretaría acordarán un calendario de seguimiento: un primer balance público de cada recomendación doce meses después del Foro, con indicadores que las organizaciones puedan verificar.";

const v1Body = () => Object.values(V1).join("\n\n");

function v2Blocks(): string[] {
  const out: string[] = [];
  for (const [name, text] of Object.entries(V1) as [BlockName, string][]) {
    const changed = V2_CHANGES[name];
    if (changed === null) continue;
    out.push(changed ?? text);
    if (name === "consular") out.push(V2_RETURN);
  }
  return out;
}
const v2Body = () => v2Blocks().join("\n\n");

function v3Body(): string {
  const blocks = v2Blocks().map((block) => (block === V2_CHANGES.data ? V3_DATA : block));
  const closing = blocks.indexOf(V2_CHANGES.closing!);
  blocks.splice(closing + 1, 0, V3_FOLLOW_UP_HEADING, V3_FOLLOW_UP);
  return blocks.join("\n\n");
}

/** The Markdown of the three versions (tests and the benchmark compare them). */
export const demoReportBodies = () => ({ v1: v1Body(), v2: v2Body(), v3: v3Body() });

/** The English translation attached to version 1. */
const V1_ENGLISH = [
  "## 1. Introduction",
  "This report presents the results of the regional review of the Global Compact for Safe, Orderly and Regular Migration in Latin America and the Caribbean. It is prepared by the joint secretariat of the International Organization for Migration (IOM) and the Economic Commission for Latin America and the Caribbean (ECLAC), with the participation of civil society, of migrants and of their families.",
  "The review drew on three regional sessions, on the proposals civil society organizations put forward through Puente and on the voluntary national reports of the States. More than 200 organizations from 24 countries took part, among them organizations of migrants and of the diaspora in the United States, Canada and Europe.",
  "The report does not replace national reviews. It identifies progress, gaps and promising practices common to the region and makes recommendations for the International Migration Review Forum.",
  "## 2. Human mobility in the region",
  "Latin America and the Caribbean is at once a region of origin, transit, destination and return. More than 7.7 million Venezuelans live outside their country, most of them in the region; crossings through the Darién jungle and through Mexico towards the north reached unprecedented numbers, and climate-related disasters displace hundreds of thousands of people in the Caribbean and Central America every year.",
  "Remittances exceed 20% of gross domestic product in Honduras and El Salvador and support millions of households. At the same time, xenophobia, immigration detention and barriers to documents, decent work and basic services persist.",
  "## 3. Progress by objective",
  "This section summarizes, for the objectives of the Global Compact the regional sessions discussed in most detail, what has moved forward since the previous review and what is still missing.",
  "### 3.1 Data and information (objectives 1 and 3)",
  "Several countries improved their administrative records and publish migration statistics more often. However, data on **immigration detention** remain scarce and are almost never disaggregated by age, gender and nationality.",
  "Migrant shelters and community organizations act in practice as information points along migration routes. Official information arrives late and, often, in a single language.",
  "### 3.2 Regular pathways and regularization (objectives 5 and 7)",
  "The regularization programmes for Venezuelans in Colombia, Ecuador, Peru and Brazil, and the Mercosur Residence Agreement, show that broad regularization is possible and also benefits host communities. The cost of procedures and document requirements still exclude many families.",
  "People displaced by hurricanes, droughts and earthquakes generally lack a specific protection pathway. Some countries granted humanitarian visas case by case, without a common regional framework.",
  "### 3.3 Immigration detention and alternatives (objective 13)",
  "Immigration detention is still widely used, including for children and families. Community-based case management in Ecuador and Peru offers alternatives that are effective, more humane and less costly.",
  "### 3.4 Consular protection, return and reintegration (objectives 14 and 21)",
  "Consulates of the region expanded their presence in the United States and Mexico, but their visits to detention centres remain irregular and few detained people receive legal advice. Return and reintegration still lack psychosocial support.",
  "### 3.5 Decent work and remittances (objectives 6 and 20)",
  "The average cost of sending remittances to Central America remains above 5%, far from the 3% target. Cases of forced labour of migrants in agriculture in the Southern Cone were also documented, with few safe channels to report them.",
  "## 4. Civil society participation",
  "Civil society took part in preparing this report through the Civil Society Committee, the regional sessions and public comments on its drafts. Every comment receives a public answer from the secretariat, and Puente’s transparency log keeps every decision.",
  "## 5. Recommendations",
  "The regional review recommends that the States of Latin America and the Caribbean:",
  [
    "1. Publish disaggregated data on immigration detention every quarter, in an open format.",
    "2. Create multilingual information portals and hotlines, updated every month, with the participation of civil society.",
    "3. Establish permanent regularization mechanisms, with affordable costs and short deadlines.",
    "4. Replace immigration detention with community-based alternatives and prohibit the detention of children and families.",
    "5. Bring the cost of remittances below 3% before 2030.",
    "6. Include organizations of migrants and of the diaspora in the follow-up of these recommendations.",
  ].join("\n"),
  "The secretariat will present these recommendations to the International Migration Review Forum and report on their follow-up at the next regional review.",
].join("\n\n");

// ─── What the e2e tests and guides can find ───────────────────────────────────────────────────

/**
 * A paragraph's anchor in the demo: "p-" + 8 base36 characters from its first version's text,
 * so the same paragraph has the same anchor in every demo database (and keeps it across
 * versions, by lib/report/paragraphs.ts's matching rule).
 */
export function demoAnchor(text: string): string {
  const hex = createHash("sha256").update(`puente-demo-report:${text}`).digest("hex");
  return `p-${BigInt(`0x${hex.slice(0, 12)}`).toString(36).padStart(8, "0").slice(-8)}`;
}

const plain = (markdown: string) => splitMarkdown(markdown)[0].text;

export const DEMO_REPORT = {
  superseded: { number: 2, title: `${TITLE}: primer borrador`, language: "es" },
  open: { number: 3, title: `${TITLE}: segundo borrador`, language: "es" },
  /**
   * Staff and the committee only: while it is a draft, its title and `draftOnlyText` must never
   * reach a visitor or an organization member; its internal note never, even once it is open.
   */
  draft: {
    number: 4,
    title: `${TITLE}: tercer borrador`,
    language: "es",
    internalNote: "Borrador interno del informe regional: tercera versión para el Comité de la Sociedad Civil",
  },
  translation: {
    versionNumber: 2,
    language: "en",
    title: "Report of the regional review of the Global Compact for Safe, Orderly and Regular Migration in Latin America and the Caribbean: first draft",
  },
  /** Changed in the second draft after a comment in Portuguese proposing new text, accepted: the compare page shows both. */
  changedParagraph: {
    anchor: demoAnchor(plain(V1.pathways)),
    before: plain(V1.pathways),
    after: plain(V2_CHANGES.pathways!),
    commentOrganization: "Rede Cone Sul de Migrações",
    commentLanguage: "pt",
  },
  /** A paragraph the same in the first and second drafts, open for comment on the second. */
  openParagraph: { anchor: demoAnchor(plain(V1.context1)), text: plain(V1.context1) },
  /** Removed in the second draft. */
  removedParagraph: { anchor: demoAnchor(plain(V1.intro3)), text: plain(V1.intro3) },
  /** Added in the second draft. */
  addedParagraph: { anchor: demoAnchor(plain(V2_RETURN)), text: plain(V2_RETURN) },
  /** A sentence only the third draft (not yet open) has. */
  draftOnlyText: plain(V3_FOLLOW_UP),
} as const;

// ─── Comments ───────────────────────────────────────────────────────────────────────────────

type DemoComment = {
  /** The block commented on, by its text in that version. */
  on: string;
  /** User key and organization slug it is signed with (a verified one the user belongs to). */
  author: string;
  org: string;
  language: Locale;
  body: string;
  proposedText?: string;
  day: number;
  disposition?: { kind: CommentDisposition; answer: string; day: number; by: string };
};

const V1_COMMENTS: DemoComment[] = [
  {
    on: V1.pathways,
    author: "committeeBr",
    org: "rede-cone-sul-migracoes",
    language: "pt",
    body: "O parágrafo deveria dizer que a regularização precisa ser permanente, e não só por programas temporários, e nomear o requisito que mais exclui: os antecedentes criminais apostilados do país de origem. Propomos também a gratuidade para pessoas em situação de vulnerabilidade.",
    proposedText: V2_CHANGES.pathways!,
    day: -47,
    disposition: {
      kind: "ACCEPTED",
      answer: "Aceptado: la versión 2 incorpora el texto propuesto y la recomendación 3 pide mecanismos permanentes y gratuitos.",
      day: -26,
      by: "staffIom",
    },
  },
  {
    on: V1.data,
    author: "salvadorAdmin",
    org: "centro-de-derechos-el-salvador",
    language: "es",
    body: "Sin una periodicidad y un formato definidos, la recomendación queda en el aire. Proponemos añadir que los datos se publiquen cada trimestre, en formato abierto y protegiendo los datos personales.",
    proposedText: V2_CHANGES.data!,
    day: -46,
    disposition: { kind: "ACCEPTED", answer: "Aceptado: se añade la frase propuesta.", day: -26, by: "staffIom" },
  },
  {
    on: V1.disasters,
    author: "committeeHt",
    org: "reseau-caribeen-des-migrants",
    language: "fr",
    body: "Le paragraphe devrait citer Haïti, où le séisme de 2021 a déplacé des dizaines de milliers de personnes, et demander la suspension des expulsions vers les zones sinistrées.",
    proposedText:
      "Las personas desplazadas por huracanes, sequías y terremotos, como las que dejó el terremoto de 2021 en Haití, carecen de una vía de protección específica. Los Estados deberían suspender las expulsiones hacia zonas afectadas por desastres y acordar un marco regional de visas humanitarias.",
    day: -45,
    disposition: {
      kind: "PARTLY_ACCEPTED",
      answer: "Aceptado en parte: la versión 2 menciona Haití y pide un marco regional. La suspensión de las expulsiones no reunió consenso en las sesiones regionales y no se incluye por ahora.",
      day: -25,
      by: "staffEclac",
    },
  },
  {
    on: V1.consular,
    author: "hondurasAdmin",
    org: "mujeres-migrantes-de-honduras",
    language: "es",
    body: "El retorno aparece al final de un párrafo sobre consulados, como algo secundario. Las mujeres retornadas necesitan un párrafo propio: muchas sufrieron violencia en la ruta y vuelven sin atención ni vivienda.",
    proposedText: V2_RETURN,
    day: -44,
    disposition: { kind: "ACCEPTED", answer: "Aceptado: la versión 2 dedica un párrafo propio al retorno y la reintegración con enfoque de género.", day: -25, by: "staffEclac" },
  },
  {
    on: V1.detention,
    author: "committeeEc",
    org: "red-andina-de-movilidad-humana",
    language: "es",
    body: "El informe debería decir con claridad lo que dice el Pacto: la detención de niñas, niños y adolescentes por motivos migratorios nunca responde a su interés superior.",
    proposedText: V2_CHANGES.detention!,
    day: -43,
    disposition: { kind: "ACCEPTED", answer: "Aceptado: se incorpora la frase propuesta.", day: -24, by: "staffIom" },
  },
  {
    on: V1.intro3,
    author: "committeeHt",
    org: "reseau-caribeen-des-migrants",
    language: "fr",
    body: "Ce paragraphe répète l’introduction et affaiblit le rapport. Nous proposons de le supprimer et de préciser plutôt, dans les recommandations, à quelles institutions elles s’adressent.",
    day: -42,
    disposition: {
      kind: "ACCEPTED",
      answer: "Aceptado: se suprime el párrafo y el cierre de las recomendaciones indica a qué instituciones se dirige cada una.",
      day: -24,
      by: "staffIom",
    },
  },
  {
    on: V1.work,
    author: "committeeUs",
    org: "diaspora-network-for-the-americas",
    language: "en",
    body: "The report should recommend abolishing every tax on remittances: families in Central America lose money twice, to fees and to taxes.",
    day: -40,
    disposition: {
      kind: "NOT_ACCEPTED",
      answer: "No aceptado: los impuestos son materia fiscal de cada Estado y no hubo acuerdo en las sesiones; el informe mantiene la meta del 3 % sobre el costo total del envío.",
      day: -23,
      by: "staffEclac",
    },
  },
  {
    on: V1.context2,
    author: "orgAdmin",
    org: "red-sin-fronteras",
    language: "es",
    body: "Pedimos nombrar la militarización de las fronteras entre las principales preocupaciones de la región: en el sur de México se vive todos los días.",
    day: -39,
    disposition: {
      kind: "NOT_ACCEPTED",
      answer: "No aceptado en este párrafo: la gestión de las fronteras se trata en la sección 3.3 y no hubo consenso para calificarla de militarización en el informe regional.",
      day: -23,
      by: "staffIom",
    },
  },
  {
    on: V1.context1,
    author: "academiaAdmin",
    org: "instituto-de-estudios-migratorios",
    language: "es",
    body: "La cifra de 7,7 millones debería citar su fuente (la Plataforma R4V) y la fecha de corte, porque cambia cada trimestre.",
    day: -38,
    disposition: { kind: "NOTED", answer: "Tomado en cuenta: las fuentes y fechas de corte irán en las notas de la versión final.", day: -22, by: "staffEclac" },
  },
  {
    on: V1.participation,
    author: "hondurasAdmin",
    org: "mujeres-migrantes-de-honduras",
    language: "es",
    body: "Agradecemos que cada comentario reciba respuesta. Pedimos que las próximas sesiones tengan interpretación a lenguas indígenas, para que participen las comunidades garífunas y mayas.",
    day: -36,
    disposition: { kind: "NOTED", answer: "Tomado en cuenta para la organización de las próximas sesiones regionales.", day: -22, by: "staffEclac" },
  },
];

const V2_COMMENTS: DemoComment[] = [
  {
    on: V2_RETURN,
    author: "participant",
    org: "centro-de-derechos-el-salvador",
    language: "es",
    body: "Proponemos mencionar también a las familias que buscan a personas migrantes desaparecidas: necesitan el mismo acompañamiento psicosocial y asesoría jurídica.",
    proposedText: `${V2_RETURN} Las familias que buscan a personas migrantes desaparecidas necesitan el mismo acompañamiento y asesoría jurídica.`,
    day: -12,
  },
  {
    on: V1.work,
    author: "committeeBr",
    org: "rede-cone-sul-migracoes",
    language: "pt",
    body: "Sugerimos mencionar a fiscalização conjunta entre os países e canais de denúncia seguros em vários idiomas para trabalhadores migrantes, como na proposta que apresentamos.",
    day: -10,
  },
  {
    on: V2_CHANGES.recommendations!,
    author: "committeeUs",
    org: "diaspora-network-for-the-americas",
    language: "en",
    body: "Recommendation 5 should also ask for price transparency: people cannot choose the cheapest service if prices are not published.",
    day: -9,
    disposition: {
      kind: "NOTED",
      answer: "Tomado en cuenta: la transparencia de precios se tratará en la sección 3.5 de la próxima versión.",
      day: -3,
      by: "staffEclac",
    },
  },
  {
    on: V2_CHANGES.disasters!,
    author: "committeeHt",
    org: "reseau-caribeen-des-migrants",
    language: "fr",
    body: "Merci d’avoir mentionné Haïti. Nous maintenons notre demande : la suspension des expulsions vers les zones sinistrées doit figurer parmi les recommandations.",
    day: -8,
  },
  {
    on: V2_CHANGES.detention!,
    author: "orgAdmin",
    org: "red-sin-fronteras",
    language: "es",
    body: "Valoramos que se incluya la prohibición de detener a niñas y niños. Pedimos añadir que las estaciones migratorias deben abrirse al monitoreo independiente de la sociedad civil.",
    proposedText: `${V2_CHANGES.detention!} Los lugares de detención deberían abrirse al monitoreo independiente de la sociedad civil.`,
    day: -6,
  },
  {
    on: V2_CHANGES.data!,
    author: "academiaAdmin",
    org: "instituto-de-estudios-migratorios",
    language: "es",
    body: "Ofrecemos el apoyo técnico de las universidades de la región para armonizar estos datos entre países.",
    proposedText: V3_DATA,
    day: -5,
    disposition: { kind: "ACCEPTED", answer: "Aceptado: se incorporará en la próxima versión.", day: -3, by: "staffIom" },
  },
];

/** The committee comments on the draft first (private, like the draft). */
/** How many comments on the open second draft still wait for an answer (the confirmation page says it). */
export const demoOpenUnanswered = () => V2_COMMENTS.filter((c) => !c.disposition).length;

const V3_COMMENTS: DemoComment[] = [
  {
    on: V3_FOLLOW_UP,
    author: "chair",
    org: "red-sin-fronteras",
    language: "es",
    body: "El Comité propone que el primer balance público se presente a los seis meses, no a los doce, para llegar a tiempo a la próxima sesión regional.",
    day: -1,
  },
];

/** Paragraphs that take up demo proposals, by the block's text in the version where staff linked them. */
const LINKS: { version: 1 | 2; on: string; proposal: string; day: number }[] = [
  { version: 1, on: V1.data, proposal: "Datos desagregados sobre personas migrantes detenidas", day: -21 },
  { version: 1, on: V1.info, proposal: "Información clara y oportuna en todas las etapas de la migración", day: -21 },
  { version: 1, on: V1.pathways, proposal: "Regularização migratória ampla e permanente no Cone Sul", day: -21 },
  // Accepted: linking it marks it incorporated.
  { version: 1, on: V1.detention, proposal: "Alternativas a la detención migratoria basadas en la comunidad", day: -21 },
  { version: 2, on: V2_CHANGES.consular!, proposal: "Consular protection for migrants in detention in the United States", day: -4 },
];

// ─── Writing it ─────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = "America/Santiago";

type ParagraphRow = AnchoredBlock & { id: string };

/** The version's paragraphs as the commands cut and anchor them, with the demo's stable anchors for new ones. */
function paragraphsOf(body: string, previous: ParagraphRow[] | null): ParagraphRow[] {
  const kept = new Set((previous ?? []).map((p) => p.anchor));
  const anchored = assignAnchors(previous, splitMarkdown(body));
  const used = new Set<string>();
  return anchored.map((block) => {
    const anchor = kept.has(block.anchor) ? block.anchor : demoAnchor(block.text);
    if (used.has(anchor) || (!kept.has(block.anchor) && kept.has(anchor))) throw new Error(`Demo report: duplicate anchor for "${block.text}"`);
    used.add(anchor);
    return { ...block, anchor, id: randomUUID() };
  });
}

function paragraphFor(paragraphs: ParagraphRow[], markdown: string): ParagraphRow {
  const text = plain(markdown);
  const found = paragraphs.find((p) => p.text === text);
  if (!found) throw new Error(`Demo report: no paragraph "${text.slice(0, 60)}…"`);
  return found;
}

/** Writes the demo report inside the demo's transaction, after the proposals and sessions. */
export async function seedReport(tx: Tx, ctx: ReportSeedContext): Promise<void> {
  const { people, organizations, now } = ctx;
  const at = (day: number, hours = 0) => new Date(now + day * DAY + hours * HOUR);
  const localDay = (offset: number) => formatInTimeZone(new Date(now + offset * DAY), ZONE, "yyyy-MM-dd");
  const deadlineAt = (offset: number) => fromZonedTime(`${localDay(offset)}T23:59:00`, ZONE);

  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  const log = (when: Date, actor: string, action: string, entityType: string, entityId: string, isPublic: boolean, data: Prisma.InputJsonObject) =>
    audit.push(auditRow({ actorId: people[actor].id, action, entityType, entityId, isPublic, data } as AuditInput, when));
  const notifications: Prisma.NotificationCreateManyInput[] = [];

  // Version 1: written, read by the committee as a draft, opened, closed, superseded by version 2.
  const v1 = { id: randomUUID(), ...DEMO_REPORT.superseded, body: v1Body(), deadline: deadlineAt(-30) };
  const v2 = { id: randomUUID(), ...DEMO_REPORT.open, body: v2Body(), deadline: deadlineAt(14) };
  const v3 = { id: randomUUID(), ...DEMO_REPORT.draft, body: v3Body() };
  const p1 = paragraphsOf(v1.body, null);
  const p2 = paragraphsOf(v2.body, p1);
  const p3 = paragraphsOf(v3.body, p2);

  await tx.reportVersion.create({
    data: {
      id: v1.id,
      number: v1.number,
      language: "es",
      title: v1.title,
      body: v1.body,
      status: "SUPERSEDED",
      commentDeadline: v1.deadline,
      timeZone: ZONE,
      openedAt: at(-50),
      closedAt: at(-29),
      createdById: people.staffIom.id,
      createdAt: at(-60),
    },
  });
  await tx.reportVersion.create({
    data: {
      id: v2.id,
      number: v2.number,
      language: "es",
      title: v2.title,
      body: v2.body,
      status: "OPEN",
      commentDeadline: v2.deadline,
      timeZone: ZONE,
      previousId: v1.id,
      openedAt: at(-14),
      createdById: people.staffIom.id,
      createdAt: at(-20),
    },
  });
  await tx.reportVersion.create({
    data: {
      id: v3.id,
      number: v3.number,
      language: "es",
      title: v3.title,
      internalNote: v3.internalNote,
      body: v3.body,
      status: "DRAFT",
      timeZone: ZONE,
      previousId: v2.id,
      createdById: people.staffIom.id,
      createdAt: at(-2),
    },
  });
  const rows = (versionId: string, list: ParagraphRow[]) =>
    list.map((p) => ({ id: p.id, versionId, anchor: p.anchor, position: p.position, markdown: p.markdown, text: p.text, headingLevel: p.headingLevel }));
  await tx.reportParagraph.createMany({ data: [...rows(v1.id, p1), ...rows(v2.id, p2), ...rows(v3.id, p3)] });

  // The versions' own history, as the versions commands record it.
  const about = (v: { number: number; title: string }) => ({ versionNumber: v.number, title: v.title });
  log(at(-60), "staffIom", "report.version_created", "ReportVersion", v1.id, false, about(v1));
  log(at(-50), "staffIom", "report.version_opened", "ReportVersion", v1.id, true, { ...about(v1), commentDeadline: v1.deadline.toISOString(), timeZone: ZONE });
  log(at(-29), "staffIom", "report.version_closed", "ReportVersion", v1.id, true, about(v1));
  log(at(-20), "staffIom", "report.version_created", "ReportVersion", v2.id, false, about(v2));
  log(at(-14), "staffIom", "report.version_opened", "ReportVersion", v2.id, true, { ...about(v2), commentDeadline: v2.deadline.toISOString(), timeZone: ZONE });
  log(at(-2), "staffIom", "report.version_created", "ReportVersion", v3.id, false, about(v3));

  await tx.reportTranslation.create({
    data: { versionId: v1.id, language: "en", title: DEMO_REPORT.translation.title, body: V1_ENGLISH, createdAt: at(-27), updatedAt: at(-27) },
  });
  log(at(-27), "staffEclac", "report.translation_added", "ReportVersion", v1.id, true, { ...about(v1), language: "en" });

  // Comments, public from the moment they are posted (the draft's stay private), and their answers.
  const comments: Prisma.ReportCommentCreateManyInput[] = [];
  const addComments = (version: { id: string; number: number; status: "public" | "draft" }, paragraphs: ParagraphRow[], list: DemoComment[]) => {
    for (const c of list) {
      const org = organizations[c.org];
      if (!org || org.status !== "VERIFIED") throw new Error(`Demo report: ${c.org} is not a verified demo organization`);
      const paragraph = paragraphFor(paragraphs, c.on);
      const id = randomUUID();
      const posted = at(c.day, 10);
      const answered = c.disposition ? at(c.disposition.day, 15) : null;
      comments.push({
        id,
        versionId: version.id,
        paragraphId: paragraph.id,
        authorId: people[c.author].id,
        organizationId: org.id,
        body: c.body,
        proposedText: c.proposedText ?? null,
        language: c.language,
        disposition: c.disposition?.kind ?? null,
        answer: c.disposition?.answer ?? null,
        dispositionById: c.disposition ? people[c.disposition.by].id : null,
        dispositionAt: answered,
        createdAt: posted,
      });
      const where = { versionNumber: version.number, anchor: paragraph.anchor };
      log(posted, c.author, "report.comment_posted", "ReportComment", id, version.status === "public", {
        ...where,
        organizationName: org.name,
        signedAs: "organization",
      });
      if (c.disposition && answered) {
        log(answered, c.disposition.by, "report.comment_answered", "ReportComment", id, true, { ...where, disposition: c.disposition.kind, organizationName: org.name });
        // The author hears of it in the app; the older answers have been read.
        notifications.push({
          userId: people[c.author].id,
          kind: "report.comment_answered",
          data: where,
          createdAt: answered,
          readAt: c.disposition.day < -10 ? at(c.disposition.day + 1) : null,
        });
      }
    }
  };
  addComments({ id: v1.id, number: v1.number, status: "public" }, p1, V1_COMMENTS);
  addComments({ id: v2.id, number: v2.number, status: "public" }, p2, V2_COMMENTS);
  addComments({ id: v3.id, number: v3.number, status: "draft" }, p3, V3_COMMENTS);
  await tx.reportComment.createMany({ data: comments });

  // Traceability: staff link paragraphs to the proposals they take up; an accepted proposal becomes
  // incorporated (with its own public entry and its authors told, as lib/proposals does). A new
  // version carries the links of the paragraphs that kept their anchor.
  const links: Prisma.ReportParagraphProposalCreateManyInput[] = [];
  const byVersion = { 1: p1, 2: p2 } as const;
  for (const link of LINKS) {
    const proposalId = ctx.proposals.get(link.proposal);
    if (!proposalId) throw new Error(`Demo proposal not found: ${link.proposal}`);
    const proposal = await tx.proposal.findUniqueOrThrow({
      where: { id: proposalId },
      select: { id: true, title: true, status: true, organizationId: true, organization: { select: { name: true, slug: true } } },
    });
    if (proposal.status === "DRAFT" || proposal.status === "WITHDRAWN") throw new Error(`Demo report: ${link.proposal} is not public`);
    const paragraph = paragraphFor(byVersion[link.version], link.on);
    const when = at(link.day, 11);
    links.push({ paragraphId: paragraph.id, proposalId, linkedById: people.staffIom.id, createdAt: when });
    const version = link.version === 1 ? v1 : v2;
    log(when, "staffIom", "report.proposal_linked", "ReportParagraph", paragraph.id, true, {
      versionNumber: version.number,
      anchor: paragraph.anchor,
      proposalId: proposal.id,
      proposalTitle: proposal.title,
    });
    if (proposal.status === "ACCEPTED") {
      await tx.proposal.update({ where: { id: proposal.id }, data: { status: "INCORPORATED", updatedAt: when } });
      log(when, "staffIom", "proposal.incorporated", "Proposal", proposal.id, true, {
        proposalTitle: proposal.title,
        organizationName: proposal.organization.name,
        organizationSlug: proposal.organization.slug,
        status: "INCORPORATED",
      });
      const members = await tx.membership.findMany({ where: { organizationId: proposal.organizationId }, select: { userId: true } });
      for (const m of members) {
        if (m.userId === people.staffIom.id) continue;
        notifications.push({ userId: m.userId, kind: "proposal.incorporated", data: { proposalId: proposal.id, proposalTitle: proposal.title }, createdAt: when });
      }
    }
  }
  // Carried to the next versions (version 1's links to version 2 at its creation, version 2's to the draft).
  const carry = (from: ParagraphRow[], to: ParagraphRow[], when: Date) => {
    for (const link of [...links]) {
      const source = from.find((p) => p.id === link.paragraphId);
      const target = source && to.find((p) => p.anchor === source.anchor);
      if (target && link.createdAt && new Date(link.createdAt).getTime() <= when.getTime()) {
        links.push({ paragraphId: target.id, proposalId: link.proposalId, linkedById: link.linkedById, createdAt: when });
      }
    }
  };
  carry(p1, p2, at(-20));
  carry(p2, p3, at(-2));
  await tx.reportParagraphProposal.createMany({ data: links });

  await tx.auditEntry.createMany({ data: audit });
  await tx.notification.createMany({ data: notifications });
}
