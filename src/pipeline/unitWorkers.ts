import type { Unit } from '../lib/types.ts';
import type { SchemeLinksJson } from '../lib/schemes/links.ts';
import { hashParts, type StageCache } from './stageCache.ts';
import { startTsWorker } from './threads.ts';

/** What a unit worker gets (see unitWorkerMain.ts). */
export interface UnitWorkerData {
  atlasDir: string;
  stageCacheDir: string;
  salt: string;
  /** Unit ids whose page models are missing: the queue the threads and the main thread take from. */
  ids: string[];
  /** The queue's head (`Int32Array` over a `SharedArrayBuffer`): the index of the next id to take. */
  next: Int32Array;
  /** Successors and predecessors across boundary schemes, computed once by the main thread (stages/schemes.ts). */
  links: SchemeLinksJson;
}

/** Takes the next id of the shared queue, or undefined when every id is taken (by any thread). */
export function takeNext(ids: readonly string[], next: Int32Array): string | undefined {
  const i = Atomics.add(next, 0, 1);
  return i < ids.length ? ids[i] : undefined;
}

/** Running unit workers. */
export interface UnitWorkers {
  /** Resolves with the number of page models the threads wrote. */
  done: Promise<number>;
  /**
   * The main thread joins in: it takes ids from the same queue and renders each with `renderOne` (which writes the
   * model into the stage cache), until the queue is empty; then it waits for the threads. Resolves with the models
   * made by the threads and by the main thread.
   */
  join(renderOne: (id: string) => Promise<void>): Promise<{ threads: number; main: number }>;
  cancel(): Promise<void>;
}

/** Below this many page models to render, starting workers (each reads the atlas again) costs more than it saves. */
export const MIN_UNITS_FOR_WORKERS = 200;

/**
 * Renders the unit page models that the stage cache lacks in `workers - 1` threads, while the main thread goes on
 * with the facility and indicator stages and then joins in ({@link UnitWorkers.join}). The threads and the main
 * thread take units from one queue (a counter in shared memory), so none waits while units are left, and no unit is
 * rendered twice. Each thread reads config, boundaries and tables again and derives the same values (same inputs,
 * same code: the same page models as the main thread makes; test/pipeline/unitWorkers.test.ts compares them), then
 * writes every model into the stage cache under the key the publish stage looks up. Returns undefined when there is
 * too little to do. A failing worker rejects `done`: the build fails, it never publishes with models missing.
 */
export async function startUnitWorkers(o: {
  atlasDir: string;
  cache: StageCache;
  salt: string;
  units: readonly Unit[];
  workers: number;
  minUnits?: number;
  links: SchemeLinksJson;
  /** Page models written so far by all threads, of how many (for the build's progress line). */
  onProgress?: ((done: number, total: number) => void) | undefined;
}): Promise<UnitWorkers | undefined> {
  if (!o.cache.dir || o.workers < 2) return undefined;
  const missing: string[] = [];
  for (const u of o.units) if (!(await o.cache.has(hashParts([o.salt, u.id])))) missing.push(u.id);
  if (missing.length < (o.minUnits ?? MIN_UNITS_FOR_WORKERS)) return undefined;
  const n = Math.min(o.workers - 1, Math.ceil(missing.length / 50));
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const threads = Array.from({ length: n }, () => {
    const data: UnitWorkerData = {
      atlasDir: o.atlasDir,
      stageCacheDir: o.cache.dir as string,
      salt: o.salt,
      ids: missing,
      next,
      links: o.links,
    };
    return startTsWorker(new URL('./unitWorkerMain.ts', import.meta.url), data);
  });
  const progress = threads.map(() => 0);
  let mine = 0;
  const report = () =>
    o.onProgress?.(
      progress.reduce((a, b) => a + b, mine),
      missing.length,
    );
  const finished = threads.map(
    (w, i) =>
      new Promise<number>((resolve, reject) => {
        let count = 0;
        w.on('message', (m: { rendered?: number; progress?: number; error?: string }) => {
          if (m.error) reject(new Error(`unit worker: ${m.error}`));
          else if (m.progress !== undefined) {
            progress[i] = m.progress;
            report();
          } else count = m.rendered ?? count;
        });
        w.once('error', reject);
        w.once('exit', (code) =>
          code === 0 ? resolve(count) : reject(new Error(`unit worker exited with code ${code}`)),
        );
      }),
  );
  const done = Promise.all(finished).then((counts) => {
    const total = counts.reduce((a, b) => a + b, 0);
    // Read back by the publish stage, these count as computed in this build, not as reused.
    o.cache.countAsComputed(total);
    return total;
  });
  done.catch(() => undefined); // handled where awaited; never an unhandled rejection when the build stops early
  return {
    done,
    join: async (renderOne) => {
      for (let id = takeNext(missing, next); id !== undefined; id = takeNext(missing, next)) {
        await renderOne(id);
        mine++;
        if (mine % 10 === 0) report();
      }
      o.cache.countAsComputed(mine);
      return { threads: await done, main: mine };
    },
    cancel: async () => void (await Promise.all(threads.map((w) => w.terminate()))),
  };
}
