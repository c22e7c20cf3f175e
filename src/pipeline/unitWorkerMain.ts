/**
 * A unit worker thread (started by unitWorkers.ts through tsWorker.mjs): reads the boundaries and derived values the
 * main thread kept (derivedMemo.ts), makes the composite indices, then takes units from the shared queue, renders
 * each one's page model and writes it into the stage cache, until the queue is empty; once the main thread has sent
 * the units' sections ({@link UnitPublishMessage}) it also writes each unit's files. Posts `{ rendered, written }`,
 * or `{ error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deriveValues } from '../lib/indicators/derive.ts';
import { ProblemLog } from '../lib/problems.ts';
import { FileEffects } from './effects.ts';
import { hashParts, StageCache } from './stageCache.ts';
import { readLevels, type BoundariesResult } from './stages/boundaries.ts';
import type { AtlasConfig } from '../schemas/atlasConfig.ts';
import { ValueStore } from '../lib/indicators/store.ts';
import { readDerived, unpackBoundaries } from './derivedMemo.ts';
import { loadConfig } from './stages/config.ts';
import { render } from './stages/render.ts';
import { deriveIndices } from './stages/indices.ts';
import { readTables } from './stages/tables.ts';
import { takeNext, type UnitPublishMessage, type UnitWorkerData, type UnitWorkerReply } from './unitWorkers.ts';
import { writeUnitFiles, type UnitSections } from './stages/publishUnit.ts';
import { linksFromJson } from '../lib/schemes/links.ts';

async function main(d: UnitWorkerData): Promise<{ rendered: number; written: string[] }> {
  // The main thread reports every problem; here they only tell whether the input is still readable.
  const log = new ProblemLog();
  const fx = new FileEffects(d.atlasDir, '/dev/null/unit-worker-writes-nothing', () => {});
  const config = await loadConfig(fx, log);
  if (!config) throw new Error('atlas.yml is not valid');
  // What the main thread derived and kept before it started this thread: read instead of the tables, so the thread
  // never holds the cells (a plain read and derivation as fallback, should the file be unreadable).
  const kept = await readDerived(d.stageCacheDir, d.derivedKey);
  const boundaries = kept ? unpackBoundaries(kept.boundaries) : await readLevels(config, fx, log);
  if (log.hasErrors) throw new Error(`the atlas has ${log.errors.length} errors`);
  const store = kept ? ValueStore.from(kept.values) : await readValues(config, boundaries, fx, log);
  await deriveIndices(config, boundaries.units, store, fx, log); // index results are indicators too
  const rendered = render(config, boundaries, store, undefined, undefined, linksFromJson(d.links));
  const units = new Map(boundaries.units.map((u) => [u.id, u]));
  const cache = new StageCache(d.stageCacheDir, 'units');
  const written: string[] = [];
  let count = 0;
  for (let id = takeNext(d.ids, d.next); id !== undefined; id = takeNext(d.ids, d.next)) {
    const unit = units.get(id);
    if (!unit) throw new Error(`unknown unit ${id}`);
    const core = rendered.unitPageCore(unit);
    const coreJson = JSON.stringify(core);
    await cache.put(hashParts([d.salt, id]), core, coreJson);
    const sections = publishing?.sections.get(id);
    if (publishing && sections) {
      await writeUnitFiles(publishing.fx, config, core, sections, coreJson);
      written.push(id);
    }
    count++;
    if (count % 10 === 0) parentPort?.postMessage({ progress: count });
  }
  return { rendered: count, written };
}

/** Reads the tables and derives the values; the cells are dropped on return. */
async function readValues(
  config: AtlasConfig,
  boundaries: BoundariesResult,
  fx: FileEffects,
  log: ProblemLog,
): Promise<ValueStore> {
  const tables = await readTables(config, boundaries.units, fx, log);
  if (log.hasErrors) throw new Error(`the atlas has ${log.errors.length} errors`);
  return deriveValues({
    cells: tables.cells,
    checkCells: tables.checkCells,
    units: boundaries.units,
    levelOrder: config.levels.map((l) => l.id),
    indicators: config.indicators,
    smallNumbers: config.smallNumbers,
  }).store;
}

/** Where to write unit files, and the sections to write them with, once the main thread sent them. */
let publishing: { fx: FileEffects; sections: Map<string, UnitSections> } | undefined;
parentPort?.on('message', (m: UnitPublishMessage) => {
  publishing = {
    fx: new FileEffects(workerData.atlasDir as string, m.outDir, () => {}),
    sections: new Map(m.sections),
  };
});
// The listener must not keep the thread alive once its queue is empty.
parentPort?.unref();

main(workerData as UnitWorkerData).then(
  (result) => parentPort?.postMessage(result satisfies UnitWorkerReply),
  (e: unknown) => {
    parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies UnitWorkerReply);
    process.exitCode = 1;
  },
);
