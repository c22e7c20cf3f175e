import { describe, expect, it } from 'vitest';
import {
  indicatorAvailability,
  latestRoutes,
  indicatorLatestPath,
  indicatorYearPath,
  referenceDateOf,
} from '../../../src/lib/pages/indicatorRoutes.ts';
import { TableSchema } from '../../../src/schemas/atlasConfig.ts';
import { UNITS, storeOf, v } from './indicatorFixture.ts';

describe('indicator addresses', () => {
  it('indicatorYearPath() and indicatorLatestPath() are built from ids', () => {
    expect(indicatorYearPath('arbeitslosigkeit', 'planungsraum', 2019)).toBe(
      '/merkmale/arbeitslosigkeit/planungsraum/2019/',
    );
    expect(indicatorLatestPath('arbeitslosigkeit', 'planungsraum')).toBe('/merkmale/arbeitslosigkeit/planungsraum/');
  });
});

describe('indicatorAvailability', () => {
  const unitLevel = new Map(UNITS.map((u) => [u.id, u.level]));

  it('indicatorAvailability() lists per indicator the levels and years in which at least one unit has a number', () => {
    const a = indicatorAvailability(storeOf(), unitLevel, ['bezirk', 'planungsraum']);
    expect([...(a.get('quote')?.entries() ?? [])]).toEqual([
      ['bezirk', [2019]],
      ['planungsraum', [2017, 2019]],
    ]);
    // The city value alone makes no page; a zero is a number.
    expect([...(a.get('einwohner')?.entries() ?? [])]).toEqual([['planungsraum', [2019]]]);
  });

  it('indicatorAvailability() makes no page for a level and year whose units have only statuses', () => {
    const store = storeOf([v('A', 'leer', 2020, undefined, 'suppressed'), v('a1', 'leer', 2020, undefined, 'missing')]);
    expect(indicatorAvailability(store, unitLevel, ['bezirk', 'planungsraum']).has('leer')).toBe(false);
  });
});

describe('referenceDateOf', () => {
  const table = (o: Record<string, unknown>) =>
    TableSchema.parse({ file: 'x.csv', source: 's', year: 2019, columns: { quote: 'Q' }, ...o });

  it("referenceDateOf() takes the date of the level's own table of that year", () => {
    const tables = [
      table({ level: 'planungsraum', date: '2018-12-31' }),
      table({ level: 'bezirk', date: '2019-06-30' }),
    ];
    expect(referenceDateOf(tables, 'quote', 'bezirk', 2019)).toBe('2019-06-30');
    expect(referenceDateOf(tables, 'quote', 'planungsraum', 2019)).toBe('2018-12-31');
    expect(referenceDateOf(tables, 'quote', 'planungsraum', 2017)).toBeUndefined();
    expect(referenceDateOf(tables, 'other', 'planungsraum', 2019)).toBeUndefined();
  });

  it('referenceDateOf() gives a computed level the date of its sources when they agree, else none', () => {
    expect(referenceDateOf([table({ level: 'planungsraum', date: '2018-12-31' })], 'quote', 'bezirk', 2019)).toBe(
      '2018-12-31',
    );
    const differ = [
      table({ level: 'planungsraum', date: '2018-12-31' }),
      table({ level: 'bezirksregion', date: '2019-01-01' }),
    ];
    expect(referenceDateOf(differ, 'quote', 'bezirk', 2019)).toBeUndefined();
    // Check tables never give a date.
    expect(
      referenceDateOf([table({ level: 'bezirk', date: '2018-12-31', role: 'check' })], 'quote', 'bezirk', 2019),
    ).toBeUndefined();
  });
});

describe('latestRoutes', () => {
  it('keeps the routes marked latest, in order', () => {
    const routes = [
      { indicator: 'a', level: 'x', year: 2019, latest: false },
      { indicator: 'a', level: 'x', year: 2021, latest: true },
      { indicator: 'b', level: 'x', year: 2020, latest: true },
    ];
    expect(latestRoutes(routes).map((r) => `${r.indicator}-${r.year}`)).toEqual(['a-2021', 'b-2020']);
  });
});
