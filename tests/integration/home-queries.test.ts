import { beforeEach, describe, expect, it } from "vitest";
import { getHomeActivity, HOME_PROPOSALS } from "@/lib/home/queries";
import { createOrganization, resetDatabase } from "../helpers/factories";
import { createProposal } from "../helpers/proposal-fixtures";
import { captureQueries } from "../helpers/query-count";
import { createSession, daysFromNow } from "../helpers/session-fixtures";

describe("what the home page shows", () => {
  beforeEach(resetDatabase);

  it("is empty only when there is truly nothing public", async () => {
    // Private things only: a draft session, drafts of a verified and a pending organization,
    // and a submitted proposal of an organization that is not verified.
    const verified = await createOrganization();
    const pending = await createOrganization({ status: "PENDING" });
    const suspended = await createOrganization({ status: "SUSPENDED" });
    await createSession({ status: "DRAFT", startsAt: daysFromNow(2) });
    await createProposal(verified.id, { status: "DRAFT" });
    await createProposal(pending.id, { status: "DRAFT" });
    await createProposal(pending.id, { status: "SUBMITTED" });
    await createProposal(suspended.id, { status: "SUBMITTED" });
    expect(await getHomeActivity()).toEqual({ nextSession: null, proposals: [] });
  });

  it("shows the next public session, never a draft or one that has ended", async () => {
    await createSession({ status: "DRAFT", startsAt: daysFromNow(1), title: { es: "Borrador interno" } });
    await createSession({ status: "HELD", title: { es: "Ya celebrada" } });
    const later = await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(40), title: { es: "Más tarde" } });
    const next = await createSession({
      status: "OPEN_FOR_NOMINATIONS",
      startsAt: daysFromNow(20),
      nominationDeadline: daysFromNow(5),
      title: { es: "Sesión subregional del Caribe", en: "Caribbean subregional session" },
    });
    const { nextSession } = await getHomeActivity();
    expect(nextSession?.id).toBe(next.id);
    expect(nextSession?.title).toEqual({ es: "Sesión subregional del Caribe", en: "Caribbean subregional session" });
    expect(nextSession?.nominationDeadline).toEqual(next.nominationDeadline);
    expect(nextSession?.timeZone).toBe("America/Tegucigalpa");
    expect(nextSession).not.toHaveProperty("link");
    expect(nextSession).not.toHaveProperty("summary");
    expect(nextSession?.id).not.toBe(later.id);
  });

  it("shows a session under way until it ends", async () => {
    const now = new Date();
    const running = await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(0, -1), endsAt: daysFromNow(0, 1) });
    await createSession({ status: "OPEN_FOR_NOMINATIONS", startsAt: daysFromNow(3) });
    expect((await getHomeActivity(now)).nextSession?.id).toBe(running.id);
  });

  it("lists the latest public proposals, newest first, without drafts or unverified organizations' submissions", async () => {
    const verified = await createOrganization({ name: "Red Verificada" });
    const pending = await createOrganization({ status: "PENDING" });
    await createProposal(verified.id, { status: "DRAFT", title: "Borrador" });
    await createProposal(pending.id, { status: "DRAFT", title: "Borrador pendiente" });
    await createProposal(pending.id, { status: "SUBMITTED", title: "Presentada sin verificar" });
    const titles: string[] = [];
    for (let i = 0; i < HOME_PROPOSALS + 2; i++) {
      const title = `Pública ${i}`;
      await createProposal(verified.id, { status: i % 2 ? "UNDER_REVIEW" : "SUBMITTED", title, submittedAt: daysFromNow(-10 + i) });
      titles.unshift(title);
    }
    const { proposals } = await getHomeActivity();
    expect(proposals.map((p) => p.title)).toEqual(titles.slice(0, HOME_PROPOSALS));
    expect(proposals[0].organization).toEqual({ name: "Red Verificada", slug: verified.slug });
  });

  it("costs three queries whatever the number of rows (the session, the proposals, their organizations)", async () => {
    const org = await createOrganization();
    for (let i = 0; i < 8; i++) await createProposal(org.id);
    await createSession();
    const { queries } = await captureQueries(() => getHomeActivity());
    expect(queries).toHaveLength(3);
  });
});
