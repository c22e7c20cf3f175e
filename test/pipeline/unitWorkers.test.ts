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
import { MIN_UNITS_FOR_WORKERS } from '../../src/pipeline/unitWorkers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('runPipeline({ workers: 2 })', () => {
  let work: string;
  let one: PipelineResult;
  let two: PipelineResult;
  const units = async (name: string) => {
    const dir = join(work, name, 'build', 'units');
    return Promise.all(
      (await readdir(dir)).sort().map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const),
    );
  };

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
  }, 120_000);
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

  it('counts the models made by the threads as computed, not as reused', () => {
    expect(two.cache?.['units']).toEqual({ hits: 0, misses: two.pages });
    expect(one.cache?.['units']).toEqual({ hits: 0, misses: one.pages });
  });
});
