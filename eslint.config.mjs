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

const config = [
  ...nextVitals,
  ...nextTs,
  noImportsFromApp,
  { ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
