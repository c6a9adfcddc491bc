import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { unavailableResponse } from "./components/layout/unavailable-page";
import { databaseAvailable } from "./lib/db/availability";
import { routing } from "./i18n/routing";

const intl = createMiddleware(routing);
const PREFIXED = /^\/(?:es|en|pt|fr)(?:\/|$)/;

// Every page passes here. With the database down the reader gets a readable 503 at once (Next
// would answer a blank 500). Paths without a language prefix (`/` and old links) are then
// redirected by Accept-Language, Spanish when unsure.
export default async function proxy(request: NextRequest) {
  if (!(await databaseAvailable())) return unavailableResponse(request.nextUrl.pathname);
  return PREFIXED.test(request.nextUrl.pathname) ? NextResponse.next() : intl(request);
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
