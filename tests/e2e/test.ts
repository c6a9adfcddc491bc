import { test as base } from "@playwright/test";
import { e2eServerPort } from "../../scripts/lib/e2e-log";

export * from "@playwright/test";

/**
 * Playwright's `test`, pointed at this worker's own server (playwright.config.ts starts one per
 * worker). `parallelIndex` is unique among the workers running at one time, so two specs never
 * share a server; every page, request and new browser context gets it as its base URL.
 */
export const test = base.extend<{ serverPort: number }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  serverPort: async ({}, provide, testInfo) => provide(e2eServerPort(testInfo.parallelIndex)),
  baseURL: async ({ serverPort }, provide) => provide(`http://localhost:${serverPort}`),
});
