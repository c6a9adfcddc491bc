import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listComments } from "@/lib/proposals/queries";
import { getProposalForPage, proposalSessionOptions, sessionFilterOptions } from "@/lib/proposals/queries";
import { parseProposalFilters, searchProposals } from "@/lib/proposals/search";
import { buildWorld, resetDatabase } from "../helpers/factories";
import { createProposal } from "../helpers/proposal-fixtures";
import { sessionsInEveryState } from "../helpers/proposal-session-fixtures";
import { captureQueries } from "../helpers/query-count";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Sessions = Awaited<ReturnType<typeof sessionsInEveryState>>;

let world: World;
let sessions: Sessions;
beforeEach(async () => {
  await resetDatabase();
  world = await buildWorld();
  sessions = await sessionsInEveryState();
});

const link = (proposalId: string, sessionId: string) => db.proposal.update({ where: { id: proposalId }, data: { sessionId } });

describe("the proposal form's session picker", () => {
  it("offers the sessions open for nominations or with speakers confirmed, soonest first, in one query", async () => {
    const { result, queries } = await captureQueries(() => proposalSessionOptions("en"));
    expect(queries).toHaveLength(1);
    expect(result.map((o) => o.id)).toEqual([sessions.confirmed.id, sessions.open.id]);
    // The reader's language, else Spanish.
    expect(result.map((o) => [o.title, o.lang])).toEqual([
      ["Sesión confirmada", "es"],
      ["Open session", "en"],
    ]);
    expect((await proposalSessionOptions("fr")).map((o) => o.title)).toEqual(["Session confirmée", "Sesión abierta"]);
  });

  it("keeps the session a draft already names, whatever its state, but never a draft session", async () => {
    const withHeld = await proposalSessionOptions("es", sessions.held.id);
    expect(withHeld.map((o) => o.id)).toEqual([sessions.held.id, sessions.confirmed.id, sessions.open.id]);
    const withDraft = await proposalSessionOptions("es", sessions.draft.id);
    expect(withDraft.map((o) => o.id)).toEqual([sessions.confirmed.id, sessions.open.id]);
    expect(await proposalSessionOptions("es", "not-a-uuid")).toHaveLength(2);
  });
});

describe("the list's session filter", () => {
  it("offers the sessions but drafts that a public proposal is meant for, latest first, in one query", async () => {
    for (const session of Object.values(sessions)) await link((await createProposal(world.org.id, { title: `Para ${session.id}` })).id, session.id);
    const { result, queries } = await captureQueries(() => sessionFilterOptions("es"));
    expect(queries).toHaveLength(1);
    expect(result.map((o) => o.id)).toEqual([sessions.open.id, sessions.confirmed.id, sessions.held.id, sessions.published.id]);
    expect(result.find((o) => o.id === sessions.published.id)).toMatchObject({ title: "Published session", lang: "en" });
    expect(JSON.stringify(result)).not.toContain("secreta");
  });

  it("leaves out a session no public proposal is meant for, unless it is the one chosen", async () => {
    // Only a draft proposal names the held session; nothing names the published one.
    await link((await createProposal(world.org.id, { title: "Borrador", status: "DRAFT" })).id, sessions.held.id);
    await link((await createProposal(world.org.id, { title: "Pública" })).id, sessions.open.id);
    expect((await sessionFilterOptions("es")).map((o) => o.id)).toEqual([sessions.open.id]);
    const chosen = await sessionFilterOptions("es", sessions.published.id);
    expect(chosen.map((o) => o.id)).toEqual([sessions.open.id, sessions.published.id]);
    // Never a draft session, nor a malformed id.
    expect((await sessionFilterOptions("es", sessions.draft.id)).map((o) => o.id)).toEqual([sessions.open.id]);
    expect((await sessionFilterOptions("es", "1 OR 1=1")).map((o) => o.id)).toEqual([sessions.open.id]);
  });

  it("finds the public proposals meant for a session, in the same two queries", async () => {
    const a = await createProposal(world.org.id, { title: "Para la sesión abierta" });
    const b = await createProposal(world.otherOrg.id, { title: "También para la abierta" });
    const c = await createProposal(world.org.id, { title: "Para la confirmada" });
    const draft = await createProposal(world.org.id, { title: "Borrador para la abierta", status: "DRAFT" });
    await createProposal(world.org.id, { title: "Sin sesión" });
    for (const p of [a, b, draft]) await link(p.id, sessions.open.id);
    await link(c.id, sessions.confirmed.id);

    const { result, queries } = await captureQueries(() => searchProposals(parseProposalFilters({ session: sessions.open.id })));
    expect(queries).toHaveLength(2);
    expect(result.items.map((p) => p.title).sort()).toEqual(["Para la sesión abierta", "También para la abierta"]);
    expect(result.total).toBe(2);
    expect((await searchProposals(parseProposalFilters({ session: sessions.confirmed.id }))).items.map((p) => p.id)).toEqual([c.id]);
    expect((await searchProposals(parseProposalFilters({}))).total).toBe(4);
    // A malformed value is dropped, as the other filters are.
    expect((await searchProposals(parseProposalFilters({ session: "1 OR 1=1" }))).total).toBe(4);
  });

  it("finds nothing for a draft session, even when a proposal names it", async () => {
    const p = await createProposal(world.org.id, { title: "Vinculada a un borrador" });
    await link(p.id, sessions.draft.id);
    const result = await searchProposals(parseProposalFilters({ session: sessions.draft.id }));
    expect(result.total).toBe(0);
    expect(result.items).toEqual([]);
  });
});

describe("the session on the proposal page", () => {
  it("links a public session, with its title in every language written", async () => {
    const p = await createProposal(world.org.id);
    await link(p.id, sessions.confirmed.id);
    const page = await getProposalForPage(null, p.id);
    expect(page?.session).toEqual({
      id: sessions.confirmed.id,
      title: { es: "Sesión confirmada", fr: "Session confirmée" },
      status: "SPEAKERS_CONFIRMED",
      startsAt: sessions.confirmed.startsAt,
      timeZone: "America/Mexico_City",
    });
    expect(page?.sessionId).toBe(sessions.confirmed.id);
  });

  it("never names a draft session, to anyone", async () => {
    const p = await createProposal(world.org.id);
    await link(p.id, sessions.draft.id);
    for (const actor of [world.actors.visitor, world.actors.orgMember, world.actors.staff, world.actors.admin]) {
      const page = await getProposalForPage(actor, p.id);
      expect(page).not.toBeNull();
      expect(page?.session).toBeNull();
      expect(page?.sessionId).toBeNull();
      expect(JSON.stringify(page)).not.toContain("secreta");
      expect(JSON.stringify(page)).not.toContain(sessions.draft.id);
    }
  });

  it("costs no extra query: at most seven with the comments, linked or not", async () => {
    const plain = await createProposal(world.org.id);
    const linked = await createProposal(world.org.id);
    await link(linked.id, sessions.open.id);
    const load = (id: string) => Promise.all([getProposalForPage(null, id), listComments(id, null)]);
    const a = await captureQueries(() => load(plain.id));
    const b = await captureQueries(() => load(linked.id));
    expect(b.result[0]?.session?.id).toBe(sessions.open.id);
    expect(a.result[0]?.session).toBeNull();
    expect(a.queries.length).toBeLessThanOrEqual(7);
    expect(b.queries.length).toBeLessThanOrEqual(7);
  });
});
