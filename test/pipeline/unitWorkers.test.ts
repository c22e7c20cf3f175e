/**
 * Unit page models rendered in a worker thread and the main thread together (src/pipeline/unitWorkers.ts) equal
 * those of the main thread alone, on a
 * synthetic atlas (made-up figures, src/pipeline/bench/synthetic.ts) big enough for workers to start.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticAtlas } from '../../src/pipeline/bench/synthetic.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';
import { MIN_UNITS_FOR_WORKERS, startUnitWorkers } from '../../src/pipeline/unitWorkers.ts';
import { StageCache } from '../../src/pipeline/stageCache.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('runPipeline({ workers: 2 })', () => {
  let work: string;
  let one: PipelineResult;
  let two: PipelineResult;
  let again: PipelineResult;
  const files = async (name: string, ...folder: string[]) => {
    const dir = join(work, name, ...folder);
    return Promise.all(
      (await readdir(dir)).sort().map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const),
    );
  };
  const units = (name: string) => files(name, 'build', 'units');
  /** The texts of the page models a stage cache holds, sorted (their keys differ with the salt). */
  const models = async (stages: string) =>
    (
      await Promise.all((await readdir(join(stages, 'units'))).map((f) => readFile(join(stages, 'units', f), 'utf8')))
    ).sort();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'unitworkers-'));
    const atlasDir = join(work, 'atlas');
    const synth = await writeSyntheticAtlas({
      dir: atlasDir,
      units: 2 * MIN_UNITS_FOR_WORKERS,
      years: 2,
      indicators: 4,
      demoDir: ROOT,
    });
    expect(synth.units).toBeGreaterThan(MIN_UNITS_FOR_WORKERS);
    const run = (name: string, workers: number) =>
      runPipeline({
        atlasDir,
        cacheDir: join(work, name),
        stageCacheDir: join(work, `${name}-stages`),
        projectRoot: ROOT,
        workers,
        log: () => {},
      });
    one = await run('one', 1);
    two = await run('two', 2);
    const twoUnits = await units('two');
    const twoDownloads = await files('two', 'public', 'data', 'units');
    again = await run('two', 2);
    // The rebuild must not have changed what the threads wrote (kept here for the comparison below).
    expect(await units('two')).toEqual(twoUnits);
    expect(await files('two', 'public', 'data', 'units')).toEqual(twoDownloads);
  }, 180_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('renders in threads and writes the same unit page models as a single thread', async () => {
    expect(two.log.hasErrors).toBe(false);
    expect(two.timings['unitWorkers']).toBeGreaterThan(0);
    expect(one.timings['unitWorkers']).toBeUndefined();
    // The thread and the main thread took units from one queue: together every unit, none twice.
    expect(two.unitThreads).toBeDefined();
    expect((two.unitThreads?.threads ?? 0) + (two.unitThreads?.main ?? 0)).toBe(two.pages);
    expect(one.unitThreads).toBeUndefined();
    const a = await units('one');
    expect(a.length).toBe(one.pages);
    expect(await units('two')).toEqual(a);
  });

  it('writes the same unit downloads, whichever thread wrote them', async () => {
    const a = await files('one', 'public', 'data', 'units');
    expect(a.length).toBe(2 * one.pages);
    expect(await files('two', 'public', 'data', 'units')).toEqual(a);
    // The main thread writes the files of every unit it renders; the thread those it renders after the sections came.
    expect(two.unitThreads?.written.size).toBeGreaterThanOrEqual(two.unitThreads?.main ?? Infinity);
  });

  it('keeps every model the threads stored for the next build', () => {
    expect(again.unitThreads).toBeUndefined();
    expect(again.cache?.['units']).toEqual({ hits: again.pages, misses: 0 });
  });

  it('counts the models made by the threads as computed, not as reused', () => {
    expect(two.cache?.['units']).toEqual({ hits: 0, misses: two.pages });
    expect(one.cache?.['units']).toEqual({ hits: 0, misses: one.pages });
  });

  it('renders the same models from the tables when the values the main thread kept cannot be read', async () => {
    // The threads start after the main thread kept the derived values (derivedMemo.ts) and read those; with a key
    // under which nothing is kept, a thread reads the tables and derives again, and must make the same models.
    const site = JSON.parse(await readFile(join(work, 'one', 'build', 'site.json'), 'utf8')) as {
      units: { id: string }[];
    };
    const stages = join(work, 'fallback-stages');
    const workers = await startUnitWorkers({
      atlasDir: join(work, 'atlas'),
      cache: new StageCache(stages, 'units'),
      salt: 'fallback',
      derivedKey: 'nothing-kept-under-this-key',
      units: site.units,
      workers: 2,
      links: {
        successors: [],
        predecessors: [],
        report: { pairs: [], unconfirmed: [], failed: [], withoutSuccessor: [] },
      },
    });
    expect(workers).toBeDefined();
    // The main thread does not join: the thread renders every unit.
    expect((await workers?.done)?.rendered).toBe(one.pages);
    const expected = await models(join(work, 'one-stages'));
    expect(expected.length).toBe(one.pages);
    expect(await models(stages)).toEqual(expected);
  }, 120_000);
});
