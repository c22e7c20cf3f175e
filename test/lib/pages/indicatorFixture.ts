/**
 * A made-up city for the indicator page tests: 2 Bezirke (A, B) with 6 Planungsräume (a1–a3, b1–b3), a rate with
 * ties, a suppressed, a missing, a not-applicable and an absent value, a count, and a class indicator.
 */
import { CITY, ValueStore, type Value } from '../../../src/lib/indicators/store.ts';
import type { IndicatorPageContext, LevelInfo, LevelMap } from '../../../src/lib/pages/indicatorPage.ts';
import { indicatorAvailability } from '../../../src/lib/pages/indicatorRoutes.ts';
import type { Unit } from '../../../src/lib/types.ts';
import { IndicatorSchema, type CellStatus, type Indicator } from '../../../src/schemas/atlasConfig.ts';

export function indicator(input: Record<string, unknown> & { id: string }): Indicator {
  return IndicatorSchema.parse({
    label: { de: 'Quote', en: 'Rate' },
    definition: { de: 'Eine erfundene Quote.', en: 'A made-up rate.' },
    source: 'amt',
    polarity: 'negative',
    decimals: 1,
    type: 'value',
    unit: { de: '%' },
    topic: { de: 'Arbeit', en: 'Work' },
    ...input,
  });
}

export const QUOTE = indicator({ id: 'quote' });
export const COUNT = indicator({
  id: 'einwohner',
  type: 'count',
  unit: { de: 'Personen', en: 'persons' },
  decimals: 0,
  polarity: 'neutral',
  topic: { de: 'Bevölkerung' },
});
export const STATUS = indicator({
  id: 'status',
  label: { de: 'Status', en: 'Status' },
  type: 'class',
  decimals: 0,
  unit: undefined,
  topic: undefined,
  classes: [1, 2, 3].map((value) => ({ value, label: { de: `Stufe ${value}`, en: `Level ${value}` } })),
});

function unit(id: string, name: string, level: string, parent?: string): Unit {
  return { id, name, level, parent, areaM2: 1, bbox: [13, 52, 13.1, 52.1], interiorPoint: [13.05, 52.05] };
}

export const UNITS: Unit[] = [
  unit('A', 'Altstadt', 'bezirk'),
  unit('B', 'Bergdorf', 'bezirk'),
  unit('a1', 'Am Markt', 'planungsraum', 'A'),
  unit('a2', 'Domplatz', 'planungsraum', 'A'),
  unit('a3', 'Zeughaus', 'planungsraum', 'A'),
  unit('b1', 'Bahnhof', 'planungsraum', 'B'),
  unit('b2', 'Bergfeld', 'planungsraum', 'B'),
  unit('b3', 'Heide', 'planungsraum', 'B'),
];

export const LEVELS: LevelInfo[] = [
  { id: 'bezirk', label: { de: 'Bezirk', en: 'District' }, labelPlural: { de: 'Bezirke', en: 'Districts' } },
  {
    id: 'planungsraum',
    label: { de: 'Planungsraum', en: 'Planning area' },
    labelPlural: { de: 'Planungsräume', en: 'Planning areas' },
    parent: 'bezirk',
  },
];

export function v(
  unitId: string,
  ind: string,
  year: number,
  value: number | undefined,
  status: CellStatus = 'value',
): Value {
  return { unit: unitId, indicator: ind, year, status, value, method: 'published' };
}

/**
 * Quote 2019: a1 20.0, a2 12.5, a3 12.5 (tie), b1 suppressed, b2 missing, b3 not applicable; Bezirke 15.0 and 30.0;
 * city 14.0. Quote 2017 on Planungsräume only (a1 10.0). No entry at all for b1 in 2017.
 * Count 2019: a1 100, a2 0 (zero), a3 50; city 150. Status 2019: a1 3, a2 1, a3 1, b1 notApplicable.
 */
export function storeOf(extra: Value[] = []): ValueStore {
  const s = new ValueStore();
  for (const x of [
    v('a1', 'quote', 2019, 20),
    v('a2', 'quote', 2019, 12.5),
    v('a3', 'quote', 2019, 12.5),
    v('b1', 'quote', 2019, undefined, 'suppressed'),
    v('b2', 'quote', 2019, undefined, 'missing'),
    v('b3', 'quote', 2019, undefined, 'notApplicable'),
    v('A', 'quote', 2019, 15),
    v('B', 'quote', 2019, 30),
    v(CITY, 'quote', 2019, 14),
    v('a1', 'quote', 2017, 10),
    v('a1', 'einwohner', 2019, 100),
    { ...v('a2', 'einwohner', 2019, 0, 'zero') },
    v('a3', 'einwohner', 2019, 50),
    v(CITY, 'einwohner', 2019, 150),
    v('a1', 'status', 2019, 3),
    v('a2', 'status', 2019, 1),
    v('a3', 'status', 2019, 1),
    v('b1', 'status', 2019, undefined, 'notApplicable'),
    ...extra,
  ])
    s.set(x);
  return s;
}

export const MAPS = new Map<string, LevelMap>([
  ['bezirk', { geometryUrl: '/data/maps/bezirk-aaaa.svg', width: 60, height: 20, markers: new Map(), borders: [] }],
  [
    'planungsraum',
    {
      geometryUrl: '/data/maps/planungsraum-bbbb.svg',
      width: 60,
      height: 20,
      markers: new Map([['a2', [12, 5]]]),
      borders: [{ id: 'grenzen-bezirk', level: 'bezirk', weight: 'top' }],
    },
  ],
]);

export function context(store = storeOf(), o: Partial<IndicatorPageContext> = {}): IndicatorPageContext {
  const unitsByLevel = new Map<string, Unit[]>();
  for (const u of UNITS) (unitsByLevel.get(u.level) ?? unitsByLevel.set(u.level, []).get(u.level))?.push(u);
  return {
    store,
    levels: LEVELS,
    unitsByLevel,
    unitsById: new Map(UNITS.map((u) => [u.id, u])),
    cityName: { de: 'Musterstadt', en: 'Sample City' },
    sources: [
      {
        id: 'amt',
        title: { de: 'Statistik (erfunden)' },
        publisher: 'Amt (erfunden)',
        licence: 'CC BY 4.0',
        licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
        attribution: 'Amt (erfunden), CC BY 4.0',
      },
    ],
    availability: indicatorAvailability(
      store,
      new Map(UNITS.map((u) => [u.id, u.level])),
      LEVELS.map((l) => l.id),
    ),
    maps: MAPS,
    breaks: [],
    referenceDate: (_i, _l, year) => (year === 2019 ? '2018-12-31' : undefined),
    urlOf: (u) => `/${u.level}/${u.id}/`,
    ...o,
  };
}
