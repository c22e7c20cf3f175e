import { describe, expect, it } from 'vitest';
import type { SeriesBlock, UnitPageData } from '../../../src/lib/pages/model.ts';
import { dateView } from '../../../src/lib/pages/dateView.ts';
import { schemeLinkLists, type UnitSchemesView } from '../../../src/lib/pages/unitSchemes.ts';
import { buildUnitPageView, chartedSeries } from '../../../src/lib/pages/unitPageView.ts';

// Made up.
const block = (indicator: string, svg: string, years: number[]): SeriesBlock =>
  ({
    indicator,
    ...(svg !== '' && { chart: { svg, texts: { de: [], en: [] } } }),
    rows: years.map((year) => ({ year })),
  }) as unknown as SeriesBlock;
const unit: UnitPageData['unit'] = {
  id: '0101',
  name: 'Moabit',
  level: 'region',
  url: '/region/0101/',
  areaKm2: 1.234,
};
const SITE = {
  levels: [{ id: 'region', label: { de: 'Bezirksregion', en: 'District region' } }],
  sources: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
};

describe('buildUnitPageView', () => {
  it('names the level, cites only the page’s sources in the atlas’s order, gives an anchor of the first series', () => {
    const v = buildUnitPageView(
      { unit, sources: ['c', 'a'], series: [block('alq', '<svg/>', [2017, 2019]), block('ew', '', [2020])] },
      SITE,
      'de',
    );
    expect(v.levelLabel).toBe('Bezirksregion');
    expect(v.title).toBe('Moabit (Bezirksregion)');
    expect(v.sources.map((s) => s.id)).toEqual(['a', 'c']);
    expect(v.anchorExample).toBe('#alq-2019');
  });

  it('shows the marked area text of the model, else the plain area in the page’s language', () => {
    const marked = { ...unit, areaText: { de: '1,23 km² (berechnet)', en: '1.23 km² (computed)' } };
    expect(buildUnitPageView({ unit: marked, sources: [], series: [] }, SITE, 'en').areaText).toBe(
      '1.23 km² (computed)',
    );
    const plain = buildUnitPageView({ unit, sources: [], series: [] }, SITE, 'de');
    expect(plain.areaText).toBe('1,23 km²');
    expect(plain.anchorExample).toBe('#-');
  });
});

describe('chartedSeries', () => {
  it('keeps the series with a chart', () => {
    const series = [block('a', '<svg/>', [1]), block('b', '', [1]), block('c', '<svg/>', [1])];
    expect(chartedSeries(series).map((s) => s.indicator)).toEqual(['a', 'c']);
  });
});

describe('schemeLinkLists', () => {
  it('successors, then predecessors, each only when present', () => {
    const list = (intro: string) => ({ intro, groups: [] });
    const base: UnitSchemesView = { heading: 'h', scheme: 's' };
    expect(schemeLinkLists(base)).toEqual([]);
    expect(schemeLinkLists({ ...base, predecessors: list('p') }).map((l) => l.intro)).toEqual(['p']);
    expect(schemeLinkLists({ ...base, successors: list('s'), predecessors: list('p') }).map((l) => l.intro)).toEqual([
      's',
      'p',
    ]);
  });
});

describe('dateView', () => {
  it('keeps the ISO date for datetime and formats it per language', () => {
    expect(dateView('2024-12-31', 'de')).toEqual({ iso: '2024-12-31', text: '31.12.2024' });
    expect(dateView('2024-12-31', 'en')).toEqual({ iso: '2024-12-31', text: '31 December 2024' });
  });
});
