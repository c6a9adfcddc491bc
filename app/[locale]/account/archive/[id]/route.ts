import { isLocale } from "@/i18n/routing";
import { archiveDownloadRefusal } from "@/lib/account-data/policy";
import { archiveFile, archiveForDownload } from "@/lib/account-data/queries";
import { signInPath } from "@/lib/auth/guards";
import { getCurrentActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/**
 * The person's "download my data" archive, to its owner only, until it expires. Someone else's,
 * an expired one and an unknown id are all "not found"; a visitor is sent to sign in.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) return notFound();
  const actor = await getCurrentActor();
  if (!actor) return new Response(null, { status: 303, headers: { Location: signInPath(locale, `/account/archive/${encodeURIComponent(id)}`) } });
  const archive = await archiveForDownload(id);
  if (archiveDownloadRefusal(actor, archive, new Date()) || !archive) return notFound();
  const file = await archiveFile(id);
  if (!file) return notFound();
  const filename = `puente-data-${archive.requestedAt.toISOString().slice(0, 10)}.zip`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(file.byteLength),
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
