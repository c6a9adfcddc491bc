import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  closeConsultation,
  contribute,
  createConsultation,
  openConsultation,
  postConsultationUpdate,
  publishSynthesis,
  supportContribution,
  updateConsultation,
} from "@/lib/consultations/commands";
import { getConsultation, listConsultations } from "@/lib/consultations/queries";
import { db } from "@/lib/db/client";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { describeNotification } from "@/lib/notifications/kinds";
import { createProposal } from "@/lib/proposals/commands";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { consultationInput, consultationWorld, contributionInput, insertConsultation, insertContribution } from "../helpers/consultation-fixtures";
import { appError, outcome, type Outcome } from "../helpers/outcomes";

let world: Awaited<ReturnType<typeof consultationWorld>>;
type Who = "visitor" | "participant" | "orgMember" | "delegateOwner" | "otherDelegate" | "committee" | "staff" | "admin";
const WHO: Who[] = ["visitor", "participant", "orgMember", "delegateOwner", "otherDelegate", "committee", "staff", "admin"];
const actor = (who: Who): Actor | null =>
  who === "delegateOwner" ? world.delegates.iom : who === "otherDelegate" ? world.delegates.eclac : world.actors[who];
const ownerId = () => world.delegateUsers.iom.id;

beforeEach(async () => {
  await resetDatabase();
  world = await consultationWorld();
});

/** What lib/proposals' create command gets when a contribution becomes a draft. */
const convertInput = (contributionId: string, extra: Record<string, unknown> = {}) => ({
  sourceContributionId: contributionId,
  title: "Abaratar los trámites de regularización",
  summary: "Los trámites cuestan demasiado.",
  body: "Los trámites cuestan demasiado para quien gana el salario mínimo.",
  language: "es",
  objectives: ["7"],
  ...extra,
});

describe("who may do what (every command × every role)", () => {
  const runs: Record<Who, Outcome> = { visitor: "unauthenticated", participant: "forbidden", orgMember: "forbidden", delegateOwner: "ok", otherDelegate: "forbidden", committee: "forbidden", staff: "ok", admin: "ok" };
  const everyone: Record<Who, Outcome> = { visitor: "unauthenticated", participant: "ok", orgMember: "ok", delegateOwner: "ok", otherDelegate: "ok", committee: "ok", staff: "ok", admin: "ok" };
  const table: Record<string, Record<Who, Outcome>> = {
    create: { ...runs, otherDelegate: "ok" },
    update: runs,
    open: runs,
    contribute: everyone,
    reply: everyone,
    support: everyone,
    postUpdate: runs,
    close: runs,
    publishSynthesis: { visitor: "unauthenticated", participant: "forbidden", orgMember: "forbidden", delegateOwner: "forbidden", otherDelegate: "forbidden", committee: "forbidden", staff: "ok", admin: "ok" },
    // Members of an organization that writes proposals (lib/proposals' canCreateProposal), with their own contribution.
    convert: { visitor: "unauthenticated", participant: "forbidden", orgMember: "ok", delegateOwner: "forbidden", otherDelegate: "forbidden", committee: "ok", staff: "forbidden", admin: "forbidden" },
  };

  it("matches the table", async () => {
    const open = await insertConsultation(ownerId(), "OPEN");
    const q = open.questions[0].id;
    const someone = await createUser({ name: "Someone Else" });
    const target = await insertContribution(open.id, q, someone.id);
    const seen: Record<string, Record<string, Outcome>> = {};
    for (const who of WHO) {
      const a = actor(who);
      const draft = await insertConsultation(ownerId(), "DRAFT");
      const draft2 = await insertConsultation(ownerId(), "DRAFT");
      const toClose = await insertConsultation(ownerId(), "OPEN");
      const closed = await insertConsultation(ownerId(), "CLOSED");
      const mine = a ? await insertContribution(open.id, q, a.userId) : target;
      const results = {
        create: await outcome(createConsultation(a, consultationInput())),
        update: await outcome(updateConsultation(a, consultationInput({ consultationId: draft.id }))),
        open: await outcome(openConsultation(a, { consultationId: draft2.id })),
        contribute: await outcome(contribute(a, contributionInput(q))),
        reply: await outcome(contribute(a, { parentId: target.id, language: "en", body: "I agree, and the fees went up this year." })),
        support: await outcome(supportContribution(a, { contributionId: target.id })),
        postUpdate: await outcome(postConsultationUpdate(a, { consultationId: open.id, language: "es", body: "Publicamos el documento de referencia." })),
        close: await outcome(closeConsultation(a, { consultationId: toClose.id })),
        publishSynthesis: await outcome(publishSynthesis(a, { consultationId: closed.id, "synthesis.es": "## Lo que oímos\n\nMucho." })),
        convert: await outcome(createProposal(a, convertInput(mine.id))),
      };
      for (const [command, result] of Object.entries(results)) (seen[command] ??= {})[who] = result;
    }
    expect(seen).toEqual(table);
  });
});

describe("what each state allows (states × actions)", () => {
  const STATES: (ConsultationStatus | "ENDED" | "UPCOMING")[] = ["DRAFT", "UPCOMING", "OPEN", "ENDED", "CLOSED", "SYNTHESIZED"];
  const ok = (...states: string[]) => Object.fromEntries(STATES.map((s) => [s, states.includes(s) ? "ok" : "conflict"]));
  const expected = {
    contribute: ok("OPEN"),
    reply: ok("OPEN"),
    support: ok("OPEN"),
    update: ok("OPEN"),
    // Closed early (upcoming), on time or after its days.
    close: ok("UPCOMING", "OPEN", "ENDED"),
    synthesize: ok("CLOSED"),
    convert: ok("UPCOMING", "OPEN", "ENDED", "CLOSED", "SYNTHESIZED"),
  };

  it("matches the table", async () => {
    const seen: Record<string, Record<string, Outcome>> = {};
    for (const state of STATES) {
      const status: ConsultationStatus = state === "ENDED" || state === "UPCOMING" ? "OPEN" : state;
      const offsets = state === "ENDED" ? { opensOffset: -20, closesOffset: -5 } : state === "UPCOMING" ? { opensOffset: 5, closesOffset: 10 } : {};
      const fresh = () => insertConsultation(ownerId(), status, offsets);
      const c = await fresh();
      const q = c.questions[0].id;
      const other = await insertContribution(c.id, q, world.users.orgAdmin.id);
      const own = await insertContribution(c.id, q, world.users.orgMember.id);
      const results = {
        contribute: await outcome(contribute(world.actors.participant, contributionInput(q))),
        reply: await outcome(contribute(world.actors.participant, { parentId: other.id, language: "es", body: "Coincido con este aporte." })),
        support: await outcome(supportContribution(world.actors.participant, { contributionId: other.id })),
        update: await outcome(postConsultationUpdate(world.delegates.iom, { consultationId: c.id, language: "es", body: "Una novedad para quienes participan." })),
        close: await outcome(closeConsultation(world.delegates.iom, { consultationId: (await fresh()).id })),
        synthesize: await outcome(publishSynthesis(world.actors.staff, { consultationId: (await fresh()).id, synthesis: { es: "Síntesis." } })),
        convert: await outcome(createProposal(world.actors.orgMember, convertInput(own.id))),
      };
      for (const [action, result] of Object.entries(results)) (seen[action] ??= {})[state] = result;
    }
    expect(seen).toEqual(expected);
  });

  it("runs a consultation from draft to synthesis through its commands", async () => {
    const owner = world.delegates.iom;
    const { id } = await createConsultation(owner, consultationInput());
    expect(await getConsultation(id, null, new Date())).toBeNull();
    expect((await getConsultation(id, owner, new Date()))?.questions).toHaveLength(2);
    await openConsultation(owner, { consultationId: id });
    const page = (await getConsultation(id, null, new Date()))!;
    expect(page.phase).toBe("open");
    const first = await contribute(world.actors.participant, contributionInput(page.questions[0].id));
    await contribute(world.actors.orgMember, { parentId: first.id, language: "en", body: "Same in our shelters in Tapachula." });
    expect((await appError(contribute(world.actors.orgAdmin, { parentId: (await db.consultationContribution.findFirstOrThrow({ where: { parentId: first.id } })).id, language: "es", body: "Una respuesta a una respuesta." }))).fieldErrors.parentId?.[0].key).toBe("consultations.oneLevel");
    expect((await appError(contribute(world.actors.orgAdmin, contributionInput(page.questions[0].id, { language: "fr" })))).fieldErrors.language?.[0].key).toBe("consultations.languageNotTaken");
    expect((await appError(supportContribution(world.actors.participant, { contributionId: first.id }))).userMessage.key).toBe("consultations.ownContribution");
    await supportContribution(world.actors.orgMember, { contributionId: first.id });
    await postConsultationUpdate(owner, { consultationId: id, language: "es", body: "Publicamos el documento de referencia." });
    await closeConsultation(world.actors.staff, { consultationId: id });
    const result = await publishSynthesis(world.actors.staff, { consultationId: id, "synthesis.es": "## Síntesis\n\nLos trámites cuestan.", "synthesis.en": "## Synthesis", citedIds: [first.id] });
    expect(result).toMatchObject({ cited: 1, notified: 2 });
    const done = (await getConsultation(id, null, new Date()))!;
    expect(done.phase).toBe("synthesized");
    expect(done.cited.map((c) => c.id)).toEqual([first.id]);
    expect(done.questions[0].contributions[0]).toMatchObject({ id: first.id, cited: true, supports: 1, replies: [{ language: "en" }] });
    expect(done.updates).toHaveLength(1);
    const log = await db.auditEntry.findMany({ where: { isPublic: true, action: { startsWith: "consultation." } }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(log.map((e) => e.action)).toEqual(["consultation.opened", "consultation.contributed", "consultation.contributed", "consultation.update_posted", "consultation.closed", "consultation.synthesis_published"]);
    const notes = await db.notification.findMany({ where: { kind: "consultation.synthesis_published" }, select: { userId: true, data: true } });
    expect(notes.map((n) => n.userId).sort()).toEqual([world.users.participant.id, world.users.orgMember.id].sort());
    expect(describeNotification("consultation.synthesis_published", notes[0].data)).toMatchObject({ kind: "known", href: `/dialogue/consultations/${id}#synthesis` });
    // The public list shows it; a draft stays with those who run it.
    const draft = await createConsultation(world.delegates.eclac, consultationInput());
    expect((await listConsultations(null, new Date())).map((c) => c.id)).toEqual([id]);
    expect((await listConsultations(world.delegates.eclac, new Date())).map((c) => c.id).sort()).toEqual([id, draft.id].sort());
    expect((await listConsultations(world.delegates.iom, new Date())).map((c) => c.id)).toEqual([id]);
  });

  it("refuses a synthesis citing a contribution of another consultation", async () => {
    const closed = await insertConsultation(ownerId(), "CLOSED");
    const elsewhere = await insertConsultation(ownerId(), "OPEN");
    const foreign = await insertContribution(elsewhere.id, elsewhere.questions[0].id, world.users.participant.id);
    const error = await appError(publishSynthesis(world.actors.staff, { consultationId: closed.id, synthesis: { es: "Síntesis." }, citedIds: [foreign.id] }));
    expect(error.fieldErrors.citedIds?.[0].key).toBe("consultations.contributionNotFound");
    expect((await db.consultation.findUniqueOrThrow({ where: { id: closed.id } })).status).toBe("CLOSED");
  });
});

describe("a contribution becomes a proposal", () => {
  it("keeps the link, once, and shows it only when the proposal is public", async () => {
    const c = await insertConsultation(ownerId(), "OPEN");
    const own = await contribute(world.actors.orgMember, contributionInput(c.questions[0].id));
    const proposal = await createProposal(world.actors.orgMember, convertInput(own.id));
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).sourceContributionId).toBe(own.id);
    expect((await appError(createProposal(world.actors.orgMember, convertInput(own.id)))).userMessage.key).toBe("consultations.alreadyConverted");
    const find = async () => (await getConsultation(c.id, null, new Date()))!.questions[0].contributions[0];
    expect((await find()).proposal).toBeNull();
    await db.proposal.update({ where: { id: proposal.id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    expect((await find()).proposal).toMatchObject({ id: proposal.id });
    expect(await db.auditEntry.count({ where: { action: "consultation.contribution_converted", entityId: own.id, isPublic: false } })).toBe(1);
  });

  it("refuses someone else's contribution and one made under a pseudonym", async () => {
    const c = await insertConsultation(ownerId(), "OPEN");
    const theirs = await contribute(world.actors.orgAdmin, contributionInput(c.questions[0].id));
    expect((await appError(createProposal(world.actors.orgMember, convertInput(theirs.id)))).userMessage.key).toBe("consultations.notYourContribution");
    const hidden = await contribute(world.actors.orgMember, contributionInput(c.questions[0].id, { voice: "pseudonym", organizationId: world.org.id }));
    expect((await appError(createProposal(world.actors.orgMember, convertInput(hidden.id)))).userMessage.key).toBe("consultations.pseudonymousCannotConvert");
    expect(await db.proposal.count()).toBe(0);
  });

  it("makes one proposal of a contribution converted 10 times at once", async () => {
    const c = await insertConsultation(ownerId(), "OPEN");
    const own = await contribute(world.actors.orgMember, contributionInput(c.questions[0].id));
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => outcome(createProposal(world.actors.orgMember, convertInput(own.id)))));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "conflict")).toBe(true);
    expect(await db.proposal.count({ where: { sourceContributionId: own.id } })).toBe(1);
  });
});

describe("supports are one per person under races", () => {
  it("keeps one row when one person supports 20 times at once, and counts 20 people once each", async () => {
    const c = await insertConsultation(ownerId(), "OPEN");
    const target = await insertContribution(c.id, c.questions[0].id, world.users.orgAdmin.id);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => outcome(supportContribution(world.actors.participant, { contributionId: target.id }))));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "conflict")).toHaveLength(19);
    expect(await db.consultationSupport.count({ where: { contributionId: target.id } })).toBe(1);

    const people = await Promise.all(Array.from({ length: 20 }, async (_, i) => actorFor((await createUser({ name: `Supporter ${i}` })).id)));
    const many = await Promise.all(people.map((p) => outcome(supportContribution(p, { contributionId: target.id }))));
    expect(many.every((o) => o === "ok")).toBe(true);
    expect(await db.consultationSupport.count({ where: { contributionId: target.id } })).toBe(21);
    // A pseudonymous support is still the person's one support.
    const pseudonymous = await outcome(supportContribution(world.actors.orgMember, { contributionId: target.id, voice: "pseudonym", organizationId: world.org.id }));
    expect(pseudonymous).toBe("ok");
    expect(await outcome(supportContribution(world.actors.orgMember, { contributionId: target.id }))).toBe("conflict");
  });
});
