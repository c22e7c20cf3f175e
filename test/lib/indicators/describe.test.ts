import { describe, expect, it } from 'vitest';
import { changeUnit, describeChange, describeValue, summarizeSeries } from '../../../src/lib/indicators/describe.ts';
import type { Value } from '../../../src/lib/indicators/store.ts';
import { IndicatorSchema, type CellStatus, type Indicator } from '../../../src/schemas/atlasConfig.ts';

function indicator(input: Record<string, unknown> & { id: string }): Indicator {
  return IndicatorSchema.parse({
    label: { de: 'Arbeitslose', en: 'Unemployed' },
    definition: { de: 'x' },
    source: 'test',
    polarity: 'negative',
    decimals: 1,
    type: 'value',
    ...input,
  });
}

const RATE = indicator({ id: 'quote', unit: { de: '%' } });
const COUNT = indicator({
  id: 'ew',
  type: 'count',
  decimals: 0,
  label: { de: 'Einwohner', en: 'Inhabitants' },
  unit: { de: 'Personen', en: 'persons' },
});
const INDEX = indicator({ id: 'index', decimals: 2 });
const CLASS = indicator({
  id: 'status',
  type: 'class',
  decimals: 0,
  classes: [
    { value: 1, label: { de: 'hoch', en: 'high' } },
    { value: 2, label: { de: 'mittel', en: 'medium' } },
  ],
});

const NNBSP = '\u202f';

function v(year: number, value: number | undefined, status: CellStatus = 'value'): Value {
  return { unit: '01', indicator: 'quote', year, status, value, method: 'published' };
}

describe('describeValue', () => {
  it('describeValue(rate, value, lang) formats with the locale decimal sign and a narrow space before %', () => {
    expect(describeValue(RATE, { status: 'value', value: 17.74 }, 'de')).toBe(`17,7${NNBSP}%`);
    expect(describeValue(RATE, { status: 'value', value: 17.74 }, 'en')).toBe(`17.7${NNBSP}%`);
  });

  it('describeValue(count, value, lang) uses thousands separators and the unit in each language', () => {
    expect(describeValue(COUNT, { status: 'value', value: 12345 }, 'de')).toBe('12.345 Personen');
    expect(describeValue(COUNT, { status: 'value', value: 12345 }, 'en')).toBe('12,345 persons');
  });

  it('describeValue(indicator without unit) is the bare number', () => {
    expect(describeValue(INDEX, { status: 'value', value: -0.5 }, 'de')).toBe('-0,50');
  });

  it('describeValue(zero) writes 0 in the indicator format', () => {
    expect(describeValue(RATE, { status: 'zero', value: 0 }, 'de')).toBe(`0,0${NNBSP}%`);
    expect(describeValue(RATE, { status: 'zero' }, 'en')).toBe(`0.0${NNBSP}%`);
  });

  it('describeValue(missing | suppressed | notApplicable | undefined) is a status text, never "0"', () => {
    const cases: [Pick<Value, 'status' | 'value'> | undefined, string, string][] = [
      [undefined, 'keine Angabe', 'not available'],
      [{ status: 'missing' }, 'keine Angabe', 'not available'],
      [{ status: 'suppressed' }, 'geheim gehalten', 'suppressed'],
      [{ status: 'suppressed', value: 0 }, 'geheim gehalten', 'suppressed'],
      [{ status: 'missing', value: 0 }, 'keine Angabe', 'not available'],
      [{ status: 'notApplicable' }, 'nicht sinnvoll', 'not applicable'],
      [{ status: 'value' }, 'keine Angabe', 'not available'],
    ];
    for (const [value, de, en] of cases) {
      expect(describeValue(RATE, value, 'de')).toBe(de);
      expect(describeValue(RATE, value, 'en')).toBe(en);
      expect(describeValue(COUNT, value, 'de')).not.toMatch(/\d/);
    }
  });

  it('describeValue(class, code) is the class label in the language', () => {
    expect(describeValue(CLASS, { status: 'value', value: 2 }, 'de')).toBe('mittel');
    expect(describeValue(CLASS, { status: 'value', value: 2 }, 'en')).toBe('medium');
  });

  it('describeValue(class, unknown code) is the bare code', () => {
    expect(describeValue(CLASS, { status: 'value', value: 7 }, 'de')).toBe('7');
  });

  it('describeValue(class label without en, "en") falls back to German', () => {
    const de = indicator({ id: 'dyn', type: 'class', classes: [{ value: 1, label: { de: 'stabil' } }] });
    expect(describeValue(de, { status: 'value', value: 1 }, 'en')).toBe('stabil');
  });
});

describe('changeUnit / describeChange', () => {
  it('changeUnit(% indicator) is Prozentpunkte / percentage points, not %', () => {
    expect(changeUnit(RATE, 'de')).toBe('Prozentpunkte');
    expect(changeUnit(RATE, 'en')).toBe('percentage points');
  });

  it('changeUnit(other indicator) is its own unit, or "" without one', () => {
    expect(changeUnit(COUNT, 'de')).toBe('Personen');
    expect(changeUnit(INDEX, 'de')).toBe('');
  });

  it('describeChange(rate, delta) writes a signed change in Prozentpunkte', () => {
    expect(describeChange(RATE, 1.24, 'de')).toBe('+1,2 Prozentpunkte');
    expect(describeChange(RATE, -0.36, 'en')).toBe('\u22120.4 percentage points');
  });

  it('describeChange(count, delta) uses the count unit and no decimals', () => {
    expect(describeChange(COUNT, -340, 'de')).toBe('\u2212340 Personen');
    expect(describeChange(COUNT, 1500, 'de')).toBe('+1.500 Personen');
  });

  it('describeChange(no unit) has no trailing space; undefined is a dash', () => {
    expect(describeChange(INDEX, 0.5, 'de')).toBe('+0,50');
    expect(describeChange(RATE, undefined, 'de')).toBe('–');
  });
});

describe('summarizeSeries', () => {
  const city = new Map<number, Value>([
    [2013, v(2013, 18)],
    [2019, v(2019, 15.2)],
  ]);

  it('summarizeSeries(series, city, "de") names the latest value, the city value and the first value', () => {
    const s = summarizeSeries(
      RATE,
      'Tiergarten Süd',
      'Berlin',
      [v(2013, 20.1), v(2016, undefined, 'missing'), v(2019, 17.7)],
      city,
      'de',
    );
    expect(s).toBe(
      `Arbeitslose in Tiergarten Süd 2019: 17,7${NNBSP}% (Berlin: 15,2${NNBSP}%); 2013 waren es 20,1${NNBSP}%.`,
    );
  });

  it('summarizeSeries(series, city, "en") writes English with decimal points', () => {
    const s = summarizeSeries(RATE, 'Tiergarten Süd', 'Berlin', [v(2013, 20.1), v(2019, 17.7)], city, 'en');
    expect(s).toBe(
      `Unemployed in Tiergarten Süd in 2019: 17.7${NNBSP}% (Berlin: 15.2${NNBSP}%); in 2013 it was 20.1${NNBSP}%.`,
    );
  });

  it('summarizeSeries() takes the latest year with a number, not a later suppressed year', () => {
    const s = summarizeSeries(
      RATE,
      'Mitte',
      'Berlin',
      [v(2013, 20.1), v(2019, 17.7), v(2021, undefined, 'suppressed')],
      city,
      'de',
    );
    expect(s.startsWith('Arbeitslose in Mitte 2019: 17,7')).toBe(true);
    expect(s).not.toContain('2021');
  });

  it('summarizeSeries(single year) names just that year', () => {
    expect(summarizeSeries(RATE, 'Mitte', 'Berlin', [v(2019, 17.7)], city, 'de')).toBe(
      `Arbeitslose in Mitte 2019: 17,7${NNBSP}% (Berlin: 15,2${NNBSP}%).`,
    );
  });

  it('summarizeSeries() leaves out the city when the city has no number that year', () => {
    const suppressedCity = new Map<number, Value>([[2019, v(2019, undefined, 'suppressed')]]);
    expect(summarizeSeries(RATE, 'Mitte', 'Berlin', [v(2019, 17.7)], suppressedCity, 'de')).toBe(
      `Arbeitslose in Mitte 2019: 17,7${NNBSP}%.`,
    );
  });

  it('summarizeSeries(no numbers) says there are no values, never "0"', () => {
    const series = [v(2013, undefined, 'suppressed'), v(2019, undefined, 'missing')];
    expect(summarizeSeries(RATE, 'Mitte', 'Berlin', series, city, 'de')).toBe(
      'Arbeitslose: für Mitte liegen keine Werte vor.',
    );
    expect(summarizeSeries(RATE, 'Mitte', 'Berlin', series, city, 'en')).toBe(
      'Unemployed: no values are available for Mitte.',
    );
  });
});
