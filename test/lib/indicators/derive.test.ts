import { describe, expect, it } from 'vitest';
import { deriveValues } from '../../../src/lib/indicators/derive.ts';
import { CITY } from '../../../src/lib/indicators/store.ts';
import type { Cell, Unit } from '../../../src/lib/types.ts';
import { IndicatorSchema, type CellStatus, type Indicator } from '../../../src/schemas/atlasConfig.ts';

const LEVELS = ['bezirk', 'planungsraum'] as const;

function unit(id: string, level: string, parent?: string): Unit {
  return { id, name: id, level, parent, areaM2: 1, bbox: [13, 52, 13.1, 52.1], interiorPoint: [13.05, 52.05] };
}

/** Two Bezirke: A with planning areas a1, a2; B with b1. */
const UNITS: Unit[] = [
  unit('A', 'bezirk'),
  unit('B', 'bezirk'),
  unit('a1', 'planungsraum', 'A'),
  unit('a2', 'planungsraum', 'A'),
  unit('b1', 'planungsraum', 'B'),
];

function cell(
  u: string,
  indicator: string,
  value: number | undefined,
  status: CellStatus = value === 0 ? 'zero' : 'value',
  year = 2019,
): Cell {
  return {
    unit: u,
    indicator,
    year,
    status,
    value,
    raw: String(value ?? '.'),
    origin: { file: 'x.csv', line: 2, column: indicator },
  };
}

function indicator(input: Record<string, unknown> & { id: string }): Indicator {
  return IndicatorSchema.parse({
    label: { de: input.id },
    definition: { de: 'x' },
    source: 'test',
    polarity: 'neutral',
    decimals: 1,
    type: 'count',
    ...input,
  });
}

const EW = indicator({ id: 'ew', decimals: 0 });
const ALO = indicator({ id: 'alo', decimals: 0 });
const QUOTE = indicator({
  id: 'quote',
  type: 'rate',
  numerator: 'alo',
  denominator: 'ew',
  factor: 100,
  unit: { de: '%' },
});

function derive(cells: Cell[], indicators: Indicator[] = [EW], checkCells?: Cell[]) {
  return deriveValues({ cells, units: UNITS, levelOrder: LEVELS, indicators, ...(checkCells ? { checkCells } : {}) });
}

describe('deriveValues: reference dates', () => {
  const dated = (c: Cell, date: string | undefined): Cell => ({ ...c, date });

  it('deriveValues() keeps the Stichtag of published cells and gives sums and rates the one their inputs share', () => {
    const d = '2019-12-31';
    const { store } = derive(
      [
        dated(cell('a1', 'ew', 10), d),
        dated(cell('a2', 'ew', 20), d),
        dated(cell('b1', 'ew', 5), d),
        dated(cell('a1', 'alo', 1), d),
        dated(cell('a2', 'alo', 2), d),
        dated(cell('b1', 'alo', 1), d),
      ],
      [EW, ALO, QUOTE],
    );
    expect(store.get('ew', 'a1', 2019)?.date).toBe(d);
    expect(store.get('ew', 'A', 2019)?.date).toBe(d);
    expect(store.get('ew', CITY, 2019)?.date).toBe(d);
    expect(store.get('quote', 'a1', 2019)?.date).toBe(d);
    expect(store.get('quote', CITY, 2019)?.date).toBe(d);
  });

  it('deriveValues() gives a sum over values of different Stichtage none (it has no single one)', () => {
    const { store } = derive([
      dated(cell('a1', 'ew', 10), '2019-12-31'),
      dated(cell('a2', 'ew', 20), '2019-06-30'),
      dated(cell('b1', 'ew', 5), '2019-12-31'),
    ]);
    expect(store.get('ew', 'A', 2019)?.date).toBeUndefined();
    expect(store.get('ew', 'B', 2019)?.date).toBe('2019-12-31');
    expect(store.get('ew', CITY, 2019)?.date).toBeUndefined();
  });
});

describe('deriveValues: counts', () => {
  it('deriveValues() sums counts up the hierarchy and to the city', () => {
    const { store } = derive([cell('a1', 'ew', 10), cell('a2', 'ew', 20), cell('b1', 'ew', 5)]);
    expect(store.get('ew', 'A', 2019)).toMatchObject({ status: 'value', value: 30, method: 'sum' });
    expect(store.get('ew', 'B', 2019)).toMatchObject({ status: 'value', value: 5, method: 'sum' });
    expect(store.get('ew', CITY, 2019)).toMatchObject({ status: 'value', value: 35, method: 'sum' });
  });

  it('deriveValues() keeps published cells with their origin and method "published"', () => {
    const { store } = derive([cell('a1', 'ew', 10)]);
    expect(store.get('ew', 'a1', 2019)).toMatchObject({
      status: 'value',
      value: 10,
      method: 'published',
      origin: { file: 'x.csv', line: 2 },
    });
  });

  it('deriveValues() keeps a published parent value and sums the city from it', () => {
    const { store } = derive([cell('a1', 'ew', 10), cell('a2', 'ew', 20), cell('A', 'ew', 31), cell('b1', 'ew', 5)]);
    expect(store.get('ew', 'A', 2019)).toMatchObject({ value: 31, method: 'published' });
    expect(store.get('ew', CITY, 2019)?.value).toBe(36);
  });

  it('deriveValues() sums each year on its own', () => {
    const { store } = derive([
      cell('a1', 'ew', 10, 'value', 2018),
      cell('a2', 'ew', 20, 'value', 2018),
      cell('a1', 'ew', 11),
      cell('a2', 'ew', 21),
    ]);
    expect(store.get('ew', 'A', 2018)?.value).toBe(30);
    expect(store.get('ew', 'A', 2019)?.value).toBe(32);
  });

  it('deriveValues() makes a parent "missing" with a note when a child has no value, never a partial sum', () => {
    const { store } = derive([cell('a1', 'ew', 10), cell('b1', 'ew', 5)]); // a2 has no cell at all
    const a = store.get('ew', 'A', 2019);
    expect(a).toMatchObject({ status: 'missing', method: 'sum', note: '1 von 2 Teilgebieten ohne Wert' });
    expect(a?.value).toBeUndefined();
    // The city inherits the gap: one of its two Bezirke has no value.
    expect(store.get('ew', CITY, 2019)).toMatchObject({ status: 'missing', note: '1 von 2 Teilgebieten ohne Wert' });
    expect(store.get('ew', CITY, 2019)?.value).toBeUndefined();
  });

  it('deriveValues() treats a child cell with status "missing" like an absent one', () => {
    const { store } = derive([cell('a1', 'ew', 10), cell('a2', 'ew', undefined, 'missing'), cell('b1', 'ew', 5)]);
    expect(store.get('ew', 'A', 2019)).toMatchObject({ status: 'missing', note: '1 von 2 Teilgebieten ohne Wert' });
  });

  it('deriveValues() makes a parent "suppressed" when a child is suppressed (the cell cannot be recomputed)', () => {
    const { store } = derive([cell('a1', 'ew', 10), cell('a2', 'ew', undefined, 'suppressed'), cell('b1', 'ew', 5)]);
    const a = store.get('ew', 'A', 2019);
    expect(a).toMatchObject({ status: 'suppressed', method: 'sum', note: '1 von 2 Teilgebieten geheim gehalten' });
    expect(a?.value).toBeUndefined();
    expect(store.get('ew', CITY, 2019)?.status).toBe('suppressed');
  });

  it('deriveValues() gives "suppressed" precedence over "missing" among the children', () => {
    const { store } = derive([cell('a1', 'ew', undefined, 'missing'), cell('a2', 'ew', undefined, 'suppressed')]);
    expect(store.get('ew', 'A', 2019)?.status).toBe('suppressed');
  });

  it('deriveValues() gives a parent of zero-valued children the status "zero" and the value 0', () => {
    const { store } = derive([cell('a1', 'ew', 0), cell('a2', 'ew', 0)]);
    expect(store.get('ew', 'A', 2019)).toMatchObject({ status: 'zero', value: 0 });
  });

  it('deriveValues() skips "not applicable" children in a sum', () => {
    const { store } = derive([cell('a1', 'ew', 10), cell('a2', 'ew', undefined, 'notApplicable')]);
    expect(store.get('ew', 'A', 2019)).toMatchObject({ status: 'value', value: 10 });
  });

  it('deriveValues() makes a parent whose children are all "not applicable" not applicable, not zero', () => {
    const { store } = derive([
      cell('a1', 'ew', undefined, 'notApplicable'),
      cell('a2', 'ew', undefined, 'notApplicable'),
    ]);
    const a = store.get('ew', 'A', 2019);
    expect(a?.status).toBe('notApplicable');
    expect(a?.value).toBeUndefined();
  });

  it('deriveValues() derives nothing for a parent none of whose children has the indicator in that year', () => {
    const { store } = derive([cell('a1', 'ew', 10), cell('a2', 'ew', 20)]);
    expect(store.get('ew', 'B', 2019)).toBeUndefined();
    // …but the city, one of whose Bezirke has nothing, is missing.
    expect(store.get('ew', CITY, 2019)?.status).toBe('missing');
  });

  it('deriveValues() does not sum indicators that are not counts', () => {
    const share = indicator({ id: 'anteil', type: 'value' });
    const { store } = derive([cell('a1', 'anteil', 10), cell('a2', 'anteil', 20)], [share]);
    expect(store.get('anteil', 'A', 2019)).toBeUndefined();
    expect(store.get('anteil', CITY, 2019)).toBeUndefined();
  });
});

describe('deriveValues: rates', () => {
  const counts = [
    cell('a1', 'alo', 1),
    cell('a1', 'ew', 10),
    cell('a2', 'alo', 50),
    cell('a2', 'ew', 100),
    cell('b1', 'alo', 3),
    cell('b1', 'ew', 30),
  ];

  it('deriveValues() computes rates as Σ numerators / Σ denominators × factor on every level, never a mean of child rates', () => {
    const { store } = derive(counts, [EW, ALO, QUOTE]);
    expect(store.get('quote', 'a1', 2019)).toMatchObject({ status: 'value', value: 10, method: 'ratio' });
    expect(store.get('quote', 'a2', 2019)?.value).toBeCloseTo(50, 12);
    // A: (1 + 50) / (10 + 100) = 46.36 %, while the mean of 10 % and 50 % would be 30 %.
    const a = store.get('quote', 'A', 2019);
    expect(a).toMatchObject({ status: 'value', method: 'ratio' });
    expect(a?.value).toBeCloseTo((51 / 110) * 100, 12);
    expect(a?.value).not.toBeCloseTo(30, 1);
    // City: (1 + 50 + 3) / (10 + 100 + 30).
    expect(store.get('quote', CITY, 2019)?.value).toBeCloseTo((54 / 140) * 100, 12);
  });

  it('deriveValues() applies the factor (per 1,000 here)', () => {
    const perMille = indicator({ id: 'promille', type: 'rate', numerator: 'alo', denominator: 'ew', factor: 1000 });
    const { store } = derive(counts, [EW, ALO, perMille]);
    expect(store.get('promille', 'a1', 2019)?.value).toBeCloseTo(100, 12);
  });

  it('deriveValues() makes a rate with denominator 0 "notApplicable", not infinite', () => {
    const { store } = derive([cell('a1', 'alo', 0), cell('a1', 'ew', 0)], [EW, ALO, QUOTE]);
    const v = store.get('quote', 'a1', 2019);
    expect(v).toMatchObject({ status: 'notApplicable', note: 'Nenner ist 0' });
    expect(v?.value).toBeUndefined();
  });

  it('deriveValues() gives a rate with numerator 0 the status "zero"', () => {
    const { store } = derive([cell('a1', 'alo', 0), cell('a1', 'ew', 10)], [EW, ALO, QUOTE]);
    expect(store.get('quote', 'a1', 2019)).toMatchObject({ status: 'zero', value: 0 });
  });

  it('deriveValues() makes a rate "suppressed" when its numerator is suppressed', () => {
    const { store } = derive(
      [cell('a1', 'alo', undefined, 'suppressed'), cell('a1', 'ew', 10), cell('a2', 'alo', 5), cell('a2', 'ew', 10)],
      [EW, ALO, QUOTE],
    );
    expect(store.get('quote', 'a1', 2019)).toMatchObject({
      status: 'suppressed',
      note: 'Zähler oder Nenner geheim gehalten',
    });
    // The parent's numerator is a suppressed sum, so the parent's rate is suppressed too.
    expect(store.get('quote', 'A', 2019)?.status).toBe('suppressed');
    expect(store.get('quote', 'A', 2019)?.value).toBeUndefined();
  });

  it('deriveValues() makes a rate "missing" when a count is missing', () => {
    const { store } = derive([cell('a1', 'alo', undefined, 'missing'), cell('a1', 'ew', 10)], [EW, ALO, QUOTE]);
    expect(store.get('quote', 'a1', 2019)).toMatchObject({ status: 'missing', note: 'Zähler oder Nenner ohne Wert' });
  });

  it('deriveValues() keeps a published rate where its counts are missing', () => {
    const { store } = derive(
      [cell('a1', 'alo', undefined, 'missing'), cell('a1', 'ew', 10), cell('a1', 'quote', 12.5)],
      [EW, ALO, QUOTE],
    );
    expect(store.get('quote', 'a1', 2019)).toMatchObject({ status: 'value', value: 12.5, method: 'published' });
  });

  it('deriveValues() keeps a published rate where no counts exist at all', () => {
    const { store } = derive([cell('a1', 'quote', 12.5)], [EW, ALO, QUOTE]);
    expect(store.get('quote', 'a1', 2019)).toMatchObject({ value: 12.5, method: 'published' });
  });

  it('deriveValues() replaces a published rate by the computed one and reports the difference as a check', () => {
    const { store, checks } = derive(
      [cell('a1', 'alo', 1), cell('a1', 'ew', 10), cell('a1', 'quote', 10.2)],
      [EW, ALO, QUOTE],
    );
    expect(store.get('quote', 'a1', 2019)).toMatchObject({ value: 10, method: 'ratio' });
    expect(checks).toHaveLength(1);
    const [c] = checks;
    expect(c).toMatchObject({
      unit: 'a1',
      indicator: 'quote',
      year: 2019,
      published: 10.2,
      computed: 10,
      origin: { file: 'x.csv' },
    });
    expect(c?.diff).toBeCloseTo(-0.2, 12);
  });
});

describe('deriveValues: check tables', () => {
  it('deriveValues() compares published check cells with the computed values and reports computed − published', () => {
    const checkCells = [cell('A', 'ew', 32), cell(CITY, 'ew', 35), cell('B', 'ew', undefined, 'missing')];
    const { store, checks } = derive(
      [cell('a1', 'ew', 10), cell('a2', 'ew', 20), cell('b1', 'ew', 5)],
      [EW],
      checkCells,
    );
    // Check cells never replace the data.
    expect(store.get('ew', 'A', 2019)?.value).toBe(30);
    expect(checks.map((c) => [c.unit, c.published, c.computed, c.diff])).toEqual([
      ['A', 32, 30, -2],
      [CITY, 35, 35, 0],
    ]);
  });

  it('deriveValues() reports no check where the computed value has no number', () => {
    const { checks } = derive([cell('a1', 'ew', 10)], [EW], [cell('A', 'ew', 32)]);
    expect(checks).toEqual([]);
  });
});
