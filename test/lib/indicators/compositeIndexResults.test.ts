/**
 * Pairs, comparisons and result indicators of composite indices on MADE-UP results (units u1–u3, classes and
 * indicator ids invented).
 */
import { describe, expect, it } from 'vitest';
import type { ResolvedEdition } from '../../../src/lib/indicators/compositeIndex.ts';
import { outputIndicators, pairIndex, type IndexResult } from '../../../src/lib/indicators/compositeIndexResults.ts';
import { ValueStore } from '../../../src/lib/indicators/store.ts';
import { AtlasConfigSchema, IndicatorSchema, type AtlasConfig } from '../../../src/schemas/atlasConfig.ts';
import { CompositeIndexSchema } from '../../../src/schemas/compositeIndex.ts';

const method = (year: number, inputs: string[]): ResolvedEdition => ({
  year,
  inputs: inputs.map((indicator) => ({ indicator, weight: 1, invert: false })),
  combine: 'mean',
  restandardise: true,
  standardDeviation: 'population',
  thresholds: [0],
  rules: ['above'],
});

function computed(id: string, codes: string[], editions: IndexResult['editions']): IndexResult {
  return {
    index: CompositeIndexSchema.parse({
      id,
      label: { de: id.toUpperCase() },
      shortLabel: { de: id === 's' ? 'Status' : 'Dynamik' },
      description: { de: 'erfunden' },
      polarity: 'negative',
      level: 'teil',
      classes: codes.map((code) => ({ code, label: { de: `k${code}` } })),
      editions: [{ year: 2020, inputs: [{ indicator: 'a' }] }],
    }),
    level: 'teil',
    outputs: { value: `${id}-wert`, class: `${id}-klasse` },
    classes: codes.map((code, i) => ({ value: i + 1, code, label: { de: `k${code}`, en: `c${code}` } })),
    editions,
    source: 'amt',
  };
}

const status = computed(
  's',
  ['1', '2'],
  [
    {
      year: 2020,
      method: method(2020, ['a', 'b']),
      classified: [
        { unit: 'u1', z: -1, cls: 0 },
        { unit: 'u2', z: 1, cls: 1 },
      ],
      unclassified: [{ unit: 'u3', status: 'notApplicable', lacking: [{ indicator: 'a', status: 'notApplicable' }] }],
      classCounts: [1, 1],
    },
    {
      year: 2022,
      method: method(2022, ['a']),
      classified: [],
      unclassified: [],
      classCounts: [0, 0],
    },
  ],
);
const dynamics = computed(
  'd',
  ['+', '+/-', '-'],
  [
    {
      year: 2020,
      method: method(2020, ['c']),
      classified: [
        { unit: 'u1', z: 0, cls: 1 },
        { unit: 'u2', z: 2, cls: 2 },
        { unit: 'u3', z: -2, cls: 0 },
      ],
      unclassified: [],
      classCounts: [1, 1, 1],
    },
  ],
);
const pairConfig = CompositeIndexSchema.parse({
  id: 'sd',
  label: { de: 'Status und Dynamik' },
  description: { de: 'erfunden' },
  polarity: 'negative',
  pair: ['s', 'd'],
  compareWith: 'pub',
});

describe('pairIndex()', () => {
  const store = new ValueStore();
  const pubClasses = ['1+', '1+/-', '1-', '2+', '2+/-', '2-'].map((code, i) => ({
    value: i + 1,
    code,
    label: { de: code },
  }));
  const pub = IndicatorSchema.parse({
    id: 'pub',
    label: { de: 'veröffentlicht' },
    definition: { de: 'x' },
    source: 'amt',
    polarity: 'negative',
    decimals: 0,
    type: 'class',
    classes: pubClasses,
  });
  // published: u1 "1+/-" (as computed), u2 "2+/-" (computed "2-")
  store.set({ unit: 'u1', indicator: 'pub', year: 2020, status: 'value', value: 2, method: 'published' });
  store.set({ unit: 'u2', indicator: 'pub', year: 2020, status: 'value', value: 5, method: 'published' });
  const r = pairIndex(pairConfig, status, dynamics, ['u1', 'u2', 'u3'], store, new Map([['pub', pub]]));

  it('crosses the classes: 2 × 3 = 6, code "<status><dynamics>", label "<short> <class>, <short> <class>"', () => {
    expect(r.classes.map((c) => [c.value, c.code])).toEqual([
      [1, '1+'],
      [2, '1+/-'],
      [3, '1-'],
      [4, '2+'],
      [5, '2+/-'],
      [6, '2-'],
    ]);
    expect(r.classes[1]?.label).toEqual({ de: 'Status k1, Dynamik k+/-', en: 'Status c1, Dynamik c+/-' });
  });

  it('forms only the years both indices have, and classifies a unit only when both do', () => {
    expect(r.editions.map((e) => e.year)).toEqual([2020]);
    const e = r.editions[0];
    expect(e?.classified).toEqual([
      { unit: 'u1', cls: 1 },
      { unit: 'u2', cls: 5 },
    ]);
    expect(e?.unclassified).toEqual([
      { unit: 'u3', status: 'notApplicable', lacking: [{ indicator: 's-klasse', status: 'notApplicable' }] },
    ]);
    expect(e?.classCounts).toEqual([0, 1, 0, 0, 0, 1]);
  });

  it('compares the crossed codes with a published class indicator', () => {
    expect(r.editions[0]?.comparison).toMatchObject({
      indicator: 'pub',
      compared: 2,
      equal: 1,
      disagreements: [{ unit: 'u2', computed: '2-', published: '2+/-' }],
      publishedCounts: { '1+/-': 1, '2+/-': 1 },
    });
    expect(r.source).toBe('amt');
  });
});

describe('outputIndicators()', () => {
  const config = { sources: [{ id: 'amt' }] } as unknown as AtlasConfig;
  const a = IndicatorSchema.parse({
    id: 'b',
    label: { de: 'Quote B', en: 'Rate B' },
    definition: { de: 'x' },
    source: 'amt',
    polarity: 'negative',
    decimals: 1,
    type: 'value',
  });

  it('makes <id>-wert (value) and <id>-klasse (class), not key figures, with a method break where the inputs change', () => {
    const [value, cls] = outputIndicators(status, config, new Map([['b', a]]));
    expect(value).toMatchObject({ id: 's-wert', type: 'value', keyFigure: false, source: 'amt', polarity: 'negative' });
    expect(cls).toMatchObject({ id: 's-klasse', type: 'class', keyFigure: false });
    expect(cls?.classes?.map((c) => c.code)).toEqual(['1', '2']);
    expect(value?.breaks).toEqual([
      {
        year: 2022,
        kind: 'method',
        text: {
          de: 'Index ab 2022 anders berechnet: ohne Quote B.',
          en: 'Index computed differently from 2022: without Rate B.',
        },
      },
    ]);
    expect(value?.definition.de).toContain('/methoden/s/');
  });

  it('a pair makes only a class indicator', () => {
    const r = pairIndex(pairConfig, status, dynamics, ['u1'], new ValueStore(), new Map());
    expect(outputIndicators(r, config, new Map()).map((i) => i.id)).toEqual(['sd-klasse']);
  });

  it('the schema of the config accepts no indices key it does not know (strict)', () => {
    const r = AtlasConfigSchema.shape.indices.safeParse([{ ...pairConfig, extra: 1 }]);
    expect(r.success).toBe(false);
  });
});
