import { describe, expect, it } from 'vitest';
import { buildIndicatorOverview } from '../../../src/lib/pages/indicatorOverview.ts';
import { COUNT, LEVELS, QUOTE, STATUS, context, indicator } from './indicatorFixture.ts';

describe('buildIndicatorOverview', () => {
  const ctx = context();
  const inds = [QUOTE, STATUS, COUNT, indicator({ id: 'leer', label: { de: 'Leer' } })];

  it('buildIndicatorOverview() groups indicators by topic in config order, those without a topic last', () => {
    const o = buildIndicatorOverview(inds, LEVELS, ctx.availability, ctx.cityName, 'de');
    expect(o.groups.map((g) => [g.topic, g.indicators.map((i) => i.id)])).toEqual([
      ['Arbeit', ['quote', 'leer']],
      ['Bevölkerung', ['einwohner']],
      ['Weitere Merkmale', ['status']],
    ]);
    expect(o.groups.map((g) => g.href)).toEqual(['#thema-1', '#thema-2', '#thema-3']);
  });

  it('buildIndicatorOverview() links each level with data to its latest year and to every year', () => {
    const o = buildIndicatorOverview(inds, LEVELS, ctx.availability, ctx.cityName, 'en');
    const quote = o.groups[0]?.indicators[0];
    expect(quote?.anchor).toBe('m-quote');
    expect(quote?.levels).toEqual([
      {
        label: 'Districts',
        latest: { label: 'latest year (2019)', href: '/en/merkmale/quote/bezirk/' },
        years: [{ label: '2019', href: '/en/merkmale/quote/bezirk/2019/' }],
      },
      {
        label: 'Planning areas',
        latest: { label: 'latest year (2019)', href: '/en/merkmale/quote/planungsraum/' },
        years: [
          { label: '2017', href: '/en/merkmale/quote/planungsraum/2017/' },
          { label: '2019', href: '/en/merkmale/quote/planungsraum/2019/' },
        ],
      },
    ]);
    // An indicator without any figure is listed, with no links.
    expect(o.groups[0]?.indicators[1]?.levels).toEqual([]);
    expect(o.summary).toBe('3 indicators with 5 maps in all (one per level and year).');
  });
});
