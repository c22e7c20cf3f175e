import { describe, expect, it } from 'vitest';
import type { MapFrame } from '../../../src/lib/charts/mapFrame.ts';
import { drawingIn } from '../../../src/lib/charts/svg.ts';
import type { Lang } from '../../../src/lib/format.ts';
import type { SeriesBlock } from '../../../src/lib/pages/model.ts';
import { CITY, ValueStore, type Value } from '../../../src/lib/indicators/store.ts';
import { buildUnitPage, createRanker, type UnitPageContext } from '../../../src/lib/pages/unitPage.ts';
import type { Unit } from '../../../src/lib/types.ts';
import {
  IndicatorSchema,
  type CellStatus,
  type Indicator,
  type SeriesBreak,
} from '../../../src/schemas/atlasConfig.ts';
import { createBreakIndex } from '../../../src/lib/indicators/breaks.ts';

const NNBSP = '\u202f';

/** A series block's chart in `lang`, as its page shows it; "" without one. */
const svgOf = (block: SeriesBlock | undefined, lang: Lang) => (block?.chart ? drawingIn(block.chart, lang) : '');

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
    expect(drawingIn(p.locator, 'de')).toContain('aria-label="Lage von Zoo in München"');
    expect(drawingIn(p.locator, 'en')).toContain('aria-label="Location of Zoo in Munich"');
    // The parent (Bezirk A) is drawn under the unit.
    expect(drawingIn(p.locator, 'de')).toContain('<path d="M0,0L20,0L20,20L0,20Z" fill="#c6d8ea"');
    expect(drawingIn(p.locator, 'de')).toContain('<path d="M0,0L10,0L10,10L0,10Z" fill="#0b4f8a"');
  });

  it('buildUnitPage(unit) lists the sources of the indicators shown, each once', () => {
    expect(page().sources).toEqual(['mss', 'ew-register']);
    expect(page(B1).sources).toEqual(['mss', 'unused']);
  });
});

describe('buildUnitPage: key figures', () => {
  it('buildUnitPage(unit) gives the latest year with a number, the comparison values, the rank and the change', () => {
    const quote = page().keyFigures.find((k) => k.indicator === 'quote');
    expect(quote).toMatchObject({
      indicator: 'quote',
      year: 2019,
      status: 'value',
      value: 10.5,
      method: 'published',
      // The parent Bezirk A (published) and the city (computed), in the same year.
      comparison: [
        { status: 'value', value: 10.8, method: 'published' },
        { status: 'value', value: 10.8, method: 'ratio' },
      ],
      // a2 (11) is first; a1 and b1 share rank 2 of 3.
      rank: 2,
      rankOf: 3,
      // 2018 is suppressed: the change runs from the previous year with a value, 2017.
      change: { kind: 'difference', fromYear: 2017, delta: expect.closeTo(-1.5, 12) as number },
    });
    expect(quote?.text.de).toEqual({
      label: 'Arbeitslose',
      value: { text: `10,5${NNBSP}%`, note: undefined },
      date: { text: '2019', note: undefined },
      comparison: [
        { name: 'Bezirk A', text: `10,8${NNBSP}%`, note: 'veröffentlicht' },
        { name: 'München', text: `10,8${NNBSP}%`, note: 'aus Anzahlen berechnet' },
      ],
      rank: '2 von 3',
      change: '−1,5 Prozentpunkte seit 2017',
    });
    expect(quote?.text.en.change).toBe('−1.5 percentage points since 2017');
  });

  it('buildUnitPage(unit) compares with the parent, the grandparent and the city, each named in the headers', () => {
    const p = page();
    expect(p.comparison.map((c) => [c.id, c.name.de, c.role])).toEqual([
      ['A', 'Bezirk A', 'parent'],
      [CITY, 'München', 'city'],
    ]);
    expect(p.text.de.keyFigureHeaders.comparison).toBe('Vergleich');
    const quote = p.keyFigures.find((k) => k.indicator === 'quote');
    expect(quote?.text.de.comparison.map((c) => c.name)).toEqual(['Bezirk A', 'München']);
    expect(quote?.text.en.comparison.map((c) => c.name)).toEqual(['Bezirk A', 'Munich']);
    expect(page(A).comparison.map((c) => c.id)).toEqual([CITY]);
  });

  it('buildUnitPage(unit) says "nicht veröffentlicht" where a comparison has no value, never "–"', () => {
    const index = page().keyFigures.find((k) => k.indicator === 'status');
    expect(index?.comparison).toEqual([undefined, undefined]);
    expect(index?.text.de.comparison).toEqual([
      { name: 'Bezirk A', text: 'nicht veröffentlicht' },
      { name: 'München', text: 'nicht veröffentlicht' },
    ]);
    expect(index?.text.en.comparison[1]).toEqual({ name: 'Munich', text: 'not published' });
    // Where the comparison has values in other years only, the value is missing, not unpublished.
    const ew = page().keyFigures.find((k) => k.indicator === 'ew');
    expect(ew?.text.de.comparison[0]).toEqual({ name: 'Bezirk A', text: 'nicht veröffentlicht' });
    const s = store();
    s.set(v('ew', 'A', 2017, 4000));
    const ctx = context(s);
    const withA = buildUnitPage(A1, ctx, createRanker(ctx)).keyFigures.find((k) => k.indicator === 'ew');
    expect(withA?.text.de.comparison[0]).toEqual({ name: 'Bezirk A', text: 'keine Angabe' });
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
      change: { kind: 'difference', fromYear: 2018, delta: 50 },
      comparison: [undefined, { value: 5000 }],
    });
    expect(ew?.text.de.change).toBe('+50 seit 2018');
  });

  it('buildUnitPage(unit with one year) has no change', () => {
    const quote = page(B1).keyFigures.find((k) => k.indicator === 'quote');
    expect(quote).toMatchObject({ year: 2019, value: 10.5, rank: 2 });
    expect(quote?.change).toBeUndefined();
    expect(quote?.text.de.change).toBe('–');
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

  it('buildUnitPage(unit) shows the Stichtag of a key figure and the edition where its year differs', () => {
    const s = store();
    s.set({ ...v('quote', 'a1', 2019, 10.5), date: '2018-12-31' });
    s.set({ ...v('ew', 'a1', 2019, 1000), date: '2019-12-31' });
    const p = buildUnitPage(A1, context(s), createRanker(context(s)));
    const quote = p.keyFigures.find((k) => k.indicator === 'quote');
    expect(quote?.date).toBe('2018-12-31');
    expect(quote?.text.de.date).toEqual({ text: '31.12.2018', note: 'Ausgabe 2019' });
    expect(quote?.text.en.date).toEqual({ text: '31 December 2018', note: 'edition 2019' });
    expect(p.keyFigures.find((k) => k.indicator === 'ew')?.text.de.date).toEqual({
      text: '31.12.2019',
      note: undefined,
    });
  });
});

describe('buildUnitPage: breaks', () => {
  const method2019: SeriesBreak = { year: 2019, kind: 'method', text: { de: 'neu berechnet', en: 'recomputed' } };
  /** The standard context with `quote` broken in 2019 (and a comparable change indicator where `comparable`). */
  function broken(o: { comparable?: boolean; units?: string[]; topLevel?: boolean } = {}) {
    const s = store();
    const change = indicator({ id: 'quote_change', unit: { de: 'Prozentpunkte' }, decimals: 2, keyFigure: false });
    s.set({ ...v('quote', 'a1', 2019, 10.5), date: '2018-12-31' });
    s.set({ ...v('quote', 'a1', 2017, 12), date: '2016-12-31' });
    s.set({ ...v('quote', CITY, 2017, 9), date: '2016-12-31' });
    s.set({ ...v('quote_change', 'a1', 2019, -0.73), date: '2018-12-31' });
    const quote = IndicatorSchema.parse({
      ...QUOTE,
      breaks: o.topLevel ? [] : [{ ...method2019, ...(o.units ? { units: o.units } : {}) }],
      ...(o.comparable ? { comparableChange: 'quote_change' } : {}),
    });
    const indicators = [quote, EW, STATUS, HIDDEN, EMPTY, change];
    const ctx: UnitPageContext = {
      ...context(s),
      indicators,
      breaks: createBreakIndex({
        indicators,
        breaks: o.topLevel ? [{ ...method2019, kind: 'boundary', units: ['a1'], sources: ['mss'] }] : [],
      }),
    };
    return buildUnitPage(A1, ctx, createRanker(ctx));
  }

  it('buildUnitPage(break between the last two values) shows no difference but "nicht vergleichbar (Methodenwechsel 2019)"', () => {
    const quote = broken().keyFigures.find((k) => k.indicator === 'quote');
    expect(quote?.change).toEqual({ kind: 'notComparable', fromYear: 2017, breakYear: 2019, breakKind: 'method' });
    expect(quote?.text.de.change).toBe('nicht vergleichbar (Methodenwechsel 2019)');
    expect(quote?.text.en.change).toBe('not comparable (change of method 2019)');
  });

  it("buildUnitPage(break and comparableChange) shows the source's change with its period instead", () => {
    const quote = broken({ comparable: true }).keyFigures.find((k) => k.indicator === 'quote');
    expect(quote?.change).toEqual({
      kind: 'source',
      indicator: 'quote_change',
      delta: -0.73,
      // From the Stichtag of the previous edition (2018: none dated; 2017 is not the previous edition, 2018 is).
      fromDate: undefined,
      toDate: '2018-12-31',
    });
    expect(quote?.text.de.change).toBe(
      '−0,73 Prozentpunkte vom … bis 31.12.2018 (von der Quelle vergleichbar berechnet)',
    );
  });

  it('buildUnitPage(break) marks the first row after it, names it under the table and cuts the chart line', () => {
    const p = broken();
    const quote = p.series.find((s) => s.indicator === 'quote');
    expect(quote?.rows.map((r) => [r.year, r.breakBefore?.year])).toEqual([
      [2017, undefined],
      [2018, undefined],
      [2019, 2019],
      [2020, undefined],
    ]);
    expect(quote?.text.de.rows[2]?.breakNote).toBe(
      'Bruch der Zeitreihe (Methodenwechsel 2019): nicht vergleichbar mit den Zeilen darüber',
    );
    expect(quote?.text.de.breakNotes).toEqual(['Bruch der Zeitreihe – Methodenwechsel 2019: neu berechnet']);
    expect(svgOf(quote, 'de')).toContain('>Bruch: Methode<');
    expect(svgOf(quote, 'en')).toContain('>Break: method<');
    expect(quote?.summary.de).toContain('Frühere Werte sind nicht vergleichbar – Methodenwechsel 2019: neu berechnet.');
    expect(quote?.summary.de).not.toContain('waren es');
  });

  it('buildUnitPage(break of other units only) does not concern this unit', () => {
    const quote = broken({ units: ['a2'] }).keyFigures.find((k) => k.indicator === 'quote');
    expect(quote?.change).toMatchObject({ kind: 'difference', fromYear: 2017 });
  });

  it('buildUnitPage(unit with its own boundary break) lists it on the page', () => {
    const p = broken({ topLevel: true });
    expect(p.unitBreaks).toEqual([{ year: 2019, kind: 'boundary', text: method2019.text }]);
    expect(p.text.de.unitBreaks).toEqual(['Gebietsänderung 2019: neu berechnet']);
    expect(p.keyFigures.find((k) => k.indicator === 'quote')?.change?.kind).toBe('notComparable');
    // The break of source "mss" does not concern the indicator of another source.
    expect(p.keyFigures.find((k) => k.indicator === 'ew')?.change?.kind).toBe('difference');
  });

  it('buildUnitPage(unit) names the Stichtag of the values shown, per source, in the citation text', () => {
    const p = broken();
    expect(p.stichtage).toEqual(
      [
        { source: 'mss', date: '2018-12-31' },
        { source: 'ew-register', date: undefined },
        { source: 'unused', date: undefined },
      ].filter((x) => p.sources.includes(x.source)),
    );
    expect(p.text.de.citationDates).toBe('Stand der Werte: 31.12.2018 (mss); Stichtag nicht angegeben (ew-register)');
  });
});

describe('buildUnitPage: series', () => {
  it('buildUnitPage(unit) gives one row per year of the unit with the comparison values beside it', () => {
    const quote = page().series.find((s) => s.indicator === 'quote');
    expect(quote?.comparison).toEqual(['A', CITY]);
    expect(quote?.rows).toEqual([
      {
        year: 2017,
        date: undefined,
        status: 'value',
        value: 12,
        comparison: [undefined, { status: 'value', value: 9, method: 'ratio', date: undefined }],
        breakBefore: undefined,
      },
      {
        year: 2018,
        date: undefined,
        status: 'suppressed',
        value: undefined,
        comparison: [undefined, { status: 'value', value: 9.5, method: 'ratio', date: undefined }],
        breakBefore: undefined,
      },
      {
        year: 2019,
        date: undefined,
        status: 'value',
        value: 10.5,
        comparison: [
          { status: 'value', value: 10.8, method: 'published', date: undefined },
          { status: 'value', value: 10.8, method: 'ratio', date: undefined },
        ],
        breakBefore: undefined,
      },
      {
        year: 2020,
        date: undefined,
        status: 'missing',
        value: undefined,
        comparison: [undefined, undefined],
        breakBefore: undefined,
      },
    ]);
    expect(quote?.text.de.headers).toEqual(['Jahr (Stichtag)', 'Zoo', 'Bezirk A', 'München']);
    expect(quote?.text.de.rows[3]?.cells).toEqual(['keine Angabe', 'keine Angabe', 'keine Angabe']);
  });

  it('buildUnitPage(unit) leaves out a comparison without any value and says so in words', () => {
    const index = page().series.find((s) => s.indicator === 'index');
    expect(index?.comparison).toEqual([]);
    expect(index?.text.de.notPublished).toEqual([
      'Für Bezirk A nicht veröffentlicht.',
      'Für München nicht veröffentlicht.',
    ]);
  });

  it('buildUnitPage(rate with two or more values) charts it in both languages, labelled', () => {
    const quote = page().series.find((s) => s.indicator === 'quote');
    expect(svgOf(quote, 'de')).toContain('role="img"');
    expect(svgOf(quote, 'de')).toContain('aria-label="Arbeitslose: Zoo, Bezirk A und München, 2017–2020"');
    expect(svgOf(quote, 'en')).toContain('aria-label="Unemployed: Zoo, Bezirk A and Munich, 2017–2020"');
    // Two years with a value (2017, 2019): two dots; the suppressed 2018 is a gap in the line, not a zero.
    expect(svgOf(quote, 'de').match(/<circle/g)).toHaveLength(2);
    expect(quote?.text.de.legend.map((l) => [l.name, l.description])).toEqual([
      ['Zoo', 'durchgezogene Linie mit Punkten'],
      ['Bezirk A', 'gestrichelt mit Quadraten'],
      ['München', 'strichpunktiert mit Rauten'],
    ]);
  });

  it('buildUnitPage(count, class or single value) has no chart and is listed in a table per topic', () => {
    const p = page();
    expect(p.series.find((s) => s.indicator === 'ew')?.chart).toBeUndefined();
    expect(p.series.find((s) => s.indicator === 'status')?.chart).toBeUndefined();
    expect(p.series.find((s) => s.indicator === 'index')?.chart).toBeUndefined();
    expect(p.matrices.map((m) => m.indicators)).toEqual([['ew', 'status', 'index']]);
    const m = p.matrices[0]?.text.de;
    expect(m?.columns.map((c) => c.year)).toEqual(['2017', '2018', '2019']);
    expect(m?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['–', '950', '1.000'],
      ['Stufe 1', '–', 'Stufe 2'],
      ['–', '–', '0,4'],
    ]);
    expect(m?.rows[0]?.cells[2]?.anchor).toBe('ew-2019');
  });

  it('buildUnitPage(unit) writes a summary sentence per language with the comparison values of that language', () => {
    const quote = page().series.find((s) => s.indicator === 'quote');
    expect(quote?.summary.de).toBe(
      `Arbeitslose in Zoo 2019: 10,5${NNBSP}% (Bezirk A: 10,8${NNBSP}%, München: 10,8${NNBSP}%); 2017 waren es 12,0${NNBSP}%.`,
    );
    expect(quote?.summary.en).toBe(
      `Unemployed in Zoo in 2019: 10.5${NNBSP}% (Bezirk A: 10.8${NNBSP}%, Munich: 10.8${NNBSP}%); in 2017 it was 12.0${NNBSP}%.`,
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
