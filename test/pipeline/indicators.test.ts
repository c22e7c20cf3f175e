/**
 * The indicator pages of the pipeline on the made-up atlas "Musterstadt" (test/fixtures/atlas-mini): every indicator
 * × level × year with a figure gets its page models in both languages, its entries in atlas.json (pages and
 * indicatorPages) and nothing else; the shared map geometry exists; sample models say what the data says. The
 * expected pages are worked out here from the published values.csv and atlas.json units, not from the stage.
 */
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog } from '../../src/lib/problems.ts';
import type { IndicatorPageData } from '../../src/lib/pages/indicatorPage.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');

let tmp = '';
let cacheDir = '';
let result: PipelineResult;
const out = (p: string) => join(cacheDir, p);
const json = async <T>(p: string): Promise<T> => JSON.parse(await readFile(out(p), 'utf8')) as T;

interface AtlasJson {
  units: { id: string; level: string }[];
  pages: { type: string; url: string; lang: string }[];
  indicatorPages: {
    overview: string;
    overviewEn: string;
    indicators: {
      indicator: string;
      levels: {
        level: string;
        latestYear: number;
        latest: string;
        latestEn: string;
        years: { year: number; url: string; urlEn: string }[];
      }[];
    }[];
  };
}
let atlas: AtlasJson;
/** "indicator/level/year" of every combination where a unit of the level has a number in values.csv. */
let expected: string[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'atlas-mini-indicators-'));
  cacheDir = join(tmp, 'cache');
  result = await runPipeline({ atlasDir: MINI, cacheDir, log: () => {} });
  if (result.log.hasErrors) return;
  atlas = await json<AtlasJson>('public/data/atlas.json');
  const level = new Map(atlas.units.map((u) => [u.id, u.level]));
  const rows = Papa.parse<Record<string, string>>(
    (await readFile(out('public/data/values.csv'), 'utf8')).replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  ).data;
  expected = [
    ...new Set(
      rows
        .filter((r) => (r.status === 'value' || r.status === 'zero') && level.has(r.unit_id ?? ''))
        .map((r) => `${r.indicator_id}/${level.get(r.unit_id ?? '')}/${r.year}`),
    ),
  ].sort();
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const exists = async (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

describe('indicator pages of atlas-mini', () => {
  it('runs without problems, and the fixture has pages on both levels, several years and one-year indicators', () => {
    expect(result.log.problems, formatProblemLog(result.log)).toEqual([]);
    expect(expected).toContain('arbeitslosenquote/stadtbezirk/2022');
    expect(expected).toContain('sozialindex/stadtteil/2023');
    expect(expected.filter((e) => e.startsWith('miete/stadtbezirk/'))).toEqual([]);
    // 4 indicators on both levels in 2022 and 2023, the rent on Stadtteile in both years, two 2023-only indicators.
    expect(expected.length).toBe(4 * 2 * 2 + 2 + 2);
  });

  it('writes a page model per indicator, level, year with a figure and language', async () => {
    for (const key of expected)
      for (const lang of ['de', 'en'])
        expect(await exists(out(`build/indicators/${lang}/${key}.json`)), `${lang}/${key}`).toBe(true);
    const routes = await json<{ indicator: string; level: string; year: number }[]>('build/indicators/routes.json');
    expect(routes.map((r) => `${r.indicator}/${r.level}/${r.year}`).sort()).toEqual(expected);
  });

  it('lists every page in atlas.json in both languages: years, latest years and the overview, nothing more', () => {
    const of = (type: string, lang: string) =>
      atlas.pages
        .filter((p) => p.type === type && p.lang === lang)
        .map((p) => p.url)
        .sort();
    expect(of('indicator', 'de')).toEqual(expected.map((k) => `/merkmale/${k}/`).sort());
    expect(of('indicator', 'en')).toEqual(expected.map((k) => `/en/merkmale/${k}/`).sort());
    const latest = [...new Set(expected.map((k) => k.split('/').slice(0, 2).join('/')))].map((k) => `/merkmale/${k}/`);
    expect(of('indicator-latest', 'de')).toEqual(latest.sort());
    expect(of('indicator-latest', 'en')).toEqual(latest.map((u) => `/en${u}`).sort());
    expect(of('indicators', 'de')).toEqual(['/merkmale/']);
    expect(of('indicators', 'en')).toEqual(['/en/merkmale/']);
  });

  it("indexes each indicator's levels and years in atlas.json (indicatorPages), the latest year last", () => {
    const listed = atlas.indicatorPages.indicators.flatMap((i) =>
      i.levels.flatMap((l) => l.years.map((y) => `${i.indicator}/${l.level}/${y.year}`)),
    );
    expect(listed.sort()).toEqual(expected);
    const quote = atlas.indicatorPages.indicators.find((i) => i.indicator === 'arbeitslosenquote');
    expect(quote?.levels.map((l) => [l.level, l.latestYear, l.latest, l.latestEn])).toEqual([
      ['stadtbezirk', 2023, '/merkmale/arbeitslosenquote/stadtbezirk/', '/en/merkmale/arbeitslosenquote/stadtbezirk/'],
      ['stadtteil', 2023, '/merkmale/arbeitslosenquote/stadtteil/', '/en/merkmale/arbeitslosenquote/stadtteil/'],
    ]);
    expect(quote?.levels[1]?.years[0]).toEqual({
      year: 2022,
      url: '/merkmale/arbeitslosenquote/stadtteil/2022/',
      urlEn: '/en/merkmale/arbeitslosenquote/stadtteil/2022/',
    });
  });

  it("writes each level's geometry once, and every map refers to its own level's file", async () => {
    const page = await json<IndicatorPageData>('build/indicators/de/arbeitslosenquote/stadtteil/2023.json');
    const urls = [...new Set([...page.map.svg.matchAll(/href="(\/data\/maps\/[^"#]+)#/g)].map((m) => m[1]))];
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/^\/data\/maps\/stadtteil-[0-9a-f]{10}\.svg$/);
    const geometry = await readFile(out(`public${urls[0]}`), 'utf8');
    for (const id of ['05', '11', '12', '17', '23', '31', '34', '40']) expect(geometry).toContain(`id="u-${id}"`);
    // The Stadtbezirk borders for the Stadtteil map live in the same file.
    expect(geometry).toContain('id="grenzen-stadtbezirk"');
    expect(page.map.svg).toContain(`${urls[0]}#grenzen-stadtbezirk`);
  });

  it('names each unit with its value or status on the map and in the table', async () => {
    const page = await json<IndicatorPageData>('build/indicators/de/arbeitslosenquote/stadtteil/2023.json');
    expect(page.map.svg).toContain('aria-label="Große Heide: geheim gehalten (von der Quelle)"');
    const heide = page.table.rows.find((r) => r.id === '17');
    expect([heide?.rank, heide?.value]).toEqual([undefined, 'geheim gehalten (von der Quelle)']);
    const rent = await json<IndicatorPageData>('build/indicators/en/miete/stadtteil/2023.json');
    expect(rent.table.rows.find((r) => r.id === '12')?.value).toBe('not available');
    const social = await json<IndicatorPageData>('build/indicators/de/sozialindex/stadtteil/2023.json');
    expect(social.table.rows.find((r) => r.id === '40')?.value).toBe('nicht sinnvoll');
    expect(social.about.facts.find((f) => f.term === 'Stichtag')?.detail).toBe('31.12.2023');
  });

  it('writes the overview and the home map in both languages', async () => {
    const overview = await json<{ groups: { indicators: { id: string }[] }[] }>('build/indicators/de/overview.json');
    expect(overview.groups.flatMap((g) => g.indicators.map((i) => i.id)).sort()).toEqual(
      [...new Set(expected.map((k) => k.split('/')[0]))].sort(),
    );
    const home = await json<{ indicator: string; others: { links: { href: string }[] } }>(
      'build/indicators/en/home.json',
    );
    expect(home.indicator).toBe('arbeitslosenquote');
    for (const l of home.others.links) expect(l.href).toMatch(/^\/en\/merkmale\/[a-z0-9_-]+\/[a-z0-9_-]+\/$/);
  });
});
