import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describeNotification, NOMINATION_NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

const data = { sessionId: randomUUID(), sessionTitle: "Sesión sobre niñez migrante", nomineeName: "Ana Castillo" };

describe("nomination notifications", () => {
  it.each(NOMINATION_NOTIFICATION_KINDS)("%s has a sentence in every language, linking to the session", (kind) => {
    const sentence = describeNotification(kind, data);
    expect(sentence.kind).toBe("known");
    if (sentence.kind !== "known") return;
    expect(sentence.proposalId).toBeNull();
    const committee = kind === "nomination.accepted" || kind === "nomination.declined" || kind === "nomination.withdrawn";
    expect(sentence.href).toBe(committee ? `/dashboard/committee/sessions/${data.sessionId}` : `/sessions/${data.sessionId}`);
    for (const locale of ["es", "en", "pt", "fr"]) {
      const catalogue = JSON.parse(readFileSync(`messages/${locale}/notifications.json`, "utf8"));
      const message: string = catalogue.kinds[sentence.key];
      expect(typeof message, `${locale} ${kind}`).toBe("string");
      for (const [, name] of message.matchAll(/\{(\w+)/g)) expect(sentence.values, `${locale} ${kind}`).toHaveProperty(name);
      expect(message).toMatch(/<link>.*<\/link>/);
    }
  });

  it("falls back to a generic sentence without a usable session or a needed name", () => {
    expect(describeNotification("nomination.accepted", { ...data, nomineeName: undefined })).toEqual({ kind: "generic", proposalId: null });
    expect(describeNotification("nomination.selected", { ...data, sessionId: "javascript:alert(1)" })).toEqual({ kind: "generic", proposalId: null });
    expect(describeNotification("nomination.not_selected", { sessionId: data.sessionId })).toEqual({ kind: "generic", proposalId: null });
    expect(describeNotification("nomination.selected", { sessionId: data.sessionId, sessionTitle: "T" })).toMatchObject({
      kind: "known",
      key: "nomination_selected",
      values: { sessionTitle: "T" },
    });
  });
});
