import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread that runs the TypeScript module `entry` (through tsWorker.mjs: Node strips the types, tsx
 * only where Node cannot) with `workerData`, under `npm run build` and under vitest alike.
 */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  return new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData, argv: [entry.href], execArgv: [] });
}

/** What a request/response worker posts back: a result, or the message of the error it met. */
export type WorkerReply<T> = { result: T; error?: undefined } | { error: string; result?: undefined };

/**
 * A request/response channel to a worker that answers each message with one {@link WorkerReply}, in order. A worker
 * that fails or exits early rejects the waiting request.
 */
export function requestChannel(w: Worker): { request<T>(message: unknown): Promise<T>; close(): Promise<void> } {
  const waiting: { resolve(v: unknown): void; reject(e: Error): void }[] = [];
  const failAll = (e: Error) => {
    for (const p of waiting.splice(0)) p.reject(e);
  };
  w.on('message', (m: WorkerReply<unknown>) => {
    const p = waiting.shift();
    if (!p) return;
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.result);
  });
  w.on('error', failAll);
  w.on('exit', (code) => failAll(new Error(`worker exited with code ${code}`)));
  return {
    request: <T>(message: unknown) =>
      new Promise<T>((resolve, reject) => {
        waiting.push({ resolve: resolve as (v: unknown) => void, reject });
        w.postMessage(message);
      }),
    close: async () => void (await w.terminate()),
  };
}

/**
 * Splits `items` into `n` shares, every n-th item to the same share. Work of one kind lies together in a sorted list
 * (unit levels, page types), so shares made this way cost about the same.
 */
export function roundRobin<T>(items: readonly T[], n: number): T[][] {
  return Array.from({ length: n }, (_, i) => items.filter((_, j) => j % n === i));
}
