/**
 * A unit worker thread (started by unitWorkers.ts through tsWorker.mjs): reads the atlas again, derives the values,
 * then takes units from the shared queue, renders each one's page model and writes it into the stage cache, until
 * the queue is empty. Posts `{ rendered }`, or `{ error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deriveValues } from '../lib/indicators/derive.ts';
import { ProblemLog } from '../lib/problems.ts';
import { FileEffects } from './effects.ts';
import { hashParts, StageCache } from './stageCache.ts';
import { readLevels } from './stages/boundaries.ts';
import { loadConfig } from './stages/config.ts';
import { render } from './stages/render.ts';
import { deriveIndices } from './stages/indices.ts';
import { readTables } from './stages/tables.ts';
import { takeNext, type UnitWorkerData } from './unitWorkers.ts';
import { linksFromJson } from '../lib/schemes/links.ts';

async function main(d: UnitWorkerData): Promise<number> {
  // The main thread reports every problem; here they only tell whether the input is still readable.
  const log = new ProblemLog();
  const fx = new FileEffects(d.atlasDir, '/dev/null/unit-worker-writes-nothing', () => {});
  const config = await loadConfig(fx, log);
  if (!config) throw new Error('atlas.yml is not valid');
  const boundaries = await readLevels(config, fx, log);
  const tables = await readTables(config, boundaries.units, fx, log);
  if (log.hasErrors) throw new Error(`the atlas has ${log.errors.length} errors`);
  const { store } = deriveValues({
    cells: tables.cells,
    checkCells: tables.checkCells,
    units: boundaries.units,
    levelOrder: config.levels.map((l) => l.id),
    indicators: config.indicators,
    smallNumbers: config.smallNumbers,
  });
  await deriveIndices(config, boundaries.units, store, fx, log); // index results are indicators too
  const rendered = render(config, boundaries, store, undefined, undefined, linksFromJson(d.links));
  const units = new Map(boundaries.units.map((u) => [u.id, u]));
  const cache = new StageCache(d.stageCacheDir, 'units');
  let count = 0;
  for (let id = takeNext(d.ids, d.next); id !== undefined; id = takeNext(d.ids, d.next)) {
    const unit = units.get(id);
    if (!unit) throw new Error(`unknown unit ${id}`);
    await cache.put(hashParts([d.salt, id]), rendered.unitPageCore(unit));
    count++;
    if (count % 10 === 0) parentPort?.postMessage({ progress: count });
  }
  return count;
}

main(workerData as UnitWorkerData).then(
  (rendered) => parentPort?.postMessage({ rendered }),
  (e: unknown) => {
    parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
    process.exitCode = 1;
  },
);
