/**
 * The made-up test atlas "Kleinstadt" (test/fixtures/atlas-small: counts of 1 and 2, derived totals, two boundary
 * schemes with a crosswalk) through the whole pipeline: suppression shows in every output the pipeline writes (the
 * unit page model, the unit's CSV and JSON, values.csv, the data report), and successors and predecessors come from
 * the crosswalk or, where it does not reach, from the geometry. Bad input of the same features is in
 * test/pipeline/schemeErrors.test.ts; the unit page HTML in e2e/schemes.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';
import type { UnitPageData } from '../../src/lib/pages/model.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/atlas-small');
let tmp = '';
let cacheDir = '';
let result: PipelineResult;
const text = (p: string) => readFile(join(cacheDir, p), 'utf8');
const csv = async (p: string) =>
  Papa.parse<Record<string, string>>((await text(p)).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
    .data;
const model = async (id: string) => JSON.parse(await text(`build/units/${id}.json`)) as UnitPageData;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'atlas-small-'));
  cacheDir = join(tmp, 'cache');
  result = await runPipeline({ atlasDir: SMALL, cacheDir, log: () => {} });
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The raw counts of the fixture, read here from its CSV (not through the pipeline). */
async function rawCounts(): Promise<Record<string, Record<string, string>>> {
  const rows = Papa.parse<Record<string, string>>(await readFile(join(SMALL, 'data/ortsteile-2020.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return Object.fromEntries(rows.map((r) => [r['id'] as string, r]));
}

describe('atlas-small (made up): small numbers in every output', () => {
  it('builds without problems', () => {
    expect(result.log.problems, formatProblemLog(result.log)).toEqual([]);
  });

  it('the fixture really has counts of 1 and 2 (the cells the protection must hide)', async () => {
    const raw = await rawCounts();
    expect(raw['11']?.['kinder']).toBe('1');
    expect(raw['21']?.['kinder']).toBe('2');
  });

  it('model: key figures and series rows carry the status and reason, no number, and no rank', async () => {
    const m = await model('11');
    const kinder = m.keyFigures.find((k) => k.indicator === 'kinder');
    expect(kinder).toMatchObject({ status: 'suppressed', suppression: 'minCount' });
    expect(kinder?.value).toBeUndefined();
    expect(kinder?.rank).toBeUndefined();
    const share = m.keyFigures.find((k) => k.indicator === 'anteil_kinder');
    expect(share).toMatchObject({ status: 'suppressed', suppression: 'numerator' });
    expect(share?.rank).toBeUndefined();
    const row = m.series.find((s) => s.indicator === 'kinder')?.rows[0];
    expect(row).toMatchObject({ year: 2020, status: 'suppressed', suppression: 'minCount' });
    // The derived total (Bezirk 1) is suppressed as a complement, the city total is shown.
    const b1 = await model('1');
    const block = b1.series.find((s) => s.indicator === 'kinder');
    const total = block?.rows.find((r) => r.year === 2020);
    expect(total).toMatchObject({ status: 'suppressed', suppression: 'secondary' });
    expect(total?.comparison[block?.comparison.indexOf('*') ?? -1]).toMatchObject({ status: 'value', value: 103 });
  });

  it('model: a rate from fewer than 100 inhabitants has no share and no rank', async () => {
    const m = await model('21');
    const share = m.keyFigures.find((k) => k.indicator === 'anteil_kinder');
    expect(share).toMatchObject({ status: 'suppressed', suppression: 'minDenominator' });
    expect(share?.value).toBeUndefined();
    expect(share?.rank).toBeUndefined();
    // …while a shown rate of the same level is ranked among the shown ones only.
    const shown = (await model('13')).keyFigures.find((k) => k.indicator === 'anteil_kinder');
    expect(shown).toMatchObject({ status: 'value', rank: 1, rankOf: 2 });
  });

  it('unit CSV: empty value, status, DIN symbol and reason; missing, zero and not applicable stay apart', async () => {
    const rows = await csv('public/data/units/11.csv');
    expect(rows.find((r) => r['indicator_id'] === 'kinder')).toMatchObject({
      value: '',
      status: 'suppressed',
      symbol: '.',
      status_reason: 'min_count',
    });
    expect(rows.find((r) => r['indicator_id'] === 'erwachsene')).toMatchObject({ status_reason: 'secondary' });
    const r22 = await csv('public/data/units/22.csv');
    expect(r22.find((r) => r['indicator_id'] === 'kinder')).toMatchObject({ value: '0', status: 'zero', symbol: '-' });
    expect(r22.find((r) => r['indicator_id'] === 'arbeitslose')).toMatchObject({
      value: '',
      status: 'missing',
      status_reason: '',
    });
    const r21 = await csv('public/data/units/21.csv');
    expect(r21.find((r) => r['indicator_id'] === 'arbeitslose')).toMatchObject({
      status: 'notApplicable',
      symbol: 'x',
    });
    expect(r21.find((r) => r['indicator_id'] === 'anteil_kinder')).toMatchObject({
      status: 'suppressed',
      symbol: '/',
      status_reason: 'min_denominator',
    });
    const r13 = await csv('public/data/units/13.csv');
    expect(r13.find((r) => r['indicator_id'] === 'arbeitslose')).toMatchObject({
      status: 'suppressed',
      status_reason: 'source',
    });
  });

  it('unit JSON: the same fields, and no number anywhere for a suppressed count', async () => {
    const j = JSON.parse(await text('public/data/units/11.json')) as { values: Record<string, unknown>[] };
    const kinder = j.values.find((v) => v['indicator_id'] === 'kinder');
    expect(kinder).toMatchObject({ value: '', status: 'suppressed', symbol: '.', status_reason: 'min_count' });
    expect(JSON.stringify(j)).not.toMatch(/"indicator_id":"kinder"[^}]*"value":1[,}]/);
  });

  it('values.csv: every suppressed value without a number and with a reason; the raw 1 and 2 never appear', async () => {
    const rows = await csv('public/data/values.csv');
    const suppressed = rows.filter((r) => r['status'] === 'suppressed');
    expect(suppressed.length).toBeGreaterThan(5);
    for (const r of suppressed) {
      expect(r['value'], `${r['unit_id']} ${r['indicator_id']}`).toBe('');
      expect(r['status_reason']).not.toBe('');
    }
    const kinder = (u: string, y = '2020') =>
      rows.find((r) => r['unit_id'] === u && r['indicator_id'] === 'kinder' && r['year'] === y);
    expect(kinder('11')).toMatchObject({ status: 'suppressed', status_reason: 'min_count' });
    expect(kinder('21')).toMatchObject({ status: 'suppressed', status_reason: 'min_count' });
    expect(kinder('2n1', '2021')).toMatchObject({ status: 'suppressed', status_reason: 'min_count' });
    expect(kinder('*')).toMatchObject({ value: '103', status: 'value' });
    const counts = rows.filter((r) => ['kinder', 'erwachsene', 'einwohner'].includes(r['indicator_id'] ?? ''));
    expect(counts.filter((r) => r['value'] === '1' || r['value'] === '2')).toEqual([]);
  });

  it('report: how many values each rule suppressed, and the text of the symbols', async () => {
    const site = JSON.parse(await text('build/site.json')) as {
      report: { protection: Record<string, number>; schemes: { de: { statusKey: string; protection: string[] } } };
    };
    expect(site.report.protection['minCount']).toBeGreaterThanOrEqual(4);
    expect(site.report.protection['minDenominator']).toBe(1);
    expect(site.report.schemes.de.statusKey).toContain('„/“ nicht aussagekräftig');
  });
});

describe('atlas-small (made up): schemes, successors and predecessors', () => {
  it('an old unit names its successor from the crosswalk, with its share of area', async () => {
    const s = (await model('11')).schemes?.de;
    expect(s?.scheme).toBe('Ortsteil, Gebietsstand: Gliederung bis 2020 (gültig bis 31.12.2020).');
    expect(s?.successors?.intro).toBe('Seit 2021 gehört dieses Gebiet zu folgenden Gebieten (Gebietsstand 2021):');
    expect(s?.successors?.groups[0]?.items).toEqual([
      { name: 'Ostheim-Nord', id: '1n1', href: '/gebiet/1n1/', share: '100\u202f%', basis: 'laut Zuordnungstabelle' },
    ]);
  });

  it('where the crosswalk does not reach, the successor is computed from the geometry (and marked so)', async () => {
    const items = (await model('12')).schemes?.de.successors?.groups[0]?.items ?? [];
    expect(items.map((i) => [i.name, i.share, i.basis])).toEqual([
      ['Ostheim-Nord', '50\u202f%', 'laut Zuordnungstabelle'],
      ['Ostheim-Süd', '50\u202f%', 'aus den Grenzen berechnet'],
    ]);
    const en = (await model('22')).schemes?.en.successors?.groups[0]?.items;
    expect(en).toEqual([
      {
        name: 'Westheim',
        id: '2n1',
        href: '/en/gebiet/2n1/',
        share: '100\u202f%',
        basis: 'computed from the boundaries',
      },
    ]);
  });

  it('a new unit names its predecessors; a unit of a shared level says it is the same in both schemes', async () => {
    const p = (await model('1n1')).schemes?.de.predecessors;
    expect(p?.intro).toBe('Bis 2020 gehörte dieses Gebiet zu folgenden Gebieten (Gliederung bis 2020):');
    expect(p?.groups[0]?.items.map((i) => `${i.name} ${i.share}`)).toEqual([
      'Am Anger 100\u202f%',
      'Bachwiese 50\u202f%',
    ]);
    expect((await model('1')).schemes?.de.scheme).toContain('in allen Gebietsständen gleich');
    // Its charts get the re-cut as a note, not as a break; units of a scheme get none (they have the boundary break).
    expect((await model('1')).schemes?.de.seriesMarks).toEqual([
      {
        year: 2021,
        text: 'Neugliederung (Gebietsstand 2021): Gebiete unterhalb dieser Ebene neu geschnitten; die Grenzen dieses Gebiets blieben gleich.',
      },
    ]);
    expect((await model('11')).schemes?.de.seriesMarks).toBeUndefined();
  });

  it('a unit with children in both schemes lists them in one group per level and scheme, never mixed', async () => {
    const g = (await model('1')).childGroups ?? [];
    expect(g.map((x) => [x.heading.de, x.units.map((u) => u.id)])).toEqual([
      ['Ortsteile (Gliederung bis 2020)', ['11', '12', '13']],
      ['Gebiete (Gebietsstand 2021)', ['1n1', '1n2']],
    ]);
  });

  it('the area is labelled as computed from the geometry', async () => {
    expect((await model('11')).unit.areaText?.de).toMatch(/^0,\d\d km² \(aus der Geometrie berechnet\)$/);
  });

  it('scheme-links.csv lists every link with both shares and its basis; atlas.json names the schemes', async () => {
    const links = await csv('public/data/scheme-links.csv');
    expect(links.map((l) => `${l.from_id}>${l.to_id} ${l.share_of_from} ${l.basis}`)).toEqual([
      '11>1n1 1.0000 crosswalk',
      '12>1n1 0.5000 crosswalk',
      '12>1n2 0.5000 geometry',
      '13>1n2 1.0000 crosswalk',
      '21>2n1 1.0000 geometry',
      '22>2n1 1.0000 geometry',
    ]);
    const atlas = JSON.parse(await text('public/data/atlas.json')) as {
      levels: { id: string; scheme?: string }[];
      schemes: { id: string; validFrom?: string }[];
    };
    expect(atlas.levels.map((l) => l.scheme)).toEqual([undefined, 'alt', 'neu']);
    expect(atlas.schemes.map((s) => s.id)).toEqual(['alt', 'neu']);
  });

  it('the home map shows the newest data (2021) and names its scheme', async () => {
    const home = JSON.parse(await text('build/indicators/de/home.json')) as {
      year: number;
      level: string;
      scheme?: string;
    };
    expect(home).toMatchObject({ year: 2021, level: 'gebiet' });
    expect(home.scheme).toBe('Gebietsstand: Gebietsstand 2021');
  });
});
