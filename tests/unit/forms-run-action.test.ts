import fc from "fast-check";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { notFound as nextNotFound, redirect } from "next/navigation";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/routing";
import { conflict, fieldError, invalid, rateLimited } from "@/lib/errors";
import { runFormAction } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

/** The state's messages as ActionForm and Field show them, in `locale`. */
async function rendered(state: FormState, locale: AppLocale) {
  const t = createTranslator({ locale, messages: (await loadMessages(locale)) as AbstractIntlMessages, namespace: "errors" }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  return {
    message: state.message ? t(state.message.key, state.message.values) : null,
    fields: Object.fromEntries(Object.entries(state.fieldErrors ?? {}).map(([field, messages]) => [field, messages.map((m) => t(m.key, m.values))])),
  };
}

let logged: string[];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("runFormAction", () => {
  it("turns an expected error into field errors and a form message the user reads in their language, keeping what they typed", async () => {
    const state = await runFormAction(
      form([
        ["title", "Niñez migrante en tránsito"],
        ["languages", "es"],
        ["languages", "pt"],
        ["$ACTION_ID_abc", "internal"],
        ["attachment", new Blob(["file"])],
      ]),
      "test.form",
      async () => {
        throw invalid({ title: [{ key: "tooLong", values: { max: 5 } }], languages: [{ key: "required" }] });
      },
    );

    // Translated on the server (no catalogue in the browser), in Spanish when the form posts no language.
    expect(state).toEqual({
      status: "error",
      message: { key: "invalidForm", text: "Revise los campos marcados." },
      fieldErrors: {
        title: [{ key: "tooLong", values: { max: 5 }, text: "Debe tener como máximo 5 caracteres." }],
        languages: [{ key: "required", text: "Este campo es obligatorio." }],
      },
      // Repeated names come back as a list; Next's own fields and files do not come back.
      values: { title: "Niñez migrante en tránsito", languages: ["es", "pt"] },
    });
    expect(await rendered(state, "pt")).toEqual({
      message: "Verifique os campos indicados.",
      fields: { title: ["Deve ter no máximo 5 caracteres."], languages: ["Este campo é obrigatório."] },
    });
    expect(await rendered(state, "fr")).toEqual({
      message: "Vérifiez les champs signalés.",
      fields: { title: ["Doit comporter au plus 5 caractères."], languages: ["Ce champ est obligatoire."] },
    });
    // An expected error is not a bug: nothing is logged.
    expect(logged).toEqual([]);
  });

  it("gives a capability's own message (nested key) and a rate limit in each language", async () => {
    const closed = await runFormAction(form([["sessionId", "s1"]]), "test.form", async () => {
      throw conflict("nominations.sessionClosed");
    });
    expect(closed).toEqual({
      status: "error",
      message: { key: "nominations.sessionClosed", text: "Esta sesión ya no recibe postulaciones: no está abierta o su plazo de postulación venció." },
      fieldErrors: {},
      values: { sessionId: "s1" },
    });
    expect((await rendered(closed, "es")).message).toBe("Esta sesión ya no recibe postulaciones: no está abierta o su plazo de postulación venció.");

    const limited = await runFormAction(form([]), "test.form", async () => {
      throw rateLimited();
    });
    expect((await rendered(limited, "en")).message).toBe("Too many attempts. Wait a few minutes and try again.");
    expect((await rendered(limited, "pt")).message).toBe("Muitas tentativas. Aguarde alguns minutos e tente novamente.");
  });

  it("answers in the page's language (the hidden field ActionForm adds), else the form's `locale` field, and keeps that field from the command", async () => {
    const seen: Record<string, string | string[]>[] = [];
    const fail = async (input: Record<string, string | string[]>) => {
      seen.push(input);
      throw fieldError("title", "required");
    };
    const pt = await runFormAction(form([["_locale", "pt"], ["title", ""]]), "test.form", fail);
    expect(pt.message?.text).toBe("Verifique os campos indicados.");
    expect(pt.fieldErrors?.title?.[0]?.text).toBe("Este campo é obrigatório.");
    expect(pt.values).toEqual({ title: "" });
    const fr = await runFormAction(form([["locale", "fr"], ["title", ""]]), "test.form", fail);
    expect(fr.message?.text).toBe("Vérifiez les champs signalés.");
    const en = await runFormAction(form([["_locale", "en"], ["locale", "fr"]]), "test.form", fail);
    expect(en.message?.text).toBe((await rendered(en, "en")).message);
    // A language that is not one of ours: Spanish.
    const unknown = await runFormAction(form([["_locale", "de"]]), "test.form", fail);
    expect(unknown.message?.text).toBe("Revise los campos marcados.");
    expect(seen).toEqual([{ title: "" }, { locale: "fr", title: "" }, { locale: "fr" }, {}]);
  });

  it("never gives back passwords or tokens, whatever the outcome", async () => {
    const typed: [string, string][] = [
      ["email", "ana@example.test"],
      ["password", "hunter2-correct-horse"],
      ["newPassword", "n3w-battery-staple"],
      ["token", "tok_0123456789abcdef"],
      ["resetToken", "rst_fedcba9876543210"],
      ["clientSecret", "shh-its-a-secret"],
    ];
    const secrets = typed.slice(1).map(([, value]) => value);
    const outcomes = [
      () => Promise.reject(fieldError("password", "tooShort", { min: 12 })),
      () => Promise.reject(new Error("database unreachable")),
    ];
    for (const fail of outcomes) {
      const state = await runFormAction(form(typed), "accounts.signUp", fail);
      expect(state.values).toEqual({ email: "ana@example.test" });
      for (const secret of secrets) expect(JSON.stringify(state)).not.toContain(secret);
    }
    // Nor does the log of the unexpected error carry them.
    expect(logged).toHaveLength(1);
    for (const secret of secrets) expect(logged[0]).not.toContain(secret);
  });

  it("turns an unexpected error into the generic message and logs it with the action's name", async () => {
    const state = await runFormAction(form([["body", "Un comentario"]]), "report.comment", async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    expect(state).toEqual({ status: "error", message: { key: "unexpected", text: "Algo salió mal. Lo que escribió se conservó; inténtelo de nuevo." }, values: { body: "Un comentario" } });
    expect((await rendered(state, "es")).message).toBe("Algo salió mal. Lo que escribió se conservó; inténtelo de nuevo.");

    expect(logged).toHaveLength(1);
    const line = JSON.parse(logged[0]) as { level: string; context: string; error: { name: string; message: string; stack: string } };
    expect(line).toMatchObject({
      level: "error",
      context: "report.comment",
      error: { name: "TypeError", message: "Cannot read properties of undefined (reading 'id')" },
    });
    expect(line.error.stack).toContain("forms-run-action.test.ts");
  });

  it("returns what the work returns, or success, with the parsed input", async () => {
    const seen: Record<string, string | string[]>[] = [];
    const done = await runFormAction(form([["q", "niñez"], ["ids", "1"], ["ids", "2"]]), "test.form", async (input) => {
      seen.push(input);
    });
    expect(done).toEqual({ status: "success" });
    expect(seen).toEqual([{ q: "niñez", ids: ["1", "2"] }]);
    const custom: FormState = { status: "success", message: { key: "saved" } };
    expect(await runFormAction(form([]), "test.form", async () => custom)).toBe(custom);
  });

  it("keeps fields named like what every object inherits as plain typed values", async () => {
    let input: Record<string, string | string[]> = {};
    const state = await runFormAction(form([["constructor", "a"], ["toString", "b"], ["__proto__", "c"], ["__proto__", "d"]]), "test.form", async (parsed) => {
      input = parsed;
      throw invalid({});
    });
    const expected = Object.fromEntries([["constructor", "a"], ["toString", "b"], ["__proto__", ["c", "d"]]]);
    expect(input).toEqual(expected);
    expect(state.values).toEqual(expected);
    expect(Object.getPrototypeOf(state.values)).toBe(Object.prototype);
  });

  it("lets Next's redirect and notFound through, unlogged", async () => {
    await expect(runFormAction(form([["password", "x"]]), "accounts.signIn", async () => redirect("/es/dashboard"))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/es\/dashboard/),
    });
    await expect(runFormAction(form([]), "test.form", async () => nextNotFound())).rejects.toMatchObject({
      digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/),
    });
    expect(logged).toEqual([]);
  });
});

// ─── Property: a secret field's value never comes back ─────────────────────────────────────

const SECRET_WORDS = ["password", "token", "secret"];
const isSecretName = (name: string) => SECRET_WORDS.some((word) => name.toLowerCase().includes(word));

// Any name, and names built around a secret word in any case (newPassword, RESET_TOKEN, …).
const anyName = fc
  .oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("email", "constructor", "toString", "__proto__"))
  .filter((name) => !name.startsWith("$ACTION"));
const secretName = fc
  .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...SECRET_WORDS), fc.string({ maxLength: 6 }), fc.boolean())
  .map(([before, word, after, upper]) => `${before}${upper ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1)}${after}`)
  .filter((name) => !name.startsWith("$ACTION"));
// A secret's value is unique and long, so finding it anywhere in the state means it was echoed.
const secretValue = fc.uuid().map((id) => `s3cr3t-${id}`);

describe("runFormAction, for any form", () => {
  it("never returns the value of a field named like a password, token or secret, and returns every other field", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .tuple(fc.array(fc.tuple(anyName, fc.string({ maxLength: 20 })), { maxLength: 8 }), fc.array(fc.tuple(secretName, secretValue), { minLength: 1, maxLength: 4 }))
          .chain(([plain, secret]) => fc.shuffledSubarray([...plain, ...secret], { minLength: plain.length + secret.length })),
        fc.constantFrom("invalid", "unexpected"),
        async (entries, failure) => {
          const state = await runFormAction(form(entries), "test.property", async () => {
            throw failure === "invalid" ? invalid({ _form: [{ key: "required" }] }) : new Error("boom");
          });
          const json = JSON.stringify(state);
          for (const [name, value] of entries) {
            if (isSecretName(name)) expect(json).not.toContain(value);
          }
          const kept = Object.keys(state.values ?? {});
          expect(kept.filter(isSecretName)).toEqual([]);
          expect(new Set(kept)).toEqual(new Set(entries.map(([name]) => name).filter((name) => !isSecretName(name))));
        },
      ),
      { numRuns: 200 },
    );
  });
});
