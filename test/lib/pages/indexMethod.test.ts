/**
 * The method page model on a MADE-UP index result (units, names, values and classes invented): display-ready texts,
 * agreement counts, the disagreement table with both values, class ranges and the rule at a threshold.
 */
import { describe, expect, it } from 'vitest';
import type { IndexResult } from '../../../src/lib/indicators/compositeIndexResults.ts';
import {
  buildIndexMethodPage,
  buildIndexOverview,
  formatShare,
  type IndexPageContext,
  type TableModel,
} from '../../../src/lib/pages/indexMethod.ts';
import { CompositeIndexSchema } from '../../../src/schemas/compositeIndex.ts';
import { IndicatorSchema } from '../../../src/schemas/atlasConfig.ts';

const index = CompositeIndexSchema.parse({
  id: 'belastung',
  label: { de: 'Belastungsindex', en: 'Strain index' },
  description: { de: 'Erfunden.' },
  polarity: 'negative',
  level: 'teil',
  thresholds: [-1, 1],
  atThreshold: ['above', 'below'],
  compareWith: 'pub',
  classes: [
    { code: 'A', label: { de: 'gering', en: 'low' } },
    { code: 'B', label: { de: 'mittel', en: 'medium' } },
    { code: 'C', label: { de: 'hoch', en: 'high' } },
  ],
  editions: [{ year: 2023, inputs: [{ indicator: 'quote' }] }],
});

const result: IndexResult = {
  index,
  level: 'teil',
  outputs: { value: 'belastung-wert', class: 'belastung-klasse' },
  source: 'amt',
  classes: [
    { value: 1, code: 'A', label: { de: 'gering', en: 'low' } },
    { value: 2, code: 'B', label: { de: 'mittel', en: 'medium' } },
    { value: 3, code: 'C', label: { de: 'hoch', en: 'high' } },
  ],
  editions: [
    {
      year: 2023,
      method: {
        year: 2023,
        inputs: [{ indicator: 'quote', weight: 1, invert: false }],
        combine: 'mean',
        restandardise: true,
        standardDeviation: 'population',
        thresholds: [-1, 1],
        rules: ['above', 'below'],
        compareWith: 'pub',
      },
      classified: [
        { unit: 't1', z: -1.5, cls: 0 },
        { unit: 't2', z: 0.2, cls: 1 },
        { unit: 't3', z: 1.30051, cls: 2 },
      ],
      unclassified: [{ unit: 't4', status: 'suppressed', lacking: [{ indicator: 'quote', status: 'suppressed' }] }],
      classCounts: [1, 1, 1],
      nearest: { unit: 't3', z: 1.30051, threshold: 1 },
      comparison: {
        indicator: 'pub',
        compared: 3,
        equal: 2,
        share: 2 / 3,
        disagreements: [{ unit: 't3', computed: 'C', published: 'B' }],
        computedOnly: [],
        publishedOnly: [],
        publishedCounts: { A: 1, B: 2 },
      },
    },
  ],
};

const ctx: IndexPageContext = {
  results: [result],
  indicators: new Map([
    [
      'quote',
      IndicatorSchema.parse({
        id: 'quote',
        label: { de: 'Quote', en: 'Rate' },
        definition: { de: 'x' },
        source: 'amt',
        polarity: 'negative',
        decimals: 1,
        type: 'value',
      }),
    ],
    [
      'pub',
      IndicatorSchema.parse({
        id: 'pub',
        label: { de: 'Veröffentlichter Index' },
        definition: { de: 'x' },
        source: 'amt',
        polarity: 'negative',
        decimals: 0,
        type: 'class',
        classes: [{ value: 1, code: 'A', label: { de: 'a' } }],
      }),
    ],
  ]),
  units: new Map([
    ['t1', { name: 'Nordpark', url: '/teil/t1/' }],
    ['t2', { name: 'Mitte', url: '/teil/t2/' }],
    ['t3', { name: 'Hafen', url: '/teil/t3/' }],
    ['t4', { name: 'Süd', url: '/teil/t4/' }],
  ]),
  levels: new Map([
    ['teil', { label: { de: 'Stadtteil', en: 'District' }, labelPlural: { de: 'Stadtteile', en: 'Districts' } }],
  ]),
  sources: new Map([['amt', { title: { de: 'Amt für Statistik' }, attribution: 'Amt (erfunden)' }]]),
  cityName: { de: 'Musterstadt' },
};

const cellTexts = (t: TableModel) =>
  t.rows.map((r) => [r.head.map((p) => p.text).join(''), ...r.cells.map((c) => c.parts.map((p) => p.text).join(''))]);

describe('buildIndexMethodPage()', () => {
  const de = buildIndexMethodPage(result, ctx, 'de');
  const en = buildIndexMethodPage(result, ctx, 'en');

  it('states the agreement per edition as "2 von 3 (66,6 %)": rounded down, never up to a better figure', () => {
    expect(de.summary).toContain(
      'Gleiche Klasse wie in der veröffentlichten Einstufung „Veröffentlichter Index“: 2023: 2 von 3 (66,6\u202f%).',
    );
    expect(cellTexts(de.results.table)).toEqual([['2023', '3', '1', '3', '2', '2 von 3 (66,6\u202f%)']]);
    expect(cellTexts(en.results.table)[0]?.[5]).toBe('2 of 3 (66.6%)');
  });

  it('lists every disagreement with unit link, computed z, computed and published class', () => {
    const table = de.disagreements?.editions[0]?.table;
    expect(table?.caption).toBe('Ausgabe 2023: 1 Abweichungen');
    expect(table?.rows[0]?.head).toEqual([{ text: 'Hafen (t3)', href: '/teil/t3/' }]);
    expect(cellTexts(table as TableModel)).toEqual([['Hafen (t3)', '1,301', 'C hoch', 'B mittel']]);
    expect(en.disagreements?.editions[0]?.table?.rows[0]?.head[0]?.href).toBe('/en/teil/t3/');
  });

  it('gives each class its range as a formula and in words, following the rule at each threshold', () => {
    expect(cellTexts(de.classes.tables[0] as TableModel)).toEqual([
      ['gering', 'A', 'z < −1,0', 'unter −1,0'],
      ['mittel', 'B', '−1,0 ≤ z ≤ 1,0', 'ab −1,0 bis 1,0'],
      ['hoch', 'C', 'z > 1,0', 'über 1,0'],
    ]);
    expect(cellTexts(en.classes.tables[0] as TableModel).map((r) => r[3])).toEqual([
      'below −1.0',
      'from −1.0 up to 1.0',
      'above 1.0',
    ]);
    expect(de.classes.rule).toBe('Ein Wert genau auf einer Grenze: −1,0 gehört zu „mittel“; 1,0 gehört zu „mittel“.');
    expect(en.classes.rule).toBe('A value exactly at a limit: −1.0 belongs to "medium"; 1.0 belongs to "medium".');
    expect(de.classes.nearest).toEqual([
      '2023: am knappsten lag Hafen (t3) mit z = 1,3005, 0,3005 von der Grenze 1,0 entfernt.',
    ]);
  });

  it('counts and lists the unclassified units with the reason', () => {
    expect(de.unclassified.editions).toEqual([
      {
        summary: '2023: 1 Stadtteil nicht eingestuft',
        items: [{ unit: { text: 'Süd (t4)', href: '/teil/t4/' }, reason: 'Quote: geheim gehalten' }],
      },
    ]);
    expect(de.method.steps.at(-1)).toContain('Stadtteile, denen ein Eingangswert fehlt, werden nicht eingestuft');
  });

  it('shows computed and published counts per class, and links inputs and results to the list of indicators', () => {
    expect(cellTexts(de.distribution.table)).toEqual([
      ['A gering', '1 (veröffentlicht: 1)'],
      ['B mittel', '1 (veröffentlicht: 2)'],
      ['C hoch', '1 (veröffentlicht: 0)'],
    ]);
    expect(de.inputs?.table.rows[0]?.cells[0]?.parts).toEqual([
      { text: 'Quote', href: '/daten/#merkmal-quote', lang: undefined },
    ]);
    expect(en.outputs.links.map((l) => l.href)).toEqual([
      '/en/daten/#merkmal-belastung-wert',
      '/en/daten/#merkmal-belastung-klasse',
    ]);
  });

  it('names the source with its attribution, and the level in lower case inside English sentences', () => {
    expect(de.source?.text).toContain('Amt für Statistik. Amt (erfunden).');
    expect(en.method.steps.at(-1)).toMatch(/^Districts lacking an input value are not classified/);
    expect(en.results.universe).toEqual([
      '2023: standardised and classified were 3 districts, exactly those that "Veröffentlichter Index" classifies.',
    ]);
  });

  it('marks configured texts without English as German on the English page', () => {
    expect(en.lede).toEqual({ text: 'Erfunden.', lang: 'de' });
    expect(en.title).toEqual({ text: 'Strain index', lang: undefined });
  });
});

describe('buildIndexOverview() and formatShare()', () => {
  it('lists each index with its page, level, editions and agreement', () => {
    const o = buildIndexOverview(ctx, 'de');
    expect(o.ids).toEqual(['belastung']);
    expect(o.table.rows[0]?.head[0]?.href).toBe('/methoden/belastung/');
    expect(cellTexts(o.table)).toEqual([['Belastungsindex', 'Stadtteile', '2023', '2023: 2 von 3 (66,6\u202f%)']]);
  });

  it('formatShare() says 100 % only when all agree: 999 of 1000 is 99,9 %', () => {
    expect(formatShare(436, 436, 'de')).toBe('100\u202f%');
    expect(formatShare(999, 1000, 'de')).toBe('99,9\u202f%');
    expect(formatShare(9999, 10000, 'en')).toBe('99.9%');
    expect(formatShare(530, 534, 'en')).toBe('99.2%');
  });
});
