// Demo champion States (the founding four), their illustrative initiatives with dated updates,
// revisions, sources and civil society's assessments (agreeing and disagreeing), a stalled one,
// one not updated for more than 90 days, a pending and a declined suggestion, and follows.
// Written inside the demo's transaction, with the audit rows the commands would write, dated.
// The previous review's final report (version 1) has its recommendations marked and followed up.
import { createHash } from "node:crypto";
import { auditRow, type AuditInput } from "../../lib/audit/record";
import { FOUNDING_CHAMPIONS } from "../../lib/champions/schemas";
import { bump, commitmentAudit, firstTitle, insertCommitment, writeRevision, type CommitmentRow } from "../../lib/champions/commands/shared";
import { recommendationTitle } from "../../lib/champions/commands/mark-recommendation";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Addressee, OrganizationType } from "../../lib/generated/prisma/enums";
import { locales } from "../../i18n/routing";
import { DEMO_INITIATIVES, DEMO_RECOMMENDATIONS, DEMO_SUGGESTIONS, ILLUSTRATIVE, type DemoAssessment, type DemoUpdate } from "./demo-champions-data";
import { DEMO_FINAL_REPORT, type FinalReportSeed } from "./demo-final-report";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

export type ChampionSeedContext = {
  people: Record<string, { id: string; name: string }>;
  organizations: Record<string, { id: string; name: string; slug: string; country: string; type: OrganizationType }>;
  /** The previous review's final report, whose recommendations are followed up. */
  finalReport: FinalReportSeed;
  now: number;
};

/**
 * A stable id for a demo row ("initiative:mx-regularizacion-temporal"): the same on every fresh
 * demo, so pages, tests and links can name it. A valid version-4 UUID made from a hash.
 */
export function demoChampionId(key: string): string {
  const hex = createHash("sha256").update(`puente-demo:${key}`).digest("hex").slice(0, 32).split("");
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const demoInitiativeId = (key: string) => demoChampionId(`initiative:${key}`);
export const demoSuggestionId = (key: string) => demoChampionId(`suggestion:${key}`);

const dateOnly = (ms: number) => new Date(new Date(ms).toISOString().slice(0, 10) + "T00:00:00Z");

export async function seedChampions(tx: Tx, ctx: ChampionSeedContext): Promise<void> {
  const { people, organizations, now } = ctx;
  const at = (day: number) => new Date(now + day * DAY);
  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  const log = (when: Date, actor: string, entry: Omit<AuditInput, "actorId">) => audit.push(auditRow({ ...entry, actorId: people[actor].id } as AuditInput, when));

  // The founding champions, from the first of January of last year, with no end.
  const startsOn = new Date(Date.UTC(new Date(now).getUTCFullYear() - 1, 0, 1));
  for (const country of FOUNDING_CHAMPIONS) {
    const term = await tx.championTerm.create({ data: { id: demoChampionId(`term:${country}`), country, startsOn, grantedById: people.staffIom.id, createdAt: startsOn } });
    log(startsOn, "staffIom", {
      action: "champion.term_added",
      entityType: "ChampionTerm",
      entityId: term.id,
      isPublic: true,
      data: { country, startsOn: startsOn.toISOString().slice(0, 10), endsOn: null },
    });
  }

  // The government's (or the addressee's) dated updates, each with its source, as postUpdate writes them.
  const postUpdates = async (id: string, row: CommitmentRow, staff: string, updates: DemoUpdate[], source: { publisher: string; url: string }) => {
    for (const u of updates) {
      const when = at(u.day);
      const update = await tx.commitmentUpdate.create({
        data: { commitmentId: id, reportedOn: dateOnly(when.getTime() - DAY), language: u.language, body: u.body, status: u.status ?? null, authorId: people[staff].id, createdAt: when },
      });
      await tx.commitmentSource.create({ data: { updateId: update.id, title: "Comunicado oficial", publisher: source.publisher, publishedOn: dateOnly(when.getTime() - DAY), url: `${source.url}/${-u.day}` } });
      const previous = row.status;
      await tx.commitment.update({ where: { id }, data: { ...bump(row, when), status: u.status ?? previous } });
      row = await writeRevision(tx, id, "update_posted", people[staff].id, when, { previousStatus: u.status && u.status !== previous ? previous : null, updateId: update.id });
      const data = commitmentAudit(row, firstTitle(row.texts));
      log(when, staff, { action: "commitment.update_posted", entityType: "Commitment", entityId: id, isPublic: true, data: { ...data, reportedOn: update.reportedOn.toISOString().slice(0, 10) } });
      if (u.status && u.status !== previous) log(when, staff, { action: "commitment.status_changed", entityType: "Commitment", entityId: id, isPublic: true, data: { ...data, previousStatus: previous } });
    }
    return row;
  };

  // Civil society's assessments, a few days after the latest update, signed with the organization.
  const submitAssessments = async (id: string, row: CommitmentRow, assessments: DemoAssessment[], afterDay: number) => {
    for (const [i, a] of assessments.entries()) {
      const org = organizations[a.org];
      const authorKey = ASSESSORS[a.org];
      const when = at(Math.min(-1, afterDay + 3 + i));
      const created = await tx.assessment.create({
        data: {
          commitmentId: id,
          organizationId: org.id,
          authorId: people[authorKey].id,
          language: a.language,
          progress: a.progress,
          inclusion: a.inclusion,
          inclusionNote: a.inclusionNote ?? null,
          rightsCentred: a.rightsCentred,
          rightsNote: a.rightsNote,
          evidence: a.evidence ?? null,
          createdAt: when,
          updatedAt: when,
        },
      });
      log(when, authorKey, {
        action: "assessment.submitted",
        entityType: "Assessment",
        entityId: created.id,
        isPublic: true,
        data: { commitmentId: id, commitmentKind: row.kind, commitmentTitle: firstTitle(row.texts), organizationName: org.name, organizationSlug: org.slug, revised: false },
      });
    }
  };

  for (const [index, d] of DEMO_INITIATIVES.entries()) {
    const staff = index % 2 ? "staffEclac" : "staffIom";
    const id = demoInitiativeId(d.key);
    const created = at(d.createdDay);
    // Said in every text: these are examples for the demo, not real commitments.
    const texts = locales.filter((l) => d.texts[l]).map((language) => ({ language, title: d.texts[language]!.title, description: `${ILLUSTRATIVE[language]} ${d.texts[language]!.description}` }));
    const firstStatus = d.updates.find((u) => u.status) ? "ANNOUNCED" : d.status;
    await tx.commitment.create({
      data: {
        id,
        kind: "INITIATIVE",
        country: d.country,
        publicBody: d.publicBody,
        objectives: d.objectives,
        status: firstStatus,
        inclusion: d.inclusion,
        inclusionEvidence: d.inclusionEvidence ?? null,
        revision: 1,
        lastUpdatedAt: created,
        createdAt: created,
        createdById: people[staff].id,
        texts: { create: texts },
        milestones: {
          create: d.milestones.map((m, position) => ({ position, label: m.label, language: m.language, plannedOn: dateOnly(now + m.planned * DAY), doneOn: m.done === undefined ? null : dateOnly(now + m.done * DAY) })),
        },
        sources: { create: [{ position: 0, title: `${d.publicBody}: ${texts[0].title}`, publisher: d.publicBody, publishedOn: dateOnly(created.getTime()), url: `https://gobierno.example/${d.key}` }] },
      },
    });
    let row = await writeRevision(tx, id, "created", people[staff].id, created);
    log(created, staff, { action: "commitment.created", entityType: "Commitment", entityId: id, isPublic: true, data: commitmentAudit(row, firstTitle(row.texts)) });

    row = await postUpdates(id, row, staff, d.updates, { publisher: d.publicBody, url: `https://gobierno.example/${d.key}` });
    await submitAssessments(id, row, d.assessments, d.updates.at(-1)?.day ?? d.createdDay);
  }

  // The previous review's final report: staff mark its recommendations and follow them up.
  const { finalReport } = ctx;
  for (const [index, r] of DEMO_RECOMMENDATIONS.entries()) {
    const staff = index % 2 ? "staffEclac" : "staffIom";
    const anchor = DEMO_FINAL_REPORT.anchor(r.block);
    if (!finalReport.paragraphs.some((p) => p.anchor === anchor)) throw new Error(`Demo follow-up: no paragraph ${r.block} in the final report`);
    const marked = at(r.markedDay);
    const text = DEMO_FINAL_REPORT.text(r.block);
    const texts = {
      es: { title: recommendationTitle(text), description: `${ILLUSTRATIVE.es} ${text}` },
      en: { title: r.englishTitle, description: `${ILLUSTRATIVE.en} ${DEMO_FINAL_REPORT.englishText(r.block)}` },
    };
    const firstStatus = r.updates.find((u) => u.status) ? "ANNOUNCED" : r.status;
    let row = await insertCommitment(
      tx,
      {
        id: demoChampionId(`recommendation:${r.block}`),
        kind: "RECOMMENDATION",
        addressee: r.addressee,
        reportVersionId: finalReport.id,
        paragraphAnchor: anchor,
        objectives: r.objectives,
        status: firstStatus,
        inclusion: r.inclusion,
        inclusionEvidence: r.inclusionEvidence ?? null,
      },
      { texts, milestones: [], sources: [] },
      "recommendation_marked",
      people[staff].id,
      marked,
    );
    log(marked, staff, {
      action: "commitment.recommendation_marked",
      entityType: "Commitment",
      entityId: row.id,
      isPublic: true,
      data: { ...commitmentAudit(row, firstTitle(row.texts)), versionNumber: finalReport.number, anchor, addressee: r.addressee },
    });
    row = await postUpdates(row.id, row, staff, r.updates, { publisher: ADDRESSEE_PUBLISHERS[r.addressee], url: `https://seguimiento.example/${r.block}` });
    await submitAssessments(row.id, row, r.assessments, r.updates.at(-1)?.day ?? r.markedDay);
  }

  for (const s of DEMO_SUGGESTIONS) {
    const org = organizations[s.org];
    const when = at(s.day);
    const id = demoSuggestionId(s.key);
    await tx.initiativeSuggestion.create({
      data: {
        id,
        organizationId: org.id,
        authorId: people[s.author].id,
        country: s.country,
        language: s.language,
        title: s.title,
        description: s.description,
        publicBody: s.publicBody,
        sourceUrl: s.sourceUrl,
        createdAt: when,
        ...(s.declined ? { status: "DECLINED", decisionReason: s.declined, decidedById: people.staffIom.id, decidedAt: at(s.day + 2) } : {}),
      },
    });
    const data = { organizationName: org.name, organizationSlug: org.slug, country: s.country, title: s.title };
    log(when, s.author, { action: "suggestion.submitted", entityType: "InitiativeSuggestion", entityId: id, isPublic: false, data });
    if (s.declined) log(at(s.day + 2), "staffIom", { action: "suggestion.declined", entityType: "InitiativeSuggestion", entityId: id, isPublic: true, data: { ...data, reason: s.declined } });
  }

  // The participant (a member in El Salvador) follows El Salvador and one Mexican initiative.
  await tx.follow.createMany({
    data: [
      { userId: people.participant.id, subject: "COUNTRY", key: "SV" },
      { userId: people.participant.id, subject: "COMMITMENT", key: demoInitiativeId("mx-regularizacion-temporal") },
    ],
  });
  await tx.auditEntry.createMany({ data: audit });
}

/** Who signs each organization's assessments in the demo: its admin. */
const ASSESSORS: Record<string, string> = {
  "red-sin-fronteras": "orgAdmin",
  "rede-cone-sul-migracoes": "committeeBr",
  "reseau-caribeen-des-migrants": "committeeHt",
  "red-andina-de-movilidad-humana": "committeeEc",
  "diaspora-network-for-the-americas": "committeeUs",
  "mujeres-migrantes-de-honduras": "hondurasAdmin",
  "centro-de-derechos-el-salvador": "salvadorAdmin",
};

/** Who publishes the updates on a recommendation, by whom it is addressed to. */
const ADDRESSEE_PUBLISHERS: Record<Addressee, string> = {
  STATES: "Informes nacionales voluntarios",
  IOM: "OIM",
  ECLAC: "CEPAL",
  ALL: "Secretaría conjunta OIM–CEPAL",
};
