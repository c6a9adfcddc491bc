/**
 * Runs reads one after another and gives their results in order, like Promise.all. Inside a
 * transaction every statement goes down one connection, which runs one at a time: Promise.all
 * there wins nothing, and sending a query while another runs is deprecated in pg (an error in
 * pg 9). No library offers this typed for a tuple, hence these few lines.
 */
export async function oneAfterAnother<const T extends readonly (() => Promise<unknown>)[]>(reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
