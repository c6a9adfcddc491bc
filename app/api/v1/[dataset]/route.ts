import { answerDatasetRequest } from "@/lib/open-data/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  return answerDatasetRequest(request, (await params).dataset);
}
