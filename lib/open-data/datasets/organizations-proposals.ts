import { db } from "@/lib/db/client";
import { publicOrganizationSelect, publicOrganizationWhere } from "@/lib/organizations/queries";
import { isPublicSessionStatus, publicCosponsorshipWhere, publicProposalCommentWhere, publicProposalWhere, signsAsOrganization } from "@/lib/proposals/visibility";
import { afterId, fields, iso, UUID_PATTERN, type Dataset } from "../types";
import { UUID_SOURCE } from "@/lib/validation/ids";

// Organizations and proposals, read with the same rules as the directory and the proposal pages.

export const organizations: Dataset = {
  name: "organizations",
  fields: fields("id:string", "slug:string", "name:string", "acronym:string?", "country:string", "subregion:string", "type:string", "languages:array<string>", "website:string?", "description:string"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.organization.findMany({ where: { AND: [publicOrganizationWhere, afterId(after)] }, orderBy: { id: "asc" }, take: limit, select: publicOrganizationSelect });
    return rows.map((r) => ({ ...r, country: r.country.trim() }));
  },
  count: () => db.organization.count({ where: publicOrganizationWhere }),
};

export const proposals: Dataset = {
  name: "proposals",
  fields: fields(
    "id:string",
    "organizationId:string",
    "title:string",
    "summary:string",
    "body:string",
    "language:string",
    "objectives:array<integer>",
    "countries:array<string>",
    "sessionId:string?",
    "concernsChildren:boolean",
    "concernsGender:boolean",
    "concernsIrregular:boolean",
    "status:string",
    "submittedAt:datetime?",
    "answer:object?",
    "answeredAt:datetime?",
    "incorporatedNote:string?",
    "cosponsorCount:integer",
  ),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.proposal.findMany({
      where: { AND: [publicProposalWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: {
        id: true,
        organizationId: true,
        title: true,
        summary: true,
        body: true,
        language: true,
        objectives: true,
        countries: true,
        session: { select: { id: true, status: true } },
        concernsChildren: true,
        concernsGender: true,
        concernsIrregular: true,
        status: true,
        submittedAt: true,
        answer: true,
        answeredAt: true,
        incorporatedNote: true,
        cosponsorCount: true,
      },
    });
    return rows.map(({ session, answer, ...r }) => ({
      ...r,
      // A draft session is staff's: the proposal page does not name it either.
      sessionId: session && isPublicSessionStatus(session.status) ? session.id : null,
      answer: answer && typeof answer === "object" && !Array.isArray(answer) ? (Object.fromEntries(Object.entries(answer).filter(([, v]) => typeof v === "string")) as Record<string, string>) : null,
      submittedAt: iso(r.submittedAt),
      answeredAt: iso(r.answeredAt),
    }));
  },
  count: () => db.proposal.count({ where: publicProposalWhere }),
};

const COSPONSOR_ID = new RegExp(`^(${UUID_SOURCE})\\.(${UUID_SOURCE})$`);

export const cosponsorships: Dataset = {
  name: "cosponsorships",
  fields: fields("id:string", "proposalId:string", "organizationId:string", "since:datetime"),
  // The pair of ids is the key: "<proposalId>.<organizationId>".
  idPattern: new RegExp(`^${UUID_PATTERN.source.slice(1, -1)}\\.${UUID_PATTERN.source.slice(1, -1)}$`),
  async page(after, limit) {
    const key = after ? COSPONSOR_ID.exec(after) : null;
    const keyset = key ? { OR: [{ proposalId: { gt: key[1] } }, { proposalId: key[1], organizationId: { gt: key[2] } }] } : {};
    const rows = await db.proposalCosponsor.findMany({
      where: { AND: [publicCosponsorshipWhere, keyset] },
      orderBy: [{ proposalId: "asc" }, { organizationId: "asc" }],
      take: limit,
      select: { proposalId: true, organizationId: true, createdAt: true },
    });
    return rows.map((r) => ({ id: `${r.proposalId}.${r.organizationId}`, proposalId: r.proposalId, organizationId: r.organizationId, since: r.createdAt.toISOString() }));
  },
  count: () => db.proposalCosponsor.count({ where: publicCosponsorshipWhere }),
};

export const proposalComments: Dataset = {
  name: "proposal-comments",
  fields: fields("id:string", "proposalId:string", "parentId:string?", "organizationId:string?", "body:string", "createdAt:datetime"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.proposalComment.findMany({
      where: { AND: [publicProposalCommentWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, proposalId: true, parentId: true, body: true, createdAt: true, organization: { select: { id: true, status: true } } },
    });
    // The organization signs only while it is verified, as on the proposal page; never the person.
    return rows.map(({ organization, ...r }) => ({ ...r, organizationId: organization && signsAsOrganization(organization) ? organization.id : null, createdAt: r.createdAt.toISOString() }));
  },
  count: () => db.proposalComment.count({ where: publicProposalCommentWhere }),
};
