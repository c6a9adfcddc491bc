import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Only paths without a language prefix pass through here (`/` and old links): they are
// redirected by Accept-Language, Spanish when unsure. Prefixed pages skip the proxy.
export default createMiddleware(routing);

export const config = {
  matcher: ["/", "/((?!api|_next|_vercel|es|en|pt|fr|.*\\..*).*)"],
};
