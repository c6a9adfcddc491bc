import { createHash } from "node:crypto";
import { listPublicQuestions } from "@/lib/session-questions/queries";

// The public questions of a session, as any visitor reads them on its page (never who asked
// beyond "a registered participant"), for the page's live updates. The same for everyone, so
// browsers and proxies may keep it a moment, and a poll that changed nothing costs a 304.

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await listPublicQuestions(id);
  if (!data) return Response.json({ error: "not_found" }, { status: 404, headers: { "Cache-Control": "public, max-age=30" } });
  const etag = `"${createHash("sha256").update(JSON.stringify(data)).digest("base64url").slice(0, 27)}"`;
  const headers = { "Cache-Control": "public, max-age=2, stale-while-revalidate=3", ETag: etag };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json(data, { headers });
}
