import { db } from "@/lib/db/client";
import { actorFor, buildWorld, createUser } from "./factories";

/** buildWorld plus IOM and ECLAC with one delegate each, and an ECLAC delegate whose role was revoked. */
export async function dialogueWorld() {
  const world = await buildWorld();
  const iom = await db.dialogueInstitution.create({ data: { slug: "iom", kind: "IOM" } });
  const eclac = await db.dialogueInstitution.create({ data: { slug: "eclac", kind: "ECLAC" } });
  const iomDelegate = await createUser({ name: "Irene IOM", roles: ["DELEGATE"] });
  const eclacDelegate = await createUser({ name: "Ernesto ECLAC", roles: ["DELEGATE"] });
  const formerDelegate = await createUser({ name: "Former ECLAC" });
  await db.delegateProfile.createMany({
    data: [
      { userId: iomDelegate.id, institutionId: iom.id, displayName: "Irene (OIM)", languagesSpoken: ["es", "en"] },
      { userId: eclacDelegate.id, institutionId: eclac.id, displayName: "Ernesto (CEPAL)", languagesSpoken: ["es"] },
      { userId: formerDelegate.id, institutionId: eclac.id, displayName: "Former (CEPAL)", languagesSpoken: ["es"] },
    ],
  });
  const delegates = { iom: await actorFor(iomDelegate.id), eclac: await actorFor(eclacDelegate.id) };
  return { ...world, iom, eclac, delegates, delegateUsers: { iom: iomDelegate, eclac: eclacDelegate, former: formerDelegate } };
}

export const questionInput = (institutionId: string, extra: Record<string, unknown> = {}) => ({
  addressee: `institution:${institutionId}`,
  language: "en",
  title: "When will the regional review hear the diaspora?",
  body: "Many of us live in New York and cannot travel to the sessions.",
  objectives: ["16", "19"],
  ...extra,
});

export const answerInput = (questionId: string, extra: Record<string, unknown> = {}) => ({
  questionId,
  language: "es",
  body: "La CEPAL abrirá una sesión virtual con interpretación para la diáspora.",
  ...extra,
});
