import { describe, expect, it } from 'vitest';
import {
  breakBetween,
  checkBreakData,
  checkBreakReferences,
  createBreakIndex,
  segmentOf,
  type ResolvedBreak,
} from '../../../src/lib/indicators/breaks.ts';
import { CITY } from '../../../src/lib/indicators/store.ts';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { IndicatorSchema, SeriesBreakSchema, type Indicator } from '../../../src/schemas/atlasConfig.ts';

/** Made-up indicators and breaks: a rate with a method break, a count of another source. */
function indicator(input: Record<string, unknown> & { id: string }): Indicator {
  return IndicatorSchema.parse({
    label: { de: input.id },
    definition: { de: 'x' },
    source: 'amt',
    polarity: 'neutral',
    decimals: 1,
    type: 'value',
    ...input,
  });
}
const text = { de: 'geändert', en: 'changed' };
const QUOTE = indicator({
  id: 'quote',
  comparableChange: 'quote_change',
  breaks: [
    { year: 2019, kind: 'definition', text },
    { year: 2017, kind: 'method', text, levels: ['stadtteil'] },
  ],
});
const CHANGE = indicator({ id: 'quote_change' });
const EW = indicator({ id: 'ew', type: 'count', source: 'register' });
const BOUNDARY = SeriesBreakSchema.parse({ year: 2020, kind: 'boundary', text, units: ['11'], sources: ['register'] });
const CONFIG = { indicators: [QUOTE, CHANGE, EW], breaks: [BOUNDARY] };
const STADTTEIL = { id: '11', level: 'stadtteil' };
const BEZIRK = { id: '1', level: 'stadtbezirk' };

describe('createBreakIndex', () => {
  it("of(indicator, unit) lists the indicator's breaks for that unit's level, ascending by year", () => {
    const index = createBreakIndex(CONFIG);
    expect(index.of('quote', STADTTEIL).map((b) => [b.year, b.kind, b.where])).toEqual([
      [2017, 'method', 'indicators[0].breaks[1]'],
      [2019, 'definition', 'indicators[0].breaks[0]'],
    ]);
    expect(index.of('quote', BEZIRK).map((b) => b.year)).toEqual([2019]);
    // Level- and unit-bound breaks do not concern the city.
    expect(index.of('quote', CITY).map((b) => b.year)).toEqual([2019]);
  });

  it('of(indicator, unit) applies a top-level break to the named units and the indicators of its sources only', () => {
    const index = createBreakIndex(CONFIG);
    expect(index.of('ew', STADTTEIL)).toEqual([
      { year: 2020, kind: 'boundary', text, where: 'breaks[0]', unitScoped: true },
    ]);
    expect(index.of('ew', { id: '12', level: 'stadtteil' })).toEqual([]);
    expect(index.of('quote', STADTTEIL).some((b) => b.kind === 'boundary')).toBe(false);
    expect(index.all.find((b) => b.where === 'breaks[0]')?.indicators).toEqual(['ew']);
  });

  it('of(indicator without breaks) is empty', () => {
    expect(createBreakIndex(CONFIG).of('quote_change', STADTTEIL)).toEqual([]);
  });
});

describe('breakBetween / segmentOf', () => {
  const breaks = createBreakIndex(CONFIG).of('quote', STADTTEIL);
  it('breakBetween(from, to) finds a break with from < year ≤ to, also when the year itself is missing', () => {
    expect(breakBetween(breaks, 2017, 2019)?.year).toBe(2019);
    expect(breakBetween(breaks, 2015, 2019)?.year).toBe(2017);
    expect(breakBetween(breaks, 2013, 2015)).toBeUndefined();
    expect(breakBetween(breaks, 2019, 2021)).toBeUndefined();
    expect(breakBetween(breaks, 2019, 2017)?.year).toBe(2019);
  });

  it('segmentOf(year) counts the breaks up to and including the year', () => {
    expect([2013, 2015, 2017, 2018, 2019, 2021].map((y) => segmentOf(breaks, y))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(segmentOf([] as ResolvedBreak[], 2019)).toBe(0);
  });
});

describe('checkBreakReferences', () => {
  const levels = [{ id: 'stadtbezirk' }, { id: 'stadtteil' }] as never;
  const sources = [{ id: 'amt' }, { id: 'register' }] as never;
  const problems = (c: Partial<Parameters<typeof checkBreakReferences>[0]>) => {
    const out: string[] = [];
    checkBreakReferences({ ...CONFIG, levels, sources, ...c }, (field, message) => out.push(`${field}: ${message}`));
    return out;
  };

  it('checkBreakReferences(valid config) reports nothing', () => {
    expect(problems({})).toEqual([]);
  });

  it('checkBreakReferences() reports unknown indicators, sources and levels and a bad comparableChange', () => {
    const bad = SeriesBreakSchema.parse({
      year: 2020,
      kind: 'source',
      text,
      indicators: ['x'],
      sources: ['y'],
      levels: ['z'],
    });
    expect(
      problems({
        indicators: [
          indicator({ id: 'a', comparableChange: 'nope' }),
          indicator({ id: 'b', comparableChange: 'b' }),
          indicator({ id: 'c', comparableChange: 'k' }),
          indicator({ id: 'k', type: 'class', classes: [{ value: 1, label: { de: 'x' } }] }),
          indicator({ id: 'd', breaks: [{ year: 2020, kind: 'method', text, levels: ['bezirke'] }] }),
        ],
        breaks: [bad],
      }),
    ).toEqual([
      'indicators[0].comparableChange: Unbekanntes Merkmal "nope".',
      'indicators[1].comparableChange: Ein Merkmal kann nicht seine eigene Veränderung sein.',
      'indicators[2].comparableChange: "k" ist ein Klassen-Merkmal (type: class), keine Veränderung.',
      'indicators[4].breaks[0].levels[0]: Unbekannte Ebene "bezirke".',
      'breaks[0].indicators[0]: Unbekanntes Merkmal "x".',
      'breaks[0].sources[0]: Unbekannte Quelle "y".',
      'breaks[0].levels[0]: Unbekannte Ebene "z".',
    ]);
  });
});

describe('checkBreakData', () => {
  const units = [STADTTEIL, BEZIRK, { id: '12', level: 'stadtteil' }];
  const cells = [
    ...[2013, 2015, 2017, 2019].map((year) => ({ indicator: 'quote', year })),
    ...[2019, 2020].map((year) => ({ indicator: 'ew', year })),
  ];
  const run = (config: Parameters<typeof checkBreakData>[0]) => {
    const log = new ProblemLog();
    checkBreakData(config, units, cells, log, 'atlas.yml', (path) => path.length * 10);
    return log.errors.map((e) => `${e.field} (${e.line}): ${e.message}`);
  };

  it('checkBreakData(valid breaks) reports nothing', () => {
    expect(run(CONFIG)).toEqual([]);
  });

  it('checkBreakData() reports a break in a year the series does not have, and units that do not exist', () => {
    const quote = indicator({ id: 'quote', breaks: [{ year: 2018, kind: 'method', text, units: ['11', '13'] }] });
    const top = SeriesBreakSchema.parse({
      year: 2018,
      kind: 'boundary',
      text,
      indicators: ['ew'],
      units: ['1'],
      levels: ['stadtteil'],
    });
    const none = SeriesBreakSchema.parse({ year: 2010, kind: 'source', text, sources: ['register'] });
    expect(run({ indicators: [quote, EW], breaks: [top, none] })).toEqual([
      'indicators[0].breaks[0].units[1] (60): "13" ist kein Gebiet des Atlas.',
      'indicators[0].breaks[0].year (50): Die Reihe von "quote" hat kein Jahr 2018 (Jahre: 2013, 2015, 2017, 2019).',
      'breaks[0].units[0] (40): "1" ist ein Gebiet der Ebene stadtbezirk, der Bruch gilt nur für stadtteil.',
      'breaks[0].year (40): Die Reihe von "ew" hat kein Jahr 2018 (Jahre: 2019, 2020).',
      'breaks[1].year (30): Keines der betroffenen Merkmale hat Werte für 2010.',
    ]);
  });
});
