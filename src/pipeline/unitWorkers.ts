import type { Unit } from '../lib/types.ts';
import type { SchemeLinksJson } from '../lib/schemes/links.ts';
import { hashParts, type StageCache } from './stageCache.ts';
import { roundRobin, startTsWorker } from './threads.ts';

/** What a unit worker gets (see unitWorkerMain.ts). */
export interface UnitWorkerData {
  atlasDir: string;
  stageCacheDir: string;
  salt: string;
  /** Unit ids whose page models this worker renders into the stage cache. */
  ids: string[];
  /** Successors and predecessors across boundary schemes, computed once by the main thread (stages/schemes.ts). */
  links: SchemeLinksJson;
}

/** Running unit workers: `done` resolves with the number of page models they wrote; `cancel` stops them. */
export interface UnitWorkers {
  done: Promise<number>;
  cancel(): Promise<void>;
}

/** Below this many page models to render, starting workers (each reads the atlas again) costs more than it saves. */
export const MIN_UNITS_FOR_WORKERS = 200;

/**
 * Renders the unit page models that the stage cache lacks in `workers` threads, each with its share of the units
 * (every n-th, so shares cost about the same), while the main thread goes on with the facility stages. Each thread
 * reads config, boundaries and tables again and derives the same values (same inputs, same code: the same page
 * models as the main thread would make; test/pipeline/unitWorkers.test.ts compares them), then writes every model
 * into the stage cache under the key the publish stage looks up. Returns undefined when there is too little to do.
 * A failing worker rejects `done`: the build fails, it never publishes with models missing.
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
  const n = Math.min(o.workers, Math.ceil(missing.length / 50));
  const threads = roundRobin(missing, n).map((ids) => {
    const data: UnitWorkerData = {
      atlasDir: o.atlasDir,
      stageCacheDir: o.cache.dir as string,
      salt: o.salt,
      ids,
      links: o.links,
    };
    return startTsWorker(new URL('./unitWorkerMain.ts', import.meta.url), data);
  });
  const progress = threads.map(() => 0);
  const finished = threads.map(
    (w, i) =>
      new Promise<number>((resolve, reject) => {
        let count = 0;
        w.on('message', (m: { rendered?: number; progress?: number; error?: string }) => {
          if (m.error) reject(new Error(`unit worker: ${m.error}`));
          else if (m.progress !== undefined) {
            progress[i] = m.progress;
            o.onProgress?.(
              progress.reduce((a, b) => a + b, 0),
              missing.length,
            );
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
  return { done, cancel: async () => void (await Promise.all(threads.map((w) => w.terminate()))) };
}
