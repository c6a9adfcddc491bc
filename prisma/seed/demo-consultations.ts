// Demo consultations (issue 14): one open, by IOM's delegate, with contributions in four
// languages (some under pseudonyms), replies, supports and an update; one closed, by ECLAC's
// delegate, with a published synthesis citing contributions, one of which became a proposal.
// Written inside the demo's transaction with the audit rows the commands would write, dated;
// pseudonymous posts are recorded with no actor. Runs after the dialogue's seed (its delegates and pseudonyms).
import { auditRow, type AuditInput } from "../../lib/audit/record";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Locale } from "../../lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

export type ConsultationSeedContext = {
  people: Record<string, { id: string }>;
  organizations: Record<string, { id: string; name: string; slug: string }>;
  now: number;
};

type Post = { by: string; pseudonymOf?: string; language: Locale; body: string; daysAgo: number; supporters?: string[]; replies?: Post[]; cited?: boolean; becomesProposal?: { org: string; title: string; countries: string[] } };
type DemoConsultation = {
  owner: string;
  title: Partial<Record<Locale, string>>;
  background: Partial<Record<Locale, string>>;
  objectives: number[];
  opensDaysAgo: number;
  closesInDays: number;
  questions: { text: Partial<Record<Locale, string>>; posts: Post[] }[];
  updates?: { language: Locale; body: string; daysAgo: number }[];
  closedDaysAgo?: number;
  synthesis?: { text: Partial<Record<Locale, string>>; daysAgo: number };
};

const CONSULTATIONS: DemoConsultation[] = [
  {
    owner: "delegateIom",
    title: { es: "Protección de personas migrantes en tránsito por el Darién", en: "Protecting migrants in transit through the Darién", pt: "Proteção de pessoas migrantes em trânsito pelo Darién" },
    background: {
      es: "La OIM prepara su aporte a la revisión regional sobre la ruta del Darién. Queremos saber qué ven las organizaciones que acompañan a las personas en tránsito y qué debería cambiar.",
      en: "IOM is preparing its input to the regional review on the Darién route. We want to hear what organizations accompanying people in transit see, and what should change.",
    },
    objectives: [7, 8],
    opensDaysAgo: 10,
    closesInDays: 20,
    questions: [
      {
        text: { es: "¿Qué riesgos enfrentan hoy las personas que cruzan el Darién?", en: "What risks do people crossing the Darién face today?", pt: "Quais riscos enfrentam hoje as pessoas que atravessam o Darién?" },
        posts: [
          { by: "orgAdmin", language: "es", body: "En nuestros albergues recibimos cada semana a familias que perdieron sus documentos en la selva. Sin ellos no pueden pedir protección en el siguiente país.", daysAgo: 8, supporters: ["participant", "committeeEc", "hondurasAdmin"], replies: [{ by: "montrealAdmin", language: "fr", body: "Nous voyons la même chose chez les familles haïtiennes qui arrivent au Canada : une copie numérique des documents les aiderait beaucoup.", daysAgo: 7 }] },
          { by: "participant", pseudonymOf: "centro-de-derechos-el-salvador", language: "es", body: "Las mujeres que viajan solas denuncian violencia sexual en la ruta, pero no se atreven a hacerlo con su nombre. Necesitan canales de denuncia seguros.", daysAgo: 6, supporters: ["salvadorAdmin", "chair"] },
          { by: "diaspora", pseudonymOf: "diaspora-network-for-the-americas", language: "en", body: "Relatives in New York receive ransom calls while their family members are on the route. Consulates should have a hotline for them.", daysAgo: 5, supporters: ["committeeUs"], replies: [{ by: "roraimaAdmin", language: "pt", body: "Em Roraima também recebemos relatos de extorsão por telefone às famílias.", daysAgo: 4 }] },
        ],
      },
      {
        text: { es: "¿Qué servicios deberían existir al salir de la selva?", en: "Which services should exist on leaving the jungle?" },
        posts: [{ by: "committeeBr", language: "pt", body: "Atendimento de saúde mental nos centros de recepção, com intérpretes de crioulo haitiano e de línguas africanas.", daysAgo: 3, supporters: ["committeeHt"] }],
      },
    ],
    updates: [{ language: "es", body: "Publicamos el informe de monitoreo de la OIM sobre flujos en el Darién del último trimestre; está enlazado en la página de la OIM. La consulta sigue abierta hasta la fecha indicada.", daysAgo: 4 }],
  },
  {
    owner: "delegateEclac",
    title: { es: "Remesas e inclusión financiera de las personas migrantes", en: "Remittances and financial inclusion of migrants", fr: "Transferts de fonds et inclusion financière des personnes migrantes" },
    background: { es: "La CEPAL recogió experiencias sobre el costo de enviar remesas y el acceso de las personas migrantes a cuentas bancarias, para el capítulo del informe regional sobre el objetivo 20." },
    objectives: [20],
    opensDaysAgo: 70,
    closesInDays: -35,
    closedDaysAgo: 34,
    questions: [
      {
        text: { es: "¿Qué impide a las personas migrantes abrir una cuenta bancaria?", en: "What stops migrants from opening a bank account?", fr: "Qu’est-ce qui empêche les personnes migrantes d’ouvrir un compte bancaire ?" },
        posts: [
          { by: "orgAdmin", language: "es", body: "Los bancos piden un documento de identidad nacional que las personas solicitantes de refugio no tienen. Proponemos que el carné de solicitante sea válido para abrir una cuenta básica.", daysAgo: 60, supporters: ["participant", "caminosAdmin", "committeeEc"], cited: true, becomesProposal: { org: "red-sin-fronteras", title: "Cuenta bancaria básica con el carné de solicitante de refugio", countries: ["MX", "GT", "CR"] } },
          { by: "montrealAdmin", language: "fr", body: "Les frais d’envoi vers Haïti dépassent souvent 8 % : il faut des plafonds de frais et des services numériques accessibles.", daysAgo: 55, supporters: ["committeeHt"], cited: true },
          { by: "participant", pseudonymOf: "centro-de-derechos-el-salvador", language: "es", body: "Muchas familias reciben remesas por canales informales porque temen que el banco las reporte a migración.", daysAgo: 50, cited: true },
        ],
      },
    ],
    synthesis: {
      daysAgo: 25,
      text: {
        es: "## Lo que escuchamos\n\nLas organizaciones señalaron tres obstáculos:\n\n1. **Documentos**: los bancos no aceptan el carné de solicitante de refugio.\n2. **Costos**: enviar remesas a Haití cuesta más del 8 %.\n3. **Miedo**: muchas familias usan canales informales por temor a ser reportadas.\n\nLa CEPAL llevará estas propuestas al capítulo sobre el objetivo 20 del informe regional.",
        en: "## What we heard\n\nOrganizations pointed to three obstacles:\n\n1. **Documents**: banks do not accept asylum seekers' cards.\n2. **Costs**: sending remittances to Haiti costs more than 8%.\n3. **Fear**: many families use informal channels for fear of being reported.\n\nECLAC will take these proposals to the chapter on objective 20 of the regional report.",
      },
    },
  },
];

export async function seedConsultations(tx: Tx, ctx: ConsultationSeedContext): Promise<void> {
  const { people, organizations, now } = ctx;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const dayOf = (daysAgo: number) => new Date(new Date(now - daysAgo * DAY).toISOString().slice(0, 10) + "T00:00:00Z");
  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  const log = (when: Date, actorId: string | null, entry: Omit<AuditInput, "actorId">) => audit.push(auditRow({ ...entry, actorId } as AuditInput, when));
  const delegates = {
    delegateIom: await tx.user.findUniqueOrThrow({ where: { email: "delegada.oim@puente.example" }, select: { id: true } }),
    delegateEclac: await tx.user.findUniqueOrThrow({ where: { email: "delegado.cepal@puente.example" }, select: { id: true } }),
    diaspora: await tx.user.findUniqueOrThrow({ where: { email: "daniela@diaspora-americas.example" }, select: { id: true } }),
  };
  const person = (key: string) => (delegates as Record<string, { id: string }>)[key]?.id ?? people[key].id;
  // The dialogue's demo made these pseudonyms; a post under one reuses it, as resolveVoice does.
  const pseudonymOf = async (key: string, orgSlug: string) =>
    (await tx.pseudonym.findUniqueOrThrow({ where: { userId_organizationId: { userId: person(key), organizationId: organizations[orgSlug].id } }, select: { id: true } })).id;

  for (const c of CONSULTATIONS) {
    const ownerId = person(c.owner);
    const status = c.synthesis ? "SYNTHESIZED" : c.closedDaysAgo !== undefined ? "CLOSED" : "OPEN";
    const row = await tx.consultation.create({
      data: {
        ownerId,
        title: c.title,
        background: c.background,
        languages: ["es", "en", "pt", "fr"],
        objectives: c.objectives,
        status,
        opensOn: dayOf(c.opensDaysAgo),
        closesOn: dayOf(-c.closesInDays),
        openedAt: at(c.opensDaysAgo),
        closedAt: c.closedDaysAgo !== undefined ? at(c.closedDaysAgo) : null,
        synthesis: c.synthesis?.text,
        synthesizedAt: c.synthesis ? at(c.synthesis.daysAgo) : null,
        createdAt: at(c.opensDaysAgo + 2),
      },
      select: { id: true },
    });
    const ref = { consultationId: row.id, title: c.title };
    log(at(c.opensDaysAgo + 2), ownerId, { action: "consultation.created", entityType: "Consultation", entityId: row.id, isPublic: false, data: ref });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    log(at(c.opensDaysAgo), ownerId, { action: "consultation.opened", entityType: "Consultation", entityId: row.id, isPublic: true, data: { ...ref, opensOn: iso(dayOf(c.opensDaysAgo)), closesOn: iso(dayOf(-c.closesInDays)) } });
    let count = 0;
    let cited = 0;
    for (const [i, q] of c.questions.entries()) {
      const question = await tx.consultationQuestion.create({ data: { consultationId: row.id, position: i + 1, text: q.text }, select: { id: true } });
      const write = async (p: Post, parentId: string | null) => {
        const pseudonymId = p.pseudonymOf ? await pseudonymOf(p.by, p.pseudonymOf) : null;
        const created = await tx.consultationContribution.create({
          data: { consultationId: row.id, questionId: question.id, parentId, askerId: pseudonymId ? null : person(p.by), pseudonymId, language: p.language, body: p.body, cited: !!p.cited, createdAt: at(p.daysAgo) },
          select: { id: true },
        });
        count++;
        if (p.cited) cited++;
        log(at(p.daysAgo), pseudonymId ? null : person(p.by), {
          action: "consultation.contributed",
          entityType: "ConsultationContribution",
          entityId: created.id,
          isPublic: true,
          data: { ...ref, contributionId: created.id, language: p.language, reply: !!parentId, pseudonymous: !!pseudonymId },
        });
        for (const [k, s] of (p.supporters ?? []).entries()) {
          await tx.consultationSupport.create({ data: { contributionId: created.id, userId: person(s), createdAt: at(p.daysAgo - 0.1 * (k + 1)) } });
          log(at(p.daysAgo - 0.1 * (k + 1)), person(s), { action: "consultation.supported", entityType: "ConsultationContribution", entityId: created.id, isPublic: false, data: { contributionId: created.id, pseudonymous: false } });
        }
        for (const r of p.replies ?? []) await write(r, created.id);
        if (p.becomesProposal) {
          const org = organizations[p.becomesProposal.org];
          const submittedAt = at(p.daysAgo - 20);
          const proposal = await tx.proposal.create({
            data: { organizationId: org.id, authorId: person(p.by), title: p.becomesProposal.title, summary: p.body, body: p.body, language: p.language, objectives: c.objectives, countries: p.becomesProposal.countries, status: "SUBMITTED", submittedAt, sourceContributionId: created.id, createdAt: at(p.daysAgo - 19) },
            select: { id: true },
          });
          const proposalRef = { proposalTitle: p.becomesProposal.title, organizationName: org.name, organizationSlug: org.slug };
          log(at(p.daysAgo - 19), person(p.by), { action: "proposal.draft_saved", entityType: "Proposal", entityId: proposal.id, isPublic: false, data: { ...proposalRef, status: "DRAFT" } });
          log(at(p.daysAgo - 19), person(p.by), { action: "consultation.contribution_converted", entityType: "ConsultationContribution", entityId: created.id, isPublic: false, data: { consultationId: row.id, contributionId: created.id, proposalId: proposal.id } });
          log(submittedAt, person(p.by), { action: "proposal.submitted", entityType: "Proposal", entityId: proposal.id, isPublic: true, data: { ...proposalRef, status: "SUBMITTED" } });
        }
      };
      for (const p of q.posts) await write(p, null);
    }
    for (const u of c.updates ?? []) {
      await tx.consultationUpdate.create({ data: { consultationId: row.id, authorId: ownerId, language: u.language, body: u.body, createdAt: at(u.daysAgo) } });
      log(at(u.daysAgo), ownerId, { action: "consultation.update_posted", entityType: "Consultation", entityId: row.id, isPublic: true, data: { ...ref, language: u.language } });
    }
    if (c.closedDaysAgo !== undefined) {
      log(at(c.closedDaysAgo), people.staffEclac.id, { action: "consultation.closed", entityType: "Consultation", entityId: row.id, isPublic: true, data: { ...ref, contributionCount: count } });
    }
    if (c.synthesis) {
      log(at(c.synthesis.daysAgo), people.staffEclac.id, { action: "consultation.synthesis_published", entityType: "Consultation", entityId: row.id, isPublic: true, data: { ...ref, cited } });
    }
  }
  await tx.auditEntry.createMany({ data: audit });
}
