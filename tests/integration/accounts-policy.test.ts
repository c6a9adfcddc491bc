import { describe, expect, it } from "vitest";
import { safeNextPath, signInAccountRule, signInRules } from "@/lib/accounts/policy";

describe("safeNextPath (where to go after signing in)", () => {
  it.each([
    "//evil.com",
    "//evil.com/es/dashboard",
    "https://evil.com",
    "https://evil.com/es/dashboard",
    "/\\evil.com",
    "/es/\\evil.com",
    "\\\\evil.com",
    "javascript:alert(1)",
    "/es/../../evil",
    "/es/dash\nboard",
    "/es/ dashboard",
    "es/dashboard",
    "/de/dashboard",
    "/dashboard",
    "/es",
    "",
    `/es/${"a".repeat(600)}`,
  ])("refuses %j", (value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it.each([undefined, null, 42, ["/es/dashboard"], { path: "/es/dashboard" }])("refuses a non-string (%j)", (value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it.each([
    ["/es/dashboard", "/es/dashboard"],
    ["/en/organizations/red-x?tab=members", "/en/organizations/red-x?tab=members"],
    ["/fr/admin/organizations#pending", "/fr/admin/organizations#pending"],
    ["/pt/dashboard", "/pt/dashboard"],
  ])("accepts %j", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });
});

describe("sign-in rate-limit keys", () => {
  it("never put the email in clear, and keep odd addresses short", () => {
    const [accountAddress, address] = signInRules("ana@example.org", "203.0.113.9");
    expect(accountAddress.key).toMatch(/^signin:account-address:[0-9a-f]{64}:203\.0\.113\.9$/);
    expect(accountAddress.key).not.toContain("ana");
    expect(signInAccountRule("ana@example.org").key).toMatch(/^signin:account:[0-9a-f]{64}$/);
    expect(address.key).toBe("signin:address:203.0.113.9");
    const [, odd] = signInRules("ana@example.org", "x".repeat(500));
    expect(odd.key).toMatch(/^signin:address:[0-9a-f]{64}$/);
  });
});
