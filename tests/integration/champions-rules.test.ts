import { beforeEach, describe, expect, it } from "vitest";
import { parseAuditEvent, visibilityOf, type AuditAction } from "@/lib/audit/events";
import * as champions from "@/lib/champions/commands";
import * as follows from "@/lib/follows/commands";
import { isNotUpdated, NOT_UPDATED_AFTER_DAYS, isChampionOn } from "@/lib/champions/policy";
import { commitmentSnapshotSchema } from "@/lib/champions/schemas";
import { db } from "@/lib/db/client";
import { describeNotification } from "@/lib/notifications/kinds";
import { actorFor, buildWorld, createOrganization, createUser, resetDatabase } from "../helpers/factories";
import { appError, outcome } from "../helpers/outcomes";
import { day, finalVersion, foundingTerms, initiativeForm, initiativeInput, insertAssessment, insertCommitment, insertSuggestion } from "../helpers/champion-fixtures";
import { insertVersion } from "../helpers/report-fixtures";

let world: Awaited<ReturnType<typeof buildWorld>>;

beforeEach(async () => {
  await resetDatabase();
  world = await buildWorld();
  await foundingTerms();
});

const assessment = (commitmentId: string, extra: Record<string, unknown> = {}) => ({
  commitmentId,
  language: "es",
  progress: "STALLED",
  inclusion: "INFORMED",
  rightsCentred: "NO",
  rightsNote: "No se consultó a las personas afectadas.",
  ...extra,
});

/** Every audit row parses as its typed event, as public as its event allows. */
async function expectAuditRowsParse() {
  const rows = await db.auditEntry.findMany();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(parseAuditEvent(row), row.action).not.toBeNull();
    const visibility = visibilityOf(row.action as AuditAction);
    if (visibility !== "either") expect(row.isPublic, row.action).toBe(visibility === "public");
  }
}

describe("champion terms", () => {
  it("decide who is a champion on a day, end day included", () => {
    const terms = [{ country: "MX", startsOn: day("2026-01-01"), endsOn: day("2026-06-30") }];
    expect(isChampionOn(terms, "MX", day("2025-12-31"))).toBe(false);
    expect(isChampionOn(terms, "mx", new Date("2026-06-30T23:59:00Z"))).toBe(true);
    expect(isChampionOn(terms, "MX", day("2026-07-01"))).toBe(false);
    expect(isChampionOn([{ country: "SV", startsOn: day("2026-01-01"), endsOn: null }], "SV", day("2099-01-01"))).toBe(true);
  });

  it("refuse an end before the start, an unknown country and an overlapping term; end a term once", async () => {
    const staff = world.actors.staff;
    expect((await appError(champions.addChampionTerm(staff, { country: "CO", startsOn: "2026-05-01", endsOn: "2026-04-30" }))).fieldErrors.endsOn).toBeDefined();
    expect((await appError(champions.addChampionTerm(staff, { country: "XX", startsOn: "2026-05-01" }))).fieldErrors.country).toBeDefined();
    expect((await appError(champions.addChampionTerm(staff, { country: "MX", startsOn: "2026-05-01" }))).fieldErrors.country).toEqual([{ key: "champions.termOverlaps" }]);
    const term = await champions.addChampionTerm(staff, { country: "CO", startsOn: "2026-01-01" });
    expect((await appError(champions.endChampionTerm(staff, { termId: term.id, endsOn: "2025-12-31" }))).fieldErrors.endsOn).toBeDefined();
    await champions.endChampionTerm(staff, { termId: term.id, endsOn: "2026-06-30" });
    expect(await outcome(champions.endChampionTerm(staff, { termId: term.id, endsOn: "2026-07-30" }))).toBe("conflict");
    // A new term after the end is fine.
    expect(await outcome(champions.addChampionTerm(staff, { country: "CO", startsOn: "2026-07-01" }))).toBe("ok");
    await expectAuditRowsParse();
  });
});

describe("initiatives", () => {
  it("need a champion State on the day they are written, and say why not", async () => {
    const error = await appError(champions.createInitiative(world.actors.staff, initiativeInput("CO")));
    expect(error.fieldErrors.country).toEqual([{ key: "champions.notChampion" }]);
    const mx = await db.championTerm.findFirstOrThrow({ where: { country: "MX" } });
    await champions.endChampionTerm(world.actors.staff, { termId: mx.id, endsOn: "2025-01-01" });
    expect((await appError(champions.createInitiative(world.actors.staff, initiativeInput("MX")))).fieldErrors.country).toBeDefined();
  });

  it("read flat form names and nested objects alike, dropping blank rows and languages", async () => {
    const fromForm = await champions.createInitiative(world.actors.staff, initiativeForm());
    const row = await db.commitment.findUniqueOrThrow({ where: { id: fromForm.id }, include: { texts: true, milestones: true, sources: true } });
    expect(row.texts.map((t) => t.language)).toEqual(["es"]);
    expect(row.milestones).toHaveLength(1);
    expect(row.milestones[0]).toMatchObject({ label: "Decreto publicado", language: "es", doneOn: null });
    expect(row.sources.map((s) => s.url)).toEqual(["https://dof.example/decreto"]);
    expect(row.objectives).toEqual([5, 7]);
  });

  it("give field errors by the form's names: a javascript: link, done before planned, no language, a bad objective", async () => {
    const error = await appError(
      champions.createInitiative(world.actors.staff, {
        ...initiativeForm(),
        "texts.es.title": "",
        "texts.es.description": "",
        "sources.0.url": "javascript:alert(1)",
        "milestones.0.doneOn": "2026-01-01",
        objectives: ["24"],
      }),
    );
    expect(error.fieldErrors["sources.0.url"]).toEqual([{ key: "invalidUrl" }]);
    expect(error.fieldErrors["milestones.0.doneOn"]).toEqual([{ key: "champions.doneBeforePlanned" }]);
    expect(error.fieldErrors.texts).toEqual([{ key: "champions.oneLanguageRequired" }]);
    expect(error.fieldErrors.objectives).toBeDefined();
    expect(await db.commitment.count()).toBe(0);
  });

  it("are created once per form (the idempotency key), and only replayed to their author", async () => {
    const key = crypto.randomUUID();
    const first = await champions.createInitiative(world.actors.staff, { ...initiativeInput(), idempotencyKey: key });
    const again = await champions.createInitiative(world.actors.staff, { ...initiativeInput(), idempotencyKey: key });
    expect(again).toEqual({ ...first, created: false });
    expect(await outcome(champions.createInitiative(world.actors.admin, { ...initiativeInput(), idempotencyKey: key }))).toBe("conflict");
    expect(await db.commitment.count()).toBe(1);
  });
});

describe("history", () => {
  it("keeps a revision with its snapshot for every change, and moves lastUpdatedAt", async () => {
    const staff = world.actors.staff;
    const t0 = new Date("2026-03-01T12:00:00Z");
    const { id } = await champions.createInitiative(staff, initiativeInput(), { now: t0 });
    const t1 = new Date("2026-03-05T12:00:00Z");
    await champions.editCommitment(staff, { ...initiativeInput(), commitmentId: id, texts: { pt: { title: "Programa", description: "Regularização." } }, expectedRevision: 1 }, { now: t1 });
    const t2 = new Date("2026-03-09T12:00:00Z");
    await champions.postCommitmentUpdate(staff, { commitmentId: id, reportedOn: "2026-03-08", language: "es", body: "Avanza.", "sources.0.title": "Nota", "sources.0.url": "https://example.org/n" }, { now: t2 });
    const t3 = new Date("2026-03-10T12:00:00Z");
    const stalled = await champions.postCommitmentUpdate(staff, { commitmentId: id, reportedOn: "2026-03-10", language: "es", body: "Se detuvo.", status: "STALLED" }, { now: t3 });
    expect(stalled.statusChanged).toBe(true);

    const c = await db.commitment.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ revision: 4, status: "STALLED", lastUpdatedAt: t3 });
    const revisions = await db.commitmentRevision.findMany({ where: { commitmentId: id }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4]);
    const snapshots = revisions.map((r) => commitmentSnapshotSchema.parse(r.snapshot));
    expect(snapshots.map((s) => s.change)).toEqual(["created", "edited", "update_posted", "update_posted"]);
    expect(Object.keys(snapshots[1].texts)).toEqual(["pt"]);
    expect(snapshots[3]).toMatchObject({ status: "STALLED", previousStatus: "ANNOUNCED", updateId: stalled.id });
    expect(await db.commitmentSource.count({ where: { update: { commitmentId: id } } })).toBe(1);

    // An edit made on a page showing revision 2 is refused.
    expect(await outcome(champions.editCommitment(staff, { ...initiativeInput(), commitmentId: id, expectedRevision: 2 }))).toBe("conflict");
    const actions = (await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["commitment.created", "commitment.edited", "commitment.update_posted", "commitment.update_posted", "commitment.status_changed"]);
    await expectAuditRowsParse();
  });

  it("marks an initiative not updated after 90 days without one", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const ago = (days: number) => ({ lastUpdatedAt: new Date(now.getTime() - days * 86_400_000) });
    expect(NOT_UPDATED_AFTER_DAYS).toBe(90);
    expect(isNotUpdated(ago(89), now)).toBe(false);
    expect(isNotUpdated(ago(90), now)).toBe(true);
    expect(isNotUpdated(ago(91), now)).toBe(true);
  });

  it("refuses an update dated in the future, by the command's clock", async () => {
    const c = await insertCommitment();
    const now = new Date("2026-03-10T12:00:00Z");
    const error = await appError(champions.postCommitmentUpdate(world.actors.staff, { commitmentId: c.id, reportedOn: "2026-03-11", language: "es", body: "Mañana." }, { now }));
    expect(error.fieldErrors.reportedOn).toEqual([{ key: "champions.reportedInFuture" }]);
    expect(await outcome(champions.postCommitmentUpdate(world.actors.staff, { commitmentId: c.id, reportedOn: "2026-03-10", language: "es", body: "Hoy." }, { now }))).toBe("ok");
  });
});

describe("assessments", () => {
  it("are signed by an organization of the initiative's country or a regional network, verified, of which the actor is a member", async () => {
    const sv = await insertCommitment({ country: "SV" });
    // An organization of Mexico does not assess a Salvadoran initiative.
    expect((await appError(champions.assessCommitment(world.actors.orgMember, assessment(sv.id, { organizationId: world.org.id })))).userMessage.key).toBe("champions.notYourCountry");
    expect(await outcome(champions.assessCommitment(world.actors.orgMember, assessment(sv.id)))).toBe("invalid"); // none fits: choose
    // A regional network based anywhere does.
    const networker = await createUser();
    await createOrganization({ country: "BR", type: "REGIONAL_NETWORK", members: [{ userId: networker.id, role: "ADMIN" }] });
    expect(await outcome(champions.assessCommitment(await actorFor(networker.id), assessment(sv.id)))).toBe("ok");
    // A member of a PENDING organization only: refused.
    const pendingUser = await createUser();
    const pending = await createOrganization({ country: "SV", status: "PENDING", members: [{ userId: pendingUser.id, role: "ADMIN" }] });
    expect(await outcome(champions.assessCommitment(await actorFor(pendingUser.id), assessment(sv.id)))).toBe("forbidden");
    // Naming an organization one does not belong to: refused, whatever the form says.
    expect((await appError(champions.assessCommitment(world.actors.orgMember, assessment(sv.id, { organizationId: pending.id })))).fieldErrors.organizationId).toBeDefined();
    expect(await db.assessment.count({ where: { commitmentId: sv.id } })).toBe(1);
  });

  it("of a recommendation are open to any verified organization; a second submission revises the first", async () => {
    const { version, paragraphs } = await finalVersion();
    const rec = await champions.markRecommendation(world.actors.staff, { versionId: version.id, anchor: paragraphs[0].anchor, addressee: "ALL" });
    const brazilian = await createUser();
    const br = await createOrganization({ country: "BR", members: [{ userId: brazilian.id, role: "MEMBER" }] });
    const first = await champions.assessCommitment(await actorFor(brazilian.id), assessment(rec.id, { "links.0.url": "https://example.org/informe" }));
    expect(first).toMatchObject({ organizationId: br.id, revised: false });
    const second = await champions.assessCommitment(await actorFor(brazilian.id), assessment(rec.id, { rightsCentred: "YES", links: ["https://example.org/otro"] }));
    expect(second).toEqual({ id: first.id, organizationId: br.id, revised: true });
    const row = await db.assessment.findUniqueOrThrow({ where: { id: first.id }, include: { links: true } });
    expect(row.rightsCentred).toBe("YES");
    expect(row.links.map((l) => l.url)).toEqual(["https://example.org/otro"]);
    const events = await db.auditEntry.findMany({ where: { entityId: first.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.data as { revised: boolean }).revised)).toEqual([false, true]);
  });

  it("need a reason why on rights, and a safe link", async () => {
    const c = await insertCommitment();
    const error = await appError(champions.assessCommitment(world.actors.orgMember, assessment(c.id, { rightsNote: "  ", "links.0.url": "javascript:alert(1)" })));
    expect(error.fieldErrors.rightsNote).toEqual([{ key: "required" }]);
    expect(error.fieldErrors["links.0.url"]).toEqual([{ key: "invalidUrl" }]);
  });

  it("are hidden only with a public reason, once; unhidden only when hidden", async () => {
    const c = await insertCommitment();
    const a = await insertAssessment(c.id, world.org.id);
    expect((await appError(champions.hideAssessment(world.actors.staff, { assessmentId: a.id, reason: " " }))).fieldErrors.reason).toBeDefined();
    expect(await outcome(champions.unhideAssessment(world.actors.staff, { assessmentId: a.id }))).toBe("conflict");
    await champions.hideAssessment(world.actors.staff, { assessmentId: a.id, reason: "Publica datos personales." });
    expect(await outcome(champions.hideAssessment(world.actors.staff, { assessmentId: a.id, reason: "Otra vez." }))).toBe("conflict");
    const hidden = await db.auditEntry.findFirstOrThrow({ where: { action: "assessment.hidden" } });
    expect(hidden.isPublic).toBe(true);
    expect(hidden.data).toMatchObject({ reason: "Publica datos personales.", organizationName: world.org.name });
    await champions.unhideAssessment(world.actors.staff, { assessmentId: a.id });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: a.id } })).hiddenAt).toBeNull();
    await expectAuditRowsParse();
  });
});

describe("suggestions", () => {
  it("become an initiative when accepted, in the same change, and are decided once", async () => {
    const s = await champions.suggestInitiative(world.actors.orgMember, { country: "MX", language: "es", title: "Ventanilla única", description: "Para personas retornadas.", sourceUrl: "www.example.org/nota" });
    const suggested = await db.auditEntry.findFirstOrThrow({ where: { action: "suggestion.submitted" } });
    expect(suggested.isPublic).toBe(false);
    const accepted = await champions.acceptSuggestion(world.actors.staff, { suggestionId: s.id, objectives: ["7"] });
    const row = await db.initiativeSuggestion.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ status: "ACCEPTED", commitmentId: accepted.commitmentId });
    const c = await db.commitment.findUniqueOrThrow({ where: { id: accepted.commitmentId }, include: { texts: true, sources: true } });
    expect(c).toMatchObject({ kind: "INITIATIVE", country: "MX", objectives: [7], revision: 1 });
    expect(c.sources.map((x) => x.url)).toEqual(["https://www.example.org/nota"]);
    expect(await outcome(champions.declineSuggestion(world.actors.staff, { suggestionId: s.id, reason: "No." }))).toBe("conflict");
    const declined = await insertSuggestion(world.org.id, "DECLINED");
    expect(await outcome(champions.acceptSuggestion(world.actors.staff, { suggestionId: declined.id }))).toBe("conflict");
    await expectAuditRowsParse();
  });

  it("are declined with a public reason, and refused for a country that is not a champion", async () => {
    const s = await insertSuggestion(world.org.id);
    await champions.declineSuggestion(world.actors.staff, { suggestionId: s.id, reason: "Ya está listada como otra iniciativa." });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "suggestion.declined" } });
    expect(entry).toMatchObject({ isPublic: true, data: { reason: "Ya está listada como otra iniciativa." } });
    const error = await appError(champions.suggestInitiative(world.actors.orgMember, { country: "CO", language: "es", title: "T", description: "D" }));
    expect(error.fieldErrors.country).toEqual([{ key: "champions.notChampion" }]);
  });
});

describe("recommendations", () => {
  it("come only from paragraphs of a FINAL version, once each, with the paragraph's text", async () => {
    const open = await insertVersion({ number: 2, status: "OPEN" });
    const openParagraph = open.paragraphs.find((p) => p.headingLevel === null)!;
    expect(await outcome(champions.markRecommendation(world.actors.staff, { versionId: open.id, anchor: openParagraph.anchor, addressee: "STATES" }))).toBe("conflict");
    const { version, heading, paragraphs } = await finalVersion(3);
    expect((await appError(champions.markRecommendation(world.actors.staff, { versionId: version.id, anchor: heading.anchor, addressee: "IOM" }))).fieldErrors.anchor).toBeDefined();
    expect((await appError(champions.markRecommendation(world.actors.staff, { versionId: version.id, anchor: "p-nope", addressee: "IOM" }))).fieldErrors.anchor).toBeDefined();
    const rec = await champions.markRecommendation(world.actors.staff, { versionId: version.id, anchor: paragraphs[1].anchor, addressee: "ECLAC", objectives: ["1", "3"] });
    const c = await db.commitment.findUniqueOrThrow({ where: { id: rec.id }, include: { texts: true } });
    expect(c).toMatchObject({ kind: "RECOMMENDATION", addressee: "ECLAC", country: null, paragraphAnchor: paragraphs[1].anchor, objectives: [1, 3] });
    expect(c.texts).toEqual([expect.objectContaining({ language: "es", description: paragraphs[1].text })]);
    expect(await outcome(champions.markRecommendation(world.actors.staff, { versionId: version.id, anchor: paragraphs[1].anchor, addressee: "ECLAC" }))).toBe("conflict");
    // Updates and status work as for an initiative.
    await champions.postCommitmentUpdate(world.actors.staff, { commitmentId: rec.id, reportedOn: "2026-01-02", language: "es", body: "La CEPAL publicó la guía.", status: "COMPLETED" });
    expect((await db.commitment.findUniqueOrThrow({ where: { id: rec.id } })).revision).toBe(2);
    await expectAuditRowsParse();
  });
});

describe("following", () => {
  it("tells followers of the commitment and of its country once each, in their language, never the actor", async () => {
    const staff = world.actors.staff!;
    const { id } = await champions.createInitiative(staff, { ...initiativeInput(), texts: { es: { title: "Programa", description: "D" }, en: { title: "Programme", description: "D" } } });
    const english = await createUser();
    await db.user.update({ where: { id: english.id }, data: { preferredLocale: "en" } });
    const englishActor = await actorFor(english.id);
    await follows.follow(englishActor, { subject: "COMMITMENT", key: id });
    await follows.follow(englishActor, { subject: "COUNTRY", key: "mx" });
    await follows.follow(world.actors.participant, { subject: "COUNTRY", key: "MX" });
    expect((await follows.follow(world.actors.participant, { subject: "COUNTRY", key: "MX" })).changed).toBe(false);
    await follows.follow(staff, { subject: "COMMITMENT", key: id });
    expect(await outcome(follows.follow(world.actors.participant, { subject: "COMMITMENT", key: crypto.randomUUID() }))).toBe("not_found");
    expect(await outcome(follows.follow(world.actors.participant, { subject: "COUNTRY", key: "XX" }))).toBe("invalid");

    await champions.postCommitmentUpdate(staff, { commitmentId: id, reportedOn: "2026-01-02", language: "es", body: "Avanza." });
    const notes = await db.notification.findMany({ orderBy: { userId: "asc" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([english.id, world.users.participant.id].sort());
    const forEnglish = notes.find((n) => n.userId === english.id)!;
    expect(forEnglish).toMatchObject({ kind: "commitment.updated", data: { commitmentId: id, title: "Programme" } });
    expect(describeNotification(forEnglish.kind, forEnglish.data)).toMatchObject({ kind: "known", key: "commitment_updated", href: `/champions/initiatives/${id}` });

    await follows.unfollow(englishActor, { subject: "COUNTRY", key: "MX" });
    await follows.unfollow(englishActor, { subject: "COMMITMENT", key: id });
    await champions.editCommitment(staff, { ...initiativeInput(), commitmentId: id, status: "IN_PROGRESS" });
    const after = await db.notification.findMany({ where: { kind: "commitment.status_changed" } });
    expect(after.map((n) => n.userId)).toEqual([world.users.participant.id]);
    await expectAuditRowsParse();
  });
});
