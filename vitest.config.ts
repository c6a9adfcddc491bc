import path from "node:path";
import { defineConfig } from "vitest/config";
import { TEST_WORKERS } from "./tests/helpers/global-setup";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Marker package: outside Next's server bundle it would throw on import.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup-env.ts"],
    // Files run in parallel, one database per worker (VITEST_POOL_ID); tests reset what they need.
    pool: "forks",
    maxWorkers: TEST_WORKERS,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
