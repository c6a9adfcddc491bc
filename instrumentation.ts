// Runs once when a server starts: a production server without its settings must not serve.
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const missing = [
    !process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET && "AUTH_SECRET",
    !process.env.DATABASE_URL && "DATABASE_URL",
  ].filter(Boolean);
  if (missing.length) {
    console.error(`${missing.join(" and ")} must be set in production. Refusing to start.`);
    // The Node runtime check above keeps this out of the edge bundle.
    globalThis.process.exit(1);
  }
}
