import { beforeAll, describe, expect, it } from "vitest";
import { listPublicLog } from "@/lib/audit/queries";
import { describeEntry, publicSignature } from "@/components/transparency/entries";
import { db } from "@/lib/db/client";
import { answerQuestion, askQuestion, requestDisclosure, supportQuestion } from "@/lib/dialogue/commands";
import { countDisclosures, listOwnDisclosures, listPseudonymNames, listVouchedPseudonyms } from "@/lib/dialogue/pseudonym-queries";
import { getQuestion, listDelegates, listInstitutions, listQuestions, responsiveness } from "@/lib/dialogue/queries";
import { QUESTION_SORTS, QUESTION_STATUSES, questionListSchema } from "@/lib/dialogue/schemas";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { answerInput, dialogueWorld, questionInput } from "../helpers/dialogue-fixtures";

// Issue 14, a protected voice: no public read (lists, question pages, delegates, institutions,
// the public log and its sentences) carries the name, email or user id of a person who posted
// under a pseudonym. The named asker is the control: the same crawl finds their name, so the
// check can fail.

const SECRET = { name: "Marisol Secreta Quispe", email: "marisol.secreta@hidden.example" };
const NAMED = "Nadia Nombrada";
let world: Awaited<ReturnType<typeof dialogueWorld>>;
let secretId = "";
let pseudonymousQuestion = "";
let namedQuestion = "";

beforeAll(async () => {
  await resetDatabase();
  world = await dialogueWorld();
  const secret = await createUser(SECRET);
  secretId = secret.id;
  await db.membership.create({ data: { userId: secret.id, organizationId: world.org.id, role: "MEMBER" } });
  const secretActor = await actorFor(secret.id);
  const named = await actorFor((await createUser({ name: NAMED })).id);
  pseudonymousQuestion = (await askQuestion(secretActor, questionInput(world.eclac.id, { voice: "pseudonym", organizationId: world.org.id, title: "Protected question about detention" }))).id;
  namedQuestion = (await askQuestion(named, questionInput(world.eclac.id, { title: "Named question about visas" }))).id;
  await supportQuestion(secretActor, { questionId: namedQuestion, voice: "pseudonym", organizationId: world.org.id });
  await answerQuestion(world.delegates.eclac, answerInput(pseudonymousQuestion, { mergeIds: [namedQuestion] }));
  const pseudonym = await db.pseudonym.findFirstOrThrow({ where: { userId: secret.id } });
  await requestDisclosure(world.actors.admin, { pseudonymId: pseudonym.id, reason: "A court order about a threat made from this account." });
});

/** Everything every public read returns, as one text. */
async function publicOutput(): Promise<string> {
  const now = new Date();
  const parts: unknown[] = [];
  for (const sort of QUESTION_SORTS) parts.push(await listQuestions(questionListSchema.parse({ sort }), now));
  for (const status of QUESTION_STATUSES) parts.push(await listQuestions(questionListSchema.parse({ status }), now));
  for (const viewer of [null, world.actors.participant, world.actors.admin, world.delegates.eclac, world.actors.orgAdmin]) {
    parts.push(await getQuestion(pseudonymousQuestion, viewer, now), await getQuestion(namedQuestion, viewer, now));
  }
  parts.push(await listDelegates(), await listInstitutions(), await responsiveness(null, now), await responsiveness(world.eclac.id, now), await countDisclosures());
  const log = await listPublicLog(1, 500);
  parts.push(log);
  const helpers = { roleLabel: (r: string) => r, formatDay: (d: string) => d, rawMessage: () => null, locale: "en" as const };
  for (const entry of log.entries) parts.push(describeEntry(entry, helpers), publicSignature(entry));
  return JSON.stringify(parts);
}

describe("a pseudonym never leads to its person in public", () => {
  it("appears nowhere in public reads: not the name, the email or the user id (while the named asker does)", async () => {
    const text = await publicOutput();
    expect(text).toContain("Protected question about detention");
    expect(text).toContain(NAMED);
    for (const marker of [SECRET.name, SECRET.email, secretId]) expect(text).not.toContain(marker);
  });

  it("writes no audit entry that names the person for what they posted under the pseudonym", async () => {
    const entries = await db.auditEntry.findMany({ where: { OR: [{ actorId: secretId }, { entityId: secretId }] } });
    expect(entries).toEqual([]);
    const all = JSON.stringify(await db.auditEntry.findMany({ select: { data: true } }));
    for (const marker of [SECRET.name, SECRET.email, secretId]) expect(all).not.toContain(marker);
    const disclosure = await db.auditEntry.findFirstOrThrow({ where: { action: "pseudonym.disclosure_requested" } });
    expect(disclosure).toMatchObject({ isPublic: true, data: {} });
  });

  it("shows the link to the vouching organization's admins only, and to a site admin only through their recorded request", async () => {
    expect((await listVouchedPseudonyms(world.actors.orgAdmin)).map((p) => p.user?.name)).toEqual([SECRET.name]);
    for (const other of [null, world.actors.participant, world.actors.orgMember, world.actors.otherOrgMember, world.actors.staff, world.actors.admin, world.delegates.eclac]) {
      expect(await listVouchedPseudonyms(other)).toEqual([]);
    }
    expect(JSON.stringify(await listPseudonymNames(world.actors.admin))).not.toContain(SECRET.name);
    expect(await listPseudonymNames(world.actors.staff)).toEqual([]);
    expect((await listOwnDisclosures(world.actors.admin)).map((d) => d.pseudonym.user?.name)).toEqual([SECRET.name]);
    const otherAdmin = await actorFor((await createUser({ name: "Other Admin", roles: ["ADMIN"] })).id);
    expect(await listOwnDisclosures(otherAdmin)).toEqual([]);
    expect(await countDisclosures()).toBe(1);
  });

  it("still tells the person behind the pseudonym, privately, that their question was answered", async () => {
    expect(await db.notification.count({ where: { userId: secretId, kind: "dialogue.answered" } })).toBe(1);
  });
});
