// Runs once when a server starts: a production server without a signing key must not serve.
export function register() {
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
      console.error("AUTH_SECRET is required in production. Refusing to start.");
      process.exit(1);
    }
    if (!process.env.DATABASE_URL) {
      console.error("DATABASE_URL is required. Refusing to start.");
      process.exit(1);
    }
  }
}
