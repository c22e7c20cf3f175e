/**
 * The small-number protection on tiny made-up inputs (two districts A, B; areas a1, a2, a3 in A, b1, b2 in B).
 */
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../../src/lib/indicators/describe.ts';
import { deriveValues } from '../../../src/lib/indicators/derive.ts';
import { CITY, hasNumber, type Value, type ValueStore } from '../../../src/lib/indicators/store.ts';
import { statusReasonCode, statusSymbol } from '../../../src/lib/indicators/suppress.ts';
import type { Cell, Unit } from '../../../src/lib/types.ts';
import { IndicatorSchema, type CellStatus, type Indicator } from '../../../src/schemas/atlasConfig.ts';

function unit(id: string, level: string, parent?: string): Unit {
  return { id, name: id, level, parent, areaM2: 1, bbox: [13, 52, 13.1, 52.1], interiorPoint: [13.05, 52.05] };
}
const UNITS: Unit[] = [
  unit('A', 'bezirk'),
  unit('B', 'bezirk'),
  unit('a1', 'gebiet', 'A'),
  unit('a2', 'gebiet', 'A'),
  unit('a3', 'gebiet', 'A'),
  unit('b1', 'gebiet', 'B'),
  unit('b2', 'gebiet', 'B'),
];
const LEVELS = ['bezirk', 'gebiet'];

function indicator(input: Record<string, unknown> & { id: string }): Indicator {
  return IndicatorSchema.parse({
    label: { de: input.id },
    definition: { de: 'x' },
    source: 'test',
    polarity: 'neutral',
    decimals: 0,
    type: 'count',
    ...input,
  });
}
function cell(u: string, ind: string, value: number | undefined, status?: CellStatus): Cell {
  return {
    unit: u,
    indicator: ind,
    year: 2020,
    status: status ?? (value === 0 ? 'zero' : 'value'),
    value,
    raw: String(value ?? '.'),
    origin: { file: 'x.csv', line: 2, column: ind },
  };
}
const EW = indicator({ id: 'ew', parts: ['kinder', 'erw'] });
const KINDER = indicator({ id: 'kinder' });
const ERW = indicator({ id: 'erw' });
const QUOTE = indicator({ id: 'quote', type: 'rate', numerator: 'kinder', denominator: 'ew', decimals: 1 });
const INDICATORS = [EW, KINDER, ERW, QUOTE];

/** kinder: a1 = 1, a2 = 40, a3 = 60 (A = 101), b1 = 2, b2 = 0 (B = 2); ew = kinder + erw; b1 has 60 inhabitants. */
function derive(minDenominator?: number) {
  const rows: [string, number, number][] = [
    ['a1', 1, 499],
    ['a2', 40, 760],
    ['a3', 60, 840],
    ['b1', 2, 58],
    ['b2', 0, 1200],
  ];
  const cells = rows.flatMap(([u, k, e]) => [cell(u, 'kinder', k), cell(u, 'erw', e), cell(u, 'ew', k + e)]);
  return deriveValues({
    cells,
    units: UNITS,
    levelOrder: LEVELS,
    indicators: INDICATORS,
    smallNumbers: { minCount: 3, minDenominator },
  });
}
const get = (store: ValueStore, ind: string, u: string) => store.get(ind, u, 2020) as Value;

/** Every total and its parts in the made-up atlas above (districts, city, and the partition ew = kinder + erw). */
function relations(store: ValueStore): { total: Value; parts: Value[] }[] {
  const out: { total: Value; parts: Value[] }[] = [];
  for (const ind of ['ew', 'kinder', 'erw']) {
    out.push({ total: get(store, ind, 'A'), parts: ['a1', 'a2', 'a3'].map((u) => get(store, ind, u)) });
    out.push({ total: get(store, ind, 'B'), parts: ['b1', 'b2'].map((u) => get(store, ind, u)) });
    out.push({ total: get(store, ind, CITY), parts: ['A', 'B'].map((u) => get(store, ind, u)) });
  }
  for (const u of [...UNITS.map((x) => x.id), CITY])
    out.push({ total: get(store, 'ew', u), parts: [get(store, 'kinder', u), get(store, 'erw', u)] });
  return out;
}

describe('protectSmallNumbers() through deriveValues()', () => {
  it('suppresses counts of 1 and 2 (primary), never 0 or 3 and more, and publishes no number for them', () => {
    const { store } = derive();
    expect(get(store, 'kinder', 'a1')).toMatchObject({
      status: 'suppressed',
      suppression: 'minCount',
      value: undefined,
    });
    expect(get(store, 'kinder', 'b1')).toMatchObject({ status: 'suppressed', suppression: 'minCount' });
    expect(get(store, 'kinder', 'b2')).toMatchObject({ status: 'zero', value: 0 });
    expect(get(store, 'kinder', 'a3')).toMatchObject({ status: 'value', value: 60 });
    // B's derived total is 2: small itself.
    expect(get(store, 'kinder', 'B')).toMatchObject({ status: 'suppressed', suppression: 'minCount' });
  });

  it('leaves no shown total with exactly one suppressed part, and no suppressed total whose parts are all shown', () => {
    const { store, protection } = derive();
    for (const r of relations(store)) {
      const hidden = r.parts.filter((p) => p.status === 'suppressed').length;
      const where = `${r.total.indicator} ${r.total.unit}`;
      if (hasNumber(r.total)) expect(hidden, where).not.toBe(1);
      if (r.total.status === 'suppressed') expect(r.parts.every(hasNumber), where).toBe(false);
    }
    expect(protection?.secondary).toBeGreaterThan(0);
  });

  it('picks the smallest shown part as the complement (a2 = 40 in A, not a3 = 60)', () => {
    const { store } = derive();
    expect(get(store, 'kinder', 'a2')).toMatchObject({ status: 'suppressed', suppression: 'secondary' });
    expect(get(store, 'kinder', 'a3').status).toBe('value');
    // The city total stays: it is the true sum, computed before the protection.
    expect(get(store, 'kinder', CITY)).toMatchObject({ status: 'value', value: 103 });
  });

  it('protects a suppressed part of a declared partition (ew = kinder + erw) with a complement', () => {
    const { store } = derive();
    expect(get(store, 'ew', 'a1')).toMatchObject({ status: 'value', value: 500 });
    expect(get(store, 'erw', 'a1')).toMatchObject({ status: 'suppressed', suppression: 'secondary' });
  });

  it('suppresses a rate whose numerator the atlas suppressed, and says so', () => {
    const { store } = derive();
    expect(get(store, 'quote', 'a1')).toMatchObject({ status: 'suppressed', suppression: 'numerator' });
    expect(get(store, 'quote', 'a3')).toMatchObject({ status: 'value', value: (60 / 900) * 100 });
    expect(get(store, 'quote', 'b2')).toMatchObject({ status: 'zero', value: 0 });
  });

  it('hides a rate below the minimum denominator (not shown, no value to rank), whatever its numerator', () => {
    const { store, protection } = derive(100);
    expect(get(store, 'quote', 'b1')).toMatchObject({ status: 'suppressed', suppression: 'minDenominator' });
    expect(get(store, 'quote', 'b1').value).toBeUndefined();
    expect(get(store, 'quote', 'b2').status).toBe('zero');
    expect(protection?.minDenominator).toBe(1);
    // Without the minimum, b1's rate is hidden for its suppressed numerator instead.
    expect(get(derive().store, 'quote', 'b1').suppression).toBe('numerator');
  });

  it('keeps the source’s own suppression apart from the atlas’s protection', () => {
    const { store } = deriveValues({
      cells: [cell('a1', 'kinder', undefined, 'suppressed'), cell('a2', 'kinder', 30), cell('a3', 'kinder', 50)],
      units: UNITS,
      levelOrder: LEVELS,
      indicators: [KINDER],
      smallNumbers: { minCount: 3 },
    });
    expect(get(store, 'kinder', 'a1').suppression).toBe('source');
    // A's sum cannot be computed: suppressed because of the source's cell, not by the atlas.
    expect(get(store, 'kinder', 'A')).toMatchObject({ status: 'suppressed', suppression: 'source' });
  });

  it('suppresses nothing without smallNumbers (the source’s cells stay as they are)', () => {
    const { store, protection } = deriveValues({
      cells: [cell('a1', 'kinder', 1), cell('a2', 'kinder', 2), cell('a3', 'kinder', 3)],
      units: UNITS,
      levelOrder: LEVELS,
      indicators: [KINDER],
    });
    expect(protection).toBeUndefined();
    expect(get(store, 'kinder', 'a1')).toMatchObject({ status: 'value', value: 1 });
  });

  it('applies an indicator’s own minCount over the atlas default', () => {
    const strict = indicator({ id: 'kinder', minCount: 50 });
    const { store } = deriveValues({
      cells: [cell('a1', 'kinder', 45), cell('a2', 'kinder', 60), cell('a3', 'kinder', 70)],
      units: UNITS,
      levelOrder: LEVELS,
      indicators: [strict],
      smallNumbers: { minCount: 3 },
    });
    expect(get(store, 'kinder', 'a1').suppression).toBe('minCount');
    expect(get(store, 'kinder', 'a2').suppression).toBe('secondary');
  });
});

describe('suppressed, missing, zero and not applicable in text and symbols', () => {
  const q = QUOTE;
  it('statusSymbol() gives the DIN 55301 symbols; "/" only for a too small denominator', () => {
    expect(statusSymbol({ status: 'value' })).toBe('');
    expect(statusSymbol({ status: 'zero' })).toBe('-');
    expect(statusSymbol({ status: 'missing' })).toBe('.');
    expect(statusSymbol({ status: 'notApplicable' })).toBe('x');
    expect(statusSymbol({ status: 'suppressed', suppression: 'minCount' })).toBe('.');
    expect(statusSymbol({ status: 'suppressed', suppression: 'minDenominator' })).toBe('/');
  });

  it('statusReasonCode() names who suppressed why, and nothing for other statuses', () => {
    expect(statusReasonCode({ status: 'suppressed', suppression: 'source' })).toBe('source');
    expect(statusReasonCode({ status: 'suppressed', suppression: 'minCount' })).toBe('min_count');
    expect(statusReasonCode({ status: 'suppressed', suppression: 'secondary' })).toBe('secondary');
    expect(statusReasonCode({ status: 'suppressed', suppression: 'numerator' })).toBe('numerator_suppressed');
    expect(statusReasonCode({ status: 'suppressed', suppression: 'minDenominator' })).toBe('min_denominator');
    expect(statusReasonCode({ status: 'missing' })).toBe('');
  });

  it('describeValue() reads differently for the source’s and the atlas’s suppression, and never "0"', () => {
    const texts = (['source', 'minCount', 'secondary', 'numerator', 'minDenominator'] as const).map((s) =>
      describeValue(q, { status: 'suppressed', suppression: s }, 'de'),
    );
    expect(new Set(texts).size).toBe(5);
    expect(texts[0]).toBe('geheim gehalten (von der Quelle)');
    expect(texts[1]).toBe('geheim gehalten (kleine Fallzahl)');
    expect(texts[4]).toBe(
      'nicht aussagekräftig: zu wenige Einwohnerinnen und Einwohner für eine aussagekräftige Quote',
    );
    for (const t of texts) expect(t).not.toMatch(/\d/);
    expect(describeValue(q, { status: 'missing' }, 'de')).toBe('keine Angabe');
    expect(describeValue(q, { status: 'notApplicable' }, 'de')).toBe('nicht sinnvoll');
    expect(describeValue(q, { status: 'zero', value: 0 }, 'de')).toBe('0,0');
    expect(describeValue(q, { status: 'suppressed', suppression: 'minCount' }, 'en')).toBe('suppressed (small count)');
  });
});
