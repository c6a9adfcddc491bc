import { cx } from "@/components/ui/cx";
import { renderMarkdown } from "@/lib/markdown";

// Typography for rendered Markdown (there is no typography plugin): spacing, lists, links, code.
const PROSE = cx(
  "max-w-none break-words text-slate-900",
  "[&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1",
  "[&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-5 [&_h4]:mb-2 [&_h4]:font-semibold",
  "[&_h5]:mt-4 [&_h5]:font-semibold [&_h6]:mt-4 [&_h6]:font-semibold",
  "[&_a]:text-blue-800 [&_a]:underline [&_a:hover]:text-blue-950",
  "[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-4 [&_blockquote]:text-slate-800",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3",
  "[&_hr]:my-6 [&_hr]:border-slate-300",
  "[&_table]:my-3 [&_table]:border-collapse [&_td]:border [&_td]:border-slate-300 [&_td]:px-2 [&_th]:border [&_th]:border-slate-300 [&_th]:px-2",
);

/**
 * Markdown written by users, rendered on the server. lib/markdown.ts escapes raw HTML
 * and refuses unsafe links, so the HTML it returns can go into the page as is.
 */
export function Markdown({ source, lang, className }: { source: string; lang?: string; className?: string }) {
  return <div lang={lang} className={cx(PROSE, className)} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
