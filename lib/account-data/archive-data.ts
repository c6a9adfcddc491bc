import type { Tx } from "@/lib/commands/run";
import { oneAfterAnother } from "@/lib/db/one-after-another";

type Cell = string | number | boolean | null;
export type ArchiveRow = Record<string, Cell | Cell[]>;
/** One file pair of the archive (<name>.json and <name>.csv): its rows, flat so a spreadsheet reads them. */
export type Dataset = { name: DatasetName; rows: ArchiveRow[] };

/** Every file the archive holds, in the order the README explains them. */
export const DATASETS = [
  "profile",
  "memberships",
  "proposals",
  "comments",
  "cosponsorships",
  "registrations",
  "nominations",
  "report-comments",
  "questions",
  "contributions",
  "assessments",
  "follows",
  "notifications",
  "sessions",
] as const;
export type DatasetName = (typeof DATASETS)[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything Puente holds about one person, read in the archive's transaction (one consistent
 * picture). Posts under a pseudonym are theirs too: found through their Pseudonym rows, which
 * only they and their organization's admins can connect to them.
 */
export async function collectAccountData(tx: Tx, userId: string): Promise<Dataset[]> {
  const pseudonymIds = (await tx.pseudonym.findMany({ where: { userId }, select: { id: true } })).map((p) => p.id);
  const [user, memberships, proposals, comments, cosponsorships, registrations, nominations, reportComments, sessionQuestions, dialogueQuestions, contributions, assessments, follows, notifications, sessions] =
    await oneAfterAnother([
      () => tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, preferredLocale: true, createdAt: true, roles: { select: { role: true } } } }),
      () => tx.membership.findMany({ where: { userId }, select: { role: true, createdAt: true, organization: { select: { name: true, slug: true } } }, orderBy: { createdAt: "asc" } }),
      () => tx.proposal.findMany({
        where: { authorId: userId },
        select: { id: true, title: true, summary: true, body: true, language: true, status: true, objectives: true, countries: true, createdAt: true, submittedAt: true, organization: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      }),
      () => tx.proposalComment.findMany({ where: { authorId: userId }, select: { id: true, proposalId: true, body: true, createdAt: true, hiddenAt: true }, orderBy: { createdAt: "asc" } }),
      () => tx.proposalCosponsor.findMany({ where: { userId }, select: { proposalId: true, createdAt: true, organization: { select: { name: true } }, proposal: { select: { title: true } } }, orderBy: { createdAt: "asc" } }),
      () => tx.sessionRegistration.findMany({ where: { userId }, select: { sessionId: true, language: true, accessNeeds: true, accessNote: true, listed: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
      () => tx.nomination.findMany({
        where: { nomineeUserId: userId },
        // About them: never the committee's internal rationale or the other nominees.
        select: { sessionId: true, role: true, status: true, nomineeName: true, nomineeEmail: true, nomineeCountry: true, nomineeGender: true, nomineeGenderDescription: true, languages: true, bio: true, publishName: true, publishOrganization: true, publishBio: true, createdAt: true, respondedAt: true },
        orderBy: { createdAt: "asc" },
      }),
      () => tx.reportComment.findMany({
        where: { authorId: userId },
        select: { id: true, body: true, proposedText: true, language: true, disposition: true, answer: true, createdAt: true, version: { select: { number: true } }, paragraph: { select: { anchor: true } } },
        orderBy: { createdAt: "asc" },
      }),
      () => tx.sessionQuestion.findMany({
        where: { OR: [{ askerId: userId }, ...(pseudonymIds.length ? [{ pseudonymId: { in: pseudonymIds } }] : [])] },
        select: { id: true, sessionId: true, body: true, language: true, state: true, createdAt: true, pseudonym: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      }),
      () => tx.dialogueQuestion.findMany({
        where: { OR: [{ askerId: userId }, ...(pseudonymIds.length ? [{ pseudonymId: { in: pseudonymIds } }] : [])] },
        select: { id: true, title: true, body: true, language: true, objectives: true, createdAt: true, answeredAt: true, answerBody: true, pseudonym: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      }),
      () => tx.consultationContribution.findMany({
        where: { OR: [{ askerId: userId }, ...(pseudonymIds.length ? [{ pseudonymId: { in: pseudonymIds } }] : [])] },
        select: { id: true, consultationId: true, parentId: true, body: true, language: true, createdAt: true, pseudonym: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      }),
      () => tx.assessment.findMany({
        where: { authorId: userId },
        select: { id: true, commitmentId: true, language: true, progress: true, progressNote: true, inclusion: true, inclusionNote: true, rightsCentred: true, rightsNote: true, evidence: true, createdAt: true, organization: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      }),
      () => tx.follow.findMany({ where: { userId }, select: { subject: true, key: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
      () => tx.notification.findMany({ where: { userId }, select: { kind: true, data: true, readAt: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
      () => tx.authSession.findMany({ where: { userId }, select: { browser: true, os: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true }, orderBy: { createdAt: "asc" } }),
    ]);

  const rows: Record<DatasetName, ArchiveRow[]> = {
    profile: [{ name: user.name, email: user.email, language: user.preferredLocale, createdAt: iso(user.createdAt), roles: user.roles.map((r) => r.role) }],
    memberships: memberships.map((m) => ({ organization: m.organization.name, organizationSlug: m.organization.slug, role: m.role, since: iso(m.createdAt) })),
    proposals: proposals.map((p) => ({
      id: p.id,
      organization: p.organization.name,
      title: p.title,
      summary: p.summary,
      body: p.body,
      language: p.language,
      status: p.status,
      objectives: p.objectives,
      countries: p.countries,
      createdAt: iso(p.createdAt),
      submittedAt: iso(p.submittedAt),
    })),
    comments: comments.map((c) => ({ id: c.id, proposalId: c.proposalId, body: c.body, createdAt: iso(c.createdAt), hiddenAt: iso(c.hiddenAt) })),
    cosponsorships: cosponsorships.map((c) => ({ proposalId: c.proposalId, proposal: c.proposal.title, organization: c.organization.name, createdAt: iso(c.createdAt) })),
    registrations: registrations.map((r) => ({ sessionId: r.sessionId, language: r.language, accessNeeds: r.accessNeeds, accessNote: r.accessNote, listed: r.listed, createdAt: iso(r.createdAt) })),
    nominations: nominations.map((n) => ({
      sessionId: n.sessionId,
      role: n.role,
      status: n.status,
      name: n.nomineeName,
      email: n.nomineeEmail,
      country: n.nomineeCountry,
      gender: n.nomineeGender,
      genderDescription: n.nomineeGenderDescription,
      languages: n.languages,
      bio: n.bio,
      publishName: n.publishName,
      publishOrganization: n.publishOrganization,
      publishBio: n.publishBio,
      createdAt: iso(n.createdAt),
      respondedAt: iso(n.respondedAt),
    })),
    "report-comments": reportComments.map((c) => ({
      id: c.id,
      version: c.version.number,
      paragraph: c.paragraph.anchor,
      body: c.body,
      proposedText: c.proposedText,
      language: c.language,
      disposition: c.disposition,
      answer: c.answer,
      createdAt: iso(c.createdAt),
    })),
    questions: [
      ...sessionQuestions.map((q) => ({ id: q.id, to: "session", sessionId: q.sessionId, pseudonym: q.pseudonym?.name ?? null, title: null, body: q.body, language: q.language, state: q.state, createdAt: iso(q.createdAt), answer: null })),
      ...dialogueQuestions.map((q) => ({
        id: q.id,
        to: "delegates",
        sessionId: null,
        pseudonym: q.pseudonym?.name ?? null,
        title: q.title,
        body: q.body,
        language: q.language,
        state: q.answeredAt ? "ANSWERED" : "AWAITING",
        createdAt: iso(q.createdAt),
        answer: q.answerBody,
      })),
    ],
    contributions: contributions.map((c) => ({
      id: c.id,
      consultationId: c.consultationId,
      replyTo: c.parentId,
      pseudonym: c.pseudonym?.name ?? null,
      body: c.body,
      language: c.language,
      createdAt: iso(c.createdAt),
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      commitmentId: a.commitmentId,
      organization: a.organization.name,
      language: a.language,
      progress: a.progress,
      progressNote: a.progressNote,
      inclusion: a.inclusion,
      inclusionNote: a.inclusionNote,
      rightsCentred: a.rightsCentred,
      rightsNote: a.rightsNote,
      evidence: a.evidence,
      createdAt: iso(a.createdAt),
    })),
    follows: follows.map((f) => ({ subject: f.subject, key: f.key, createdAt: iso(f.createdAt) })),
    notifications: notifications.map((n) => ({ kind: n.kind, data: JSON.stringify(n.data), readAt: iso(n.readAt), createdAt: iso(n.createdAt) })),
    sessions: sessions.map((s) => ({ browser: s.browser, system: s.os, signedIn: iso(s.createdAt), lastSeen: iso(s.lastSeenAt), expires: iso(s.expiresAt), ended: iso(s.revokedAt) })),
  };
  return DATASETS.map((name) => ({ name, rows: rows[name] }));
}
