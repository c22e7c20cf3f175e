import { describe, expect, it } from 'vitest';
import { buildHomeMap, homeAllAreasLabel, homeMapTarget } from '../../../src/lib/pages/homePage.ts';
import { buildIndicatorPage } from '../../../src/lib/pages/indicatorPage.ts';
import { COUNT, LEVELS, QUOTE, STATUS, context, indicator } from './indicatorFixture.ts';

const ctx = context();

describe('homeMapTarget', () => {
  it('homeMapTarget() picks the headline indicator on the finest level with figures, in its latest year', () => {
    const headline = indicator({ id: 'quote', headline: true });
    expect(homeMapTarget([COUNT, headline], ctx.availability, ['bezirk', 'planungsraum'])).toMatchObject({
      indicator: { id: 'quote' },
      level: 'planungsraum',
      year: 2019,
    });
  });

  it('homeMapTarget() passes over a level with more units than a home map shows, unless no coarser level has figures', () => {
    const headline = indicator({ id: 'quote', headline: true });
    const many = (level: string) => (level === 'planungsraum' ? 601 : 12);
    expect(homeMapTarget([headline], ctx.availability, ['bezirk', 'planungsraum'], many)?.level).toBe('bezirk');
    expect(homeMapTarget([headline], ctx.availability, ['bezirk', 'planungsraum'], () => 600)?.level).toBe(
      'planungsraum',
    );
    expect(homeMapTarget([headline], ctx.availability, ['bezirk', 'planungsraum'], () => 5000)?.level).toBe(
      'planungsraum',
    );
  });

  it('homeMapTarget() takes the first indicator without a headline, and nothing without any figure', () => {
    expect(homeMapTarget([COUNT, QUOTE], ctx.availability, ['bezirk', 'planungsraum'])?.indicator.id).toBe('einwohner');
    expect(homeMapTarget([indicator({ id: 'leer' })], ctx.availability, ['bezirk', 'planungsraum'])).toBeUndefined();
  });
});

describe('buildHomeMap', () => {
  const page = buildIndicatorPage(QUOTE, 'planungsraum', 2019, 'de', ctx);
  const home = buildHomeMap(page, [QUOTE, COUNT, STATUS, indicator({ id: 'leer' })], LEVELS, ctx.availability, 'de');

  it("buildHomeMap() shows the indicator page's own map, legend and table (one choropleth for both)", () => {
    expect(home.svg).toBe(page.map.svg);
    expect(home.legend).toEqual(page.map.legend);
    expect(home.table).toEqual(page.table);
    expect(home.heading).toBe('Karte: Quote, Planungsräume 2019');
    expect(home.tableLabel).toBe('Werte als Tabelle (6)');
    expect(home.page.href).toBe('/merkmale/quote/planungsraum/');
  });

  it('buildHomeMap() links every other indicator with figures at its latest address, on the same level where it can', () => {
    expect(home.others.links).toEqual([
      { label: 'Quote', href: '/merkmale/einwohner/planungsraum/' },
      { label: 'Status', href: '/merkmale/status/planungsraum/' },
    ]);
    expect(home.all.href).toBe('/merkmale/');
    const onBezirk = buildHomeMap(
      buildIndicatorPage(QUOTE, 'bezirk', 2019, 'en', ctx),
      [QUOTE, COUNT],
      LEVELS,
      ctx.availability,
      'en',
    );
    expect(onBezirk.others.links).toEqual([
      { label: 'Rate (Planning areas)', href: '/en/merkmale/einwohner/planungsraum/' },
    ]);
  });
});

describe('homeAllAreasLabel', () => {
  it('gives the number of areas formatted per language', () => {
    const units = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }));
    expect(homeAllAreasLabel(units(1234), 'de')).toMatch(/ \(1\.234\)$/);
    expect(homeAllAreasLabel(units(1234), 'en')).toMatch(/ \(1,234\)$/);
    expect(homeAllAreasLabel(units(12), 'de')).toMatch(/ \(12\)$/);
  });
});
