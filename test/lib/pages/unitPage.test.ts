import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { MapFrame } from '../../../src/lib/charts/mapFrame.ts';
import { CITY, ValueStore, type Value } from '../../../src/lib/indicators/store.ts';
import { buildUnitPage, createRanker, type UnitPageContext } from '../../../src/lib/pages/unitPage.ts';
import type { Unit } from '../../../src/lib/types.ts';
import { IndicatorSchema, type CellStatus, type Indicator } from '../../../src/schemas/atlasConfig.ts';

const NNBSP = '\u202f';

function unit(id: string, name: string, level: string, parent?: string): Unit {
  return { id, name, level, parent, areaM2: 2_500_000, bbox: [13, 52, 13.1, 52.1], interiorPoint: [13.05, 52.05] };
}

function indicator(input: Record<string, unknown> & { id: string }): Indicator {
  return IndicatorSchema.parse({
    label: { de: input.id },
    definition: { de: 'x' },
    source: 'mss',
    polarity: 'negative',
    decimals: 1,
    type: 'value',
    ...input,
  });
}

const QUOTE = indicator({
  id: 'quote',
  type: 'rate',
  numerator: 'alo',
  denominator: 'ew',
  label: { de: 'Arbeitslose', en: 'Unemployed' },
  unit: { de: '%' },
});
const EW = indicator({
  id: 'ew',
  type: 'count',
  decimals: 0,
  source: 'ew-register',
  label: { de: 'Einwohner', en: 'Inhabitants' },
});
const STATUS = indicator({
  id: 'status',
  type: 'class',
  decimals: 0,
  classes: [1, 2, 3].map((value) => ({ value, label: { de: `Stufe ${value}`, en: `Level ${value}` } })),
});
const HIDDEN = indicator({ id: 'index', keyFigure: false });
const EMPTY = indicator({ id: 'leer', source: 'unused' });

const A = unit('A', 'Bezirk A', 'bezirk');
const B = unit('B', 'Bezirk B', 'bezirk');
const A1 = unit('a1', 'Zoo', 'planungsraum', 'A');
const A2 = unit('a2', 'Altstadt', 'planungsraum', 'A');
const B1 = unit('b1', 'Bahnhof', 'planungsraum', 'B');
const UNITS = [A, B, A1, A2, B1];

function v(
  indicatorId: string,
  unitId: string,
  year: number,
  value: number | undefined,
  status: CellStatus = 'value',
): Value {
  return { unit: unitId, indicator: indicatorId, year, status, value, method: unitId === CITY ? 'ratio' : 'published' };
}

function store(): ValueStore {
  const s = new ValueStore();
  const values: Value[] = [
    // quote: a1 has a suppressed 2018 and a missing 2020; a1 and b1 tie in 2019.
    v('quote', 'a1', 2017, 12),
    v('quote', 'a1', 2018, undefined, 'suppressed'),
    v('quote', 'a1', 2019, 10.5),
    v('quote', 'a1', 2020, undefined, 'missing'),
    v('quote', 'a2', 2017, 8),
    v('quote', 'a2', 2018, 9),
    v('quote', 'a2', 2019, 11),
    v('quote', 'b1', 2019, 10.5),
    v('quote', 'A', 2019, 10.8),
    v('quote', CITY, 2017, 9),
    v('quote', CITY, 2018, 9.5),
    v('quote', CITY, 2019, 10.8),
    v('ew', 'a1', 2018, 950),
    v('ew', 'a1', 2019, 1000),
    v('ew', 'a2', 2019, 3000),
    v('ew', CITY, 2019, 5000),
    v('status', 'a1', 2017, 1),
    v('status', 'a1', 2019, 2),
    v('status', 'a2', 2019, 3),
    v('index', 'a1', 2019, 0.4),
    v('leer', 'b1', 2019, 1),
  ];
  for (const x of values) s.set(x);
  return s;
}

function context(s = store()): UnitPageContext {
  const children = new Map<string, string[]>([
    ['A', ['a1', 'a2']],
    ['B', ['b1']],
  ]);
  const unitsByLevel = new Map<string, string[]>([
    ['bezirk', ['A', 'B']],
    ['planungsraum', ['a1', 'a2', 'b1']],
  ]);
  const frame: MapFrame = { width: 40, height: 20, path: () => '', point: () => [0, 0] };
  return {
    store: s,
    indicators: [QUOTE, EW, STATUS, HIDDEN, EMPTY],
    units: new Map(UNITS.map((u) => [u.id, u])),
    children,
    unitsByLevel,
    cityName: { de: 'München', en: 'Munich' },
    frame,
    paths: new Map([
      ['A', 'M0,0L20,0L20,20L0,20Z'],
      ['a1', 'M0,0L10,0L10,10L0,10Z'],
    ]),
    contextPaths: ['M0,0L20,0L20,20L0,20Z', 'M20,0L40,0L40,20L20,20Z'],
    document: parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document,
    urlOf: (u) => `/${u.level}/${u.id}/`,
  };
}

function page(u: Unit = A1) {
  const ctx = context();
  return buildUnitPage(u, ctx, createRanker(ctx));
}

describe('buildUnitPage: relations', () => {
  it('buildUnitPage(unit) lists the ancestors from the top and the unit with its area in km²', () => {
    const p = page();
    expect(p.unit).toEqual({
      id: 'a1',
      name: 'Zoo',
      level: 'planungsraum',
      url: '/planungsraum/a1/',
      areaKm2: 2.5,
      areaText: { de: '2,50 km² (aus der Geometrie berechnet)', en: '2.50 km² (computed from the geometry)' },
    });
    expect(p.ancestors).toEqual([{ id: 'A', name: 'Bezirk A', level: 'bezirk', url: '/bezirk/A/' }]);
  });

  it('buildUnitPage(parent) lists its children sorted by name', () => {
    expect(page(A).children.map((c) => c.name)).toEqual(['Altstadt', 'Zoo']);
    expect(page(A1).children).toEqual([]);
  });

  it('buildUnitPage(unit) draws a locator map per language with the city name of that language', () => {
    const p = page();
    expect(p.locator.de).toContain('aria-label="Lage von Zoo in München"');
    expect(p.locator.en).toContain('aria-label="Location of Zoo in Munich"');
    // The parent (Bezirk A) is drawn under the unit.
    expect(p.locator.de).toContain('<path d="M0,0L20,0L20,20L0,20Z" fill="#c6d8ea"');
    expect(p.locator.de).toContain('<path d="M0,0L10,0L10,10L0,10Z" fill="#0b4f8a"');
  });

  it('buildUnitPage(unit) lists the sources of the indicators shown, each once', () => {
    expect(page().sources).toEqual(['mss', 'ew-register']);
    expect(page(B1).sources).toEqual(['mss', 'unused']);
  });
});

describe('buildUnitPage: key figures', () => {
  it('buildUnitPage(unit) gives the latest year with a number, the city value, the rank and the change', () => {
    const quote = page().keyFigures.find((k) => k.indicator === 'quote');
    expect(quote).toEqual({
      indicator: 'quote',
      year: 2019,
      status: 'value',
      value: 10.5,
      method: 'published',
      note: undefined,
      city: { status: 'value', value: 10.8 },
      // a2 (11) is first; a1 and b1 share rank 2 of 3.
      rank: 2,
      rankOf: 3,
      // 2018 is suppressed: the change runs from the previous year with a value, 2017.
      change: { fromYear: 2017, delta: expect.closeTo(-1.5, 12) as number },
    });
  });

  it("buildUnitPage(unit) ranks within the unit's own level only", () => {
    const quote = page(A).keyFigures.find((k) => k.indicator === 'quote');
    expect(quote?.rank).toBe(1);
    expect(quote?.rankOf).toBe(1); // B has no value in 2019
  });

  it('buildUnitPage(unit) gives counts a change from the previous year', () => {
    const ew = page().keyFigures.find((k) => k.indicator === 'ew');
    expect(ew).toMatchObject({
      year: 2019,
      value: 1000,
      rank: 2,
      rankOf: 2,
      change: { fromYear: 2018, delta: 50 },
      city: { value: 5000 },
    });
  });

  it('buildUnitPage(unit with one year) has no change', () => {
    const quote = page(B1).keyFigures.find((k) => k.indicator === 'quote');
    expect(quote).toMatchObject({ year: 2019, value: 10.5, rank: 2 });
    expect(quote?.change).toBeUndefined();
  });

  it('buildUnitPage(class indicator) has neither rank nor change', () => {
    const status = page().keyFigures.find((k) => k.indicator === 'status');
    expect(status).toMatchObject({ year: 2019, value: 2 });
    expect(status?.rank).toBeUndefined();
    expect(status?.change).toBeUndefined();
  });

  it('buildUnitPage(unit without any number) shows the latest status, with no rank and no change', () => {
    const s = store();
    s.set(v('quote', 'b1', 2019, undefined, 'suppressed'));
    const ctx = context(s);
    const quote = buildUnitPage(B1, ctx, createRanker(ctx)).keyFigures.find((k) => k.indicator === 'quote');
    expect(quote).toMatchObject({
      year: 2019,
      status: 'suppressed',
      value: undefined,
      rank: undefined,
      rankOf: undefined,
      change: undefined,
    });
  });

  it('buildUnitPage(unit) leaves out indicators with keyFigure: false and indicators without values', () => {
    const p = page();
    expect(p.keyFigures.map((k) => k.indicator)).toEqual(['quote', 'ew', 'status']);
    expect(p.series.map((s) => s.indicator)).toEqual(['quote', 'ew', 'status', 'index']);
  });
});

describe('buildUnitPage: series', () => {
  it('buildUnitPage(unit) gives one row per year of the unit with the city value beside it', () => {
    const quote = page().series.find((s) => s.indicator === 'quote');
    expect(quote?.rows).toEqual([
      { year: 2017, status: 'value', value: 12, cityStatus: 'value', city: 9 },
      { year: 2018, status: 'suppressed', value: undefined, cityStatus: 'value', city: 9.5 },
      { year: 2019, status: 'value', value: 10.5, cityStatus: 'value', city: 10.8 },
      { year: 2020, status: 'missing', value: undefined, cityStatus: undefined, city: undefined },
    ]);
  });

  it('buildUnitPage(rate with two or more values) charts it in both languages, labelled', () => {
    const quote = page().series.find((s) => s.indicator === 'quote');
    expect(quote?.svg.de).toContain('role="img"');
    expect(quote?.svg.de).toContain('aria-label="Arbeitslose: Zoo und München, 2017–2020"');
    expect(quote?.svg.en).toContain('aria-label="Unemployed: Zoo and Munich, 2017–2020"');
    // Two years with a value (2017, 2019): two dots; the suppressed 2018 is a gap in the line, not a zero.
    expect(quote?.svg.de.match(/<circle/g)).toHaveLength(2);
    expect(quote?.svg.de.match(/<path d="M[^"]*"/g)?.some((d) => (d.match(/M/g) ?? []).length === 2)).toBe(true);
  });

  it('buildUnitPage(unit) names the city line in the language of the chart', () => {
    const quote = page().series.find((s) => s.indicator === 'quote');
    expect(quote?.svg.de).toMatch(/>München<\/text>/);
    expect(quote?.svg.en).toMatch(/>Munich<\/text>/);
    expect(quote?.svg.en).not.toContain('München');
  });

  it('buildUnitPage(count, class or single value) has no chart', () => {
    const series = page().series;
    expect(series.find((s) => s.indicator === 'ew')?.svg).toEqual({ de: '', en: '' });
    expect(series.find((s) => s.indicator === 'status')?.svg).toEqual({ de: '', en: '' });
    expect(series.find((s) => s.indicator === 'index')?.svg).toEqual({ de: '', en: '' });
  });

  it('buildUnitPage(unit) writes a summary sentence per language with the city name of that language', () => {
    const quote = page().series.find((s) => s.indicator === 'quote');
    expect(quote?.summary.de).toBe(
      `Arbeitslose in Zoo 2019: 10,5${NNBSP}% (München: 10,8${NNBSP}%); 2017 waren es 12,0${NNBSP}%.`,
    );
    expect(quote?.summary.en).toBe(
      `Unemployed in Zoo in 2019: 10.5${NNBSP}% (Munich: 10.8${NNBSP}%); in 2017 it was 12.0${NNBSP}%.`,
    );
  });
});

describe('createRanker', () => {
  it('createRanker(ctx) ranks one level and year, ties 1-2-2, and units without a number unranked', () => {
    const s = store();
    s.set(v('quote', 'a2', 2019, undefined, 'suppressed'));
    const rank = createRanker(context(s));
    const r = rank('quote', 'planungsraum', 2019);
    expect(Object.fromEntries(r.ranks)).toEqual({ a1: 1, b1: 1 });
    expect(r.n).toBe(2);
  });

  it('createRanker(ctx) returns the cached ranking for the same indicator, level and year', () => {
    const rank = createRanker(context());
    expect(rank('quote', 'planungsraum', 2019)).toBe(rank('quote', 'planungsraum', 2019));
    expect(rank('quote', 'planungsraum', 2017)).not.toBe(rank('quote', 'planungsraum', 2019));
  });
});
