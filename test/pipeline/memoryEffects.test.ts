/**
 * The pipeline on in-memory effects: the made-up fixture atlas (test/fixtures/atlas-mini) read into a map, run through
 * `runPipeline` with {@link MemoryEffects}. The memory run must write exactly what the same run on real files writes,
 * and a broken input must be reported with file, line and field while nothing is written.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';
import { MemoryEffects } from '../../src/pipeline/effects.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const LONG_CSV = 'data/bevoelkerung-arbeitsmarkt.csv';

/** Every file below `root`, by path relative to it. */
async function readTree(root: string): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const full = join(e.parentPath, e.name);
      files.set(relative(root, full), new Uint8Array(await readFile(full)));
    }
  return files;
}

const bytes = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? Buffer.from(data) : data);
const text = (data: string | Uint8Array | undefined): string =>
  data === undefined ? '' : typeof data === 'string' ? data : new TextDecoder().decode(data);

describe('runPipeline on MemoryEffects (made-up fixture atlas)', () => {
  let tmp: string;
  let memory: MemoryEffects;
  let result: PipelineResult;
  let onDisk: Map<string, string | Uint8Array>;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'sozialatlas-memory-'));
    memory = new MemoryEffects(await readTree(MINI));
    result = await runPipeline({ atlasDir: MINI, cacheDir: join(tmp, 'memory-cache'), effects: memory });
    const fileRun = await runPipeline({ atlasDir: MINI, cacheDir: join(tmp, 'file-cache'), log: () => {} });
    expect(fileRun.log.problems, formatProblemLog(fileRun.log)).toEqual([]);
    onDisk = await readTree(join(tmp, 'file-cache'));
  }, 120_000);

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('builds without problems and touches no disk', async () => {
    expect(result.log.problems, formatProblemLog(result.log)).toEqual([]);
    expect(memory.movedTo).toBe(join(tmp, 'memory-cache'));
    expect(await readdir(tmp)).toEqual(['file-cache']);
  });

  it('writes the same artifacts, byte for byte, as the run on real files', () => {
    expect([...memory.written.keys()].sort()).toEqual([...onDisk.keys()].sort());
    const differing = [...onDisk].filter(([path, data]) => {
      const written = memory.written.get(path);
      return written === undefined || Buffer.compare(bytes(written), bytes(data)) !== 0;
    });
    expect(differing.map(([path]) => path)).toEqual([]);
  });

  it('writes one page model and two downloads per unit, listed in atlas.json', () => {
    const atlas = JSON.parse(text(memory.written.get('public/data/atlas.json'))) as {
      units: { id: string; data: { csv: string; json: string } }[];
    };
    expect(atlas.units.length).toBe(result.pages);
    expect(result.pages).toBeGreaterThan(0);
    for (const u of atlas.units) {
      expect(memory.written.has(`build/units/${u.id}.json`), u.id).toBe(true);
      expect(memory.written.has(`public${u.data.csv}`), u.data.csv).toBe(true);
      expect(memory.written.has(`public${u.data.json}`), u.data.json).toBe(true);
    }
    expect(text(memory.written.get('public/data/values.csv')).split('\n')[0]).toContain('unit_id');
  });

  it('reports a bad number with file, line and column, and writes nothing', async () => {
    const files = await readTree(MINI);
    const csv = text(files.get(LONG_CSV));
    const lines = csv.split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes('05;Nordpark;2023;MIETE;8,10')) + 1;
    expect(line).toBeGreaterThan(0);
    files.set(LONG_CSV, csv.replace('05;Nordpark;2023;MIETE;8,10', '05;Nordpark;2023;MIETE;12,5,3'));
    const broken = new MemoryEffects(files);
    const r = await runPipeline({ atlasDir: MINI, cacheDir: join(tmp, 'broken-cache'), effects: broken });
    expect(r.log.errors).toContainEqual(
      expect.objectContaining({
        file: LONG_CSV,
        line,
        field: 'Wert',
        message: '"12,5,3" ist weder eine Zahl noch ein bekanntes Kennzeichen für fehlende Werte.',
      }),
    );
    expect(r.pages).toBe(0);
    expect([...broken.written.keys()]).toEqual([]);
    expect(broken.movedTo).toBeUndefined();
  });

  it('validate only: reads and derives everything, writes nothing', async () => {
    const fx = new MemoryEffects(await readTree(MINI));
    const r = await runPipeline({
      atlasDir: MINI,
      cacheDir: join(tmp, 'validate-cache'),
      effects: fx,
      validateOnly: true,
    });
    expect(r.log.errors, formatProblemLog(r.log)).toEqual([]);
    expect(r.pages).toBe(result.pages);
    expect(r.checks?.length).toBeGreaterThan(0);
    expect(fx.written.size).toBe(0);
    expect(fx.movedTo).toBeUndefined();
  });
});
