import type { Unit } from '../lib/types.ts';
import type { SchemeLinksJson } from '../lib/schemes/links.ts';
import { hashParts, type StageCache } from './stageCache.ts';
import { startTsWorker } from './threads.ts';
import type { UnitSections } from './stages/publishUnit.ts';

/** What a unit worker gets (see unitWorkerMain.ts). */
export interface UnitWorkerData {
  atlasDir: string;
  stageCacheDir: string;
  salt: string;
  /** The key under which the main thread kept boundaries and derived values (derivedMemo.ts). */
  derivedKey: string;
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

/** What the main thread sends the unit threads once the output folder is ready (see {@link UnitWorkers.publish}). */
export interface UnitPublishMessage {
  /** The pipeline's output folder (the staging folder), where the threads write unit files from now on. */
  outDir: string;
  /** The facilities and assessments sections of each unit still in the queue. */
  sections: [string, UnitSections][];
}

/** What a unit thread posts: progress, its result, or the message of its error. */
export interface UnitWorkerReply {
  progress?: number;
  /** Page models rendered; `written` those of them whose files the thread also wrote. */
  rendered?: number;
  written?: string[];
  error?: string;
}

/** Running unit workers. */
export interface UnitWorkers {
  /** Resolves with the number of page models the threads made, and the units whose files they wrote. */
  done: Promise<{ rendered: number; written: string[] }>;
  /**
   * From now on the threads also write each unit's files ({@link writeUnitFiles}) into `outDir`, with the sections
   * made by the main thread; units they rendered before are published by the publish stage from the stage cache.
   */
  publish(outDir: string, sections: ReadonlyMap<string, UnitSections>): void;
  /**
   * The main thread joins in: it takes ids from the same queue and renders each with `renderOne` (which stores the
   * model and writes the unit's files), until the queue is empty; then it waits for the threads. Resolves with the
   * models made by the threads and by the main thread, and every unit whose files were written on the way.
   */
  join(
    renderOne: (id: string) => Promise<void>,
  ): Promise<{ threads: number; main: number; written: ReadonlySet<string> }>;
  cancel(): Promise<void>;
}

/** Below this many page models to render, starting workers (each reads the atlas again) costs more than it saves. */
export const MIN_UNITS_FOR_WORKERS = 200;

/**
 * Renders the unit page models that the stage cache lacks in `workers - 1` threads, while the main thread goes on
 * with the indices, the facility and indicator stages and then joins in ({@link UnitWorkers.join}). The threads and
 * the main thread take units from one queue (a counter in shared memory), so none waits while units are left, and no
 * unit is rendered twice. The threads start once the main thread has derived the values: each reads the config, the
 * boundaries and values the main thread kept under `derivedKey` (derivedMemo.ts; should that file be unreadable, it
 * reads the tables and derives again) and makes the composite indices (same inputs, same code: the same page models
 * as the main thread makes; test/pipeline/unitWorkers.test.ts compares them). No thread ever holds the table cells
 * beside the main thread's (230 MB at 5,000 units, 30 indicators and 10 years). Each thread then
 * writes every model into the stage cache under the key the publish stage looks up, and once the main thread has
 * sent each unit's facilities and assessments ({@link UnitWorkers.publish}) also the unit's files, so the publish
 * stage (one thread) has only those left that were rendered before. Returns undefined when there is
 * too little to do. A failing worker rejects `done`: the build fails, it never publishes with models missing.
 */
export async function startUnitWorkers(o: {
  atlasDir: string;
  cache: StageCache;
  salt: string;
  derivedKey: string;
  units: readonly Pick<Unit, 'id'>[];
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
      derivedKey: o.derivedKey,
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
      new Promise<{ rendered: number; written: string[] }>((resolve, reject) => {
        let result = { rendered: 0, written: [] as string[] };
        w.on('message', (m: UnitWorkerReply) => {
          if (m.error) reject(new Error(`unit worker: ${m.error}`));
          else if (m.progress !== undefined) {
            progress[i] = m.progress;
            report();
          } else result = { rendered: m.rendered ?? 0, written: m.written ?? [] };
        });
        w.once('error', reject);
        w.once('exit', (code) =>
          code === 0 ? resolve(result) : reject(new Error(`unit worker exited with code ${code}`)),
        );
      }),
  );
  const done = Promise.all(finished).then((results) => {
    const rendered = results.reduce((a, r) => a + r.rendered, 0);
    // Read back (or kept) by the publish stage, these count as computed in this build, not as reused.
    o.cache.countAsComputed(rendered);
    return { rendered, written: results.flatMap((r) => r.written) };
  });
  done.catch(() => undefined); // handled where awaited; never an unhandled rejection when the build stops early
  return {
    done,
    publish: (outDir, sections) => {
      const message: UnitPublishMessage = {
        outDir,
        sections: missing.flatMap((id) => {
          const s = sections.get(id);
          return s ? [[id, s] as [string, UnitSections]] : [];
        }),
      };
      for (const w of threads) w.postMessage(message);
    },
    join: async (renderOne) => {
      const written = new Set<string>();
      for (let id = takeNext(missing, next); id !== undefined; id = takeNext(missing, next)) {
        await renderOne(id);
        written.add(id);
        mine++;
        if (mine % 10 === 0) report();
      }
      o.cache.countAsComputed(mine);
      const threads = await done;
      for (const id of threads.written) written.add(id);
      return { threads: threads.rendered, main: mine, written };
    },
    cancel: async () => void (await Promise.all(threads.map((w) => w.terminate()))),
  };
}
