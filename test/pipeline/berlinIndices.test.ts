/**
 * The MSS status and dynamics indices of the Berlin demo (real published data, atlas.yml at the repository root),
 * recomputed by the pipeline's stages (config → boundaries → tables → derive → indices) and checked against the raw
 * MSS tables, read here independently with papaparse:
 * - the units standardised over are exactly the Planungsräume the MSS rated (rows of the edition's file);
 * - the z-scores equal an independent plain recomputation from the raw s/d columns;
 * - every listed disagreement is a unit whose published class differs from the computed one, every other compared
 *   unit has the same class, and the agreement share is (compared − disagreements) / compared, at least 0.99;
 * - the pair's classes equal status code + dynamics code, checked against the raw `status_dynamic_index` column;
 * - atlas.json lists each index with its method pages and the same per-edition `agreement` and `compared`.
 * Slow (reads every table of the demo: about a minute).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveValues } from '../../src/lib/indicators/derive.ts';
import type { IndexResult, IndicesResult } from '../../src/lib/indicators/compositeIndexResults.ts';
import { formatProblemLog, ProblemLog } from '../../src/lib/problems.ts';
import { FileEffects, MemoryEffects } from '../../src/pipeline/effects.ts';
import { readLevels } from '../../src/pipeline/stages/boundaries.ts';
import { loadConfig } from '../../src/pipeline/stages/config.ts';
import { deriveIndices } from '../../src/pipeline/stages/indices.ts';
import { publishIndices, type AtlasJsonIndex } from '../../src/pipeline/stages/publishIndices.ts';
import { readTables } from '../../src/pipeline/stages/tables.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EDITIONS = [2013, 2015, 2017, 2019] as const;
const S = ['s1', 's2', 's3', 's4'];
const D = ['d1', 'd2', 'd3', 'd4'];

interface Raw {
  header: string[];
  rows: string[][];
}
async function raw(year: number): Promise<Raw> {
  const text = (await readFile(join(ROOT, `data/berlin/mss/mss-${year}-planning-areas.csv`), 'utf8')).replace(
    /^\uFEFF/,
    '',
  );
  const data = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  return { header: data[0] ?? [], rows: data.slice(1) };
}
const col = (r: Raw, name: string) => r.header.indexOf(name);
/** The first column whose name starts with `prefix_` (e.g. s1_percentage_unemployed). */
const colOf = (r: Raw, prefix: string) => r.header.findIndex((h) => h.startsWith(`${prefix}_`));

/** Plain recomputation: z over all rows (population sd), mean of the z-scores, z again. */
function plainIndex(r: Raw, prefixes: string[]): Map<string, number> {
  const z = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
    return xs.map((x) => (x - m) / sd);
  };
  const cols = prefixes.map((p) => colOf(r, p)).filter((c) => c >= 0);
  const zs = cols.map((c) => z(r.rows.map((row) => Number(row[c]))));
  const mean = r.rows.map((_, i) => zs.reduce((a, col) => a + (col[i] as number), 0) / zs.length);
  const again = z(mean);
  return new Map(r.rows.map((row, i) => [row[0] as string, again[i] as number]));
}

let result: IndicesResult;
let rawByYear: Map<number, Raw>;
let atlasIndices: AtlasJsonIndex[];
let pages: { type: string; url: string }[];

beforeAll(async () => {
  const fx = new FileEffects(ROOT, '/dev/null/berlin-indices-writes-nothing', () => {});
  const log = new ProblemLog();
  const config = await loadConfig(fx, log);
  if (!config) throw new Error(formatProblemLog(log));
  const b = await readLevels(config, fx, log);
  const tables = await readTables(config, b.units, fx, log);
  const { store } = deriveValues({
    cells: tables.cells,
    checkCells: tables.checkCells,
    units: b.units,
    levelOrder: config.levels.map((l) => l.id),
    indicators: config.indicators,
  });
  result = await deriveIndices(config, b.units, store, fx, log);
  expect(log.errors, formatProblemLog(log)).toEqual([]);
  rawByYear = new Map(await Promise.all(EDITIONS.map(async (y) => [y, await raw(y)] as const)));
  const mem = new MemoryEffects(new Map());
  const published = await publishIndices(config, result, b.units, mem);
  atlasIndices = published?.indices ?? [];
  pages = published?.pages ?? [];
}, 300_000);

const byId = (id: string): IndexResult => {
  const r = result.indices.find((x) => x.index.id === id);
  if (!r) throw new Error(`no index ${id}`);
  return r;
};

describe.each([
  { id: 'mss-status', prefixes: S, column: 'status_index', code: (s: string) => String(Number(s)) },
  { id: 'mss-dynamik', prefixes: D, column: 'dynamic_index', code: (s: string) => s.trim() },
])('$id on the real MSS tables', ({ id, prefixes, column, code }) => {
  it('has the four editions 2013–2019', () => {
    expect(byId(id).editions.map((e) => e.year)).toEqual([...EDITIONS]);
  });

  it.each(EDITIONS)('%i: standardises over exactly the Planungsräume the MSS rated', (year) => {
    const r = rawByYear.get(year) as Raw;
    const e = byId(id).editions.find((x) => x.year === year);
    expect(e?.classified.map((c) => c.unit).sort()).toEqual(r.rows.map((row) => row[0]).sort());
    expect(e?.comparison?.computedOnly).toEqual([]);
    expect(e?.comparison?.publishedOnly).toEqual([]);
    // the rest of the 448 Planungsräume are unclassified, none on partial data
    expect((e?.classified.length ?? 0) + (e?.unclassified.length ?? 0)).toBe(448);
  });

  it.each(EDITIONS)('%i: z-scores equal a plain recomputation from the raw s/d columns', (year) => {
    const plain = plainIndex(rawByYear.get(year) as Raw, prefixes);
    const e = byId(id).editions.find((x) => x.year === year);
    for (const c of e?.classified ?? [])
      expect(Math.abs((c.z as number) - (plain.get(c.unit) as number))).toBeLessThan(1e-9);
  });

  it.each(EDITIONS)(
    '%i: disagreements are exactly the units whose published class differs; agreement ≥ 0.99',
    (year) => {
      const r = rawByYear.get(year) as Raw;
      const published = new Map(r.rows.map((row) => [row[0] as string, code(row[col(r, column)] as string)]));
      const ix = byId(id);
      const e = ix.editions.find((x) => x.year === year);
      const c = e?.comparison;
      expect(c?.compared).toBe(r.rows.length);
      const differing = (e?.classified ?? []).filter((x) => ix.classes[x.cls]?.code !== published.get(x.unit));
      expect(c?.disagreements.map((d) => d.unit)).toEqual(differing.map((x) => x.unit).sort());
      for (const d of c?.disagreements ?? []) {
        expect(d.published).toBe(published.get(d.unit));
        expect(d.computed).not.toBe(d.published);
      }
      expect(c?.equal).toBe((c?.compared ?? 0) - (c?.disagreements.length ?? 0));
      expect(c?.share).toBe(((c?.compared ?? 0) - (c?.disagreements.length ?? 0)) / (c?.compared ?? 1));
      expect(c?.share).toBeGreaterThanOrEqual(0.99);
      const listed = atlasIndices.find((x) => x.id === id)?.editions.find((x) => x.year === year);
      expect(listed).toMatchObject({ compared: c?.compared, agreement: c?.share, comparedWith: column });
    },
  );
});

describe('mss-gesamt (pair of status and dynamics) on the real MSS tables', () => {
  it.each(EDITIONS)('%i: each class is status code + dynamics code, as the raw status_dynamic_index', (year) => {
    const r = rawByYear.get(year) as Raw;
    const publishedPair = new Map(
      r.rows.map((row) => [row[0] as string, (row[col(r, 'status_dynamic_index')] as string).trim()]),
    );
    const pair = byId('mss-gesamt');
    const e = pair.editions.find((x) => x.year === year);
    expect(e?.classified).toHaveLength(r.rows.length);
    const equal = (e?.classified ?? []).filter((x) => pair.classes[x.cls]?.code === publishedPair.get(x.unit)).length;
    const status = byId('mss-status').editions.find((x) => x.year === year)?.comparison;
    const dyn = byId('mss-dynamik').editions.find((x) => x.year === year)?.comparison;
    // A pair disagrees at most where either part disagrees.
    expect(r.rows.length - equal).toBeLessThanOrEqual(
      (status?.disagreements.length ?? 0) + (dyn?.disagreements.length ?? 0),
    );
    expect(equal / r.rows.length).toBeGreaterThanOrEqual(0.99);
    expect(pair.classes).toHaveLength(12);
  });
});

it('atlas.json lists the three indices with their method pages in both languages', () => {
  expect(atlasIndices.map((x) => [x.id, x.kind, x.url, x.urlEn])).toEqual([
    ['mss-status', 'computed', '/methoden/mss-status/', '/en/methoden/mss-status/'],
    ['mss-dynamik', 'computed', '/methoden/mss-dynamik/', '/en/methoden/mss-dynamik/'],
    ['mss-gesamt', 'pair', '/methoden/mss-gesamt/', '/en/methoden/mss-gesamt/'],
  ]);
  expect(pages.filter((p) => p.type === 'index-method')).toHaveLength(6);
  expect(pages.filter((p) => p.type === 'index-overview').map((p) => p.url)).toEqual(['/methoden/', '/en/methoden/']);
});
