import { db } from "@/lib/db/client";
import { visibleWhere } from "@/lib/consultations/queries";
import { publicAnswerWhere, publicQuestionWhere, questionStatus } from "@/lib/dialogue/policy";
import { asLocalizedText } from "@/lib/i18n/localized-text";
import { afterId, fields, iso, isoDay, UUID_PATTERN, type Dataset } from "../types";

// Questions to the delegates, their answers and consultations, read with the same rules as
// their pages. Never who asked: not a user, not a pseudonym (a pseudonym is a link to a person).

export const questions: Dataset = {
  name: "questions",
  fields: fields("id:string", "institution:string", "language:string", "title:string", "body:string", "objectives:array<integer>", "status:string", "deadlineAt:datetime", "mergedIntoId:string?", "createdAt:datetime"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const now = new Date();
    const rows = await db.dialogueQuestion.findMany({
      where: { AND: [publicQuestionWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, language: true, title: true, body: true, objectives: true, deadlineAt: true, answeredAt: true, mergedIntoId: true, createdAt: true, institution: { select: { slug: true } } },
    });
    return rows.map(({ institution, answeredAt, ...r }) => ({
      ...r,
      institution: institution.slug,
      status: questionStatus({ answeredAt, deadlineAt: r.deadlineAt }, now),
      deadlineAt: r.deadlineAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
    }));
  },
  count: () => db.dialogueQuestion.count({ where: publicQuestionWhere }),
};


export const answers: Dataset = {
  name: "answers",
  fields: fields("id:string", "questionId:string", "institution:string", "language:string?", "body:string", "answeredAt:datetime"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.dialogueQuestion.findMany({
      where: { AND: [publicAnswerWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, answerBody: true, answerLanguage: true, answeredAt: true, institution: { select: { slug: true } } },
    });
    // One answer per question: the question's id is the answer's.
    return rows.map((r) => ({ id: r.id, questionId: r.id, institution: r.institution.slug, language: r.answerLanguage, body: r.answerBody ?? "", answeredAt: iso(r.answeredAt) ?? "" }));
  },
  count: () => db.dialogueQuestion.count({ where: publicAnswerWhere }),
};

// A visitor's view: every consultation past its draft.
const consultationWhere = visibleWhere(null);

export const consultations: Dataset = {
  name: "consultations",
  fields: fields("id:string", "title:object", "background:object", "languages:array<string>", "objectives:array<integer>", "status:string", "opensOn:date", "closesOn:date", "synthesis:object?", "synthesizedAt:datetime?"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.consultation.findMany({
      where: { AND: [consultationWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, title: true, background: true, languages: true, objectives: true, status: true, opensOn: true, closesOn: true, synthesis: true, synthesizedAt: true },
    });
    return rows.map((r) => ({
      ...r,
      title: asLocalizedText(r.title),
      background: asLocalizedText(r.background),
      opensOn: isoDay(r.opensOn) ?? "",
      closesOn: isoDay(r.closesOn) ?? "",
      // Published only once synthesized.
      synthesis: r.status === "SYNTHESIZED" && r.synthesis ? asLocalizedText(r.synthesis) : null,
      synthesizedAt: iso(r.synthesizedAt),
    }));
  },
  count: () => db.consultation.count({ where: consultationWhere }),
};

const questionWhere = { consultation: consultationWhere };

export const consultationQuestions: Dataset = {
  name: "consultation-questions",
  fields: fields("id:string", "consultationId:string", "position:integer", "text:object"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.consultationQuestion.findMany({ where: { AND: [questionWhere, afterId(after)] }, orderBy: { id: "asc" }, take: limit, select: { id: true, consultationId: true, position: true, text: true } });
    return rows.map((r) => ({ ...r, text: asLocalizedText(r.text) }));
  },
  count: () => db.consultationQuestion.count({ where: questionWhere }),
};

// A hidden contribution keeps its place on the page with the reason only: its words go nowhere.
const contributionWhere = { AND: [questionWhere, { hiddenAt: null }] };

export const consultationContributions: Dataset = {
  name: "consultation-contributions",
  fields: fields("id:string", "consultationId:string", "questionId:string", "parentId:string?", "language:string", "body:string", "cited:boolean", "createdAt:datetime"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.consultationContribution.findMany({
      where: { AND: [contributionWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, consultationId: true, questionId: true, parentId: true, language: true, body: true, cited: true, createdAt: true },
    });
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  },
  count: () => db.consultationContribution.count({ where: contributionWhere }),
};

// What the owner told participants, on the consultation's page for everyone once it is open.
const updateWhere = { consultation: consultationWhere };

export const consultationUpdates: Dataset = {
  name: "consultation-updates",
  fields: fields("id:string", "consultationId:string", "language:string", "body:string", "createdAt:datetime"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.consultationUpdate.findMany({
      where: { AND: [updateWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      // Never who wrote it: the page signs it with the consultation, not a person.
      select: { id: true, consultationId: true, language: true, body: true, createdAt: true },
    });
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  },
  count: () => db.consultationUpdate.count({ where: updateWhere }),
};
