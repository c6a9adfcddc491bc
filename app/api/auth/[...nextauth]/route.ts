import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth";
import { portalNextAuth } from "@/lib/auth/next-auth-route";

// The standard next-auth endpoints (/api/auth/csrf, /session, /callback/credentials, /signout)
// over the same JWT cookie and session rows the portal's own forms use; portalNextAuth sets the
// base URL from PUBLIC_URL, refuses bad callback URLs with 400 and keeps /session from renewing.
const handler = portalNextAuth(NextAuth(authOptions));

export { handler as GET, handler as POST };
