// Demo monitoring: two reviewers (staff of IOM and ECLAC), reports in four languages and every
// state — new, under review with an exchange of messages, verified and referred, not verified,
// duplicate, possible spam, verified without consent to publish — and published summaries, six
// of them about detention in Mexico in one quarter so that one public cell reaches five and the
// others show "fewer than 5". Written inside the demo's transaction with the case history the
// commands write; sealed with MONITORING_KEY like real reports. Reports are illustrative.
import { auditRow } from "../../lib/audit/record";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Locale, MonitoringCaseStatus, MonitoringCategory, MonitoringPerpetrator } from "../../lib/generated/prisma/enums";
import { receiptHash } from "../../lib/monitoring/receipt-code";
import { RISK_QUESTIONS } from "../../lib/monitoring/review-schemas";
import { sealMessage, sealReport } from "../../lib/monitoring/sealed";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

/** The demo's receipt code for the case under review (README: try the receipt page with it). */
export const DEMO_RECEIPT_CODE = "DEM0-RECE-1PT0-2026-PVEN-TE5T";

export const DEMO_REVIEWERS = [
  { key: "reviewerIom", name: "Inés Paredes (OIM)", email: "monitoreo.oim@puente.example", locale: "es" as Locale },
  { key: "reviewerEclac", name: "Daniel Osei (CEPAL)", email: "monitoreo.cepal@puente.example", locale: "en" as Locale },
] as const;

type DemoSummary = { language: Locale; title: string; body: string; region: string | null; state: "PUBLISHED" | "AWAITING_APPROVAL" | "DRAFT" };
type DemoReport = {
  country: string;
  language: Locale;
  /** Days before now the events happened, and the report was filed. */
  happened: number;
  filed: number;
  categories: MonitoringCategory[];
  perpetrator: MonitoringPerpetrator;
  status: MonitoringCaseStatus;
  narrative: string;
  place: string | null;
  affected: string;
  contact?: string;
  consentPublish: boolean;
  possibleSpam?: boolean;
  referredTo?: string;
  receipt?: string;
  messages?: { fromReporter: boolean; body: string; day: number }[];
  summary?: DemoSummary;
};

/** Days before `now` of the given day of last month: the six Mexican cases share a month, hence a quarter. */
const daysAgoLastMonth = (now: number, day: number) => {
  const d = new Date(now);
  return Math.floor((now - Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, day)) / DAY);
};

const mexicoDetention = (now: number): DemoReport[] => [
  ["Tapachula", "Chiapas", "Personas solicitantes de asilo retenidas más de 36 horas en una estación migratoria sin acceso a defensa."],
  ["Ciudad Hidalgo", "Chiapas", "Familias con niñas y niños detenidas en un puesto de control y trasladadas sin informarles a dónde."],
  ["Acayucan", "Veracruz", "Personas detenidas en una estancia provisional sin atención médica ni intérprete."],
  ["Saltillo", "Coahuila", "Detención de personas migrantes a la salida de un albergue, sin orden ni explicación."],
  ["Tenosique", "Tabasco", "Personas centroamericanas detenidas en un operativo conjunto y presionadas para firmar su retorno."],
  ["Ciudad Juárez", "Chihuahua", "Solicitantes de asilo retenidas en una estación migratoria saturada, sin contacto con sus familias."],
].map(([city, state, what], index) => ({
  country: "MX",
  language: "es" as Locale,
  happened: daysAgoLastMonth(now, 3 + index * 3),
  filed: daysAgoLastMonth(now, 3 + index * 3) - 5,
  categories: ["DETENTION"] as MonitoringCategory[],
  perpetrator: "STATE_AGENTS" as MonitoringPerpetrator,
  status: "VERIFIED" as MonitoringCaseStatus,
  narrative: `${what} Lo vimos en ${city}; acompañamos a las personas durante varios días y documentamos lo ocurrido.`,
  place: city,
  affected: "Un grupo de personas migrantes y solicitantes de asilo.",
  consentPublish: true,
  summary: {
    language: "es" as Locale,
    title: `Detención prolongada de personas migrantes en ${state}`,
    body: `${what} Una organización acompañante lo documentó; el caso fue verificado por el equipo de monitoreo.`,
    region: state,
    state: "PUBLISHED" as const,
  },
}));

const reports = (now: number): DemoReport[] => [
  ...mexicoDetention(now),
  {
    country: "HN",
    language: "es",
    happened: 12,
    filed: 10,
    categories: ["BORDER_VIOLENCE"],
    perpetrator: "STATE_AGENTS",
    status: "UNDER_REVIEW",
    narrative: "Agentes dispersaron con gases a un grupo de personas que esperaba cruzar, entre ellas mujeres embarazadas.",
    place: "Agua Caliente",
    affected: "Unas cuarenta personas en tránsito, entre ellas familias.",
    contact: "Por Signal, al número que dejé en el albergue.",
    consentPublish: true,
    receipt: DEMO_RECEIPT_CODE,
    messages: [
      { fromReporter: false, body: "Gracias por su reporte. ¿Recuerda si alguna persona necesitó atención médica después?", day: 8 },
      { fromReporter: true, body: "Sí, dos personas fueron atendidas por la Cruz Roja esa misma noche.", day: 7 },
    ],
  },
  {
    country: "SV",
    language: "es",
    happened: 40,
    filed: 35,
    categories: ["DEFENDER_HARASSMENT", "CIVIC_SPACE"],
    perpetrator: "UNKNOWN",
    status: "REFERRED",
    narrative: "Personas desconocidas fotografiaron durante semanas la entrada de nuestra oficina y siguieron a dos compañeras.",
    place: "San Salvador",
    affected: "El equipo de una organización que acompaña a personas retornadas.",
    consentPublish: true,
    referredTo: "Relatoría Especial de la ONU sobre la situación de los defensores de derechos humanos",
    summary: {
      language: "es",
      title: "Vigilancia de una organización que acompaña a personas retornadas",
      body: "Una organización denunció vigilancia y seguimiento de su personal durante varias semanas. El caso fue verificado y remitido a un mecanismo de derechos humanos de la ONU.",
      region: "San Salvador",
      state: "PUBLISHED",
    },
  },
  {
    country: "DO",
    language: "fr",
    happened: 60,
    filed: 50,
    categories: ["DEPORTATION"],
    perpetrator: "STATE_AGENTS",
    status: "VERIFIED",
    narrative: "Des personnes d'origine haïtienne ont été expulsées de nuit, sans pouvoir montrer leurs papiers ni prévenir leurs proches.",
    place: "Dajabón",
    affected: "Plusieurs familles, dont des enfants nés dans le pays.",
    consentPublish: true,
    summary: {
      language: "fr",
      title: "Expulsions nocturnes de familles à la frontière nord",
      body: "Des familles ont été expulsées de nuit sans examen de leur situation. Le cas a été vérifié par l'équipe de suivi.",
      region: "Dajabón",
      state: "PUBLISHED",
    },
  },
  {
    country: "BR",
    language: "pt",
    happened: 30,
    filed: 28,
    categories: ["AID_CRIMINALIZATION"],
    perpetrator: "PRIVATE_ACTORS",
    status: "VERIFIED",
    narrative: "Voluntários que distribuíam água e alimentos na rodoviária foram ameaçados com denúncia por 'facilitar a imigração'.",
    place: "Pacaraima",
    affected: "Voluntários de uma rede de acolhida.",
    consentPublish: true,
    summary: {
      language: "pt",
      title: "Ameaças a voluntários que distribuíam ajuda humanitária",
      body: "Voluntários de uma rede de acolhida foram ameaçados por distribuir água e alimentos a pessoas migrantes.",
      region: "Roraima",
      state: "AWAITING_APPROVAL",
    },
  },
  {
    country: "PA",
    language: "en",
    happened: 25,
    filed: 21,
    categories: ["ASYLUM_DENIAL"],
    perpetrator: "STATE_AGENTS",
    status: "VERIFIED",
    narrative: "People arriving from the jungle were told at the reception station that asylum applications were not being taken.",
    place: "Lajas Blancas",
    affected: "People arriving after crossing the Darién, several of them unaccompanied teenagers.",
    consentPublish: false,
  },
  {
    country: "EC",
    language: "es",
    happened: 45,
    filed: 44,
    categories: ["CIVIC_SPACE"],
    perpetrator: "STATE_AGENTS",
    status: "NOT_VERIFIED",
    narrative: "Se nos dijo que una reunión comunitaria de personas venezolanas sería dispersada por la policía, pero no pudimos confirmarlo.",
    place: null,
    affected: "Una asociación de personas migrantes.",
    consentPublish: true,
  },
  {
    country: "MX",
    language: "es",
    happened: 22,
    filed: 14,
    categories: ["DETENTION"],
    perpetrator: "STATE_AGENTS",
    status: "DUPLICATE",
    narrative: "Otra persona del mismo albergue reporta la detención de familias en el puesto de control.",
    place: "Ciudad Hidalgo",
    affected: "Familias con niñas y niños.",
    consentPublish: true,
  },
  {
    country: "CO",
    language: "es",
    happened: 3,
    filed: 2,
    categories: ["DEFENDER_HARASSMENT"],
    perpetrator: "PRIVATE_ACTORS",
    status: "RECEIVED",
    narrative: "Recibimos amenazas por mensajes después de denunciar el cobro de 'peajes' a personas migrantes en la frontera.",
    place: "Cúcuta",
    affected: "Dos defensoras de una organización local.",
    consentPublish: false,
  },
  {
    country: "CL",
    language: "es",
    happened: 1,
    filed: 1,
    categories: ["OTHER"],
    perpetrator: "UNKNOWN",
    status: "RECEIVED",
    narrative: "Compre seguidores baratos aqui www ofertas ejemplo compre compre compre compre.",
    place: null,
    affected: "nadie",
    consentPublish: false,
    possibleSpam: true,
  },
];

const CLOSED: ReadonlySet<MonitoringCaseStatus> = new Set(["VERIFIED", "NOT_VERIFIED", "DUPLICATE", "REFERRED"]);
const firstOfMonth = (ms: number) => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
};
const dateOnly = (ms: number) => new Date(new Date(ms).toISOString().slice(0, 10) + "T00:00:00Z");

export async function seedMonitoring(tx: Tx, ctx: { people: Record<string, { id: string; name: string }>; passwordHash: string; now: number }): Promise<void> {
  const { people, now } = ctx;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);

  const reviewers: Record<string, string> = {};
  for (const r of DEMO_REVIEWERS) {
    const user = await tx.user.create({ data: { name: r.name, email: r.email, passwordHash: ctx.passwordHash, preferredLocale: r.locale, createdAt: at(90) } });
    reviewers[r.key] = user.id;
    // Staff by a public grant; the reviewer role privately, as the roles page does it.
    for (const role of ["STAFF", "MONITORING_REVIEWER"] as const) {
      await tx.roleAssignment.create({ data: { userId: user.id, role, grantedById: people.admin.id } });
      await tx.auditEntry.create({
        data: auditRow({ actorId: people.admin.id, action: "role.granted", entityType: "User", entityId: user.id, isPublic: role === "STAFF", data: { userName: r.name, role } }, at(90)),
      });
    }
  }
  const [writer, approver] = [reviewers.reviewerIom, reviewers.reviewerEclac];

  for (const [index, d] of reports(now).entries()) {
    const { sealed, keyId } = sealReport({
      narrative: d.narrative,
      place: d.place,
      affected: d.affected,
      evidence: { links: [], text: null },
      contact: d.contact ?? null,
    });
    const closed = CLOSED.has(d.status);
    const report = await tx.monitoringReport.create({
      data: {
        // Reports without a demo code get one nobody knows: only the hash is ever stored.
        receiptHash: receiptHash(d.receipt ?? `demo-${index}-${now}-${Math.random()}`),
        country: d.country,
        occurredFrom: dateOnly(now - d.happened * DAY),
        categories: d.categories,
        perpetrator: d.perpetrator,
        objectives: d.categories.includes("DETENTION") ? [13] : d.categories.includes("DEFENDER_HARASSMENT") ? [17] : [],
        language: d.language,
        sealed,
        keyId,
        hasContact: d.contact !== undefined,
        consentPublish: d.consentPublish,
        consentContact: d.contact !== undefined,
        consentRefer: d.referredTo !== undefined,
        status: d.status,
        possibleSpam: d.possibleSpam ?? false,
        assigneeId: d.status === "RECEIVED" ? null : writer,
        referredTo: d.referredTo ?? null,
        referredAt: d.referredTo ? at(d.filed - 6) : null,
        closedAt: closed ? at(d.filed - 5) : null,
        createdAt: at(d.filed),
      },
    });
    const history: Prisma.MonitoringCaseEventCreateManyInput[] = [{ reportId: report.id, action: "report.filed", createdAt: at(d.filed) }];
    const event = (actorId: string, action: string, data: Prisma.InputJsonValue, daysAgo: number) =>
      history.push({ reportId: report.id, actorId, action, data, createdAt: at(daysAgo) });
    if (d.status !== "RECEIVED") {
      await tx.monitoringAccess.create({ data: { reportId: report.id, userId: writer, createdAt: at(d.filed - 1) } });
      event(writer, "case.assigned", { assigneeId: writer, previousAssigneeId: null }, d.filed - 1);
      event(writer, "case.status_changed", { from: "RECEIVED", to: "UNDER_REVIEW", closed: false }, d.filed - 1);
    }
    for (const m of d.messages ?? []) {
      const message = await tx.monitoringMessage.create({
        data: { reportId: report.id, fromReporter: m.fromReporter, authorId: m.fromReporter ? null : writer, ...sealMessage({ body: m.body }), createdAt: at(m.day) },
      });
      if (!m.fromReporter) event(writer, "case.message_sent", { messageId: message.id }, m.day);
    }
    if (closed) {
      const to = d.status === "REFERRED" ? "VERIFIED" : d.status;
      event(writer, "case.status_changed", { from: "UNDER_REVIEW", to, closed: true }, d.filed - 5);
      if (d.referredTo) event(writer, "case.referred", { referredTo: d.referredTo }, d.filed - 6);
    }
    if (d.summary) {
      const published = d.summary.state === "PUBLISHED";
      const summary = await tx.monitoringSummary.create({
        data: {
          reportId: report.id,
          language: d.summary.language,
          title: d.summary.title,
          body: d.summary.body,
          country: d.country,
          region: d.summary.region,
          month: firstOfMonth(now - d.happened * DAY),
          categories: d.categories,
          riskChecklist: Object.fromEntries(RISK_QUESTIONS.map((q) => [q, false])),
          status: d.summary.state,
          writerId: writer,
          approverId: published ? approver : null,
          approvedAt: published ? at(d.filed - 8) : null,
          publishedAt: published ? at(d.filed - 8) : null,
          createdAt: at(d.filed - 6),
        },
      });
      event(writer, "summary.written", { summaryId: summary.id, status: "DRAFT" }, d.filed - 6);
      event(writer, "summary.submitted", { summaryId: summary.id }, d.filed - 7);
      if (published) {
        await tx.monitoringAccess.create({ data: { reportId: report.id, userId: approver, createdAt: at(d.filed - 8) } });
        event(approver, "summary.approved", { summaryId: summary.id, writerId: writer }, d.filed - 8);
        event(approver, "summary.published", { summaryId: summary.id }, d.filed - 8);
      }
    }
    await tx.monitoringCaseEvent.createMany({ data: history });
  }
}
