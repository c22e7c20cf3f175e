import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deriveValues, type AggregationCheck } from '../lib/indicators/derive.ts';
import { ProblemLog } from '../lib/problems.ts';
import { FileEffects, type Effects } from './effects.ts';
import { readLevels } from './stages/boundaries.ts';
import { loadConfig } from './stages/config.ts';
import { readFacilities } from './stages/facilities.ts';
import { publish } from './stages/publish.ts';
import { publishFacilities } from './stages/publishFacilities.ts';
import { render } from './stages/render.ts';
import { readTables } from './stages/tables.ts';

export interface PipelineOptions {
  /** The atlas folder (atlas.yml, data/, content/). */
  atlasDir: string;
  /** Where artifacts go: build/ for the pages, public/ for static files and downloads. */
  cacheDir: string;
  /** The project's own public/ folder, copied below the downloads. */
  projectPublicDir?: string | undefined;
  log?: (message: string) => void;
  /** Validate only: run every reading stage and the derivation, write nothing. */
  validateOnly?: boolean | undefined;
}

export interface PipelineResult {
  log: ProblemLog;
  /** Seconds per stage, for `npm run bench` and the build output. */
  timings: Record<string, number>;
  /** Unit pages per language. */
  pages: number;
  /** Facility pages per language (0 without a directory). */
  facilityPages?: number | undefined;
  /** Published figures compared with computed ones (after the derive stage). */
  checks?: AggregationCheck[] | undefined;
}

/**
 * Runs the data pipeline: config → boundaries → tables → facilities → derive → render → publish.
 * Validation stages run to the end and collect every problem; nothing is written when any stage
 * reported an error (the previous artifacts stay as they were).
 */
export async function runPipeline(o: PipelineOptions): Promise<PipelineResult> {
  const log = new ProblemLog();
  const timings: Record<string, number> = {};
  const staging = `${o.cacheDir}.staging`;
  const fx: Effects = new FileEffects(o.atlasDir, staging, o.log);
  const time = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    timings[name] = (performance.now() - t0) / 1000;
    return r;
  };
  const config = await time('config', () => loadConfig(fx, log));
  if (!config) return { log, timings, pages: 0 };
  const boundaries = await time('boundaries', () => readLevels(config, fx, log));
  const boundaryErrors = log.errors.length;
  const tables = await time('tables', () => readTables(config, boundaries.units, fx, log));
  // Without valid boundaries every facility would seem to lie outside: then files are validated only.
  const facilities = await time('facilities', () => readFacilities(config, boundaries, fx, log, { locate: boundaryErrors === 0 }));
  if (log.hasErrors) return { log, timings, pages: 0 };
  const levelOrder = config.levels.map((l) => l.id);
  const { store, checks } = await time('derive', () => deriveValues({ cells: tables.cells, checkCells: tables.checkCells, units: boundaries.units, levelOrder, indicators: config.indicators }));
  if (o.validateOnly) return { log, timings, pages: boundaries.units.length, checks };
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const rendered = await time('render', () => render(config, boundaries, store, facilities));
  const directory = rendered.directory;
  const published = facilities && directory ? await time('publishFacilities', () => publishFacilities(config, facilities, directory, rendered, fx)) : undefined;
  const readOptional = async (p: string) => ((await fx.exists(p)) ? fx.readText(p) : undefined);
  const { pages } = await time('publish', () => publish(config, boundaries, tables, store, checks, rendered, fx, readOptional, log.warnings.length, published));
  if (o.projectPublicDir) await cp(o.projectPublicDir, join(staging, 'public'), { recursive: true });
  await rm(o.cacheDir, { recursive: true, force: true });
  const { rename } = await import('node:fs/promises');
  await rename(staging, o.cacheDir);
  return { log, timings, pages, facilityPages: published?.count ?? 0, checks };
}
