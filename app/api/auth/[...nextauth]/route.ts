import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth";

// The standard next-auth endpoints (/api/auth/csrf, /session, /callback/credentials, /signout)
// over the same JWT cookie the portal's own forms write.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
