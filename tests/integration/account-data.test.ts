import { beforeEach, describe, expect, it, vi } from "vitest";
import yauzl from "yauzl";
import type { Actor } from "@/lib/auth/actor";
import type { RoleName } from "../helpers/factories";

// A person's own data (issue 15): the archive (a zip opened with yauzl), who may download it,
// the audit trigger's one allowed change, and who may run each new command.

let current: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentActor: async () => current }));

const { db } = await import("@/lib/db/client");
const { hashPassword } = await import("@/lib/auth/password");
const { buildAccountArchive, deleteOwnAccount, requestAccountArchive, updateProfile } = await import("@/lib/account-data/commands");
const { queueWaitingArchives } = await import("@/lib/account-data/archive");
const { HANDLERS } = await import("@/lib/jobs/handlers");
const { jobsBoss } = await import("@/lib/jobs/boss");
const { DATASETS } = await import("@/lib/account-data/archive-data");
const { ARCHIVE_TTL_MS } = await import("@/lib/account-data/policy");
const { TOMBSTONE_USER_ID, REDACTED, ensureTombstone } = await import("@/lib/account-data/tombstone");
const { GET: downloadArchive } = await import("@/app/[locale]/account/archive/[id]/route");
const { default: es } = await import("@/messages/es/accountData.json");
const { default: en } = await import("@/messages/en/accountData.json");
const { default: pt } = await import("@/messages/pt/accountData.json");
const { default: fr } = await import("@/messages/fr/accountData.json");
const { actorFor, buildWorld, createUser, resetDatabase } = await import("../helpers/factories");
const { appError, outcome } = await import("../helpers/outcomes");
const { createProposal } = await import("../helpers/proposal-fixtures");

const PASSWORD = "una contraseña de prueba larga";
const ROLES: RoleName[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin"];

/** Every entry of a zip: its name and its text. */
function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("no zip"));
      const files = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error("no stream"));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** The job as the worker runs it: its handler, with the archive's id. */
const prepare = async (requestId: string) => (await HANDLERS.account_archive_prepare({ requestId }, { expireInSeconds: 600 })) as { built: boolean };

/** The account_archive_prepare jobs waiting in pg-boss for one archive. */
async function jobsFor(requestId: string): Promise<number> {
  const { rows } = await jobsBoss()
    .getDb()
    .executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'account_archive_prepare' AND data->>'requestId' = $1 AND state < 'active'`, [requestId]);
  return (rows as { n: number }[])[0].n;
}

async function download(actor: Actor | null, id: string, locale = "pt") {
  current = actor;
  return downloadArchive(new Request(`http://localhost/${locale}/account/archive/${id}`), { params: Promise.resolve({ locale, id }) });
}

beforeEach(async () => {
  current = null;
  await resetDatabase();
});

describe("download my data", () => {
  it("prepares a zip in the person's language with JSON, CSV and a README, their pseudonymous posts included, once", async () => {
    const world = await buildWorld();
    const me = world.users.orgMember;
    await db.user.update({ where: { id: me.id }, data: { preferredLocale: "pt" } });
    const actor = await actorFor(me.id);
    const proposal = await createProposal(world.org.id, { title: "Minha proposta", authorId: me.id });
    await db.proposalComment.create({ data: { proposalId: proposal.id, authorId: me.id, organizationId: world.org.id, body: "Meu comentário" } });
    const eclac = await db.dialogueInstitution.create({ data: { slug: "eclac", kind: "ECLAC" } });
    const pseudonym = await db.pseudonym.create({ data: { name: "Ceiba 4321", userId: me.id, organizationId: world.org.id } });
    await db.dialogueQuestion.create({ data: { institutionId: eclac.id, pseudonymId: pseudonym.id, language: "pt", title: "Pergunta sob pseudônimo", body: "Texto da pergunta.", objectives: [1], deadlineAt: new Date() } });
    await db.follow.create({ data: { userId: me.id, subject: "COUNTRY", key: "MX" } });
    // Someone else's question must not be in it.
    await db.dialogueQuestion.create({ data: { institutionId: eclac.id, askerId: world.users.participant.id, language: "es", title: "De otra persona", body: "No es mía.", objectives: [], deadlineAt: new Date() } });

    const { id, created } = await requestAccountArchive(actor, {});
    expect(created).toBe(true);
    // Prepared in the background: the request queued the job and the archive waits for it.
    expect((await db.accountArchive.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await jobsFor(id)).toBe(1);
    expect(await prepare(id)).toEqual({ built: true });
    const row = await db.accountArchive.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("READY");
    expect(row.expiresAt.getTime() - row.requestedAt.getTime()).toBe(ARCHIVE_TTL_MS);
    // Idempotent: a second run (the job retried) builds nothing and tells no one again.
    expect(await prepare(id)).toEqual({ built: false });
    expect(await db.notification.count({ where: { userId: me.id, kind: "account.archive_ready" } })).toBe(1);

    const response = await download(actor, id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="puente-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    expect([...files.keys()].sort()).toEqual(["README.txt", ...DATASETS.flatMap((d) => [`${d}.json`, `${d}.csv`])].sort());
    expect(files.get("README.txt")).toContain("Puente: seus dados");
    for (const d of DATASETS) expect(files.get("README.txt")).toContain(`${d}.json / ${d}.csv`);
    expect(JSON.parse(files.get("profile.json")!)).toEqual([expect.objectContaining({ name: me.name, email: me.email, language: "pt" })]);
    const questions = JSON.parse(files.get("questions.json")!) as { title: string; pseudonym: string | null }[];
    expect(questions).toEqual([expect.objectContaining({ title: "Pergunta sob pseudônimo", pseudonym: "Ceiba 4321" })]);
    expect(JSON.parse(files.get("proposals.json")!)).toEqual([expect.objectContaining({ title: "Minha proposta", organization: world.org.name })]);
    expect(files.get("comments.csv")).toContain("Meu comentário");
    expect(files.get("follows.csv")!.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("subject,key,createdAt");
    expect(files.get("memberships.csv")).toContain(world.org.name);
    expect([...files.values()].join("\n")).not.toContain("De otra persona");
  });

  it("is downloaded by its owner only, and not once expired; expired archives are deleted", async () => {
    const world = await buildWorld();
    const owner = world.actors.orgMember!;
    const { id } = await requestAccountArchive(owner, {});
    // Not before it is ready: the page says "being prepared", the link is not found.
    expect((await download(owner, id)).status).toBe(404);
    await prepare(id);
    expect((await download(owner, id)).status).toBe(200);
    for (const other of [world.actors.participant, world.actors.orgAdmin, world.actors.admin, world.actors.staff]) {
      const response = await download(other, id);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-disposition")).toBeNull();
    }
    const visitor = await download(null, id);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toContain("/pt/sign-in?next=");
    expect((await download(owner, "00000000-0000-4000-8000-00000000000f")).status).toBe(404);
    // 36 hyphens match a loose id pattern but are no uuid to PostgreSQL: not found, not a 500.
    expect((await download(owner, "-".repeat(36))).status).toBe(404);

    await db.accountArchive.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await download(owner, id)).status).toBe(404);
    // The next preparation (anyone's) deletes it.
    const next = await requestAccountArchive(world.actors.participant, {});
    await prepare(next.id);
    expect(await db.accountArchive.findUnique({ where: { id } })).toBeNull();
    expect(await db.accountArchive.count({ where: { id: next.id, status: "READY" } })).toBe(1);
  });

  it("answers a request still being prepared with itself (one per person, even at once)", async () => {
    const world = await buildWorld();
    const actor = world.actors.participant!;
    // Held PENDING: the row exists but the job has not run yet.
    const pending = await db.accountArchive.create({ data: { userId: actor.userId, expiresAt: new Date(Date.now() + ARCHIVE_TTL_MS) } });
    const results = await Promise.all([requestAccountArchive(actor, {}), requestAccountArchive(actor, {}), requestAccountArchive(actor, {})]);
    expect(results.map((r) => r.id)).toEqual([pending.id, pending.id, pending.id]);
    expect(await db.accountArchive.count({ where: { userId: actor.userId } })).toBe(1);
    // One waiting job for it, however often it was asked for.
    expect(await jobsFor(pending.id)).toBe(1);
    await prepare(pending.id);
    expect((await db.accountArchive.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("READY");
  });

});

describe("the email when the archive is ready", () => {
  it("is one email in the person's language with a link to the account page only, however often the job runs", async () => {
    const world = await buildWorld();
    const me = world.users.participant;
    await db.user.update({ where: { id: me.id }, data: { preferredLocale: "fr" } });
    const { id } = await requestAccountArchive(await actorFor(me.id), {});
    expect(await db.emailDelivery.count()).toBe(0);
    // The job delivered twice at once and retried later: one archive, one email.
    const runs = await Promise.all([prepare(id), prepare(id), prepare(id)]);
    expect(runs.filter((r) => r.built)).toHaveLength(1);
    expect(await prepare(id)).toEqual({ built: false });
    const mails = await db.emailDelivery.findMany({ where: { to: me.email } });
    expect(mails).toHaveLength(1);
    expect(await db.emailDelivery.count()).toBe(1);
    const [mail] = mails;
    expect(mail.subject).toBe(fr.archive.email.subject);
    expect(mail.text).toContain("http://localhost:3000/fr/account");
    // Never the file, its address or anything from it: only the account page.
    expect(mail.text.match(/https?:\/\/\S+/g)).toEqual(["http://localhost:3000/fr/account"]);
    expect(mail.text).not.toContain(id);
    expect(mail.text).not.toContain(me.name);
    // A mail the person asked for, like a password reset: no unsubscribe headers.
    expect(mail.headers).toEqual({});
    // Its mail_deliver job went out after the commit.
    const { rows } = await jobsBoss().getDb().executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail_deliver' AND data->>'deliveryId' = $1`, [mail.id]);
    expect((rows as { n: number }[])[0].n).toBe(1);
  });

  it("speaks each reader's language", async () => {
    const world = await buildWorld();
    const people = [
      { user: world.users.orgMember, locale: "pt", subject: pt.archive.email.subject },
      { user: world.users.committee, locale: "en", subject: en.archive.email.subject },
      { user: world.users.staff, locale: "es", subject: es.archive.email.subject },
    ] as const;
    for (const p of people) {
      await db.user.update({ where: { id: p.user.id }, data: { preferredLocale: p.locale } });
      await prepare((await requestAccountArchive(await actorFor(p.user.id), {})).id);
      const mail = await db.emailDelivery.findFirstOrThrow({ where: { to: p.user.email } });
      expect(mail.subject).toBe(p.subject);
      expect(mail.text).toContain(`/${p.locale}/account`);
    }
    expect(new Set(people.map((p) => p.subject)).size).toBe(3);
  });

  it("the sweep queues again an archive whose job was lost, and leaves fresh, ready and expired ones", async () => {
    const world = await buildWorld();
    const now = new Date();
    const old = new Date(now.getTime() - 10 * 60_000);
    const make = (userId: string, data: { requestedAt: Date; status?: "READY"; expiresAt?: Date }) =>
      db.accountArchive.create({ data: { userId, expiresAt: new Date(now.getTime() + ARCHIVE_TTL_MS), ...data } });
    const lost = await make(world.users.participant.id, { requestedAt: old });
    const fresh = await make(world.users.orgMember.id, { requestedAt: now });
    const ready = await make(world.users.orgAdmin.id, { requestedAt: old, status: "READY" });
    const expired = await make(world.users.staff.id, { requestedAt: old, expiresAt: new Date(now.getTime() - 1000) });
    expect(await queueWaitingArchives(now)).toBe(1);
    expect(await jobsFor(lost.id)).toBe(1);
    for (const other of [fresh, ready, expired]) expect(await jobsFor(other.id)).toBe(0);
    // A second sweep while the job still waits adds none (one waiting job per archive).
    await queueWaitingArchives(now);
    expect(await jobsFor(lost.id)).toBe(1);
  });
});

describe("the audit log's one allowed change", () => {
  async function entry(actorId: string | null, data: object) {
    return db.auditEntry.create({ data: { actorId, action: "role.granted", entityType: "User", entityId: "x", isPublic: true, data } });
  }
  const update = (sql: string, id: bigint) => db.$executeRawUnsafe(sql.replace("$ID", id.toString()));

  it("lets an actor become the tombstone and text become […], nothing else", async () => {
    const user = await createUser({ name: "Ana Persona" });
    const other = await createUser();
    await db.$transaction(async (tx) => ensureTombstone(tx));
    const row = await entry(user.id, { userName: "Ana Persona", role: "STAFF", nested: { list: ["Ana Persona", 1] } });
    await update(`UPDATE "AuditEntry" SET "actorId" = '${TOMBSTONE_USER_ID}' WHERE id = $ID`, row.id);
    await update(`UPDATE "AuditEntry" SET data = '{"userName":"${REDACTED}","role":"STAFF","nested":{"list":["${REDACTED}",1]}}' WHERE id = $ID`, row.id);
    const after = await db.auditEntry.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.actorId).toBe(TOMBSTONE_USER_ID);
    expect(after.data).toEqual({ userName: REDACTED, role: "STAFF", nested: { list: [REDACTED, 1] } });

    const fresh = await entry(other.id, { userName: "Otra", role: "STAFF" });
    const refused = [
      `UPDATE "AuditEntry" SET "actorId" = '${user.id}' WHERE id = $ID`,
      `UPDATE "AuditEntry" SET "actorId" = NULL WHERE id = $ID`,
      `UPDATE "AuditEntry" SET action = 'role.revoked' WHERE id = $ID`,
      `UPDATE "AuditEntry" SET "isPublic" = false WHERE id = $ID`,
      `UPDATE "AuditEntry" SET "entityId" = 'y' WHERE id = $ID`,
      `UPDATE "AuditEntry" SET "createdAt" = now() - interval '1 day' WHERE id = $ID`,
      `UPDATE "AuditEntry" SET data = '{"userName":"Alguien más","role":"STAFF"}' WHERE id = $ID`,
      `UPDATE "AuditEntry" SET data = '{"userName":"${REDACTED}","role":"${REDACTED}"}' WHERE id = $ID`.replace('"role":"[…]"', '"role":"ADMIN"'),
      `UPDATE "AuditEntry" SET data = '{"userName":"${REDACTED}"}' WHERE id = $ID`,
      `UPDATE "AuditEntry" SET data = '{"userName":"${REDACTED}","role":"STAFF","extra":1}' WHERE id = $ID`,
      `DELETE FROM "AuditEntry" WHERE id = $ID`,
    ];
    for (const sql of refused) await expect(update(sql, fresh.id), sql).rejects.toThrow(/append-only/);
    // An entry with no actor (a pseudonymous post) never gains one, not even the tombstone.
    const anonymous = await entry(null, { userName: "x", role: "STAFF" });
    await expect(update(`UPDATE "AuditEntry" SET "actorId" = '${TOMBSTONE_USER_ID}' WHERE id = $ID`, anonymous.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ actorId: other.id, data: { userName: "Otra", role: "STAFF" } });
  });
});

describe("leaving", () => {
  it("refuses a wrong password on the field, and the last admin of an organization or of the site", async () => {
    const world = await buildWorld();
    const hash = await hashPassword(PASSWORD);
    await db.user.updateMany({ data: { passwordHash: hash } });
    const wrong = await appError(deleteOwnAccount(world.actors.participant, { password: "not it at all" }));
    expect(wrong.fieldErrors.password?.[0]?.key).toBe("accountData.wrongPassword");
    const lastOrgAdmin = await appError(deleteOwnAccount(world.actors.orgAdmin, { password: PASSWORD }));
    expect(lastOrgAdmin.userMessage).toEqual({ key: "accountData.lastOrganizationAdmin", values: { organizations: world.org.name } });
    expect((await appError(deleteOwnAccount(world.actors.admin, { password: PASSWORD }))).userMessage.key).toBe("accountData.lastSiteAdmin");
    // Handed over: another admin in each place, and both may leave.
    await db.membership.updateMany({ where: { userId: world.users.orgMember.id }, data: { role: "ADMIN" } });
    await db.roleAssignment.create({ data: { userId: world.users.staff.id, role: "ADMIN" } });
    expect(await outcome(deleteOwnAccount(world.actors.orgAdmin, { password: PASSWORD }))).toBe("ok");
    expect(await outcome(deleteOwnAccount(world.actors.admin, { password: PASSWORD }))).toBe("ok");
    expect(await db.user.count({ where: { id: { in: [world.users.orgAdmin.id, world.users.admin.id] } } })).toBe(0);
  });

  it("lets only one of two last admins leave when both try at once", async () => {
    const a = await createUser({ passwordHash: await hashPassword(PASSWORD), roles: ["ADMIN"] });
    const b = await createUser({ passwordHash: await hashPassword(PASSWORD), roles: ["ADMIN"] });
    const results = await Promise.all([a, b].map(async (u) => outcome(deleteOwnAccount(await actorFor(u.id), { password: PASSWORD }))));
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.roleAssignment.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("signs out everywhere and keeps the organization's proposal under the organization's name", async () => {
    const world = await buildWorld();
    const me = world.users.orgMember;
    await db.user.update({ where: { id: me.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    await db.authSession.createMany({ data: [1, 2].map(() => ({ userId: me.id, expiresAt: new Date(Date.now() + 86_400_000) })) });
    const proposal = await createProposal(world.org.id, { title: "Propuesta que queda", authorId: me.id });
    await deleteOwnAccount(await actorFor(me.id), { password: PASSWORD });
    expect(await db.authSession.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.membership.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id }, select: { authorId: true, organizationId: true } })).toEqual({ authorId: null, organizationId: world.org.id });
    const deleted = await db.auditEntry.findFirstOrThrow({ where: { action: "account.deleted" } });
    expect(deleted).toMatchObject({ actorId: TOMBSTONE_USER_ID, entityId: TOMBSTONE_USER_ID, isPublic: false });
  });
});

describe("who may run the own-data commands", () => {
  const expected: Record<string, Record<RoleName, string>> = {
    updateProfile: { visitor: "unauthenticated", participant: "ok", orgMember: "ok", orgAdmin: "ok", otherOrgMember: "ok", committee: "ok", staff: "ok", admin: "ok" },
    requestAccountArchive: { visitor: "unauthenticated", participant: "ok", orgMember: "ok", orgAdmin: "ok", otherOrgMember: "ok", committee: "ok", staff: "ok", admin: "ok" },
    // Only the job builds an archive (runSystemCommand); a person never does, by naming its id.
    buildAccountArchive: { visitor: "forbidden", participant: "forbidden", orgMember: "forbidden", orgAdmin: "forbidden", otherOrgMember: "forbidden", committee: "forbidden", staff: "forbidden", admin: "forbidden" },
    // orgAdmin and otherOrgMember are their organization's only admin; admin is the only site admin.
    deleteOwnAccount: { visitor: "unauthenticated", participant: "ok", orgMember: "ok", orgAdmin: "conflict", otherOrgMember: "conflict", committee: "ok", staff: "ok", admin: "conflict" },
  };

  it.each(ROLES)("as %s", async (role) => {
    const world = await buildWorld();
    await db.user.updateMany({ data: { passwordHash: await hashPassword(PASSWORD) } });
    const actor = world.actors[role];
    const pending = await db.accountArchive.create({ data: { userId: world.users.participant.id, expiresAt: new Date(Date.now() + ARCHIVE_TTL_MS) } });
    const got = {
      updateProfile: await outcome(updateProfile(actor, { name: "Nombre Nuevo", preferredLocale: "fr" })),
      requestAccountArchive: await outcome(requestAccountArchive(actor, {})),
      buildAccountArchive: await outcome(buildAccountArchive(actor, { requestId: pending.id })),
      deleteOwnAccount: await outcome(deleteOwnAccount(actor, { password: PASSWORD })),
    };
    expect(got).toEqual(Object.fromEntries(Object.entries(expected).map(([command, byRole]) => [command, byRole[role]])));
    if (actor && got.deleteOwnAccount === "ok") expect(await db.user.count({ where: { id: actor.userId } })).toBe(0);
  });
});
