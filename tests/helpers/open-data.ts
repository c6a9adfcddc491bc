// Reading the open data as a client would: whole files through their route's answer, and the API
// page by page, following each `next` link to the end.
import { answerDatasetRequest } from "@/lib/open-data/api";
import { answerOpenDataFile } from "@/lib/open-data/files";

const ORIGIN = "http://localhost";

export type ApiPage = { status: number; headers: Headers; body: { data: Record<string, unknown>[]; next: string | null } };

export async function apiGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const url = new URL(path, ORIGIN);
  const name = url.pathname.replace(/^\/api\/v1\//, "");
  const response = await answerDatasetRequest(new Request(url, { headers }), name);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Every page of a dataset; the texts of every answer too (for the leak search). */
export async function crawlApi(name: string, headers: Record<string, string> = {}, limit = 100) {
  const rows: Record<string, unknown>[] = [];
  const texts: string[] = [];
  let path: string | null = `/api/v1/${name}?limit=${limit}`;
  let pages = 0;
  while (path) {
    const answer = await apiGet(path, headers);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.text}`);
    texts.push(answer.text);
    const body = JSON.parse(answer.text) as ApiPage["body"];
    rows.push(...body.data);
    path = body.next;
    if (++pages > 10_000) throw new Error("no end");
  }
  return { rows, texts, pages };
}

export async function fileText(file: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = answerOpenDataFile(file);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else cell += c;
  }
  if (cell !== "" || row.length) endRow();
  return rows;
}
