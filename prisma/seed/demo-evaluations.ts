// Demo evaluations of the process: a closed one of the past session, answered by the people who
// took part in it (its registrants and confirmed speakers with an account; five or more, so its
// results show figures), and an open one of the review as a whole, answered by two committee
// members so far. Written inside the demo's transaction, with the audit rows the commands would
// write, dated. Answers are written as the command writes them: a participation and an anonymous response.
import { createHash } from "node:crypto";
import { auditRow, type AuditInput } from "../../lib/audit/record";
import type { Prisma } from "../../lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

export type EvaluationSeedContext = { people: Record<string, { id: string }>; now: number };

/** A stable id for a demo evaluation (pages and tests can name it): a version-4 UUID made from a hash. */
export function demoEvaluationId(key: string): string {
  const hex = createHash("sha256").update(`puente-demo:evaluation:${key}`).digest("hex").slice(0, 32).split("");
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const DEMO_EVALUATIONS = {
  closed: {
    title: { es: "Evaluación de la sesión sobre detención migratoria", en: "Evaluation of the session on immigration detention", pt: "Avaliação da sessão sobre detenção migratória" },
    intro: {
      es: "Cuéntanos cómo viviste la sesión: la preparación, la interpretación y si tu organización pudo hacerse oír.",
      en: "Tell us how the session went for you: the preparation, the interpretation and whether your organization was heard.",
      pt: "Conte como foi a sessão para você: a preparação, a interpretação e se a sua organização foi ouvida.",
    },
  },
  open: {
    title: { es: "Evaluación de la revisión regional", en: "Evaluation of the regional review", pt: "Avaliação da revisão regional", fr: "Évaluation de la revue régionale" },
    intro: {
      es: "A mitad de camino, queremos saber cómo está funcionando la participación de la sociedad civil en la revisión.",
      en: "Halfway through, we want to know how civil society’s participation in the review is working.",
      pt: "No meio do caminho, queremos saber como está funcionando a participação da sociedade civil na revisão.",
      fr: "À mi-parcours, nous voulons savoir comment fonctionne la participation de la société civile à la revue.",
    },
  },
} as const;

const QUESTIONS = [
  {
    kind: "SCALE" as const,
    text: { es: "¿Recibiste la información a tiempo para prepararte?", en: "Did you get the information in time to prepare?", pt: "Você recebeu as informações a tempo de se preparar?", fr: "Avez-vous reçu l’information à temps pour vous préparer ?" },
    lowLabel: { es: "Nada a tiempo", en: "Not in time at all", pt: "Nada a tempo", fr: "Pas du tout à temps" },
    highLabel: { es: "Con mucho tiempo", en: "With plenty of time", pt: "Com bastante tempo", fr: "Largement à temps" },
  },
  {
    kind: "SCALE" as const,
    text: { es: "¿Pudo tu organización hacerse oír?", en: "Was your organization heard?", pt: "A sua organização foi ouvida?", fr: "Votre organisation a-t-elle été entendue ?" },
    lowLabel: { es: "Nada", en: "Not at all", pt: "Nada", fr: "Pas du tout" },
    highLabel: { es: "Plenamente", en: "Fully", pt: "Plenamente", fr: "Pleinement" },
  },
  {
    kind: "TEXT" as const,
    text: { es: "¿Qué cambiarías para la próxima vez?", en: "What would you change next time?", pt: "O que você mudaria da próxima vez?", fr: "Que changeriez-vous la prochaine fois ?" },
    lowLabel: {},
    highLabel: {},
  },
];

/** Scores for the two scale questions and the open answer, one row per respondent. */
const CLOSED_ANSWERS: [number, number, string | null][] = [
  [4, 3, "Más tiempo para las preguntas del público."],
  [2, 4, "A interpretação para o português chegou tarde."],
  [5, 4, null],
  [3, 2, "Interpretation into English was hard to follow at times."],
  [4, 5, "Plus de place pour les organisations haïtiennes."],
  [5, 4, "Publicar los documentos una semana antes."],
  [3, 3, null],
];

export async function seedEvaluations(tx: Tx, ctx: EvaluationSeedContext): Promise<void> {
  const { people, now } = ctx;
  const at = (day: number) => new Date(now + day * DAY);
  const day = (offset: number) => new Date(new Date(now + offset * DAY).toISOString().slice(0, 10) + "T00:00:00Z");
  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  const log = (when: Date, actor: string, entry: Omit<AuditInput, "actorId">) => audit.push(auditRow({ ...entry, actorId: people[actor].id } as AuditInput, when));

  // The held session with the most people who took part in it.
  const session = await tx.reviewSession.findFirstOrThrow({
    where: { status: { in: ["HELD", "REPORT_PUBLISHED"] } },
    select: { id: true, endsAt: true, registrations: { select: { userId: true } }, nominations: { where: { status: "SELECTED", nomineeUserId: { not: null } }, select: { nomineeUserId: true } } },
    orderBy: { registrations: { _count: "desc" } },
  });
  const respondents = [...new Set([...session.registrations.map((r) => r.userId), ...session.nominations.map((n) => n.nomineeUserId!)])].slice(0, CLOSED_ANSWERS.length);
  if (respondents.length < 5) throw new Error(`the demo's held session has ${respondents.length} participants: the closed evaluation needs 5`);

  const sessionDay = Math.floor((session.endsAt.getTime() - now) / DAY);
  const closed = await writeEvaluation(tx, "closed", { sessionId: session.id, opensOn: day(sessionDay + 1), closesOn: day(sessionDay + 15), openedAt: at(sessionDay + 1), closedAt: at(sessionDay + 16), createdById: people.staffIom.id });
  for (const [i, userId] of respondents.entries()) {
    const [a, b, words] = CLOSED_ANSWERS[i];
    await answer(tx, closed, userId, [a, b, words]);
  }
  const base = { evaluationId: closed.id, title: DEMO_EVALUATIONS.closed.title, sessionId: session.id };
  log(at(sessionDay + 1), "staffIom", { action: "evaluation.opened", entityType: "Evaluation", entityId: closed.id, isPublic: true, data: { ...base, opensOn: iso(closed.opensOn), closesOn: iso(closed.closesOn) } });
  log(at(sessionDay + 16), "chair", { action: "evaluation.closed", entityType: "Evaluation", entityId: closed.id, isPublic: true, data: { ...base, answerCount: respondents.length } });

  const open = await writeEvaluation(tx, "open", { sessionId: null, opensOn: day(-5), closesOn: day(25), openedAt: at(-5), closedAt: null, createdById: people.chair.id });
  await answer(tx, open, people.committeeBr.id, [4, 3, "Mais sessões em português, por favor."]);
  await answer(tx, open, people.committeeHt.id, [3, 4, null]);
  log(at(-5), "chair", {
    action: "evaluation.opened",
    entityType: "Evaluation",
    entityId: open.id,
    isPublic: true,
    data: { evaluationId: open.id, title: DEMO_EVALUATIONS.open.title, sessionId: null, opensOn: iso(open.opensOn), closesOn: iso(open.closesOn) },
  });
  await tx.auditEntry.createMany({ data: audit });
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function writeEvaluation(
  tx: Tx,
  key: keyof typeof DEMO_EVALUATIONS,
  data: { sessionId: string | null; opensOn: Date; closesOn: Date; openedAt: Date; closedAt: Date | null; createdById: string },
) {
  return tx.evaluation.create({
    data: {
      id: demoEvaluationId(key),
      ...data,
      title: DEMO_EVALUATIONS[key].title,
      intro: DEMO_EVALUATIONS[key].intro,
      status: data.closedAt ? "CLOSED" : "OPEN",
      createdAt: new Date(data.openedAt.getTime() - 2 * DAY),
      questions: { create: QUESTIONS.map((q, i) => ({ position: i + 1, ...q })) },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
}

async function answer(tx: Tx, evaluation: { id: string; questions: { id: string }[] }, userId: string, [a, b, words]: [number, number, string | null]) {
  await tx.evaluationParticipation.create({ data: { evaluationId: evaluation.id, userId } });
  const [q1, q2, q3] = evaluation.questions;
  const answers = [
    { questionId: q1.id, score: a },
    { questionId: q2.id, score: b },
    ...(words ? [{ questionId: q3.id, text: words }] : []),
  ];
  await tx.evaluationResponse.create({ data: { evaluationId: evaluation.id, answers: { create: answers } } });
}
