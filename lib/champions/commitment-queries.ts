import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommitmentKind, CommitmentStatus, InclusionLevel, Locale, RightsCentred } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";
import { isNotUpdated, organizationFits, verifiedMemberships } from "./policy";
import { revisionHistory, type RevisionView } from "./history";
import { pickText } from "./texts";
import { isUuid } from "@/lib/validation/ids";


const sourceSelect = { id: true, title: true, publisher: true, publishedOn: true, url: true } satisfies Prisma.CommitmentSourceSelect;
export type SourceView = Prisma.CommitmentSourceGetPayload<{ select: typeof sourceSelect }>;

// What a reader may see of an assessment: everything but who hid it. Only selected for
// assessments the viewer may read in full (see readableAssessmentWhere).
/** The words of an assessment everyone may read (while it is not hidden): the page and the open data. */
export const assessmentContentSelect = {
  id: true,
  language: true,
  progress: true,
  progressNote: true,
  inclusion: true,
  inclusionNote: true,
  rightsCentred: true,
  rightsNote: true,
  evidence: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.AssessmentSelect;

const assessmentSelect = {
  ...assessmentContentSelect,
  hiddenAt: true,
  hiddenReason: true,
  organization: { select: { id: true, name: true, slug: true } },
  links: { orderBy: [{ position: "asc" }, { id: "asc" }], select: sourceSelect },
} satisfies Prisma.AssessmentSelect;

export type AssessmentView = {
  id: string;
  organization: { id: string; name: string; slug: string };
  /** Null when the assessment is hidden and the viewer is not staff: nothing of it was read. */
  content: {
    language: Locale;
    progress: CommitmentStatus;
    progressNote: string | null;
    inclusion: InclusionLevel;
    inclusionNote: string | null;
    rightsCentred: RightsCentred;
    rightsNote: string;
    evidence: string | null;
    links: SourceView[];
    updatedAt: Date;
  } | null;
  /** Set when staff hid it: the public reason. */
  hidden: { at: Date; reason: string } | null;
};

/**
 * One commitment (an initiative or a recommendation) with all its page shows: the text in the
 * reader's language (else another, marked), milestones, sources, dated updates newest first with
 * their sources, civil society's assessments and the history. Hidden assessments: staff read them
 * whole, marked; anyone else gets only the organization, the date and staff's public reason,
 * because the query that reads content asks for visible ones only. A fixed number of queries
 * whatever the number of rows. Null when there is no such commitment of that kind.
 */
export async function getCommitmentPage(actor: Actor | null, rawId: string, locale: AppLocale, kind: CommitmentKind, now = new Date()) {
  if (!isUuid(rawId)) return null;
  const staff = isStaff(actor);
  const commitment = await db.commitment.findFirst({
    where: { id: rawId, kind },
    select: {
      id: true,
      kind: true,
      country: true,
      publicBody: true,
      addressee: true,
      paragraphAnchor: true,
      objectives: true,
      status: true,
      inclusion: true,
      inclusionEvidence: true,
      revision: true,
      lastUpdatedAt: true,
      createdAt: true,
      createdBy: { select: { email: true } },
      reportVersion: { select: { id: true, number: true, title: true, language: true } },
      texts: { select: { language: true, title: true, description: true } },
      milestones: { orderBy: { position: "asc" }, select: { id: true, position: true, label: true, language: true, plannedOn: true, doneOn: true } },
      sources: { orderBy: [{ position: "asc" }, { id: "asc" }], select: sourceSelect },
    },
  });
  if (!commitment) return null;

  const [updates, readable, hiddenStubs, revisions, paragraph] = await Promise.all([
    db.commitmentUpdate.findMany({
      where: { commitmentId: commitment.id },
      orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        reportedOn: true,
        language: true,
        body: true,
        status: true,
        createdAt: true,
        sources: { orderBy: [{ position: "asc" }, { id: "asc" }], select: sourceSelect },
      },
    }),
    db.assessment.findMany({
      where: { commitmentId: commitment.id, ...(staff ? {} : { hiddenAt: null }) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: assessmentSelect,
    }),
    // For everyone but staff: that an assessment was hidden, and why — never its words.
    staff
      ? Promise.resolve([])
      : db.assessment.findMany({
          where: { commitmentId: commitment.id, hiddenAt: { not: null } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, hiddenAt: true, hiddenReason: true, organization: { select: { id: true, name: true, slug: true } } },
        }),
    db.commitmentRevision.findMany({
      where: { commitmentId: commitment.id },
      orderBy: { revision: "asc" },
      select: { revision: true, snapshot: true, createdAt: true, author: { select: { name: true } } },
    }),
    commitment.reportVersion && commitment.paragraphAnchor
      ? db.reportParagraph.findFirst({
          where: { versionId: commitment.reportVersion.id, anchor: commitment.paragraphAnchor },
          select: { anchor: true, markdown: true, text: true },
        })
      : Promise.resolve(null),
  ]);

  const assessments: AssessmentView[] = [
    ...readable.map((a) => ({
      id: a.id,
      organization: a.organization,
      content: {
        language: a.language,
        progress: a.progress,
        progressNote: a.progressNote,
        inclusion: a.inclusion,
        inclusionNote: a.inclusionNote,
        rightsCentred: a.rightsCentred,
        rightsNote: a.rightsNote,
        evidence: a.evidence,
        links: a.links,
        updatedAt: a.updatedAt,
      },
      hidden: a.hiddenAt ? { at: a.hiddenAt, reason: a.hiddenReason ?? "" } : null,
    })),
    ...hiddenStubs.map((a) => ({ id: a.id, organization: a.organization, content: null, hidden: { at: a.hiddenAt ?? now, reason: a.hiddenReason ?? "" } })),
  ];

  const { createdBy, texts, ...rest } = commitment;
  const history: RevisionView[] = revisionHistory(
    revisions.map((r) => ({ revision: r.revision, snapshot: r.snapshot, createdAt: r.createdAt, authorName: r.author?.name ?? null })),
  );
  return {
    ...rest,
    text: pickText(texts, locale),
    languages: texts.map((t) => t.language),
    notUpdated: isNotUpdated(commitment, now),
    illustrative: !!createdBy?.email.endsWith(".example"),
    updates,
    assessments,
    history,
    paragraph,
  };
}

export type CommitmentPage = NonNullable<Awaited<ReturnType<typeof getCommitmentPage>>>;

/**
 * The organizations the actor may assess as: verified ones they belong to that fit the
 * commitment (organizationFits: its country's, or a regional network; any for a
 * recommendation), each with its current assessment when there is one and it is not hidden, so
 * the form opens filled in. Two queries.
 */
export async function assessingOrganizations(actor: Actor | null, commitment: { id: string; kind: CommitmentKind; country: string | null }) {
  const verified = verifiedMemberships(actor);
  if (verified.length === 0 || !isUuid(commitment.id)) return [];
  const ids = verified.map((m) => m.organizationId);
  const [organizations, own] = await Promise.all([
    db.organization.findMany({ where: { id: { in: ids }, status: "VERIFIED" }, orderBy: { name: "asc" }, select: { id: true, name: true, country: true, type: true } }),
    db.assessment.findMany({ where: { commitmentId: commitment.id, organizationId: { in: ids }, hiddenAt: null }, select: { ...assessmentSelect, organizationId: true } }),
  ]);
  return organizations
    .filter((o) => organizationFits(commitment, o))
    .map((o) => ({ organizationId: o.id, organizationName: o.name, current: own.find((a) => a.organizationId === o.id) ?? null }));
}

export type AssessingOrganization = Awaited<ReturnType<typeof assessingOrganizations>>[number];

/** Every language's title and description, for staff's edit form. One query. */
export async function getCommitmentTexts(commitmentId: string): Promise<Partial<Record<AppLocale, { title: string; description: string }>>> {
  if (!isUuid(commitmentId)) return {};
  const rows = await db.commitmentText.findMany({ where: { commitmentId }, select: { language: true, title: true, description: true } });
  return Object.fromEntries(rows.map((r) => [r.language, { title: r.title, description: r.description }]));
}
