// Champion States and commitments for the champions tests: rows written straight to the
// database, so each command can be tried on a commitment, assessment or suggestion in any state.
import { db } from "@/lib/db/client";
import type { CommitmentKind, SuggestionStatus } from "@/lib/generated/prisma/enums";
import { FOUNDING_CHAMPIONS } from "@/lib/champions/schemas";
import { insertVersion } from "./report-fixtures";

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The founding champions, from 2020 with no end. */
export async function foundingTerms() {
  await db.championTerm.createMany({ data: FOUNDING_CHAMPIONS.map((country) => ({ country, startsOn: day("2020-01-01") })) });
}

/** A valid createInitiative input, as nested objects. */
export const initiativeInput = (country = "MX") => ({
  country,
  publicBody: "Secretaría de Gobernación",
  objectives: [5, 7],
  texts: { es: { title: "Programa de regularización", description: "Regularización de personas migrantes." } },
  milestones: [{ label: "Decreto publicado", plannedOn: "2026-01-15" }],
  sources: [{ title: "Diario Oficial", url: "https://dof.example/decreto" }],
});

/** The same as a form posts it: flat names, blank rows and languages the page rendered. */
export const initiativeForm = (country = "MX") => ({
  country,
  publicBody: "Secretaría de Gobernación",
  objectives: ["5", "7"],
  "texts.es.title": "Programa de regularización",
  "texts.es.description": "Regularización de personas migrantes.",
  "texts.en.title": "",
  "texts.en.description": "",
  "milestones.0.label": "Decreto publicado",
  "milestones.0.plannedOn": "2026-01-15",
  "milestones.0.doneOn": "",
  "milestones.1.label": "",
  "milestones.1.plannedOn": "",
  "sources.0.title": "Diario Oficial",
  "sources.0.url": "https://dof.example/decreto",
  "sources.0.publisher": "",
});

/** A commitment written directly (revision 1, one revision row, one Spanish text). */
export async function insertCommitment(options: { kind?: CommitmentKind; country?: string; title?: string; lastUpdatedAt?: Date; reportVersionId?: string; anchor?: string } = {}) {
  const kind = options.kind ?? "INITIATIVE";
  const c = await db.commitment.create({
    data: {
      kind,
      country: kind === "INITIATIVE" ? (options.country ?? "MX") : null,
      publicBody: kind === "INITIATIVE" ? "Ministerio" : null,
      addressee: kind === "RECOMMENDATION" ? "STATES" : null,
      reportVersionId: kind === "RECOMMENDATION" ? options.reportVersionId : null,
      paragraphAnchor: kind === "RECOMMENDATION" ? options.anchor : null,
      objectives: [7],
      lastUpdatedAt: options.lastUpdatedAt ?? new Date(),
      texts: { create: [{ language: "es", title: options.title ?? "Iniciativa de prueba", description: "Descripción." }] },
    },
  });
  await db.commitmentRevision.create({ data: { commitmentId: c.id, revision: 1, snapshot: {} } });
  return c;
}

export async function insertAssessment(commitmentId: string, organizationId: string, options: { hidden?: boolean } = {}) {
  return db.assessment.create({
    data: {
      commitmentId,
      organizationId,
      language: "es",
      progress: "IN_PROGRESS",
      inclusion: "INFORMED",
      rightsCentred: "PARTLY",
      rightsNote: "Porque sí.",
      ...(options.hidden ? { hiddenAt: new Date(), hiddenReason: "Datos personales." } : {}),
    },
  });
}

export async function insertSuggestion(organizationId: string, status: SuggestionStatus = "PENDING") {
  return db.initiativeSuggestion.create({
    data: {
      organizationId,
      country: "MX",
      language: "es",
      title: "Ventanilla única para personas retornadas",
      description: "Una oficina en cada estado.",
      sourceUrl: "https://example.org/nota",
      status,
      ...(status === "PENDING" ? {} : { decidedAt: new Date(), decisionReason: status === "DECLINED" ? "Ya listada." : null }),
    },
  });
}

/** A FINAL report version whose paragraphs are recommendations to mark (and one heading). */
export async function finalVersion(number = 1) {
  const body = ["## Recomendaciones", ...Array.from({ length: 12 }, (_, i) => `Recomendamos a los Estados la medida número ${i + 1} para proteger a las personas migrantes.`)].join("\n\n");
  const version = await insertVersion({ number, status: "FINAL", body });
  const heading = version.paragraphs.find((p) => p.headingLevel !== null)!;
  const paragraphs = version.paragraphs.filter((p) => p.headingLevel === null);
  return { version, heading, paragraphs };
}
