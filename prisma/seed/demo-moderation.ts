// Demo moderation (issue 14): flags in every state on comments of the open report version and
// of a public proposal. One report comment hidden for exposing someone's personal data, one
// proposal comment hidden as spam (its author, the demo participant, finds the notice), flags
// waiting in the queue, flags dismissed; and a comment for the e2e to flag. Written inside the
// demo's transaction with the log entries and notices the commands write. Illustrative only.
import { auditRow } from "../../lib/audit/record";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Locale, ModerationFlagStatus, ModerationReason } from "../../lib/generated/prisma/enums";
import { publicProposalWhere } from "../../lib/proposals/visibility";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

type Context = {
  people: Record<string, { id: string; name: string }>;
  organizations: Record<string, { id: string; name: string }>;
  now: number;
};

/** The report comment the e2e flags (moderation.spec.ts): by Grace Mendoza, in English. */
export const DEMO_FLAGGABLE_COMMENT =
  "Anyone travelling to the Panama session can stay with my cousin Marisol; call her on +507 6000 0000 and say I sent you.";

type Flag = { by: string; reason: ModerationReason; note?: string };
type DemoPost = {
  kind: "REPORT_COMMENT" | "PROPOSAL_COMMENT";
  author: string;
  organization: string;
  language: Locale;
  body: string;
  daysAgo: number;
  flags: Flag[];
  outcome?: { status: Exclude<ModerationFlagStatus, "OPEN">; by: string; category?: ModerationReason; reason?: string };
};

const POSTS: DemoPost[] = [
  {
    kind: "REPORT_COMMENT",
    author: "committeeUs",
    organization: "diaspora-network-for-the-americas",
    language: "en",
    body: DEMO_FLAGGABLE_COMMENT,
    daysAgo: 1,
    flags: [],
  },
  {
    kind: "REPORT_COMMENT",
    author: "hondurasAdmin",
    organization: "mujeres-migrantes-de-honduras",
    language: "es",
    body: "En el albergue de Tapachula sigue la señora Marta, la de la casa 14 junto al mercado, sin papeles y con sus tres hijos: nadie la ha visitado.",
    daysAgo: 6,
    flags: [
      { by: "participant", reason: "PERSONAL_DATA", note: "Dice quién es y dónde vive una mujer sin papeles." },
      { by: "committeeHt", reason: "PERSONAL_DATA" },
    ],
    outcome: {
      status: "UPHELD",
      by: "chair",
      category: "PERSONAL_DATA",
      reason: "Identificaba a una persona migrante y el lugar donde vive. La organización puede publicarlo de nuevo sin esos datos.",
    },
  },
  {
    kind: "REPORT_COMMENT",
    author: "academiaAdmin",
    organization: "instituto-de-estudios-migratorios",
    language: "es",
    body: "Este capítulo es una vergüenza: quien lo redactó no sabe nada de migración y debería dedicarse a otra cosa.",
    daysAgo: 3,
    flags: [
      { by: "participant", reason: "ABUSIVE", note: "Ataca a las personas, no al texto." },
      { by: "salvadorAdmin", reason: "ABUSIVE" },
      { by: "committeeBr", reason: "OFF_TOPIC" },
    ],
  },
  {
    kind: "PROPOSAL_COMMENT",
    author: "participant",
    organization: "centro-de-derechos-el-salvador",
    language: "es",
    body: "Vendo cartas de invitación para trámites de visa, entrega en 48 horas. Escríbanme por WhatsApp.",
    daysAgo: 8,
    flags: [
      { by: "hondurasAdmin", reason: "SPAM" },
      { by: "academiaAdmin", reason: "SPAM" },
      { by: "orgAdmin", reason: "MISLEADING" },
    ],
    outcome: { status: "UPHELD", by: "staffIom", category: "SPAM", reason: "Anuncio de un servicio pagado de documentos: no forma parte del diálogo." },
  },
  {
    kind: "PROPOSAL_COMMENT",
    author: "salvadorAdmin",
    organization: "centro-de-derechos-el-salvador",
    language: "es",
    body: "Esta propuesta se parece mucho a la que presentamos el año pasado en el foro nacional; ojalá se reconozca ese trabajo.",
    daysAgo: 10,
    flags: [{ by: "orgAdmin", reason: "MISLEADING" }],
    outcome: { status: "DISMISSED", by: "committeeBr" },
  },
];

/** Comments this seed adds to the open report version and leaves shown (none answered): the report e2e counts them. */
export const DEMO_MODERATION_REPORT_COMMENTS = POSTS.filter((p) => p.kind === "REPORT_COMMENT" && p.outcome?.status !== "UPHELD").length;

export async function seedModeration(tx: Tx, { people, organizations, now }: Context): Promise<void> {
  const version = await tx.reportVersion.findFirstOrThrow({ where: { status: "OPEN" }, include: { paragraphs: { orderBy: { position: "asc" }, take: 3 } } });
  const proposal = await tx.proposal.findFirstOrThrow({ where: { ...publicProposalWhere, status: "UNDER_REVIEW" }, orderBy: { createdAt: "asc" } });
  const audit: Prisma.AuditEntryCreateManyInput[] = [];

  for (const [index, post] of POSTS.entries()) {
    const createdAt = new Date(now - post.daysAgo * DAY);
    const author = people[post.author].id;
    const organizationId = organizations[post.organization].id;
    const hidden = post.outcome?.status === "UPHELD" ? post.outcome : null;
    const decidedAt = new Date(createdAt.getTime() + DAY);
    const hiddenColumns = hidden
      ? { hiddenAt: decidedAt, hiddenReason: hidden.reason, hiddenById: people[hidden.by].id, hiddenCategory: hidden.category }
      : {};
    let postId: string;
    let href: string;
    if (post.kind === "REPORT_COMMENT") {
      const paragraph = version.paragraphs[index % version.paragraphs.length];
      const row = await tx.reportComment.create({
        data: { versionId: version.id, paragraphId: paragraph.id, authorId: author, organizationId, body: post.body, language: post.language, createdAt, ...hiddenColumns },
      });
      postId = row.id;
      href = `/report/versions/${version.number}#report-comment-${row.id}`;
      audit.push(
        auditRow(
          {
            actorId: author,
            action: "report.comment_posted",
            entityType: "ReportComment",
            entityId: row.id,
            isPublic: true,
            data: { versionNumber: version.number, anchor: paragraph.anchor, organizationName: organizations[post.organization].name, signedAs: "organization" },
          },
          createdAt,
        ),
      );
    } else {
      const row = await tx.proposalComment.create({ data: { proposalId: proposal.id, authorId: author, organizationId, body: post.body, createdAt, ...hiddenColumns } });
      postId = row.id;
      href = `/proposals/${proposal.id}#comment-${row.id}`;
      audit.push(
        auditRow(
          { actorId: author, action: "comment.added", entityType: "ProposalComment", entityId: row.id, isPublic: false, data: { proposalId: proposal.id, parentId: null, organizationId } },
          createdAt,
        ),
      );
    }
    await tx.moderationFlag.createMany({
      data: post.flags.map((flag, i) => ({
        kind: post.kind,
        postId,
        flaggerId: people[flag.by].id,
        reason: flag.reason,
        note: flag.note ?? null,
        createdAt: new Date(createdAt.getTime() + (i + 1) * 3_600_000),
        status: post.outcome?.status ?? "OPEN",
        decidedById: post.outcome ? people[post.outcome.by].id : null,
        decidedAt: post.outcome ? decidedAt : null,
      })),
    });
    // As flagPost writes them: private, without the flagger.
    for (const [i, flag] of post.flags.entries()) {
      audit.push(
        auditRow(
          { actorId: null, action: "moderation.post_flagged", entityType: "ModeratedPost", entityId: postId, isPublic: false, data: { kind: post.kind, category: flag.reason } },
          new Date(createdAt.getTime() + (i + 1) * 3_600_000),
        ),
      );
    }
    if (hidden?.category && hidden.reason) {
      const by = people[hidden.by].id;
      audit.push(
        auditRow(
          { actorId: by, action: "moderation.post_hidden", entityType: "ModeratedPost", entityId: postId, isPublic: true, data: { kind: post.kind, category: hidden.category, reason: hidden.reason, href } },
          decidedAt,
        ),
      );
      await tx.notification.create({ data: { userId: author, kind: "moderation.post_hidden", data: { href, reason: hidden.reason }, createdAt: decidedAt } });
    } else if (post.outcome?.status === "DISMISSED") {
      audit.push(
        auditRow(
          { actorId: people[post.outcome.by].id, action: "moderation.flags_dismissed", entityType: "ModeratedPost", entityId: postId, isPublic: false, data: { kind: post.kind, count: post.flags.length } },
          decidedAt,
        ),
      );
    }
  }
  await tx.auditEntry.createMany({ data: audit });
}
