/**
 * `fn` over `items` with at most `width` calls under way at once; the results in the order of `items`. For many small
 * file operations (stat, link, access), whose latency adds up when each is awaited in turn.
 * @example await mapLimit(files, 64, (f) => stat(f))
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  width: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  return out;
}

/** A promise awaited later, perhaps never (the work failed first): its failure is not "unhandled" meanwhile. */
export function settleLater<T>(p: Promise<T> | T): Promise<T> {
  const promise = Promise.resolve(p);
  promise.catch(() => {});
  return promise;
}
