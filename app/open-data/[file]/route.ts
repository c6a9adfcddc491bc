import { answerOpenDataFile } from "@/lib/open-data/files";

// /open-data/<dataset>.csv, /open-data/<dataset>.json, /open-data/datapackage.json and
// /open-data/README.txt: stable addresses outside the language prefix (the files are the same
// in every language).

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return answerOpenDataFile((await params).file);
}
