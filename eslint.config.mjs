import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Shared UI and library code never reaches into app/: a route's server actions stay with the
// route, and a shared component gets them as props from the page that renders it.
const noImportsFromApp = {
  files: ["components/**", "lib/**"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^(@/app|(\\.\\.?/)+app)(/|$)",
            message: "components/ and lib/ must not import from app/: move a one-route component to that route's _components/, or pass the server action as a prop.",
          },
        ],
      },
    ],
  },
};

// An end-to-end spec takes `test` from ./test, which points its worker at the worker's own server;
// Playwright's own would send every worker to the first server, where another spec changes the data.
const e2eSpecsUseTheirWorkersServer = {
  files: ["tests/e2e/**/*.ts"],
  ignores: ["tests/e2e/test.ts", "tests/e2e/helpers.ts"],
  rules: {
    "no-restricted-imports": ["error", { paths: [{ name: "@playwright/test", message: "Import from ./test: it points this worker at its own server." }] }],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  noImportsFromApp,
  e2eSpecsUseTheirWorkersServer,
  { ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
