import { describe, expect, it } from 'vitest';
import {
  changeUnit,
  describeBreak,
  describeChange,
  describeDate,
  describeMethod,
  describeValue,
  summarizeSeries,
} from '../../../src/lib/indicators/describe.ts';
import type { ResolvedBreak } from '../../../src/lib/indicators/breaks.ts';
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
  const berlin = [{ name: 'Berlin', byYear: city }];

  it('summarizeSeries(series, city, "de") names the latest value, the city value and the first value', () => {
    const s = summarizeSeries(
      RATE,
      'Tiergarten Süd',
      [v(2013, 20.1), v(2016, undefined, 'missing'), v(2019, 17.7)],
      berlin,
      [],
      'de',
    );
    expect(s).toBe(
      `Arbeitslose in Tiergarten Süd 2019: 17,7${NNBSP}% (Berlin: 15,2${NNBSP}%); 2013 waren es 20,1${NNBSP}%.`,
    );
  });

  it('summarizeSeries(series, city, "en") writes English with decimal points', () => {
    const s = summarizeSeries(RATE, 'Tiergarten Süd', [v(2013, 20.1), v(2019, 17.7)], berlin, [], 'en');
    expect(s).toBe(
      `Unemployed in Tiergarten Süd in 2019: 17.7${NNBSP}% (Berlin: 15.2${NNBSP}%); in 2013 it was 20.1${NNBSP}%.`,
    );
  });

  it('summarizeSeries() names the Stichtag of both values and every comparison with a number, in order', () => {
    const dated = (year: number, value: number) => ({ ...v(year, value), date: `${year - 1}-12-31` });
    const parent = new Map<number, Value>([[2019, v(2019, 39.04)]]);
    const grand = new Map<number, Value>([[2019, v(2019, 43.17)]]);
    const noCity = new Map<number, Value>();
    const s = summarizeSeries(
      RATE,
      'Reuterkiez',
      [dated(2017, 35.1), dated(2019, 32.69)],
      [
        { name: 'Reuterstraße', byYear: parent },
        { name: 'Neukölln', byYear: grand },
        { name: 'Berlin', byYear: noCity },
      ],
      [],
      'de',
    );
    expect(s).toBe(
      `Arbeitslose in Reuterkiez 2019 (Stand 31.12.2018): 32,7${NNBSP}% (Reuterstraße: 39,0${NNBSP}%, Neukölln: 43,2${NNBSP}%); 2017 (Stand 31.12.2016) waren es 35,1${NNBSP}%.`,
    );
  });

  it('summarizeSeries() never compares across a break: it compares within the last stretch and names the break', () => {
    const series = [v(2013, 20.1), v(2015, 19), v(2017, 18), v(2019, 12)];
    const cut: ResolvedBreak = {
      year: 2019,
      kind: 'definition',
      text: { de: 'nur noch SGB II', en: 'SGB II only' },
      where: 'indicators[0].breaks[0]',
      unitScoped: false,
    };
    expect(summarizeSeries(RATE, 'Mitte', series, [], [cut], 'de')).toBe(
      `Arbeitslose in Mitte 2019: 12,0${NNBSP}%. Frühere Werte sind nicht vergleichbar – Definitionsänderung 2019: nur noch SGB II.`,
    );
    expect(summarizeSeries(RATE, 'Mitte', series, [], [cut], 'en')).toBe(
      `Unemployed in Mitte in 2019: 12.0${NNBSP}%. Earlier values are not comparable – change of definition 2019: SGB II only.`,
    );
    // A break in 2017 (method): 2019 is compared with 2017, the first value after it, and the break is named.
    const method = { ...cut, year: 2017, kind: 'method' as const, text: { de: 'neu berechnet' } };
    expect(summarizeSeries(RATE, 'Mitte', series, [], [method], 'de')).toBe(
      `Arbeitslose in Mitte 2019: 12,0${NNBSP}%; 2017 waren es 18,0${NNBSP}%. Frühere Werte sind nicht vergleichbar – Methodenwechsel 2017: neu berechnet.`,
    );
    // A break before the first value says nothing.
    expect(summarizeSeries(RATE, 'Mitte', series.slice(2), [], [method], 'de')).not.toContain('nicht vergleichbar');
  });

  it('summarizeSeries() takes the latest year with a number, not a later suppressed year', () => {
    const s = summarizeSeries(
      RATE,
      'Mitte',
      [v(2013, 20.1), v(2019, 17.7), v(2021, undefined, 'suppressed')],
      berlin,
      [],
      'de',
    );
    expect(s.startsWith('Arbeitslose in Mitte 2019: 17,7')).toBe(true);
    expect(s).not.toContain('2021');
  });

  it('summarizeSeries(single year) names just that year', () => {
    expect(summarizeSeries(RATE, 'Mitte', [v(2019, 17.7)], berlin, [], 'de')).toBe(
      `Arbeitslose in Mitte 2019: 17,7${NNBSP}% (Berlin: 15,2${NNBSP}%).`,
    );
  });

  it('summarizeSeries() leaves out the city when the city has no number that year', () => {
    const suppressedCity = new Map<number, Value>([[2019, v(2019, undefined, 'suppressed')]]);
    expect(
      summarizeSeries(RATE, 'Mitte', [v(2019, 17.7)], [{ name: 'Berlin', byYear: suppressedCity }], [], 'de'),
    ).toBe(`Arbeitslose in Mitte 2019: 17,7${NNBSP}%.`);
  });

  it('summarizeSeries(no numbers) says there are no values, never "0"', () => {
    const series = [v(2013, undefined, 'suppressed'), v(2019, undefined, 'missing')];
    expect(summarizeSeries(RATE, 'Mitte', series, berlin, [], 'de')).toBe(
      'Arbeitslose: für Mitte liegen keine Werte vor.',
    );
    expect(summarizeSeries(RATE, 'Mitte', series, berlin, [], 'en')).toBe(
      'Unemployed: no values are available for Mitte.',
    );
  });
});

describe('describeBreak / describeDate / describeMethod', () => {
  it('describeBreak(kind, year) words each kind of break with its year', () => {
    expect(describeBreak({ year: 2019, kind: 'method' }, 'de')).toBe('Methodenwechsel 2019');
    expect(describeBreak({ year: 2019, kind: 'definition' }, 'de')).toBe('Definitionsänderung 2019');
    expect(describeBreak({ year: 2019, kind: 'boundary' }, 'de')).toBe('Gebietsänderung 2019');
    expect(describeBreak({ year: 2021, kind: 'source' }, 'en')).toBe('change of source 2021');
  });

  it('describeDate(date, year) is the formatted Stichtag, or the year without one', () => {
    expect(describeDate('2018-12-31', 2019, 'de')).toBe('31.12.2018');
    expect(describeDate('2018-12-31', 2019, 'en')).toBe('31 December 2018');
    expect(describeDate(undefined, 2019, 'de')).toBe('2019');
  });

  it('describeMethod(method) says whether a value is published or computed', () => {
    expect(describeMethod('published', 'de')).toBe('veröffentlicht');
    expect(describeMethod('sum', 'de')).toBe('Summe der Teilgebiete');
    expect(describeMethod('ratio', 'en')).toBe('computed from counts');
  });
});
