// The previous review's final report (version 1): an ILLUSTRATIVE text written for the demo, not
// a real UN document, and it says so in its first paragraph. It is published as FINAL more than a
// year ago, so its recommendations can be followed up (prisma/seed/demo-champions.ts marks them),
// while this cycle's drafts (demo-report.ts, versions 2 to 4) go through comments as usual.
import { randomUUID } from "node:crypto";
import { auditRow, type AuditInput } from "../../lib/audit/record";
import type { Prisma } from "../../lib/generated/prisma/client";
import { assignAnchors, splitMarkdown } from "../../lib/report/paragraphs";
import { demoAnchor } from "./demo-report";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;
const ZONE = "America/Santiago";

const TITLE = "Informe final de la revisión regional anterior del Pacto Mundial para la Migración en América Latina y el Caribe";

/** The blocks, by a name the recommendations below refer to. */
const BLOCKS = {
  introHeading: "## 1. Introducción",
  intro:
    "Ejemplo ilustrativo de la demostración de Puente: este informe final y sus recomendaciones no son un documento real de las Naciones Unidas. Muestran cómo se sigue, con todas las partes, lo que una revisión regional recomienda.",
  findingsHeading: "## 2. Principales hallazgos",
  findings1:
    "La región avanzó en la regularización de personas venezolanas y en la cooperación consular, pero la detención migratoria, el costo de los trámites y la falta de datos abiertos siguen limitando el cumplimiento de los objetivos del Pacto Mundial.",
  findings2:
    "Las organizaciones de la sociedad civil, de personas migrantes y de la diáspora sostienen buena parte de la atención en las rutas migratorias, y pidieron participar de forma permanente en el seguimiento de esta revisión.",
  recommendationsHeading: "## 3. Recomendaciones",
  regularization:
    "Los Estados deberían garantizar el acceso a la regularización migratoria con costos accesibles y plazos breves, sin exigir documentos que las personas no pueden obtener en su país de origen.",
  detention:
    "Los Estados deberían poner fin a la detención migratoria de niñas, niños y adolescentes y de sus familias, y ampliar las alternativas basadas en la comunidad.",
  data:
    "La OIM debería acompañar a los Estados en la producción de datos migratorios desagregados y abiertos, con salvaguardas para los datos personales.",
  development:
    "La CEPAL debería medir cada año la contribución de las personas migrantes al desarrollo de la región e incluir a la diáspora en sus estudios sobre remesas.",
  participation:
    "Los Estados, la OIM y la CEPAL deberían incluir a las organizaciones de la sociedad civil, de personas migrantes y de la diáspora en el seguimiento de estas recomendaciones, con información pública y oportuna.",
  followUpHeading: "## 4. Seguimiento",
  followUp: "La secretaría dará cuenta del seguimiento de cada recomendación en la próxima revisión regional, junto con la valoración de la sociedad civil.",
} as const;

export type FinalBlock = keyof typeof BLOCKS;

const ENGLISH: Record<FinalBlock, string> = {
  introHeading: "## 1. Introduction",
  intro: "Illustrative demo example from Puente: this final report and its recommendations are not a real United Nations document. They show how what a regional review recommends is followed up with everyone involved.",
  findingsHeading: "## 2. Main findings",
  findings1: "The region made progress in regularizing Venezuelans and in consular cooperation, but immigration detention, the cost of procedures and the lack of open data still hold back the objectives of the Global Compact.",
  findings2: "Organizations of civil society, of migrants and of the diaspora provide much of the care along migration routes, and asked to take part in the follow-up of this review permanently.",
  recommendationsHeading: "## 3. Recommendations",
  regularization: "States should guarantee access to regularization at affordable cost and with short deadlines, without requiring documents people cannot obtain in their country of origin.",
  detention: "States should end the immigration detention of children and adolescents and of their families, and expand community-based alternatives.",
  data: "IOM should support States in producing disaggregated and open migration data, with safeguards for personal data.",
  development: "ECLAC should measure every year the contribution of migrants to the region's development and include the diaspora in its studies on remittances.",
  participation: "States, IOM and ECLAC should include organizations of civil society, of migrants and of the diaspora in the follow-up of these recommendations, with public and timely information.",
  followUpHeading: "## 4. Follow-up",
  followUp: "The secretariat will report on the follow-up of each recommendation at the next regional review, together with civil society's assessment.",
};

/** What tests and the follow-up seed can name. */
export const DEMO_FINAL_REPORT = {
  number: 1,
  title: TITLE,
  englishTitle: "Final report of the previous regional review of the Global Compact for Migration in Latin America and the Caribbean",
  text: (block: FinalBlock) => splitMarkdown(BLOCKS[block])[0].text,
  englishText: (block: FinalBlock) => ENGLISH[block],
  anchor: (block: FinalBlock) => demoAnchor(`final:${splitMarkdown(BLOCKS[block])[0].text}`),
} as const;

export type FinalReportSeed = { id: string; number: number; paragraphs: { id: string; anchor: string; text: string }[]; finalAt: Date };

/**
 * Writes version 1, FINAL, with its English translation and the public entries the report
 * commands write. Runs before the current cycle's versions, so it takes number 1.
 */
export async function seedFinalReport(tx: Tx, ctx: { people: Record<string, { id: string }>; now: number }): Promise<FinalReportSeed> {
  const at = (day: number) => new Date(ctx.now + day * DAY);
  const body = Object.values(BLOCKS).join("\n\n");
  // The demo's stable anchors, so every fresh demo has the same addresses.
  const paragraphs = assignAnchors(null, splitMarkdown(body)).map((p) => ({ ...p, anchor: demoAnchor(`final:${p.text}`), id: randomUUID() }));
  const id = randomUUID();
  const version = { number: DEMO_FINAL_REPORT.number, title: TITLE };
  const finalAt = at(-400);
  await tx.reportVersion.create({
    data: {
      id,
      ...version,
      language: "es",
      body,
      status: "FINAL",
      commentDeadline: at(-430),
      timeZone: ZONE,
      openedAt: at(-460),
      closedAt: at(-430),
      finalAt,
      createdById: ctx.people.staffEclac.id,
      createdAt: at(-470),
    },
  });
  await tx.reportParagraph.createMany({
    data: paragraphs.map((p) => ({ id: p.id, versionId: id, anchor: p.anchor, position: p.position, markdown: p.markdown, text: p.text, headingLevel: p.headingLevel })),
  });
  await tx.reportTranslation.create({ data: { versionId: id, language: "en", title: DEMO_FINAL_REPORT.englishTitle, body: Object.values(ENGLISH).join("\n\n"), createdAt: at(-398), updatedAt: at(-398) } });

  const about = { versionNumber: version.number, title: version.title };
  const entries: [Date, string, boolean, Prisma.InputJsonObject][] = [
    [at(-470), "report.version_created", false, about],
    [at(-460), "report.version_opened", true, { ...about, commentDeadline: at(-430).toISOString(), timeZone: ZONE }],
    [at(-430), "report.version_closed", true, about],
    [finalAt, "report.final_published", true, about],
    [at(-398), "report.translation_added", true, { ...about, language: "en" }],
  ];
  await tx.auditEntry.createMany({
    data: entries.map(([when, action, isPublic, data]) =>
      auditRow({ actorId: ctx.people.staffEclac.id, action, entityType: "ReportVersion", entityId: id, isPublic, data } as AuditInput, when),
    ),
  });
  return { id, number: version.number, paragraphs: paragraphs.map((p) => ({ id: p.id, anchor: p.anchor, text: p.text })), finalAt };
}
