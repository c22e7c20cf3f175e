/**
 * CSV injection over a whole build (issue 14, OWASP "CSV Injection"): the made-up fixture atlas with a provider whose
 * facility name and operator are spreadsheet formulas, run on in-memory effects. Every CSV the pipeline writes
 * (facility feed, area and layer lists, unit downloads, values.csv …) carries those texts only neutralised, with a
 * leading `'`; numbers are never changed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';
import { MemoryEffects } from '../../src/pipeline/effects.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const FILE = 'content/facilities/pflegeheim-am-kanal.md';
const NAME = '=HYPERLINK("http://evil.example","Pflegeheim")';
const PROVIDER = '@SUM(1+1)*cmd|/C calc!A0';

async function readTree(root: string): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const full = join(e.parentPath, e.name);
      files.set(relative(root, full), new Uint8Array(await readFile(full)));
    }
  return files;
}

const text = (data: string | Uint8Array | undefined): string =>
  data === undefined ? '' : typeof data === 'string' ? data : new TextDecoder().decode(data);

describe('a formula-like provider name in every CSV of a build (made-up fixture atlas)', () => {
  let memory: MemoryEffects;
  let result: PipelineResult;
  let csvs: [string, string[][]][];

  beforeAll(async () => {
    const tree = await readTree(MINI);
    const original = text(tree.get(FILE));
    const edited = original
      .replace('name: "Pflegeheim am Kanal"', `name: '${NAME}'`)
      .replace('provider: "Beispiel-Pflege e. V. (erfunden)"', `provider: '${PROVIDER}'`);
    expect(edited).not.toBe(original);
    tree.set(FILE, edited);
    memory = new MemoryEffects(tree);
    result = await runPipeline({ atlasDir: MINI, cacheDir: '/nowhere/cache', effects: memory, log: () => {} });
    csvs = [...memory.written]
      .filter(([path]) => path.endsWith('.csv'))
      .map(([path, data]) => [
        path,
        Papa.parse<string[]>(text(data).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data,
      ]);
  }, 120_000);

  it('builds without errors', () => {
    expect(result.log.errors, formatProblemLog(result.log)).toEqual([]);
    expect(csvs.length).toBeGreaterThan(5);
  });

  it('the facility feed and the lists of the area the home lies in carry the name and operator neutralised', () => {
    const containing = csvs.filter(([, rows]) => rows.some((r) => r.includes(`'${NAME}`))).map(([path]) => path);
    expect(containing).toContain('public/data/facilities.csv');
    expect(containing.some((p) => p.startsWith('public/data/gebiete/'))).toBe(true);
    const feed = csvs.find(([path]) => path === 'public/data/facilities.csv')?.[1] ?? [];
    expect(feed.some((r) => r.includes(`'${PROVIDER}`))).toBe(true);
  });

  it('no cell of any CSV starts a formula, and negative numbers stay numbers', () => {
    const live = csvs.flatMap(([path, rows]) =>
      rows.flatMap((r, line) =>
        r.filter((cell) => cell.length > 1 && /^[=+@\t\r]/.test(cell)).map((cell) => `${path}:${line + 1}: ${cell}`),
      ),
    );
    expect(live).toEqual([]);
    // A cell starting with "-" is either a number or neutralised text.
    const minus = csvs.flatMap(([path, rows]) =>
      rows.flatMap((r) =>
        r.filter((c) => c.length > 1 && c.startsWith('-') && Number.isNaN(Number(c))).map((c) => `${path}: ${c}`),
      ),
    );
    expect(minus).toEqual([]);
  });
});
