import { db } from "@/lib/db/client";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { dialogueWorld } from "./dialogue-fixtures";

/** The dialogue's world (IOM and ECLAC delegates) for consultations. */
export const consultationWorld = dialogueWorld;

const DAY = 86_400_000;
const day = (offset: number) => new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z").getTime() + offset * DAY;

/** What a consultation form posts (flat names, as the page sends them). */
export const consultationInput = (extra: Record<string, unknown> = {}) => ({
  "texts.es.title": "Consulta sobre vías regulares",
  "texts.es.background": "Antecedentes de la consulta.",
  "texts.en.title": "Consultation on regular pathways",
  "questions.0.es": "¿Qué obstáculos encuentran para regularizarse?",
  "questions.0.en": "What stands in the way of regularization?",
  "questions.1.es": "¿Qué funciona?",
  languages: ["es", "en"],
  objectives: ["5", "7"],
  opensOn: new Date(day(-1)).toISOString().slice(0, 10),
  closesOn: new Date(day(10)).toISOString().slice(0, 10),
  ...extra,
});

/** A consultation written straight to the database in a given state, owned by `ownerId`, with two questions. */
export async function insertConsultation(ownerId: string | null, status: ConsultationStatus = "OPEN", options: { opensOffset?: number; closesOffset?: number } = {}) {
  return db.consultation.create({
    data: {
      ownerId,
      title: { es: "Consulta de prueba", en: "Test consultation" },
      background: { es: "Contexto." },
      languages: ["es", "en", "pt", "fr"],
      objectives: [7],
      status,
      opensOn: new Date(day(options.opensOffset ?? -2)),
      closesOn: new Date(day(options.closesOffset ?? 10)),
      questions: { create: [{ position: 1, text: { es: "¿Primera?", en: "First?" } }, { position: 2, text: { es: "¿Segunda?" } }] },
    },
    select: { id: true, questions: { select: { id: true }, orderBy: { position: "asc" } } },
  });
}

export const contributionInput = (questionId: string, extra: Record<string, unknown> = {}) => ({
  questionId,
  language: "es",
  body: "Los trámites cuestan demasiado para quien gana el salario mínimo.",
  ...extra,
});

/** A contribution written straight to the database (for states a command cannot reach). */
export const insertContribution = (consultationId: string, questionId: string, askerId: string | null, extra: { pseudonymId?: string; parentId?: string } = {}) =>
  db.consultationContribution.create({ data: { consultationId, questionId, askerId, language: "es", body: "Un aporte de prueba suficientemente largo.", ...extra }, select: { id: true } });
