import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import { catalogueHelpers, describeEntry } from "@/components/transparency/entries";
import { listPublicLog } from "@/lib/audit/queries";
import { auditEventSchema, parseAuditEvent, visibilityOf } from "@/lib/audit/events";
import { db } from "@/lib/db/client";
import { locales } from "@/i18n/routing";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_PRIVATE_NOMINEE, DEMO_RECUSAL, DEMO_SESSION_TITLES } from "@/prisma/seed/demo-sessions";
import { DEMO_LIVE_SESSION_TITLE } from "@/prisma/seed/demo-session-questions";
import { DEMO_REPORT } from "@/prisma/seed/demo-report";
import { DEMO_FINAL_REPORT } from "@/prisma/seed/demo-final-report";
import { assignAnchors, splitMarkdown } from "@/lib/report/paragraphs";
import { resetDatabase } from "../helpers/factories";
import { parseProposalFilters, searchProposals } from "@/lib/proposals/search";
import { readReceipt } from "@/lib/monitoring/commands";
import { countryAggregates, listPublishedSummaries } from "@/lib/monitoring/public-queries";
import { parseMonitoringFilters } from "@/lib/monitoring/public-filters";
import { MONITORING_STATUSES } from "@/lib/monitoring/schemas";
import { openReport } from "@/lib/monitoring/sealed";
import { DEMO_RECEIPT_CODE } from "@/prisma/seed/demo-monitoring";
import { DEMO_FLAGGABLE_COMMENT } from "@/prisma/seed/demo-moderation";
import { getModerationStats } from "@/lib/moderation/queries";

// The demo must show the portal alive (issues 2, 3 and 4): this guards what a fresh `npm start` shows.
describe("demo data", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemo();
  }, 60_000);

  it("has an admin, four staff (two of them monitoring reviewers), a committee of five with one chair, and a dozen organizations", async () => {
    expect(await db.roleAssignment.count({ where: { role: "ADMIN" } })).toBe(1);
    expect(await db.roleAssignment.count({ where: { role: "STAFF" } })).toBe(4);
    expect(await db.roleAssignment.count({ where: { role: "MONITORING_REVIEWER" } })).toBe(2);
    expect(await db.committeeTerm.count()).toBe(5);
    expect(await db.committeeTerm.count({ where: { isChair: true } })).toBe(1);
    const orgs = await db.organization.findMany({ select: { country: true, subregion: true, status: true } });
    expect(orgs.length).toBeGreaterThanOrEqual(12);
    expect(new Set(orgs.map((o) => o.country)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(orgs.map((o) => o.subregion)).size).toBe(5);
    expect(orgs.some((o) => o.status === "PENDING")).toBe(true);
  });

  it("has at least 30 proposals in every state and all four languages, with co-sponsors, comments and answers", async () => {
    const proposals = await db.proposal.findMany({ select: { status: true, language: true, answer: true, cosponsorCount: true, id: true } });
    expect(proposals.length).toBeGreaterThanOrEqual(30);
    expect(new Set(proposals.map((p) => p.status)).size).toBe(7);
    expect(new Set(proposals.map((p) => p.language))).toEqual(new Set(["es", "en", "pt", "fr"]));
    const cosponsors = await db.proposalCosponsor.groupBy({ by: ["proposalId"], _count: true });
    for (const row of cosponsors) {
      expect(proposals.find((p) => p.id === row.proposalId)?.cosponsorCount).toBe(row._count);
    }
    expect(await db.proposalComment.count({ where: { parentId: { not: null } } })).toBeGreaterThan(0);
    expect(proposals.filter((p) => p.answer).length).toBeGreaterThanOrEqual(8);
  });

  it("writes every proposal as the commands do: no list column left NULL, and the public list reads them all", async () => {
    const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Proposal" WHERE countries IS NULL OR objectives IS NULL`;
    expect(Number(rows[0].n)).toBe(0);
    const { items, total } = await searchProposals(parseProposalFilters({}), 500);
    expect(items.length).toBe(total);
    for (const p of items) expect(Array.isArray(p.countries), p.title).toBe(true);
  });

  it("lets only verified organizations co-sponsor and comment, as the commands do", async () => {
    expect(await db.proposalCosponsor.count({ where: { organization: { status: { not: "VERIFIED" } } } })).toBe(0);
    expect(await db.proposalComment.count({ where: { organization: { status: { not: "VERIFIED" } } } })).toBe(0);
    expect(await db.proposal.count({ where: { status: { not: "DRAFT" }, organization: { status: { not: "VERIFIED" } } } })).toBe(0);
  });

  it("covers most GCM objectives with public proposals, but not all", async () => {
    const rows = await db.$queryRaw<{ objective: number }[]>`
      SELECT DISTINCT unnest(p.objectives) AS objective FROM "Proposal" p JOIN "Organization" o ON o.id = p."organizationId"
      WHERE p.status <> 'DRAFT' AND o.status = 'VERIFIED'`;
    expect(rows.length).toBeGreaterThanOrEqual(18);
    expect(rows.length).toBeLessThan(23);
  });

  describe("review sessions", () => {
    const DAY = 86_400_000;
    const byTitle = async (es: string) => {
      const sessions = await db.reviewSession.findMany({ include: { nominations: true, registrations: true, proposals: true } });
      const found = sessions.find((s) => (s.title as Record<string, string>).es === es);
      if (!found) throw new Error(`no session ${es}`);
      return found;
    };

    it("has one session in each state but held, with times relative to now", async () => {
      // The session live at seeding time (session questions) is checked on its own below.
      const sessions = (await db.reviewSession.findMany({ select: { status: true, startsAt: true, nominationDeadline: true, title: true } })).filter(
        (s) => (s.title as Record<string, string>).es !== DEMO_LIVE_SESSION_TITLE.es,
      );
      expect(sessions.map((s) => s.status).sort()).toEqual(["DRAFT", "OPEN_FOR_NOMINATIONS", "REPORT_PUBLISHED", "SPEAKERS_CONFIRMED"]);
      const now = Date.now();
      const open = sessions.find((s) => s.status === "OPEN_FOR_NOMINATIONS")!;
      expect(open.nominationDeadline!.getTime()).toBeGreaterThan(now + 14 * DAY);
      expect(open.nominationDeadline!.getTime()).toBeLessThan(open.startsAt.getTime());
      expect(open.startsAt.getTime()).toBeGreaterThan(now + 35 * DAY);
      expect(sessions.find((s) => s.status === "SPEAKERS_CONFIRMED")!.startsAt.getTime()).toBeGreaterThan(now);
      expect(sessions.find((s) => s.status === "REPORT_PUBLISHED")!.startsAt.getTime()).toBeLessThan(now);
      // Titles in all four languages for some, only Spanish for the draft; each findable by its stable title.
      expect(Object.keys(open.title as object).sort()).toEqual(["en", "es", "fr", "pt"]);
      expect(Object.keys(sessions.find((s) => s.status === "DRAFT")!.title as object)).toEqual(["es"]);
      for (const title of Object.values(DEMO_SESSION_TITLES)) expect(sessions.some((s) => (s.title as Record<string, string>).es === title.es)).toBe(true);
    });

    it("has a past session with its summary and five confirmed speakers, one of them unnamed in public", async () => {
      const past = await byTitle(DEMO_SESSION_TITLES.past.es);
      expect(past.status).toBe("REPORT_PUBLISHED");
      expect(past.summary).toMatch(/^## /);
      expect(past.summaryLanguage).toBe("es");
      const selected = past.nominations.filter((n) => n.status === "SELECTED");
      expect(selected.map((n) => n.role).sort()).toEqual(["MODERATOR", "PANELIST", "PANELIST", "PANELIST", "RAPPORTEUR"]);
      expect(selected.every((n) => n.bio && n.selectionRationale && n.selectedById)).toBe(true);
      expect(selected.filter((n) => !n.publishName)).toHaveLength(1);
    });

    it("has a session with confirmed speakers and registrations with languages and access needs", async () => {
      const confirmed = await byTitle(DEMO_SESSION_TITLES.confirmed.es);
      expect(confirmed.status).toBe("SPEAKERS_CONFIRMED");
      expect(confirmed.nominations.filter((n) => n.status === "SELECTED")).toHaveLength(5);
      // After confirmation nothing is left waiting.
      expect(confirmed.nominations.some((n) => ["PROPOSED", "INVITED", "ACCEPTED"].includes(n.status))).toBe(false);
      const registrations = confirmed.registrations;
      expect(registrations.length).toBeGreaterThanOrEqual(6);
      expect(new Set(registrations.map((r) => r.language)).size).toBeGreaterThanOrEqual(3);
      const other = registrations.find((r) => r.accessNeeds.includes("OTHER"));
      expect(other?.accessNote).toBeTruthy();
      expect(registrations.filter((r) => r.listed).length).toBeGreaterThanOrEqual(3);
      expect(registrations.some((r) => !r.listed)).toBe(true);
      // Everyone on a participant list belongs to a verified organization (pending ones are not public).
      const listed = await db.sessionRegistration.findMany({
        where: { listed: true },
        select: { user: { select: { memberships: { select: { organization: { select: { status: true } } } } } } },
      });
      for (const r of listed) expect(r.user.memberships.map((m) => m.organization.status)).toContain("VERIFIED");
      // One speaker was selected by two members together (the chair is recused).
      expect(await db.nominationSelectionVote.count({ where: { nomination: { sessionId: confirmed.id } } })).toBe(2);
    });

    it("has an open session with nominations in every waiting state, endorsements and a recusal", async () => {
      const open = await byTitle(DEMO_SESSION_TITLES.open.es);
      const count = (status: string) => open.nominations.filter((n) => n.status === status).length;
      expect([count("PROPOSED"), count("INVITED"), count("ACCEPTED"), count("DECLINED"), count("SELECTED")]).toEqual([1, 1, 3, 1, 1]);
      expect(open.nominations.filter((n) => n.status === "ACCEPTED").every((n) => n.bio)).toBe(true);
      const selected = open.nominations.find((n) => n.status === "SELECTED")!;
      const chair = await db.committeeTerm.findFirstOrThrow({ where: { isChair: true } });
      expect(selected.selectedById).toBe(chair.userId);
      expect(selected.selectionRationale).toBeTruthy();
      // The invitation: only a hash, of a link that still works.
      const invited = open.nominations.find((n) => n.status === "INVITED")!;
      const token = await db.nominationToken.findFirstOrThrow({ where: { nominationId: invited.id, purpose: "RESPOND" } });
      expect(token.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(token.usedAt).toBeNull();
      expect(token.expiresAt.getTime()).toBeGreaterThan(Date.now());
      // Private data the privacy tests look for.
      const declined = open.nominations.find((n) => n.status === "DECLINED")!;
      expect(declined).toMatchObject({ nomineeEmail: DEMO_PRIVATE_NOMINEE.email, nomineeGender: DEMO_PRIVATE_NOMINEE.gender });
      // Endorsements by committee members, never by the nominator.
      const endorsements = await db.nominationEndorsement.findMany({ where: { nomination: { sessionId: open.id } }, include: { nomination: true } });
      expect(endorsements.length).toBeGreaterThanOrEqual(8);
      const members = new Set((await db.committeeTerm.findMany()).map((t) => t.userId));
      for (const e of endorsements) {
        expect(members.has(e.userId)).toBe(true);
        expect(e.userId).not.toBe(e.nomination.nominatedById);
      }
      // A nominee from a committee member's organization, whom that member did not endorse.
      const recused = await db.user.findUniqueOrThrow({ where: { email: DEMO_RECUSAL.recusedMemberEmail }, include: { committeeTerms: true } });
      const nominee = open.nominations.find((n) => n.nomineeName === DEMO_RECUSAL.nomineeName)!;
      expect(nominee.nomineeOrganizationId).toBe(recused.committeeTerms[0].organizationId);
      expect(endorsements.some((e) => e.nominationId === nominee.id && e.userId === recused.id)).toBe(false);
    });

    it("has a draft session nobody links to", async () => {
      const draft = await byTitle(DEMO_SESSION_TITLES.draft.es);
      expect(draft.status).toBe("DRAFT");
      expect(draft.proposals).toHaveLength(0);
      expect(await db.auditEntry.count({ where: { entityId: draft.id, isPublic: true } })).toBe(0);
    });

    it("links about ten public proposals to the open and confirmed sessions", async () => {
      const linked = await db.proposal.findMany({ where: { session: { status: { in: ["OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"] } } } });
      expect(linked.length).toBeGreaterThanOrEqual(8);
      expect(linked.every((p) => p.status !== "DRAFT")).toBe(true);
    });

    it("writes the public log the commands would, without private data", async () => {
      // Not the entries of the session live at seeding time (session questions' own test checks them).
      const live = await db.reviewSession.findFirstOrThrow({ where: { title: { path: ["es"], equals: DEMO_LIVE_SESSION_TITLE.es } } });
      const notLive = { NOT: { data: { path: ["sessionId"], equals: live.id } } };
      const publicEntries = await db.auditEntry.findMany({ where: { isPublic: true, action: { startsWith: "session." }, ...notLive } });
      const actions = publicEntries.map((e) => e.action);
      expect(actions.filter((a) => a === "session.opened")).toHaveLength(3);
      expect(actions.filter((a) => a === "session.speakers_confirmed")).toHaveLength(2);
      expect(actions).toContain("session.held");
      expect(actions).toContain("session.report_published");
      expect(actions).toContain("session.updated");
      const confirmations = await db.auditEntry.findMany({ where: { isPublic: true, action: "nomination.confirmed", ...notLive } });
      expect(confirmations).toHaveLength(10);
      for (const entry of confirmations) {
        expect(Object.keys(entry.data as object).sort()).toEqual(["organizationName", "rationale", "role", "selectedBy", "sessionId", "sessionTitle", "speakerName"]);
      }
      expect(confirmations.some((e) => (e.data as { speakerName: unknown }).speakerName === null)).toBe(true);
      expect(confirmations.some((e) => (e.data as { selectedBy: string }).selectedBy.includes(", "))).toBe(true);
      // No public entry carries an email, a gender or a nominee who has not been confirmed.
      const everyPublic = JSON.stringify(await db.auditEntry.findMany({ where: { isPublic: true }, select: { data: true } }));
      expect(everyPublic).not.toContain("@");
      expect(everyPublic).not.toContain(DEMO_PRIVATE_NOMINEE.name);
      expect(everyPublic).not.toMatch(/"(nomineeGender|gender|nomineeEmail|email)"/);
      // Nominations, endorsements and registrations are recorded privately.
      for (const action of ["nomination.proposed", "nomination.endorsed", "nomination.declined", "session.registered", "session.created"]) {
        expect(await db.auditEntry.count({ where: { action, isPublic: false } }), action).toBeGreaterThan(0);
        expect(await db.auditEntry.count({ where: { action, isPublic: true } }), action).toBe(0);
      }
    });
  });

  describe("review report", () => {
    const DAY = 86_400_000;
    const versions = () =>
      // This cycle's versions; version 1 is the previous review's final report (tested below).
      db.reportVersion.findMany({
        where: { number: { gt: DEMO_FINAL_REPORT.number } },
        orderBy: { number: "asc" },
        include: {
          paragraphs: { orderBy: { position: "asc" }, include: { proposals: { include: { proposal: true } } } },
          comments: { include: { paragraph: true, organization: true, author: { include: { memberships: true } } } },
          translations: true,
        },
      });

    it("has a superseded version, an open one for two more weeks and a draft, in one line", async () => {
      const [v1, v2, v3, ...rest] = await versions();
      expect(rest).toHaveLength(0);
      expect([v1, v2, v3].map((v) => [v.number, v.status, v.title])).toEqual([
        [2, "SUPERSEDED", DEMO_REPORT.superseded.title],
        [3, "OPEN", DEMO_REPORT.open.title],
        [4, "DRAFT", DEMO_REPORT.draft.title],
      ]);
      expect([v1.previousId, v2.previousId, v3.previousId]).toEqual([null, v1.id, v2.id]);
      // The draft's internal wording is its note, apart from a title fit to publish.
      expect([v1.internalNote, v2.internalNote, v3.internalNote]).toEqual([null, null, DEMO_REPORT.draft.internalNote]);
      expect(v3.title).not.toContain("interno");
      expect(v1.commentDeadline!.getTime()).toBeLessThan(v1.closedAt!.getTime());
      expect(v1.closedAt!.getTime()).toBeLessThan(v2.openedAt!.getTime());
      expect(v2.commentDeadline!.getTime()).toBeGreaterThan(Date.now() + 13 * DAY);
      expect(v2.commentDeadline!.getTime()).toBeLessThan(Date.now() + 16 * DAY);
      expect(v3.openedAt).toBeNull();
      // A real report: about 25 blocks with headings at two levels; the paragraphs are the body, cut by the commands' rule.
      for (const v of [v1, v2, v3]) {
        expect(v.paragraphs.length).toBeGreaterThanOrEqual(25);
        expect(v.paragraphs.map((p) => p.position)).toEqual(v.paragraphs.map((_, i) => i));
        expect(v.paragraphs.map((p) => p.text)).toEqual(splitMarkdown(v.body).map((b) => b.text));
      }
      expect(new Set(v1.paragraphs.map((p) => p.headingLevel).filter((l) => l !== null))).toEqual(new Set([2, 3]));
      expect(v1.translations.map((t) => [t.language, t.title])).toEqual([["en", DEMO_REPORT.translation.title]]);
      expect(v1.translations[0].body).toMatch(/^## 1\. Introduction/);
    });

    it("keeps the anchors of paragraphs that did not change or changed a little, as the matching rule says", async () => {
      const [v1, v2, v3] = await versions();
      const anchors = (v: typeof v1) => new Map(v.paragraphs.map((p) => [p.anchor, p]));
      const [a1, a2, a3] = [anchors(v1), anchors(v2), anchors(v3)];
      const kept = [...a2.keys()].filter((anchor) => a1.has(anchor));
      expect(kept.length).toBeGreaterThanOrEqual(24);
      // Some kept their anchor with a changed text: the compare page has changes to show.
      expect(kept.filter((anchor) => a1.get(anchor)!.text !== a2.get(anchor)!.text).length).toBeGreaterThanOrEqual(5);
      // The rule itself gives the same anchors to what it keeps.
      const again = assignAnchors(v1.paragraphs, splitMarkdown(v2.body));
      for (const block of again) if (a1.has(block.anchor)) expect(a2.get(block.anchor)?.position).toBe(block.position);
      expect(again.filter((b) => a1.has(b.anchor)).length).toBe(kept.length);

      const { changedParagraph, removedParagraph, addedParagraph, openParagraph } = DEMO_REPORT;
      expect(a1.get(changedParagraph.anchor)?.text).toBe(changedParagraph.before);
      expect(a2.get(changedParagraph.anchor)?.text).toBe(changedParagraph.after);
      expect(a1.get(removedParagraph.anchor)?.text).toBe(removedParagraph.text);
      expect(a2.has(removedParagraph.anchor)).toBe(false);
      expect(a1.has(addedParagraph.anchor)).toBe(false);
      expect(a2.get(addedParagraph.anchor)?.text).toBe(addedParagraph.text);
      expect(a1.get(openParagraph.anchor)?.text).toBe(openParagraph.text);
      expect(a2.get(openParagraph.anchor)?.text).toBe(openParagraph.text);
      expect([...a3.keys()].filter((anchor) => a2.has(anchor)).length).toBe(v2.paragraphs.length);
      expect(v3.paragraphs.some((p) => p.text === DEMO_REPORT.draftOnlyText)).toBe(true);
    });

    it("has comments in four languages by members of verified organizations, every one on version 1 answered", async () => {
      const [v1, v2, v3] = await versions();
      const all = [...v1.comments, ...v2.comments, ...v3.comments];
      expect(new Set(all.map((c) => c.language))).toEqual(new Set(["es", "pt", "en", "fr"]));
      for (const c of all) {
        expect(c.organization?.status).toBe("VERIFIED");
        expect(c.author!.memberships.map((m) => m.organizationId)).toContain(c.organizationId);
        expect(c.paragraph.versionId).toBe(c.versionId);
      }
      expect(all.some((c) => c.proposedText)).toBe(true);

      expect(v1.comments.length).toBeGreaterThanOrEqual(8);
      const staff = new Set((await db.roleAssignment.findMany({ where: { role: "STAFF" } })).map((r) => r.userId));
      for (const c of v1.comments) {
        expect(c.disposition, c.body).not.toBeNull();
        expect(c.answer?.trim()).toBeTruthy();
        expect(staff.has(c.dispositionById!)).toBe(true);
        expect(c.dispositionAt!.getTime()).toBeGreaterThan(c.createdAt.getTime());
      }
      expect(new Set(v1.comments.map((c) => c.disposition))).toEqual(new Set(["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"]));
      // The change the e2e follows: a comment in Portuguese proposing new text, accepted.
      const behind = v1.comments.find((c) => c.paragraph.anchor === DEMO_REPORT.changedParagraph.anchor)!;
      expect(behind).toMatchObject({ language: "pt", disposition: "ACCEPTED" });
      expect(behind.organization?.name).toBe(DEMO_REPORT.changedParagraph.commentOrganization);
      expect(behind.proposedText).toBeTruthy();

      expect(v2.comments.filter((c) => c.disposition === null).length).toBeGreaterThanOrEqual(3);
      expect(v2.comments.some((c) => c.disposition !== null)).toBe(true);
      expect(v3.comments.length).toBeGreaterThan(0);
      // The authors heard of the answers.
      const answered = all.filter((c) => c.disposition);
      const told = await db.notification.findMany({ where: { kind: "report.comment_answered" } });
      expect(told).toHaveLength(answered.length);
      for (const c of answered) {
        expect(told.some((n) => n.userId === c.authorId && (n.data as { anchor: string }).anchor === c.paragraph.anchor)).toBe(true);
      }
    });

    it("links paragraphs to public proposals, and an accepted one became incorporated", async () => {
      const [v1, v2, v3] = await versions();
      const linked = (v: typeof v1) => v.paragraphs.flatMap((p) => p.proposals.map((l) => ({ anchor: p.anchor, proposal: l.proposal })));
      expect(linked(v1).length).toBeGreaterThanOrEqual(3);
      for (const { proposal } of [...linked(v1), ...linked(v2), ...linked(v3)]) {
        expect(["SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "NOT_RETAINED", "INCORPORATED"]).toContain(proposal.status);
      }
      // Links carry over to the paragraphs that kept their anchor.
      for (const link of linked(v1)) expect(linked(v2).some((l) => l.anchor === link.anchor && l.proposal.id === link.proposal.id)).toBe(true);
      expect(linked(v2).length).toBeGreaterThan(linked(v1).length);
      const incorporated = await db.auditEntry.findMany({ where: { action: "proposal.incorporated", isPublic: true, entityId: { in: linked(v2).map((l) => l.proposal.id) } } });
      const byLink = await db.auditEntry.findMany({ where: { action: "report.proposal_linked", isPublic: true } });
      expect(byLink.length).toBeGreaterThanOrEqual(4);
      const madeByLink = incorporated.filter((e) => byLink.some((l) => Math.abs(l.createdAt.getTime() - e.createdAt.getTime()) < 1000));
      expect(madeByLink.length).toBeGreaterThanOrEqual(1);
      for (const entry of madeByLink) {
        expect((await db.proposal.findUniqueOrThrow({ where: { id: entry.entityId } })).status).toBe("INCORPORATED");
        expect(await db.notification.count({ where: { kind: "proposal.incorporated", data: { path: ["proposalId"], equals: entry.entityId } } })).toBeGreaterThan(0);
      }
      // Some accepted proposals wait to be taken up.
      expect(await db.proposal.count({ where: { status: "ACCEPTED" } })).toBeGreaterThan(0);
    });

    it("writes the public log the commands would, and nothing about the draft", async () => {
      const [v1, v2, v3] = await versions();
      const count = (action: string, isPublic = true) => db.auditEntry.count({ where: { action, isPublic } });
      // Each count includes the previous review's final report: opened, closed, translated, created, final.
      expect(await count("report.version_opened")).toBe(3);
      expect(await count("report.version_closed")).toBe(2);
      expect(await count("report.translation_added")).toBe(2);
      expect(await count("report.version_created", false)).toBe(4);
      expect(await count("report.comment_posted")).toBe(v1.comments.length + v2.comments.length);
      expect(await count("report.comment_answered")).toBe([...v1.comments, ...v2.comments].filter((c) => c.disposition).length);
      expect(await count("report.final_published")).toBe(1);
      const opened = await db.auditEntry.findFirstOrThrow({ where: { action: "report.version_opened", entityId: v2.id } });
      expect(opened.data).toEqual({ versionNumber: DEMO_REPORT.open.number, title: v2.title, commentDeadline: v2.commentDeadline!.toISOString(), timeZone: v2.timeZone });

      const everyPublic = await db.auditEntry.findMany({ where: { isPublic: true } });
      const text = JSON.stringify(everyPublic.map((e) => e.data));
      expect(text).not.toContain(DEMO_REPORT.draft.title);
      expect(text).not.toContain(DEMO_REPORT.draftOnlyText);
      expect(JSON.stringify(await db.auditEntry.findMany({ select: { data: true } }))).not.toContain(DEMO_REPORT.draft.internalNote);
      const draftIds = new Set([v3.id, ...v3.paragraphs.map((p) => p.id), ...v3.comments.map((c) => c.id)]);
      expect(everyPublic.filter((e) => draftIds.has(e.entityId))).toEqual([]);
      expect(everyPublic.filter((e) => e.action.startsWith("report.") && (e.data as { versionNumber: number }).versionNumber === DEMO_REPORT.draft.number)).toEqual([]);
      // Comment entries name the organization and the paragraph, never the comment's text or a person.
      for (const e of everyPublic.filter((x) => x.action === "report.comment_posted")) {
        expect(Object.keys(e.data as object).sort()).toEqual(["anchor", "organizationName", "signedAs", "versionNumber"]);
      }
    });
  });

  it("has moderation in every state: open flags in the queue, a hidden comment of each kind with its public reason, a dismissed flag", async () => {
    const stats = await getModerationStats();
    expect(stats.byStatus.OPEN).toBeGreaterThan(0);
    expect(stats.byStatus.UPHELD).toBeGreaterThan(0);
    expect(stats.byStatus.DISMISSED).toBeGreaterThan(0);
    expect(new Set(stats.hidden.map((h) => h.kind))).toEqual(new Set(["PROPOSAL_COMMENT", "REPORT_COMMENT"]));
    expect(await db.auditEntry.count({ where: { action: "moderation.post_hidden", isPublic: true } })).toBe(2);
    // The demo participant wrote the hidden spam and finds the notice.
    const participant = await db.user.findUniqueOrThrow({ where: { email: "participante@puente.example" } });
    expect(await db.notification.count({ where: { userId: participant.id, kind: "moderation.post_hidden" } })).toBe(1);
    // The e2e's comment waits unflagged.
    const flaggable = await db.reportComment.findFirstOrThrow({ where: { body: DEMO_FLAGGABLE_COMMENT } });
    expect(await db.moderationFlag.count({ where: { postId: flaggable.id } })).toBe(0);
  });

  it("has a sentence in every language for every public log entry", async () => {
    const { entries } = await listPublicLog(1, 1000);
    for (const locale of locales) {
      const read = (ns: string) => JSON.parse(readFileSync(`messages/${locale}/${ns}.json`, "utf8"));
      const t = createTranslator({
        locale,
        messages: { transparency: read("transparency") },
        namespace: "transparency",
        onError: (error) => {
          throw error;
        },
      });
      const common = read("common");
      const tt = t as unknown as Parameters<typeof catalogueHelpers>[0] & { markup: (key: string, values: Record<string, unknown>) => string };
      const helpers = catalogueHelpers(tt, (d) => d.toISOString().slice(0, 10), {
        locale,
        speakerRoleLabel: (role) => common.speakerRoles[role],
        formatInstant: (d) => d.toISOString(),
      });
      for (const entry of entries) {
        const sentence = describeEntry(entry, helpers);
        expect(sentence.kind, `${locale} ${entry.action}`).toBe("known");
        if (sentence.kind !== "known") continue;
        const text = tt.markup(`actions.${sentence.key}`, { ...sentence.values, org: (c: string) => c, session: (c: string) => c, report: (c: string) => c, item: (c: string) => c });
        expect(text).not.toMatch(/[{}@]/);
      }
    }
  });

  it("wrote only audit rows that parse as their typed event, each as public as its event allows", async () => {
    const rows = await db.auditEntry.findMany({ select: { action: true, entityType: true, data: true, isPublic: true } });
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      const event = parseAuditEvent(row);
      expect(event, `${row.action} ${JSON.stringify(row.data)}`).not.toBeNull();
      expect(auditEventSchema.safeParse({ action: row.action, entityType: row.entityType, data: row.data }).success, row.action).toBe(true);
      const visibility = visibilityOf(event!.action);
      if (visibility !== "either") expect(row.isPublic, row.action).toBe(visibility === "public");
    }
  });

  describe("monitoring", () => {
    it("has reports in every state and four languages, sealed, with the case history the commands write", async () => {
      const reports = await db.monitoringReport.findMany({ select: { id: true, status: true, language: true, possibleSpam: true, sealed: true, keyId: true } });
      expect(new Set(reports.map((r) => r.status))).toEqual(new Set(MONITORING_STATUSES));
      expect(new Set(reports.map((r) => r.language))).toEqual(new Set(["es", "en", "pt", "fr"]));
      expect(reports.some((r) => r.possibleSpam)).toBe(true);
      for (const r of reports) {
        const secrets = openReport(r);
        expect(Buffer.from(r.sealed).toString("latin1")).not.toContain(secrets.narrative.slice(0, 20));
        expect(await db.monitoringCaseEvent.count({ where: { reportId: r.id, action: "report.filed" } })).toBe(1);
      }
    });

    it("publishes only consented summaries approved by a reviewer other than their writer, and one public cell reaches five", async () => {
      const summaries = await db.monitoringSummary.findMany({ include: { report: { select: { consentPublish: true } } } });
      const published = summaries.filter((s) => s.status === "PUBLISHED");
      expect(published.length).toBeGreaterThanOrEqual(5);
      expect(summaries.some((s) => s.status === "AWAITING_APPROVAL")).toBe(true);
      for (const s of published) {
        expect(s.report.consentPublish).toBe(true);
        expect(s.approverId).not.toBeNull();
        expect(s.approverId).not.toBe(s.writerId);
      }
      const { items } = await listPublishedSummaries(parseMonitoringFilters({}));
      expect(new Set(items.map((s) => s.language)).size).toBeGreaterThanOrEqual(2);
      const mexico = await countryAggregates("MX");
      expect(mexico?.byCategory.find((c) => c.category === "DETENTION")?.cell).toEqual({ kind: "shown", value: 6 });
    });

    it("opens the case under review with the README's receipt code, with the reviewer's question and the answer", async () => {
      const view = await readReceipt(null, { receipt: DEMO_RECEIPT_CODE });
      expect(view.status).toBe("UNDER_REVIEW");
      expect(view.messages.map((m) => m.fromReporter)).toEqual([false, true]);
    });
  });
});
