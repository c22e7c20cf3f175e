import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SCHEMES } from '../../../src/lib/charts/choropleth.ts';
import type { MapFrame } from '../../../src/lib/charts/mapFrame.ts';
import { CITY, ValueStore, type Value } from '../../../src/lib/indicators/store.ts';
import { buildIndicatorMap, type IndicatorMapInput } from '../../../src/lib/pages/homePage.ts';
import type { Unit } from '../../../src/lib/types.ts';
import { IndicatorSchema, type CellStatus, type Indicator } from '../../../src/schemas/atlasConfig.ts';
import { expectSvgSnapshot } from '../../snapshot.ts';

const NNBSP = '\u202f';

function indicator(input: Record<string, unknown> & { id: string }): Indicator {
  return IndicatorSchema.parse({
    label: { de: 'Arbeitslose', en: 'Unemployed' },
    definition: { de: 'x' },
    source: 'mss',
    polarity: 'negative',
    decimals: 1,
    type: 'value',
    unit: { de: '%' },
    ...input,
  });
}

const QUOTE = indicator({ id: 'quote' });

function unit(id: string, name: string): Unit {
  return { id, name, level: 'bezirk', areaM2: 1, bbox: [13, 52, 13.1, 52.1], interiorPoint: [13.05, 52.05] };
}

/** Five Bezirke in a row; the fifth has a suppressed value. */
const UNITS = [unit('01', 'Mitte'), unit('02', 'Nord'), unit('03', 'Ost'), unit('04', 'Süd'), unit('05', 'West')];
const FRAME: MapFrame = { width: 50, height: 10, path: () => '', point: () => [0, 0] };
const PATHS = new Map(UNITS.map((u, i) => [u.id, `M${i * 10},0L${i * 10 + 10},0L${i * 10 + 10},10L${i * 10},10Z`]));

function v(unitId: string, value: number | undefined, status: CellStatus = 'value', indicatorId = 'quote'): Value {
  return { unit: unitId, indicator: indicatorId, year: 2019, status, value, method: 'published' };
}

function storeOf(values: Value[]): ValueStore {
  const s = new ValueStore();
  for (const x of values) s.set(x);
  return s;
}

const VALUES = [v('01', 5), v('02', 10), v('03', 15), v('04', 20), v('05', undefined, 'suppressed'), v(CITY, 12)];

function input(o: Partial<IndicatorMapInput> = {}): IndicatorMapInput {
  return {
    indicator: QUOTE,
    store: storeOf(VALUES),
    units: UNITS,
    levelLabelPlural: { de: 'Bezirke', en: 'districts' },
    cityName: { de: 'München', en: 'Munich' },
    frame: FRAME,
    paths: PATHS,
    borders: [],
    year: 2019,
    urlOf: (u, lang) => `${lang === 'en' ? '/en' : ''}/bezirk/${u.id}/`,
    idPrefix: 'home',
    ...o,
  };
}

function parse(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('no svg');
  return root;
}

describe('buildIndicatorMap: summary', () => {
  it('buildIndicatorMap(input) counts the units above the city value in its summary sentence', () => {
    const m = buildIndicatorMap(input());
    // 15 and 20 lie above 12; 5 and 10 below; West is suppressed.
    expect(m.summary.de).toBe(
      `Arbeitslose 2019: In 2 der 4 Bezirke liegt der Wert über dem Wert für München (12,0${NNBSP}%). 1 ohne Daten.`,
    );
    expect(m.summary.en).toBe(
      `Unemployed 2019: 2 of 4 districts are above the value for Munich (12.0${NNBSP}%). 1 without data.`,
    );
  });

  it('buildIndicatorMap(value equal to the city value) does not count it as above', () => {
    const m = buildIndicatorMap(
      input({ store: storeOf([v('01', 12), v('02', 12.1), v(CITY, 12)]), units: UNITS.slice(0, 2) }),
    );
    expect(m.summary.en).toBe(`Unemployed 2019: 1 of 2 districts are above the value for Munich (12.0${NNBSP}%).`);
  });

  it('buildIndicatorMap(no city value) names the highest value instead', () => {
    const m = buildIndicatorMap(input({ store: storeOf(VALUES.filter((x) => x.unit !== CITY)) }));
    expect(m.summary.de).toBe(
      `Arbeitslose 2019: Werte für 4 Bezirke; höchster Wert in Süd (20,0${NNBSP}%). 1 ohne Daten.`,
    );
    expect(m.summary.en).toBe(
      `Unemployed 2019: values for 4 districts; highest in Süd (20.0${NNBSP}%). 1 without data.`,
    );
  });
});

describe('buildIndicatorMap: classes', () => {
  it('buildIndicatorMap(input) puts units into quantile classes of the polarity scheme and counts them', () => {
    const m = buildIndicatorMap(input());
    // Quantiles of 5, 10, 15, 20 at 0.2 … 0.8: 8, 11, 14, 17.
    expect(m.colors).toEqual([...SCHEMES.negative]);
    expect(m.rows.map((r) => r.classIndex)).toEqual([0, 1, 3, 4, undefined]);
    expect(m.counts).toEqual([1, 1, 0, 1, 1]);
    expect(m.noData).toBe(1);
  });

  it('buildIndicatorMap(input) writes class bounds per language, the last class closed', () => {
    const m = buildIndicatorMap(input());
    expect(m.legend.de).toEqual([
      '5,0 bis unter 8,0',
      '8,0 bis unter 11,0',
      '11,0 bis unter 14,0',
      '14,0 bis unter 17,0',
      '17,0 bis 20,0',
    ]);
    expect(m.legend.en[0]).toBe('5.0 to under 8.0');
    expect(m.legend.en[4]).toBe('17.0 to 20.0');
  });

  it('buildIndicatorMap(few distinct values) uses fewer colours', () => {
    const m = buildIndicatorMap(
      input({ store: storeOf([v('01', 1), v('02', 1), v('03', 1), v('04', 2)]), units: UNITS.slice(0, 4) }),
    );
    expect(m.colors.length).toBeLessThan(5);
    expect(m.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('buildIndicatorMap(positive polarity) uses the positive scheme', () => {
    const m = buildIndicatorMap(input({ indicator: indicator({ id: 'quote', polarity: 'positive' }) }));
    expect(m.colors[0]).toBe(SCHEMES.positive[0]);
  });

  it('buildIndicatorMap(class indicator) classes by the codes and labels the legend with class names', () => {
    const status = indicator({
      id: 'status',
      type: 'class',
      decimals: 0,
      unit: undefined,
      classes: [1, 2, 3].map((value) => ({ value, label: { de: `Stufe ${value}`, en: `Level ${value}` } })),
    });
    const store = storeOf([
      v('01', 1, 'value', 'status'),
      v('02', 3, 'value', 'status'),
      v('03', 2, 'value', 'status'),
      v(CITY, 2, 'value', 'status'),
    ]);
    const m = buildIndicatorMap(input({ indicator: status, store, units: UNITS.slice(0, 4) }));
    expect(m.rows.map((r) => r.classIndex)).toEqual([0, 2, 1, undefined]);
    expect(m.legend.de).toEqual(['Stufe 1', 'Stufe 2', 'Stufe 3']);
    expect(m.legend.en).toEqual(['Level 1', 'Level 2', 'Level 3']);
    // A class has no "above the city value".
    expect(m.summary.de).not.toContain('über dem Wert');
  });
});

describe('buildIndicatorMap: rows and map', () => {
  it('buildIndicatorMap(input) lists every unit with its status, a unit without any value as missing', () => {
    const m = buildIndicatorMap(input({ store: storeOf(VALUES.filter((x) => x.unit !== '04')) }));
    expect(m.rows.map((r) => [r.id, r.status, r.value])).toEqual([
      ['01', 'value', 5],
      ['02', 'value', 10],
      ['03', 'value', 15],
      ['04', 'missing', undefined],
      ['05', 'suppressed', undefined],
    ]);
    expect(m.rows[0]?.url).toBe('/bezirk/01/');
    expect(m).toMatchObject({ indicator: 'quote', level: 'bezirk', year: 2019, noData: 2 });
  });

  it('buildIndicatorMap(input) links every unit in each language and names its value or status', () => {
    const m = buildIndicatorMap(input());
    const links = (svg: string) =>
      Array.from(parse(svg).querySelectorAll('a')).map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]);
    expect(links(m.svg.de)).toEqual([
      ['/bezirk/01/', `Mitte: 5,0${NNBSP}%`],
      ['/bezirk/02/', `Nord: 10,0${NNBSP}%`],
      ['/bezirk/03/', `Ost: 15,0${NNBSP}%`],
      ['/bezirk/04/', `Süd: 20,0${NNBSP}%`],
      ['/bezirk/05/', 'West: geheim gehalten'],
    ]);
    expect(links(m.svg.en)[4]).toEqual(['/en/bezirk/05/', 'West: suppressed']);
    expect(parse(m.svg.en).getAttribute('aria-label')).toBe('Unemployed, districts, 2019');
  });

  it('buildIndicatorMap(suppressed unit) hatches it, never fills it with a colour of the scale', () => {
    const m = buildIndicatorMap(input());
    const fills = Array.from(parse(m.svg.de).querySelectorAll('a path')).map((p) => p.getAttribute('fill'));
    expect(fills[4]).toBe('url(#home-de-nodata)');
    expect(fills.slice(0, 4)).toEqual([
      SCHEMES.negative[0],
      SCHEMES.negative[1],
      SCHEMES.negative[3],
      SCHEMES.negative[4],
    ]);
    expect(m.svg.en).toContain('id="home-en-nodata"');
  });

  it('buildIndicatorMap(input) matches the snapshot', async () => {
    await expectSvgSnapshot(buildIndicatorMap(input({ borders: ['M0,0L50,0L50,10L0,10Z'] })).svg.de, 'homePage-map-de');
  });
});
