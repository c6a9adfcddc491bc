// Demo data that shows the portal alive on a fresh `npm start`. Never loaded when DATABASE_URL
// is set, except on request (`npm run seed:demo`).
import { db } from "../../lib/db/client";
// The demo writes the history it pretends happened, dated in the past, with no actor request to
// run commands for: it writes audit rows directly, still through the typed writer.
import { auditRow, recordAudit } from "../../lib/audit/record";

/** The state a proposal is in after each step the demo records. */
const STATUS_AFTER = {
  "proposal.submitted": "SUBMITTED",
  "proposal.review_started": "UNDER_REVIEW",
  "proposal.withdrawn": "WITHDRAWN",
  "proposal.accepted": "ACCEPTED",
  "proposal.not_retained": "NOT_RETAINED",
  "proposal.incorporated": "INCORPORATED",
} as const;
import { hashPassword } from "../../lib/auth/password";
import { subregionFor } from "../../lib/organizations/subregions";
import type { Locale, OrganizationStatus, OrganizationType } from "../../lib/generated/prisma/enums";
import { DEMO_PASSWORD } from "./demo-accounts";
import { DEMO_COMMENTS, DEMO_PROPOSALS } from "./demo-proposals";
import { seedReport } from "./demo-report";
import { seedFinalReport } from "./demo-final-report";
import { seedSessions } from "./demo-sessions";
import { seedChampions } from "./demo-champions";
import { seedMonitoring } from "./demo-monitoring";
import { seedEvaluations } from "./demo-evaluations";
import { seedSessionQuestions } from "./demo-session-questions";
import { seedDialogue } from "./demo-dialogue";
import { seedModeration } from "./demo-moderation";
import { seedConsultations } from "./demo-consultations";
import { seedFollows } from "./demo-follows";

type DemoOrg = {
  slug: string;
  name: string;
  acronym?: string;
  country: string;
  diaspora?: boolean;
  type: OrganizationType;
  languages: Locale[];
  website?: string;
  description: string;
  status: OrganizationStatus;
};

export const DEMO_ORGANIZATIONS: DemoOrg[] = [
  {
    slug: "red-sin-fronteras",
    name: "Red Regional Sin Fronteras",
    acronym: "RSF",
    country: "MX",
    type: "REGIONAL_NETWORK",
    languages: ["es", "en"],
    website: "https://sinfronteras.example",
    description:
      "Red de casas del migrante y albergues en México y Centroamérica. Acompañamos a personas en tránsito y documentamos las condiciones en la ruta migratoria.",
    status: "VERIFIED",
  },
  {
    slug: "rede-cone-sul-migracoes",
    name: "Rede Cone Sul de Migrações",
    acronym: "RCSM",
    country: "BR",
    type: "REGIONAL_NETWORK",
    languages: ["pt", "es"],
    website: "https://conesul.example",
    description:
      "Rede de organizações do Brasil, Argentina, Chile, Uruguai e Paraguai que trabalha pela regularização migratória e pelo acesso a serviços básicos.",
    status: "VERIFIED",
  },
  {
    slug: "reseau-caribeen-des-migrants",
    name: "Réseau caribéen des migrants",
    acronym: "RCM",
    country: "HT",
    type: "REGIONAL_NETWORK",
    languages: ["fr", "es", "en"],
    description:
      "Réseau d'organisations haïtiennes et caribéennes qui accompagne les personnes déplacées et les familles de migrants disparus.",
    status: "VERIFIED",
  },
  {
    slug: "red-andina-de-movilidad-humana",
    name: "Red Andina de Movilidad Humana",
    acronym: "RAMH",
    country: "EC",
    type: "REGIONAL_NETWORK",
    languages: ["es"],
    website: "https://redandina.example",
    description:
      "Articulación de organizaciones de Colombia, Ecuador, Perú y Bolivia que acompaña a personas venezolanas y a comunidades de acogida.",
    status: "VERIFIED",
  },
  {
    slug: "diaspora-network-for-the-americas",
    name: "Diaspora Network for the Americas",
    acronym: "DNA",
    country: "US",
    type: "REGIONAL_NETWORK",
    languages: ["en", "es"],
    website: "https://diaspora-americas.example",
    description:
      "A network of hometown associations and diaspora organizations in the United States and Canada that supports families in countries of origin.",
    status: "VERIFIED",
  },
  {
    slug: "mujeres-migrantes-de-honduras",
    name: "Colectivo de Mujeres Migrantes de Honduras",
    country: "HN",
    type: "MIGRANT_LED",
    languages: ["es"],
    description:
      "Colectivo de mujeres retornadas y familiares de personas migrantes que trabaja por la reintegración digna y contra la violencia de género.",
    status: "VERIFIED",
  },
  {
    slug: "centro-de-derechos-el-salvador",
    name: "Centro de Derechos Humanos de las Personas Migrantes",
    acronym: "CDHPM",
    country: "SV",
    type: "CSO",
    languages: ["es", "en"],
    description: "Asesoría jurídica gratuita, acompañamiento a familias de personas desaparecidas y monitoreo de detenciones migratorias.",
    status: "VERIFIED",
  },
  {
    slug: "instituto-de-estudios-migratorios",
    name: "Instituto de Estudios Migratorios de Colombia",
    acronym: "IEMC",
    country: "CO",
    type: "ACADEMIA",
    languages: ["es", "en"],
    description: "Centro universitario de investigación sobre movilidad humana, integración y datos desagregados para políticas públicas.",
    status: "VERIFIED",
  },
  {
    slug: "associacao-de-migrantes-venezuelanos",
    name: "Associação de Migrantes Venezuelanos em Roraima",
    country: "BR",
    type: "MIGRANT_LED",
    languages: ["pt", "es"],
    description: "Associação criada por pessoas migrantes venezuelanas para orientar recém-chegados sobre documentação, trabalho e escola.",
    status: "PENDING",
  },
  {
    slug: "haitian-diaspora-montreal",
    name: "Collectif de la diaspora haïtienne de Montréal",
    country: "CA",
    type: "DIASPORA",
    languages: ["fr", "en"],
    description: "Collectif qui soutient les familles haïtiennes arrivées au Québec et fait entendre la voix de la diaspora dans les consultations.",
    status: "PENDING",
  },
  {
    slug: "fundacion-caminos-dominicana",
    name: "Fundación Caminos",
    country: "DO",
    type: "CSO",
    languages: ["es"],
    description: "Fundación dominicana que trabaja por el derecho a la identidad y la documentación de personas de ascendencia haitiana.",
    status: "PENDING",
  },
  {
    slug: "jamaica-returnees-support",
    name: "Jamaica Returnees Support Network",
    country: "JM",
    type: "CSO",
    languages: ["en"],
    description: "Support for people returned to Jamaica: housing, work and mental health, and a voice for returnees in national policy.",
    status: "SUSPENDED",
  },
];

type DemoUser = { key: string; name: string; email: string; locale: Locale };

const USERS: DemoUser[] = [
  { key: "admin", name: "Administración Puente", email: "admin@puente.example", locale: "es" },
  { key: "staffIom", name: "Lucía Herrera (OIM)", email: "staff.oim@puente.example", locale: "es" },
  { key: "staffEclac", name: "James Whitfield (CEPAL)", email: "staff.cepal@puente.example", locale: "en" },
  { key: "chair", name: "María Fernanda López", email: "comite.presidencia@puente.example", locale: "es" },
  { key: "committeeBr", name: "João Batista Souza", email: "joao@conesul.example", locale: "pt" },
  { key: "committeeHt", name: "Nadège Pierre-Louis", email: "nadege@reseau-caraibe.example", locale: "fr" },
  { key: "committeeEc", name: "Carlos Quishpe", email: "carlos@redandina.example", locale: "es" },
  { key: "committeeUs", name: "Grace Mendoza", email: "grace@diaspora-americas.example", locale: "en" },
  { key: "orgAdmin", name: "Ana Castillo", email: "ana@sinfronteras.example", locale: "es" },
  { key: "hondurasAdmin", name: "Rosa Martínez", email: "rosa@mujeresmigrantes.example", locale: "es" },
  { key: "salvadorAdmin", name: "Óscar Ramírez", email: "oscar@cdhpm.example", locale: "es" },
  { key: "academiaAdmin", name: "Laura Gómez", email: "laura@iemc.example", locale: "es" },
  { key: "roraimaAdmin", name: "Yolimar Pérez", email: "yolimar@amv-roraima.example", locale: "pt" },
  { key: "montrealAdmin", name: "Jean-Baptiste Joseph", email: "jb@diaspora-mtl.example", locale: "fr" },
  { key: "caminosAdmin", name: "Altagracia Santos", email: "altagracia@caminos.example", locale: "es" },
  { key: "jamaicaAdmin", name: "Andre Campbell", email: "andre@returnees.example", locale: "en" },
  { key: "participant", name: "Pedro Alvarado", email: "participante@puente.example", locale: "es" },
];

// Who administers which organization, and which committee members represent which network.
const ORG_ADMINS: Record<string, string> = {
  "red-sin-fronteras": "orgAdmin",
  "rede-cone-sul-migracoes": "committeeBr",
  "reseau-caribeen-des-migrants": "committeeHt",
  "red-andina-de-movilidad-humana": "committeeEc",
  "diaspora-network-for-the-americas": "committeeUs",
  "mujeres-migrantes-de-honduras": "hondurasAdmin",
  "centro-de-derechos-el-salvador": "salvadorAdmin",
  "instituto-de-estudios-migratorios": "academiaAdmin",
  "associacao-de-migrantes-venezuelanos": "roraimaAdmin",
  "haitian-diaspora-montreal": "montrealAdmin",
  "fundacion-caminos-dominicana": "caminosAdmin",
  "jamaica-returnees-support": "jamaicaAdmin",
};

const COMMITTEE: { user: string; org: string; chair?: boolean }[] = [
  { user: "chair", org: "red-sin-fronteras", chair: true },
  { user: "committeeBr", org: "rede-cone-sul-migracoes" },
  { user: "committeeHt", org: "reseau-caribeen-des-migrants" },
  { user: "committeeEc", org: "red-andina-de-movilidad-humana" },
  { user: "committeeUs", org: "diaspora-network-for-the-americas" },
];

/** Writes the whole demo data set in one transaction: accounts, organizations, proposals, sessions, the report. */
export async function seedDemo(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const day = 86_400_000;
  const now = Date.now();
  await db.$transaction(
    async (tx) => {
      const users: Record<string, string> = {};
      for (const u of USERS) {
        const created = await tx.user.create({
          data: { name: u.name, email: u.email, passwordHash, preferredLocale: u.locale },
        });
        users[u.key] = created.id;
      }
      await tx.roleAssignment.create({ data: { userId: users.admin, role: "ADMIN" } });
      await recordAudit(tx, {
        actorId: null,
        action: "role.granted",
        entityType: "User",
        entityId: users.admin,
        isPublic: true,
        data: { userName: USERS[0].name, role: "ADMIN" },
      });
      for (const key of ["staffIom", "staffEclac"]) {
        await tx.roleAssignment.create({ data: { userId: users[key], role: "STAFF", grantedById: users.admin } });
        await recordAudit(tx, {
          actorId: users.admin,
          action: "role.granted",
          entityType: "User",
          entityId: users[key],
          isPublic: true,
          data: { userName: USERS.find((u) => u.key === key)!.name, role: "STAFF" },
        });
      }

      const orgs: Record<string, string> = {};
      for (const [index, o] of DEMO_ORGANIZATIONS.entries()) {
        const adminKey = ORG_ADMINS[o.slug];
        const created = await tx.organization.create({
          data: {
            slug: o.slug,
            name: o.name,
            acronym: o.acronym,
            country: o.country,
            subregion: subregionFor(o.country, o.diaspora),
            type: o.type,
            languages: o.languages,
            website: o.website,
            description: o.description,
            contactEmail: `contacto@${o.slug}.example`,
            status: o.status,
            statusReason: o.status === "SUSPENDED" ? "Solicitud de la propia organización mientras renueva su junta directiva." : null,
            statusChangedAt: o.status === "PENDING" ? null : new Date(now - (30 - index) * day),
            createdById: users[adminKey],
            createdAt: new Date(now - (40 - index) * day),
            memberships: { create: [{ userId: users[adminKey], role: "ADMIN" }] },
          },
        });
        orgs[o.slug] = created.id;
        if (o.status === "VERIFIED" || o.status === "SUSPENDED") {
          await recordAudit(tx, {
            actorId: users[index % 2 ? "staffEclac" : "staffIom"],
            action: "organization.verified",
            entityType: "Organization",
            entityId: created.id,
            isPublic: true,
            data: { organizationName: o.name, organizationSlug: o.slug },
          });
        }
        if (o.status === "SUSPENDED") {
          await recordAudit(tx, {
            actorId: users.staffIom,
            action: "organization.suspended",
            entityType: "Organization",
            entityId: created.id,
            isPublic: true,
            data: { organizationName: o.name, organizationSlug: o.slug },
          });
        }
      }
      // A second member in two organizations, so member lists are not all of one.
      await tx.membership.create({ data: { userId: users.chair, organizationId: orgs["red-sin-fronteras"], role: "MEMBER" } });
      await tx.membership.create({ data: { userId: users.participant, organizationId: orgs["centro-de-derechos-el-salvador"], role: "MEMBER" } });

      const startsOn = new Date(Date.UTC(new Date(now).getUTCFullYear(), 0, 1));
      const endsOn = new Date(Date.UTC(new Date(now).getUTCFullYear() + 1, 11, 31));
      for (const member of COMMITTEE) {
        await tx.committeeTerm.create({
          data: {
            userId: users[member.user],
            organizationId: orgs[member.org],
            startsOn,
            endsOn,
            isChair: member.chair ?? false,
            grantedById: users.staffIom,
          },
        });
        await recordAudit(tx, {
          actorId: users.staffIom,
          action: "committee_term.granted",
          entityType: "CommitteeTerm",
          entityId: users[member.user],
          isPublic: true,
          data: {
            userName: USERS.find((u) => u.key === member.user)!.name,
            organizationName: DEMO_ORGANIZATIONS.find((o) => o.slug === member.org)!.name,
            startsOn: startsOn.toISOString().slice(0, 10),
            endsOn: endsOn.toISOString().slice(0, 10),
            isChair: member.chair ?? false,
          },
        });
      }

      const proposalIds = await seedProposals(tx, { users, orgs, now });

      await seedSessions(
        tx,
        {
          people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key], name: u.name, email: u.email }])),
          organizations: Object.fromEntries(DEMO_ORGANIZATIONS.map((o) => [o.slug, { id: orgs[o.slug], name: o.name, country: o.country }])),
          proposals: new Map(DEMO_PROPOSALS.map((p, index) => [p.title, proposalIds[index]])),
          now,
        },
        passwordHash,
      );

      // The previous review's final report first: it is version 1.
      const finalReport = await seedFinalReport(tx, { people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key] }])), now });
      await seedReport(tx, {
        people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key], name: u.name }])),
        organizations: Object.fromEntries(DEMO_ORGANIZATIONS.map((o) => [o.slug, { id: orgs[o.slug], name: o.name, slug: o.slug, status: o.status }])),
        proposals: new Map(DEMO_PROPOSALS.map((p, index) => [p.title, proposalIds[index]])),
        now,
      });

      await seedSessionQuestions(tx, { people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key], name: u.name }])), organizations: Object.fromEntries(Object.entries(orgs).map(([slug, id]) => [slug, { id }])), now }, passwordHash);

      await seedChampions(tx, {
        people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key], name: u.name }])),
        organizations: Object.fromEntries(DEMO_ORGANIZATIONS.map((o) => [o.slug, { id: orgs[o.slug], name: o.name, slug: o.slug, country: o.country, type: o.type }])),
        finalReport,
        now,
      });

      await seedModeration(tx, { people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key], name: u.name }])), organizations: Object.fromEntries(DEMO_ORGANIZATIONS.map((o) => [o.slug, { id: orgs[o.slug], name: o.name }])), now });

      await seedMonitoring(tx, {
        people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key], name: u.name }])),
        passwordHash,
        now,
      });
      await seedEvaluations(tx, { people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key] }])), now });
      await seedDialogue(tx, { people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key], name: u.name }])), organizations: Object.fromEntries(DEMO_ORGANIZATIONS.map((o) => [o.slug, { id: orgs[o.slug], name: o.name }])), passwordHash, now });
      await seedConsultations(tx, { people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key] }])), organizations: Object.fromEntries(DEMO_ORGANIZATIONS.map((o) => [o.slug, { id: orgs[o.slug], name: o.name, slug: o.slug }])), now });
      await seedFollows(tx, { people: Object.fromEntries(USERS.map((u) => [u.key, { id: users[u.key] }])), now });
    },
    { timeout: 60_000 },
  );
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const DECIDED = new Set(["ACCEPTED", "NOT_RETAINED", "INCORPORATED"]);

/** Proposals in every state with their public history, answers, co-sponsors and comments. */
async function seedProposals(tx: Tx, ctx: { users: Record<string, string>; orgs: Record<string, string>; now: number }): Promise<string[]> {
  const { users, orgs, now } = ctx;
  const day = 86_400_000;
  const orgName = (slug: string) => DEMO_ORGANIZATIONS.find((o) => o.slug === slug)!.name;
  const authorOf = (slug: string) => users[ORG_ADMINS[slug]];
  const reviewers = ["chair", "committeeBr", "committeeHt", "committeeEc", "committeeUs", "staffIom"];
  const ids: string[] = [];
  for (const [index, p] of DEMO_PROPOSALS.entries()) {
    const submittedAt = p.status === "DRAFT" ? null : new Date(now - (60 - index) * day);
    const answeredAt = DECIDED.has(p.status) ? new Date(now - (20 - (index % 15)) * day) : null;
    // The reviewer never belongs to the proposal's organization (no conflict of interest).
    const reviewer = reviewers.map((k) => users[k]).find((u) => u !== authorOf(p.org))!;
    const answer = p.answer ? { [p.language]: p.answer, ...(p.answerEs && p.language !== "es" ? { es: p.answerEs } : {}) } : undefined;
    const body = `${p.summary}\n\n${p.points.map((point) => `- ${point}`).join("\n")}`;
    const created = await tx.proposal.create({
      data: {
        organizationId: orgs[p.org],
        authorId: authorOf(p.org),
        title: p.title,
        summary: p.summary,
        body,
        language: p.language,
        objectives: p.objectives,
        countries: p.countries,
        concernsChildren: p.flags?.includes("children") ?? false,
        concernsGender: p.flags?.includes("gender") ?? false,
        concernsIrregular: p.flags?.includes("irregular") ?? false,
        status: p.status,
        submittedAt,
        answer,
        answeredAt,
        answeredById: answeredAt ? reviewer : null,
        incorporatedNote: p.incorporatedNote,
        cosponsorCount: p.cosponsors?.length ?? 0,
        createdAt: new Date(now - (70 - index) * day),
      },
    });
    ids.push(created.id);
    const data = { proposalTitle: p.title, organizationName: orgName(p.org), organizationSlug: p.org };
    const steps: { action: keyof typeof STATUS_AFTER; at: Date; actor: string }[] = [];
    if (submittedAt) steps.push({ action: "proposal.submitted", at: submittedAt, actor: authorOf(p.org) });
    for (const [i, sponsor] of (p.cosponsors ?? []).entries()) {
      const at = new Date(submittedAt!.getTime() + (i + 1) * 3_600_000);
      await tx.proposalCosponsor.create({ data: { proposalId: created.id, organizationId: orgs[sponsor], userId: authorOf(sponsor), createdAt: at } });
      await recordAudit(tx, {
        actorId: authorOf(sponsor),
        action: "proposal.cosponsored",
        entityType: "Proposal",
        entityId: created.id,
        isPublic: true,
        data: { proposalTitle: p.title, organizationName: orgName(sponsor), organizationSlug: sponsor },
      });
    }
    if (p.status !== "DRAFT" && p.status !== "SUBMITTED" && p.status !== "WITHDRAWN") {
      steps.push({ action: "proposal.review_started", at: new Date(submittedAt!.getTime() + 2 * day), actor: reviewer });
    }
    if (p.status === "WITHDRAWN") steps.push({ action: "proposal.withdrawn", at: new Date(submittedAt!.getTime() + 3 * day), actor: authorOf(p.org) });
    if (answeredAt) {
      const decision = p.status === "NOT_RETAINED" ? "proposal.not_retained" : "proposal.accepted";
      steps.push({ action: decision, at: answeredAt, actor: reviewer });
    }
    if (p.status === "INCORPORATED") steps.push({ action: "proposal.incorporated", at: new Date(answeredAt!.getTime() + day), actor: users.staffIom });
    for (const step of steps) {
      await tx.auditEntry.create({
        data: auditRow(
          { actorId: step.actor, action: step.action, entityType: "Proposal", entityId: created.id, isPublic: true, data: { ...data, status: STATUS_AFTER[step.action] } },
          step.at,
        ),
      });
    }
  }
  for (const c of DEMO_COMMENTS) {
    const proposalId = ids[c.proposal];
    const firstOrg = (key: string) => Object.entries(ORG_ADMINS).find(([, admin]) => admin === key)?.[0];
    const comment = await tx.proposalComment.create({
      data: { proposalId, authorId: users[c.author], organizationId: firstOrg(c.author) ? orgs[firstOrg(c.author)!] : null, body: c.body },
    });
    if (c.reply) {
      await tx.proposalComment.create({
        data: {
          proposalId,
          authorId: users[c.reply.author],
          organizationId: firstOrg(c.reply.author) ? orgs[firstOrg(c.reply.author)!] : null,
          parentId: comment.id,
          body: c.reply.body,
        },
      });
    }
  }
  return ids;
}

/** Loads the demo data when the database has no users yet. Returns whether it did. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await seedDemo();
  return true;
}
