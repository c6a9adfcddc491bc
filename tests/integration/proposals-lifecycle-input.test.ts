import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { answerProposal, createProposal, incorporateProposal, submitProposal, updateProposal } from "@/lib/proposals/commands";
import { getObjectiveCoverage } from "@/lib/proposals/coverage";
import { renderMarkdown } from "@/lib/markdown";
import { findEditableDraft, getProposalForPage } from "@/lib/proposals/queries";
import { parseProposalFilters, searchProposals } from "@/lib/proposals/search";
import { PROPOSAL_LIMITS } from "@/lib/proposals/schemas";
import { actorFor, resetDatabase } from "../helpers/factories";
import {
  appError,
  buildProposalWorld,
  createProposal as insertProposal,
  memberOfOrganizationIn,
  outcome,
  proposalRowCounts,
  validProposalInput,
} from "../helpers/proposal-fixtures";
import { sessionsInEveryState } from "../helpers/proposal-session-fixtures";

type World = Awaited<ReturnType<typeof buildProposalWorld>>;

let world: World;
beforeEach(async () => {
  await resetDatabase();
  world = await buildProposalWorld();
});

/** The command refuses the input as invalid, names `field` with message `key`, and writes nothing. */
async function expectInvalid(raw: Record<string, unknown>, field: string, key: string, values?: Record<string, unknown>) {
  const before = await proposalRowCounts();
  const error = await appError(createProposal(world.actors.orgMember, raw));
  expect(error.kind, JSON.stringify(raw).slice(0, 120)).toBe("invalid");
  expect(error.fieldErrors[field]?.[0]?.key, `${field} of ${JSON.stringify(raw).slice(0, 120)}`).toBe(key);
  if (values) expect(error.fieldErrors[field]?.[0]?.values).toEqual(values);
  expect(await proposalRowCounts()).toEqual(before);
}

describe("writing a proposal: bad input", () => {
  it("names every missing field of an empty form", async () => {
    const before = await proposalRowCounts();
    const error = await appError(createProposal(world.actors.orgMember, {}));
    expect(error.kind).toBe("invalid");
    for (const field of ["title", "summary", "body"]) expect(error.fieldErrors[field]?.[0]?.key, field).toBe("required");
    expect(error.fieldErrors.language?.[0]?.key).toBe("invalidChoice");
    expect(error.fieldErrors.objectives?.[0]?.key).toBe("chooseAtLeast");
    expect(await proposalRowCounts()).toEqual(before);
  });

  it("refuses blank text", async () => {
    await expectInvalid(validProposalInput({ title: "   " }), "title", "required");
    await expectInvalid(validProposalInput({ summary: "" }), "summary", "required");
    await expectInvalid(validProposalInput({ body: "\n\n" }), "body", "required");
  });

  it("refuses text over each limit, and takes text at the limit", async () => {
    await expectInvalid(validProposalInput({ title: "t".repeat(PROPOSAL_LIMITS.title + 1) }), "title", "tooLong", { max: 200 });
    await expectInvalid(validProposalInput({ summary: "s".repeat(PROPOSAL_LIMITS.summary + 1) }), "summary", "tooLong", { max: 1000 });
    await expectInvalid(validProposalInput({ body: "b".repeat(PROPOSAL_LIMITS.body + 1) }), "body", "tooLong", { max: 20000 });
    const atLimit = await createProposal(
      world.actors.orgMember,
      validProposalInput({ title: "t".repeat(200), summary: "s".repeat(1000), body: "b".repeat(20000) }),
    );
    expect(atLimit.created).toBe(true);
  });

  it("counts a line break as one character, as the browser does", async () => {
    const body = "a\r\n".repeat(PROPOSAL_LIMITS.body / 2 - 1) + "z";
    const created = await createProposal(world.actors.orgMember, validProposalInput({ body }));
    const stored = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.body).not.toContain("\r");
    expect(stored.body.startsWith("a\na\n")).toBe(true);
  });

  it("refuses objectives outside 1–23, not numbers, repeated or none", async () => {
    await expectInvalid(validProposalInput({ objectives: [] }), "objectives", "chooseAtLeast");
    await expectInvalid(validProposalInput({ objectives: undefined }), "objectives", "chooseAtLeast");
    await expectInvalid(validProposalInput({ objectives: ["0"] }), "objectives", "proposals.invalidObjective");
    await expectInvalid(validProposalInput({ objectives: ["24"] }), "objectives", "proposals.invalidObjective");
    await expectInvalid(validProposalInput({ objectives: "x" }), "objectives", "invalidType");
    await expectInvalid(validProposalInput({ objectives: ["1.5"] }), "objectives", "invalidType");
    await expectInvalid(validProposalInput({ objectives: ["3", "3"] }), "objectives", "proposals.duplicateObjective");
  });

  it("refuses an unknown language or country", async () => {
    await expectInvalid(validProposalInput({ language: "de" }), "language", "invalidChoice");
    await expectInvalid(validProposalInput({ language: "" }), "language", "invalidChoice");
    await expectInvalid(validProposalInput({ countries: ["XX"] }), "countries", "proposals.invalidCountry");
    await expectInvalid(validProposalInput({ countries: ["MEX"] }), "countries", "proposals.invalidCountry");
    await expectInvalid(validProposalInput({ countries: ["mx", "MX"] }), "countries", "proposals.duplicateCountry");
  });

  it("refuses a review session that is not open for nominations or with its speakers confirmed", async () => {
    const sessions = await sessionsInEveryState();
    for (const session of [sessions.draft, sessions.held, sessions.published]) {
      await expectInvalid(validProposalInput({ sessionId: session.id }), "sessionId", "proposals.sessionNotOpen");
    }
    // A session that does not exist is refused the same way: nothing tells it apart from a draft one.
    await expectInvalid(validProposalInput({ sessionId: "00000000-0000-4000-8000-000000000000" }), "sessionId", "proposals.sessionNotOpen");
    await expectInvalid(validProposalInput({ sessionId: "not-a-uuid" }), "sessionId", "invalidFormat");
    for (const session of [sessions.open, sessions.confirmed]) {
      const created = await createProposal(world.actors.orgMember, validProposalInput({ sessionId: session.id }));
      expect((await db.proposal.findUniqueOrThrow({ where: { id: created.id } })).sessionId).toBe(session.id);
    }
    const none = await createProposal(world.actors.orgMember, validProposalInput({ sessionId: "" }));
    expect((await db.proposal.findUniqueOrThrow({ where: { id: none.id } })).sessionId).toBeNull();
  });

  it("refuses an organization the actor cannot write for", async () => {
    await expectInvalid(validProposalInput({ organizationId: world.otherOrg.id }), "organizationId", "proposals.chooseOrganization");
    await expectInvalid(validProposalInput({ organizationId: "not-a-uuid" }), "organizationId", "invalidFormat");
  });

  it("stores what was typed, normalized: one value becomes a list, codes upper case, sorted", async () => {
    const created = await createProposal(
      world.actors.orgMember,
      validProposalInput({ objectives: ["17", "2"], countries: ["us", "BR"], concernsChildren: undefined, concernsGender: "on", language: "pt" }),
    );
    const stored = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({
      objectives: [2, 17],
      countries: ["BR", "US"],
      language: "pt",
      concernsChildren: false,
      concernsGender: true,
      concernsIrregular: false,
      status: "DRAFT",
      organizationId: world.org.id,
      authorId: world.users.orgMember.id,
      sessionId: null,
      cosponsorCount: 0,
    });
    const single = await createProposal(world.actors.orgMember, validProposalInput({ objectives: "5", countries: "CO" }));
    expect(await db.proposal.findUniqueOrThrow({ where: { id: single.id } })).toMatchObject({ objectives: [5], countries: ["CO"] });
  });

  it("stores a script tag in the title as text, and never renders raw HTML from the body", async () => {
    const title = `<script>alert("x")</script> Título`;
    const body = `Texto <img src=x onerror="alert(1)"> y [enlace](javascript:alert(1)) y [sitio](https://www.iom.int)`;
    const created = await createProposal(world.actors.orgMember, validProposalInput({ title, body }));
    const stored = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.title).toBe(title);
    expect(stored.body).toBe(body);
    const html = renderMarkdown(stored.body);
    expect(html).not.toMatch(/<img|<script|href="javascript:/i);
    expect(html).toContain("&lt;img");
    expect(html).toContain("[enlace](javascript:alert(1))"); // left as text, not a link
    expect(html).toContain('<a href="https://www.iom.int" rel="nofollow ugc noopener">sitio</a>');
  });
});

describe("editing a draft", () => {
  it("changes the draft for any member of the organization, privately", async () => {
    const created = await createProposal(world.actors.orgMember, validProposalInput());
    await updateProposal(world.actors.orgAdmin, { ...validProposalInput({ title: "Nuevo título", objectives: ["9"] }), proposalId: created.id });
    const stored = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ title: "Nuevo título", objectives: [9], authorId: world.users.orgMember.id, status: "DRAFT" });
    const entries = await db.auditEntry.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.isPublic])).toEqual([
      ["proposal.draft_saved", false],
      ["proposal.draft_saved", false],
    ]);
  });

  it("keeps the session a draft already names after it has moved on, but links no new closed one", async () => {
    const sessions = await sessionsInEveryState();
    const created = await createProposal(world.actors.orgMember, validProposalInput({ sessionId: sessions.confirmed.id }));
    await db.reviewSession.update({ where: { id: sessions.confirmed.id }, data: { status: "HELD" } });
    // Saved again with the same session: still allowed.
    await updateProposal(world.actors.orgMember, { ...validProposalInput({ title: "Segundo título", sessionId: sessions.confirmed.id }), proposalId: created.id });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ title: "Segundo título", sessionId: sessions.confirmed.id });
    // Another held session is refused, and nothing changes.
    const error = await appError(
      updateProposal(world.actors.orgMember, { ...validProposalInput({ title: "Tercer título", sessionId: sessions.held.id }), proposalId: created.id }),
    );
    expect(error.fieldErrors.sessionId?.[0]?.key).toBe("proposals.sessionNotOpen");
    expect(await db.proposal.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ title: "Segundo título", sessionId: sessions.confirmed.id });
    // An open one is taken; blank removes the link.
    await updateProposal(world.actors.orgMember, { ...validProposalInput({ sessionId: sessions.open.id }), proposalId: created.id });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: created.id } })).sessionId).toBe(sessions.open.id);
    await updateProposal(world.actors.orgMember, { ...validProposalInput({ sessionId: "" }), proposalId: created.id });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: created.id } })).sessionId).toBeNull();
    // Once unlinked, the held session cannot come back.
    expect(
      await outcome(updateProposal(world.actors.orgMember, { ...validProposalInput({ sessionId: sessions.confirmed.id }), proposalId: created.id })),
    ).toBe("invalid");
    expect(await findEditableDraft(world.actors.orgMember, created.id)).toMatchObject({ sessionId: null });
  });

  it("answers 'not found' for another organization's draft and writes nothing", async () => {
    const theirs = await insertProposal(world.otherOrg.id, { status: "DRAFT", title: "De la otra organización" });
    const before = await proposalRowCounts();
    const attempts = [
      () => updateProposal(world.actors.orgMember, { ...validProposalInput(), proposalId: theirs.id }),
      () => submitProposal(world.actors.orgMember, { proposalId: theirs.id }),
    ];
    for (const attempt of attempts) expect(await outcome(attempt())).toBe("not_found");
    expect(await findEditableDraft(world.actors.orgMember, theirs.id)).toBeNull();
    expect(await proposalRowCounts()).toEqual(before);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: theirs.id } })).title).toBe("De la otra organización");
  });

  it("refuses to edit once submitted", async () => {
    const submitted = await insertProposal(world.org.id, { status: "SUBMITTED", title: "Original" });
    const error = await appError(updateProposal(world.actors.orgMember, { ...validProposalInput({ title: "Cambio" }), proposalId: submitted.id }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("proposals.notEditable");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: submitted.id } })).title).toBe("Original");
    expect(await findEditableDraft(world.actors.orgMember, submitted.id)).toBeNull();
  });

  it("refuses a malformed id as bad input", async () => {
    expect(await outcome(updateProposal(world.actors.orgMember, { ...validProposalInput(), proposalId: "1 OR 1=1" }))).toBe("invalid");
    expect(await outcome(submitProposal(world.actors.orgMember, { proposalId: "" }))).toBe("invalid");
    expect(await findEditableDraft(world.actors.orgMember, "nope")).toBeNull();
  });
});

describe("the same form posted twice", () => {
  it("creates one proposal and returns it the second time", async () => {
    const form = validProposalInput({ idempotencyKey: randomUUID() });
    const first = await createProposal(world.actors.orgMember, form);
    const second = await createProposal(world.actors.orgMember, form);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.id).toBe(first.id);
    expect(first.id).toBe(form.idempotencyKey);
    expect(await db.proposal.count()).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "proposal.draft_saved" } })).toBe(1);
  });

  it("creates one proposal when both posts arrive at once", async () => {
    const form = validProposalInput({ idempotencyKey: randomUUID() });
    const results = await Promise.all([createProposal(world.actors.orgMember, form), createProposal(world.actors.orgMember, form)]);
    expect(results.map((r) => r.id)).toEqual([form.idempotencyKey, form.idempotencyKey]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.proposal.count()).toBe(1);
  });

  it("does not hand another author's proposal back", async () => {
    const form = validProposalInput({ idempotencyKey: randomUUID() });
    await createProposal(world.actors.orgMember, form);
    const before = await proposalRowCounts();
    for (const actor of [world.actors.orgAdmin, world.actors.otherOrgMember]) {
      const error = await appError(createProposal(actor, form));
      expect(error.kind).toBe("conflict");
      expect(error.userMessage.key).toBe("proposals.duplicateKey");
    }
    expect(await proposalRowCounts()).toEqual(before);
  });

  it("creates two proposals from two forms", async () => {
    await createProposal(world.actors.orgMember, validProposalInput({ idempotencyKey: randomUUID() }));
    await createProposal(world.actors.orgMember, validProposalInput({ idempotencyKey: randomUUID() }));
    expect(await db.proposal.count()).toBe(2);
  });
});

describe("the authoring organization's state × what its members do", () => {
  // Pending: drafts now, submitting once verified. Suspended or rejected: nothing new, no edits.
  const TABLE = {
    VERIFIED: { create: "ok", update: "ok", editForm: true, submit: "ok" },
    PENDING: { create: "ok", update: "ok", editForm: true, submit: "forbidden" },
    SUSPENDED: { create: "forbidden", update: "forbidden", editForm: false, submit: "forbidden" },
    REJECTED: { create: "forbidden", update: "forbidden", editForm: false, submit: "forbidden" },
  } as const;

  for (const [status, expected] of Object.entries(TABLE) as [keyof typeof TABLE, (typeof TABLE)[keyof typeof TABLE]][]) {
    it(`${status}: create=${expected.create}, update=${expected.update}, submit=${expected.submit}`, async () => {
      const { actor: member, org } = await memberOfOrganizationIn(status);

      const before = await proposalRowCounts();
      const created = await outcome(createProposal(member, validProposalInput()));
      expect(created, "create").toBe(expected.create);
      if (created !== "ok") {
        expect(await proposalRowCounts()).toEqual(before);
        expect((await appError(createProposal(member, validProposalInput()))).userMessage.key).toBe("proposals.noDraftingOrganization");
      }

      // A draft written while it was verified or pending.
      const draft = await insertProposal(org.id, { status: "DRAFT" });
      expect(await outcome(updateProposal(member, { ...validProposalInput({ title: "Título nuevo" }), proposalId: draft.id })), "update").toBe(expected.update);
      expect((await db.proposal.findUniqueOrThrow({ where: { id: draft.id } })).title === "Título nuevo", "stored").toBe(expected.update === "ok");
      expect(!!(await findEditableDraft(member, draft.id)), "edit form").toBe(expected.editForm);

      const submitted = await outcome(submitProposal(member, { proposalId: draft.id }));
      expect(submitted, "submit").toBe(expected.submit);
      if (submitted !== "ok") {
        expect((await appError(submitProposal(member, { proposalId: draft.id }))).userMessage.key).toBe("proposals.organizationNotVerified");
        expect((await db.proposal.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
      }
    });
  }

  it("keeps a pending organization's drafts to its members: not the public, other organizations, staff, search or coverage", async () => {
    const { actor, org } = await memberOfOrganizationIn("PENDING");
    const draft = await createProposal(actor, validProposalInput({ title: "Borrador de una organización pendiente", objectives: ["19"] }));
    expect(draft.status).toBe("DRAFT");
    expect(await getProposalForPage(actor, draft.id)).not.toBeNull();
    for (const reader of [null, world.actors.otherOrgMember, world.actors.staff, world.actors.reviewer]) {
      expect(await getProposalForPage(reader, draft.id)).toBeNull();
    }
    expect((await searchProposals(parseProposalFilters({}))).items.map((p) => p.id)).not.toContain(draft.id);
    expect((await searchProposals(parseProposalFilters({ q: "pendiente" }))).total).toBe(0);
    expect((await getObjectiveCoverage()).objectives.find((o) => o.objective === 19)?.total ?? 0).toBe(0);
    expect(await db.proposal.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("is checked at the moment of submitting, not from a stale page", async () => {
    const draft = await insertProposal(world.org.id, { status: "DRAFT" });
    const actor = world.actors.orgMember; // loaded while the organization was verified
    await db.organization.update({ where: { id: world.org.id }, data: { status: "SUSPENDED" } });
    const error = await appError(submitProposal(actor, { proposalId: draft.id }));
    expect(error.userMessage.key).toBe("proposals.organizationNotVerified");
    expect(await outcome(createProposal(actor, validProposalInput()))).toBe("forbidden");
    expect(await db.proposal.count()).toBe(1);
    // Reloaded, the actor no longer counts as a member of a verified organization.
    expect(await outcome(createProposal(await actorFor(world.users.orgMember.id), validProposalInput()))).toBe("forbidden");
  });
});

describe("the answer", () => {
  it("is required in the proposal's language", async () => {
    const proposal = await insertProposal(world.org.id, { status: "UNDER_REVIEW", language: "fr" });
    const before = await proposalRowCounts();
    for (const decision of ["accept", "notRetain"]) {
      const error = await appError(answerProposal(world.actors.reviewer, { proposalId: proposal.id, decision, answerEs: "Sí", answerEn: "Yes" }));
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors.answerFr?.[0]?.key).toBe("proposals.answerRequiredInLanguage");
    }
    expect(await proposalRowCounts()).toEqual(before);
    const stored = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(stored).toMatchObject({ status: "UNDER_REVIEW", answer: null, answeredAt: null });

    await answerProposal(world.actors.reviewer, { proposalId: proposal.id, decision: "notRetain", answerFr: "Hors du mandat de l’examen." });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "NOT_RETAINED",
      answer: { fr: "Hors du mandat de l’examen." },
    });
  });

  it("refuses an unknown decision and answers over the limit", async () => {
    const proposal = await insertProposal(world.org.id, { status: "UNDER_REVIEW" });
    expect(await outcome(answerProposal(world.actors.reviewer, { proposalId: proposal.id, decision: "maybe", answerEs: "x" }))).toBe("invalid");
    const error = await appError(
      answerProposal(world.actors.reviewer, { proposalId: proposal.id, decision: "accept", answerEs: "a".repeat(PROPOSAL_LIMITS.answer + 1) }),
    );
    expect(error.fieldErrors.answerEs?.[0]).toEqual({ key: "tooLong", values: { max: PROPOSAL_LIMITS.answer } });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("UNDER_REVIEW");
  });

  it("needs a note of where an accepted proposal was taken up", async () => {
    const proposal = await insertProposal(world.org.id, { status: "ACCEPTED" });
    const blank = await appError(incorporateProposal(world.actors.staff, { proposalId: proposal.id, incorporatedNote: " " }));
    expect(blank.fieldErrors.incorporatedNote?.[0]?.key).toBe("required");
    const long = await appError(incorporateProposal(world.actors.staff, { proposalId: proposal.id, incorporatedNote: "n".repeat(1001) }));
    expect(long.fieldErrors.incorporatedNote?.[0]?.key).toBe("tooLong");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("ACCEPTED");
  });
});

describe("Markdown", () => {
  it("escapes raw HTML, drops unsafe links and images, and marks links as user content", () => {
    const html = renderMarkdown(
      [
        "# Título <b>x</b>",
        "<script>alert(1)</script>",
        "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](//evil.example) [e](vbscript:x)",
        "![img](https://tracker.example/pixel.png)",
        "[ok](https://www.cepal.org) [mail](mailto:info@example.org) [here](/es/proposals)",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|<b>|<img/i);
    // Only web, mail and same-site links become links.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(["https://tracker.example/pixel.png", "https://www.cepal.org", "mailto:info@example.org", "/es/proposals"]);
    expect(html).toContain("<h3>Título &lt;b&gt;x&lt;/b&gt;</h3>");
    expect(html).toContain('<a href="https://www.cepal.org" rel="nofollow ugc noopener">ok</a>');
    expect(html).toContain('<a href="mailto:info@example.org" rel="nofollow ugc noopener">mail</a>');
    expect(html).toContain('<a href="/es/proposals" rel="nofollow ugc noopener">here</a>');
  });

  it("renders lists, emphasis and headings below the page's own", () => {
    const html = renderMarkdown("## Contexto\n\n**fuerte** y *suave*\n\n- uno\n- dos\n\n###### seis");
    expect(html).toContain("<h4>Contexto</h4>");
    expect(html).toContain("<strong>fuerte</strong>");
    expect(html).toContain("<em>suave</em>");
    expect(html).toContain("<ul>\n<li>uno</li>");
    expect(html).toContain("<h6>seis</h6>");
  });
});
