import { beforeAll, describe, expect, it } from "vitest";
import { listPublicLog } from "@/lib/audit/queries";
import { describeEntry, publicSignature } from "@/components/transparency/entries";
import { closeConsultation, contribute, publishSynthesis, supportContribution } from "@/lib/consultations/commands";
import { getConsultation, listConsultations } from "@/lib/consultations/queries";
import { db } from "@/lib/db/client";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { consultationWorld, contributionInput, insertConsultation } from "../helpers/consultation-fixtures";

// Issue 14, a protected voice, for consultations: no public read (the list, the consultation's
// page as any viewer, the public log and its sentences) carries the name, email or user id of a
// person who contributed, replied or supported under a pseudonym, and no audit entry ties them to
// it. The named contributor is the control: the same crawl finds their name, so the check can fail.

const SECRET = { name: "Yolanda Secreta Mamani", email: "yolanda.secreta@hidden.example" };
const NAMED = "Norberto Nombrado";
let world: Awaited<ReturnType<typeof consultationWorld>>;
let secretId = "";
let consultationId = "";

beforeAll(async () => {
  await resetDatabase();
  world = await consultationWorld();
  const secret = await createUser(SECRET);
  secretId = secret.id;
  await db.membership.create({ data: { userId: secret.id, organizationId: world.org.id, role: "MEMBER" } });
  const secretActor = await actorFor(secret.id);
  const named = await actorFor((await createUser({ name: NAMED })).id);
  const c = await insertConsultation(world.delegateUsers.iom.id, "OPEN");
  consultationId = c.id;
  const q = c.questions[0].id;
  const voice = { voice: "pseudonym", organizationId: world.org.id };
  const hidden = await contribute(secretActor, contributionInput(q, { ...voice, body: "Protected contribution about detention centres." }));
  const open = await contribute(named, contributionInput(q, { body: "Named contribution about visas and fees." }));
  await contribute(secretActor, { parentId: open.id, language: "es", body: "Una respuesta protegida bajo seudónimo.", ...voice });
  await supportContribution(secretActor, { contributionId: open.id, ...voice });
  await supportContribution(named, { contributionId: hidden.id });
  await closeConsultation(world.actors.staff, { consultationId });
  await publishSynthesis(world.actors.staff, { consultationId, synthesis: { es: "Síntesis." }, citedIds: [hidden.id, open.id] });
});

/** Everything every public read returns, as one text. */
async function publicOutput(): Promise<string> {
  const now = new Date();
  const parts: unknown[] = [];
  for (const viewer of [null, world.actors.participant, world.actors.admin, world.actors.staff, world.delegates.iom, world.actors.orgAdmin]) {
    parts.push(await listConsultations(viewer, now), await getConsultation(consultationId, viewer, now));
  }
  const log = await listPublicLog(1, 500);
  parts.push(log);
  const helpers = { roleLabel: (r: string) => r, formatDay: (d: string) => d, rawMessage: () => null, locale: "en" as const };
  for (const entry of log.entries) parts.push(describeEntry(entry, helpers), publicSignature(entry));
  return JSON.stringify(parts);
}

describe("a pseudonym never leads to its person in a consultation", () => {
  it("appears nowhere in public reads: not the name, the email or the user id (while the named contributor does)", async () => {
    const text = await publicOutput();
    expect(text).toContain("Protected contribution about detention centres.");
    expect(text).toContain(NAMED);
    for (const marker of [SECRET.name, SECRET.email, secretId]) expect(text).not.toContain(marker);
  });

  it("writes no audit entry that names the person for what they posted or supported under the pseudonym", async () => {
    expect(await db.auditEntry.findMany({ where: { OR: [{ actorId: secretId }, { entityId: secretId }] } })).toEqual([]);
    const all = JSON.stringify(await db.auditEntry.findMany({ select: { data: true } }));
    for (const marker of [SECRET.name, SECRET.email, secretId]) expect(all).not.toContain(marker);
    const contributed = await db.auditEntry.findMany({ where: { action: "consultation.contributed", isPublic: true }, select: { actorId: true, data: true } });
    expect(contributed.filter((e) => (e.data as { pseudonymous: boolean }).pseudonymous).map((e) => e.actorId)).toEqual([null, null]);
  });

  it("stores no user id on the pseudonymous posts, and still tells the person privately that the synthesis is out", async () => {
    expect(await db.consultationContribution.count({ where: { pseudonymId: { not: null }, askerId: { not: null } } })).toBe(0);
    expect(await db.notification.count({ where: { userId: secretId, kind: "consultation.synthesis_published" } })).toBe(1);
  });
});
