// Demo permanent dialogue (issue 14): delegates of IOM, ECLAC and Mexico's focal point, 15
// questions in four languages (answered, awaiting, overdue, one merged), some under pseudonyms,
// supports, and a diaspora participant in New York. Written inside the demo's transaction with
// the audit rows the commands would write, dated; pseudonymous posts are recorded with no actor.
import { auditRow, type AuditInput } from "../../lib/audit/record";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Locale } from "../../lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

export type DialogueSeedContext = {
  people: Record<string, { id: string; name: string }>;
  organizations: Record<string, { id: string; name: string }>;
  passwordHash: string;
  now: number;
};

/** The demo's dialogue accounts (README "Demo accounts"). */
export const DEMO_DIALOGUE_ACCOUNTS = [
  { key: "delegateIom", name: "Mariana Salgado", email: "delegada.oim@puente.example", locale: "es", institution: "iom" },
  { key: "delegateEclac", name: "Rodrigo Fajardo", email: "delegado.cepal@puente.example", locale: "es", institution: "eclac" },
  { key: "delegateMx", name: "Itzel Ramírez", email: "puntofocal.mx@puente.example", locale: "es", institution: "state-mx" },
  // A participant of the diaspora, based in New York, member of the Diaspora Network for the Americas.
  { key: "diaspora", name: "Daniela Ortiz", email: "daniela@diaspora-americas.example", locale: "en", institution: null },
] as const;

const PROFILES: Record<string, { displayName: string; portfolio: Partial<Record<Locale, string>>; languagesSpoken: string[] }> = {
  delegateIom: {
    displayName: "Mariana Salgado (OIM)",
    portfolio: { es: "Protección, retorno y reintegración; personas desaparecidas en la ruta migratoria.", en: "Protection, return and reintegration; missing migrants on the route." },
    languagesSpoken: ["es", "en", "pt"],
  },
  delegateEclac: {
    displayName: "Rodrigo Fajardo (CEPAL)",
    portfolio: { es: "Datos y estadísticas de migración, remesas e inclusión financiera, seguimiento del PMM en la región." },
    languagesSpoken: ["es", "en"],
  },
  delegateMx: { displayName: "Itzel Ramírez (punto focal de México)", portfolio: { es: "Regularización migratoria y acceso a servicios en México." }, languagesSpoken: ["es", "en"] },
};

type DemoQuestion = {
  key: string;
  to: "iom" | "eclac" | "state-mx" | `delegate:${string}`;
  by: string;
  /** Under a pseudonym vouched for by this organization (slug), named on the post when `show`. */
  pseudonymOf?: string;
  show?: boolean;
  language: Locale;
  title: string;
  body: string;
  objectives: number[];
  askedDaysAgo: number;
  answer?: { by: string; language: Locale; body: string; daysAfter: number };
  mergedInto?: string;
  supporters: string[];
};

const QUESTIONS: DemoQuestion[] = [
  { key: "visas", to: "eclac", by: "committeeUs", language: "en", title: "Will people in the diaspora be able to join the review sessions without a visa?", body: "Many members of our network live in the United States and cannot travel. Will there be a virtual seat with interpretation?", objectives: [16, 19], askedDaysAgo: 20, supporters: ["participant", "committeeHt", "montrealAdmin"], answer: { by: "delegateEclac", language: "es", body: "Sí. La CEPAL habilitará una participación virtual con interpretación al inglés, francés y portugués en todas las sesiones de la revisión regional.", daysAfter: 4 } },
  { key: "visas-2", to: "eclac", by: "montrealAdmin", language: "fr", title: "Participation à distance aux sessions pour la diaspora haïtienne", body: "Les membres de la diaspora à Montréal pourront-ils intervenir à distance pendant les sessions ?", objectives: [19], askedDaysAgo: 18, mergedInto: "visas", supporters: ["committeeHt"] },
  { key: "remesas", to: "eclac", by: "salvadorAdmin", language: "es", title: "¿Publicará la CEPAL datos de costo de las remesas por corredor?", body: "Necesitamos datos comparables del costo de enviar remesas desde Estados Unidos a Centroamérica para incidir en la meta del objetivo 20.", objectives: [20], askedDaysAgo: 45, supporters: ["hondurasAdmin", "participant"], answer: { by: "delegateEclac", language: "es", body: "Publicaremos una serie trimestral por corredor en el observatorio regional a partir del próximo semestre, con metodología abierta.", daysAfter: 12 } },
  { key: "datos-desagregados", to: "eclac", by: "academiaAdmin", language: "es", title: "Datos de migración desagregados por género y edad", body: "¿Qué países de la región ya reportan datos de migración desagregados por género y edad para el informe regional?", objectives: [1], askedDaysAgo: 40, supporters: ["chair"] },
  { key: "retorno-hn", to: "iom", by: "hondurasAdmin", language: "es", title: "Apoyo a mujeres retornadas en Honduras", body: "¿Qué programas de reintegración con enfoque de género mantiene la OIM en San Pedro Sula y cómo pueden las organizaciones locales participar?", objectives: [21, 7], askedDaysAgo: 35, supporters: ["orgAdmin", "participant", "chair"], answer: { by: "delegateIom", language: "es", body: "La OIM mantiene un programa de reintegración con enfoque de género en San Pedro Sula; las organizaciones locales pueden postularse como socias en la convocatoria anual.", daysAfter: 9 } },
  { key: "desaparecidos", to: "delegate:delegateIom", by: "participant", pseudonymOf: "centro-de-derechos-el-salvador", language: "es", title: "Búsqueda de personas migrantes desaparecidas en la ruta", body: "Las familias que buscamos a personas desaparecidas tenemos miedo de denunciar. ¿Cómo protege la OIM la identidad de quienes aportan información?", objectives: [8], askedDaysAgo: 12, supporters: ["salvadorAdmin", "hondurasAdmin"] },
  { key: "detencion-mx", to: "state-mx", by: "orgAdmin", language: "es", title: "Alternativas a la detención de niñas y niños en México", body: "¿Qué avances hay en la aplicación de alternativas a la detención de niñas, niños y adolescentes migrantes en las estaciones migratorias?", objectives: [13], askedDaysAgo: 38, supporters: ["chair", "committeeEc"] },
  { key: "regularizacion-mx", to: "state-mx", by: "diaspora", pseudonymOf: "diaspora-network-for-the-americas", language: "en", title: "Can relatives abroad apply for regularization in Mexico on behalf of a family member?", body: "Some of us in New York have relatives stuck in Tapachula. Can a family member abroad start the procedure for them?", objectives: [5, 4], askedDaysAgo: 6, supporters: ["committeeUs"] },
  { key: "roraima", to: "iom", by: "roraimaAdmin", language: "pt", title: "Interiorização de pessoas venezuelanas a partir de Roraima", body: "Como a OIM pretende ampliar a interiorização voluntária e garantir acesso a trabalho decente nas cidades de destino?", objectives: [6, 15], askedDaysAgo: 25, supporters: ["committeeBr"], answer: { by: "delegateIom", language: "pt", body: "A OIM ampliará a interiorização com apoio de empresas parceiras e acompanhamento de seis meses nas cidades de destino.", daysAfter: 3 } },
  { key: "cone-sul", to: "eclac", by: "committeeBr", language: "pt", title: "Dados sobre acesso de migrantes à saúde no Cone Sul", body: "A CEPAL vai incluir indicadores de acesso à saúde de pessoas migrantes no relatório regional?", objectives: [15], askedDaysAgo: 33, supporters: [] },
  { key: "haiti-deportations", to: "iom", by: "committeeHt", language: "fr", title: "Accueil des personnes expulsées vers Haïti", body: "Quelles mesures l’OIM prend-elle pour l’accueil et la protection des personnes expulsées vers Haïti, notamment les enfants ?", objectives: [21], askedDaysAgo: 50, supporters: ["montrealAdmin", "caminosAdmin"], answer: { by: "delegateIom", language: "fr", body: "L’OIM assure un accueil à la frontière et à l’aéroport, avec un suivi spécifique pour les enfants non accompagnés, en lien avec les autorités haïtiennes.", daysAfter: 40 } },
  { key: "haiti-dr", to: "iom", by: "committeeHt", pseudonymOf: "reseau-caribeen-des-migrants", show: true, language: "fr", title: "Documents d’identité pour les personnes d’ascendance haïtienne", body: "Comment l’OIM accompagne-t-elle les personnes nées en République dominicaine sans documents d’identité ?", objectives: [4], askedDaysAgo: 8, supporters: [] },
  { key: "climate", to: "eclac", by: "jamaicaAdmin", language: "en", title: "Climate displacement in the Caribbean in the regional report", body: "Will the regional report include data on people displaced by hurricanes in the Caribbean?", objectives: [2], askedDaysAgo: 3, supporters: ["committeeHt"] },
  { key: "labour", to: "delegate:delegateEclac", by: "diaspora", pseudonymOf: "diaspora-network-for-the-americas", language: "en", title: "Recognition of diplomas for migrants in the region", body: "Is ECLAC studying how countries recognise foreign diplomas, so that migrants can work in their profession?", objectives: [18], askedDaysAgo: 2, supporters: [] },
  { key: "consulados", to: "iom", by: "committeeEc", language: "es", title: "Protección consular para personas venezolanas en tránsito", body: "¿Cómo coordina la OIM con los consulados la atención a personas venezolanas en tránsito sin documentos vigentes?", objectives: [14], askedDaysAgo: 31, supporters: ["participant"] },
];

export async function seedDialogue(tx: Tx, ctx: DialogueSeedContext): Promise<void> {
  const { organizations, passwordHash, now } = ctx;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  const log = (when: Date, actorId: string | null, entry: Omit<AuditInput, "actorId">) => audit.push(auditRow({ ...entry, actorId } as AuditInput, when));
  const people: Record<string, { id: string; name: string }> = { ...ctx.people };

  for (const a of DEMO_DIALOGUE_ACCOUNTS) {
    const user = await tx.user.create({ data: { name: a.name, email: a.email, passwordHash, preferredLocale: a.locale, createdAt: at(90) } });
    people[a.key] = { id: user.id, name: a.name };
  }
  await tx.membership.create({ data: { userId: people.diaspora.id, organizationId: organizations["diaspora-network-for-the-americas"].id, role: "MEMBER" } });

  const institutions: Record<string, { id: string; kind: "IOM" | "ECLAC" | "STATE"; country: string | null }> = {};
  for (const [slug, kind, country] of [["iom", "IOM", null], ["eclac", "ECLAC", null], ["state-mx", "STATE", "MX"]] as const) {
    institutions[slug] = await tx.dialogueInstitution.create({ data: { slug, kind, country, createdAt: at(90) }, select: { id: true, kind: true, country: true } });
  }
  for (const a of DEMO_DIALOGUE_ACCOUNTS) {
    if (!a.institution) continue;
    const profile = PROFILES[a.key];
    await tx.roleAssignment.create({ data: { userId: people[a.key].id, role: "DELEGATE", grantedById: people.admin.id, createdAt: at(80) } });
    await tx.delegateProfile.create({ data: { userId: people[a.key].id, institutionId: institutions[a.institution].id, ...profile, createdAt: at(80) } });
    log(at(80), people.admin.id, { action: "role.granted", entityType: "User", entityId: people[a.key].id, isPublic: true, data: { userName: a.name, role: "DELEGATE" } });
    const inst = institutions[a.institution];
    log(at(79), people[a.key].id, { action: "delegate.profile_updated", entityType: "DelegateProfile", entityId: people[a.key].id, isPublic: true, data: { delegateName: profile.displayName, institutionKind: inst.kind, country: inst.country } });
  }

  const pseudonyms = new Map<string, string>();
  const WORDS = ["Ceiba 4821", "Quetzal 3307", "Jacaranda 5170", "Ombú 2648"];
  const pseudonymFor = async (person: string, orgSlug: string, when: Date) => {
    const key = `${person}:${orgSlug}`;
    if (!pseudonyms.has(key)) {
      const p = await tx.pseudonym.create({ data: { name: WORDS[pseudonyms.size], userId: people[person].id, organizationId: organizations[orgSlug].id, createdAt: when } });
      pseudonyms.set(key, p.id);
      log(when, null, { action: "pseudonym.created", entityType: "Pseudonym", entityId: p.id, isPublic: false, data: {} });
    }
    return pseudonyms.get(key)!;
  };

  const ids = new Map<string, string>();
  for (const q of QUESTIONS) {
    const askedAt = at(q.askedDaysAgo);
    const delegateKey = q.to.startsWith("delegate:") ? q.to.slice("delegate:".length) : null;
    const institutionSlug = delegateKey ? DEMO_DIALOGUE_ACCOUNTS.find((a) => a.key === delegateKey)!.institution! : q.to;
    const inst = institutions[institutionSlug];
    const pseudonymId = q.pseudonymOf ? await pseudonymFor(q.by, q.pseudonymOf, askedAt) : null;
    const mainId = q.mergedInto ? ids.get(q.mergedInto)! : null;
    const main = q.mergedInto ? QUESTIONS.find((m) => m.key === q.mergedInto)! : null;
    const answer = q.answer ?? main?.answer;
    const answerSource = main ?? q;
    const answeredAt = answer ? at(answerSource.askedDaysAgo - answer.daysAfter) : null;
    const created = await tx.dialogueQuestion.create({
      data: {
        institutionId: inst.id,
        delegateId: delegateKey ? people[delegateKey].id : null,
        askerId: pseudonymId ? null : people[q.by].id,
        pseudonymId,
        showOrganization: !!q.show,
        language: q.language,
        title: q.title,
        body: q.body,
        objectives: q.objectives,
        deadlineAt: new Date(askedAt.getTime() + 30 * DAY),
        createdAt: askedAt,
        ...(answer && answeredAt ? { answeredAt, answeredById: people[answer.by].id } : {}),
        ...(q.answer ? { answerBody: q.answer.body, answerLanguage: q.answer.language } : {}),
        mergedIntoId: mainId,
      },
    });
    ids.set(q.key, created.id);
    const ref = { questionId: created.id, title: q.title, institutionKind: inst.kind, country: inst.country };
    log(askedAt, pseudonymId ? null : people[q.by].id, { action: "dialogue.question_asked", entityType: "DialogueQuestion", entityId: created.id, isPublic: true, data: { ...ref, pseudonymous: !!pseudonymId } });
    await tx.dialogueSupport.create({ data: { questionId: created.id, userId: people[q.by].id, pseudonymId, createdAt: askedAt } });
    for (const [i, s] of q.supporters.entries()) {
      const when = new Date(askedAt.getTime() + (i + 1) * 3_600_000);
      await tx.dialogueSupport.create({ data: { questionId: created.id, userId: people[s].id, createdAt: when } });
      log(when, people[s].id, { action: "dialogue.question_supported", entityType: "DialogueQuestion", entityId: created.id, isPublic: false, data: { questionId: created.id, pseudonymous: false } });
    }
    if (q.answer && answeredAt) {
      const merged = QUESTIONS.filter((m) => m.mergedInto === q.key).length;
      const delegateName = PROFILES[q.answer.by].displayName;
      log(answeredAt, people[q.answer.by].id, { action: "dialogue.question_answered", entityType: "DialogueQuestion", entityId: created.id, isPublic: true, data: { ...ref, delegateName, language: q.answer.language, merged } });
    }
    if (mainId && answer && answeredAt) {
      log(answeredAt, people[answer.by].id, { action: "dialogue.question_merged", entityType: "DialogueQuestion", entityId: created.id, isPublic: true, data: { ...ref, mainQuestionId: mainId } });
    }
  }
  await tx.auditEntry.createMany({ data: audit.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime()) });
}
